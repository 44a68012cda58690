//! The money of ATD-4: the value of an atendimento (its current quote version) and
//! the pipeline's "a receber" (its current versions awaiting approval), in centavos,
//! with checked arithmetic.
//!
//! A quote's *current version* is its highest `version` among the versions registered
//! on the atendimento (ORC-2: each edit creates the next one and supersedes the
//! earlier); two versions of one quote with the same number are a malformed input. The
//! atendimento's value is the total of the current version of the quote registered
//! last (the latest `on`; on the same day, the one listed later).

use std::collections::HashMap;

use super::types::Receivable;
use crate::error::{CrmError, Result};
use crate::model::{checked_items_total, Atendimento, Quote, QuoteStatus};

/// Up to this many quotes on an atendimento, versions are matched without hashing.
const FEW: usize = 16;

/// Scratch space reused from one atendimento to the next (no allocation per one).
pub(crate) struct Money<'a> {
    /// Quote id → its entry in `current`.
    by_id: HashMap<&'a str, usize>,
    /// Index in `quotes` of each quote's current version, in order of first appearance.
    current: Vec<usize>,
}

impl<'a> Money<'a> {
    pub(crate) fn new() -> Self {
        Money { by_id: HashMap::new(), current: Vec::new() }
    }

    /// Looks at the quotes of `a` (at `atendimentos[i]` in the input): returns its value
    /// when `value` is asked for, and adds its current versions awaiting approval to
    /// `receivable` when one is given.
    pub(crate) fn scan(
        &mut self,
        a: &'a Atendimento,
        i: usize,
        value: bool,
        receivable: Option<&mut Receivable>,
    ) -> Result<Option<u64>> {
        if a.quotes.is_empty() || (!value && receivable.is_none()) {
            return Ok(None);
        }
        self.current_versions(a, i)?;
        let mut shown = None;
        if value {
            // The current version registered last (ties: the later listed).
            let last = self.current.iter().copied().filter_map(|k| a.quotes.get(k).map(|q| (q.on, k))).max();
            if let Some((_, k)) = last {
                if let Some(q) = a.quotes.get(k) {
                    shown = Some(total(&q.quote, i, k)?);
                }
            }
        }
        if let Some(r) = receivable {
            for &k in &self.current {
                let Some(q) = a.quotes.get(k) else { continue };
                if q.quote.status != QuoteStatus::AwaitingApproval {
                    continue;
                }
                let amount = total(&q.quote, i, k)?;
                r.centavos = r.centavos.checked_add(amount).ok_or_else(|| {
                    CrmError::invalid(
                        format!("atendimentos[{i}].quotes[{k}]"),
                        "the pipeline's total a receber exceeds the largest amount of centavos supported",
                    )
                })?;
                r.quotes += 1;
            }
        }
        Ok(shown)
    }

    /// Fills `current` with the index of each quote's highest version.
    fn current_versions(&mut self, a: &'a Atendimento, i: usize) -> Result<()> {
        self.by_id.clear();
        self.current.clear();
        // A few quotes (the usual case): found by a look through `current`, no hashing;
        // more: through `by_id`, so that the cost stays linear.
        let few = a.quotes.len() <= FEW;
        for (k, q) in a.quotes.iter().enumerate() {
            let id = q.quote.id.as_str();
            let known = if few {
                self.current.iter().position(|&c| a.quotes.get(c).is_some_and(|h| h.quote.id == id))
            } else {
                self.by_id.get(id).copied()
            };
            let Some(entry) = known else {
                if !few {
                    self.by_id.insert(id, self.current.len());
                }
                self.current.push(k);
                continue;
            };
            let Some(slot) = self.current.get_mut(entry) else { continue };
            let held = a.quotes.get(*slot).map_or(0, |h| h.quote.version);
            if q.quote.version == held {
                return Err(CrmError::invalid(
                    format!("atendimentos[{i}].quotes[{k}].quote.version"),
                    format!("quote {} has version {} twice on this atendimento (ORC-2)", q.quote.id, held),
                ));
            }
            if q.quote.version > held {
                *slot = k;
            }
        }
        Ok(())
    }
}

/// The total of `q` (at `atendimentos[i].quotes[k].quote`) in centavos, the path
/// written only for an error (an overflow, a discount larger than its line).
pub(crate) fn total(q: &Quote, i: usize, k: usize) -> Result<u64> {
    match checked_items_total(&q.items) {
        Some(t) => Ok(t),
        None => q.total_centavos(&format!("atendimentos[{i}].quotes[{k}].quote")),
    }
}
