//! Quotes (orçamentos) and sales — seed 003 ("nova venda", "orçamento"), 000 §2
//! (ORC-1, ORC-2). Money is integer centavos; every total is computed with checked
//! arithmetic and an overflow is an input error naming the field.

use serde::{Deserialize, Serialize};

use crate::error::{CrmError, Result};

/// Where a version of a quote stands (ORC-1, ORC-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuoteStatus {
    /// "Em aprovação": the current version, not approved yet.
    AwaitingApproval,
    /// "Aprovado": the quote became a sale.
    Approved,
    /// An earlier version, replaced by a newer one: never approved nor used (ORC-2).
    Superseded,
}

impl QuoteStatus {
    /// The name used in JSON, e.g. `awaiting_approval`.
    pub fn name(self) -> &'static str {
        match self {
            QuoteStatus::AwaitingApproval => "awaiting_approval",
            QuoteStatus::Approved => "approved",
            QuoteStatus::Superseded => "superseded",
        }
    }
}

/// One line of a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteItem {
    /// The product or service.
    pub description: String,
    /// How many (at least 1).
    pub quantity: u32,
    /// Price of one unit, in centavos.
    pub unit_price_centavos: u64,
    /// Discount on the whole line, in centavos (never more than the line).
    #[serde(default)]
    pub discount_centavos: u64,
}

impl QuoteItem {
    /// quantity × unit price − discount, in centavos; `None` when that overflows or the
    /// discount exceeds the line (then [`QuoteItem::total_centavos`] says which).
    pub fn checked_total(&self) -> Option<u64> {
        u64::from(self.quantity).checked_mul(self.unit_price_centavos)?.checked_sub(self.discount_centavos)
    }

    /// quantity × unit price − discount, in centavos; `path` is where the item sits in
    /// the input (`items[0]`), for the errors.
    pub fn total_centavos(&self, path: &str) -> Result<u64> {
        let gross = u64::from(self.quantity).checked_mul(self.unit_price_centavos).ok_or_else(|| {
            CrmError::invalid(
                format!("{path}.unit_price_centavos"),
                "quantity × unit price exceeds the largest amount of centavos supported",
            )
        })?;
        gross.checked_sub(self.discount_centavos).ok_or_else(|| {
            CrmError::invalid(
                format!("{path}.discount_centavos"),
                format!(
                    "the discount ({} centavos) exceeds the line (quantity × unit price = {gross} centavos)",
                    self.discount_centavos
                ),
            )
        })
    }
}

/// The total of `items` in centavos: the sum of each line minus its discount. `path`
/// is where the list sits in the input (`items`, `changes.items`, `quotes[1].items`).
pub fn items_total(items: &[QuoteItem], path: &str) -> Result<u64> {
    // Summed without building any path; on a failure, again with paths for the error.
    if let Some(total) = checked_items_total(items) {
        return Ok(total);
    }
    let mut total: u64 = 0;
    for (i, item) in items.iter().enumerate() {
        let line = item.total_centavos(&format!("{path}[{i}]"))?;
        total = total
            .checked_add(line)
            .ok_or_else(|| CrmError::invalid(path, "the total exceeds the largest amount of centavos supported"))?;
    }
    Ok(total)
}

/// The total of `items` in centavos, or `None` when a line or the sum overflows or a
/// discount exceeds its line ([`items_total`] says where).
pub fn checked_items_total(items: &[QuoteItem]) -> Option<u64> {
    items.iter().try_fold(0u64, |sum, item| sum.checked_add(item.checked_total()?))
}

/// One version of a quote (orçamento). Every version of a quote shares its `id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// The quote's identifier (the same for all its versions).
    pub id: String,
    /// The account's id.
    pub account: String,
    /// Version, from 1; each edit creates the next (ORC-2).
    pub version: u32,
    /// Where this version stands.
    pub status: QuoteStatus,
    /// The lines.
    pub items: Vec<QuoteItem>,
    /// Payment conditions (condições), required to approve (000 §2).
    #[serde(default)]
    pub conditions: Option<String>,
    /// The user who created this version.
    pub created_by: String,
}

impl Quote {
    /// The total of this version in centavos (see [`items_total`]).
    pub fn total_centavos(&self, path: &str) -> Result<u64> {
        items_total(&self.items, &format!("{path}.items"))
    }
}

/// A closed sale: an approved quote, with its value and conditions (ORC-1, 000 §2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sale {
    /// The quote's id.
    pub quote: String,
    /// The version approved.
    pub version: u32,
    /// The value of the sale, in centavos (the quote's total).
    pub value_centavos: u64,
    /// The payment conditions.
    pub conditions: String,
}
