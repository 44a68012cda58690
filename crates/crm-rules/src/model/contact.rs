//! A client getting in touch (receptivo) — seed 001, sales §1, §3, §8–9.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Account, User};

/// How the client got in touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Chat.
    Chat,
    /// E-mail.
    Email,
    /// Phone call.
    Phone,
    /// WhatsApp.
    Whatsapp,
}

/// Who is asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Requester {
    /// The account holder (titular).
    #[default]
    Holder,
    /// Someone else on the holder's behalf (terceiro).
    ThirdParty,
}

/// A sale the client asks for.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SaleRequest {
    /// Discount asked for, in centavos.
    #[serde(default)]
    pub discount_centavos: u64,
    /// The sale comes through a dispatch campaign (campanha de disparo).
    #[serde(default)]
    pub via_dispatch_campaign: bool,
}

fn yes() -> bool {
    true
}

/// What the client asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactRequest {
    /// Channel.
    pub channel: Channel,
    /// The product/service asked about.
    pub subject: String,
    /// The client has decided; `false` when only gathering prices (RCP-3).
    #[serde(default = "yes")]
    pub decided: bool,
    /// Holder or third party.
    #[serde(default)]
    pub requester: Requester,
    /// Registration data the requester confirmed, by field.
    #[serde(default)]
    pub confirmed_data: BTreeMap<String, String>,
    /// Changes to registration fields asked for.
    #[serde(default)]
    pub field_changes: BTreeMap<String, String>,
    /// A sale asked for (of `subject`).
    #[serde(default)]
    pub sale: Option<SaleRequest>,
}

/// Everything known at the moment a client gets in touch: the input of every
/// `contact.*` rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InboundContact {
    /// The day of the contact.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub on: NaiveDate,
    /// User attending now.
    pub attendant: String,
    /// The agendamento owner answered the transfer (RCP-1, COM-3).
    #[serde(default = "yes")]
    pub owner_responded: bool,
    /// Seller who closed the sale (COM-1, COM-4); default: the routed user.
    #[serde(default)]
    pub closed_by: Option<String>,
    /// Seller of the initial handling (COM-2); default: the agendamento's owner.
    #[serde(default)]
    pub initial_handler: Option<String>,
    /// The users (teams and availability).
    #[serde(default)]
    pub users: Vec<User>,
    /// The account.
    pub account: Account,
    /// The request.
    pub contact: ContactRequest,
}

impl InboundContact {
    /// The user with this id.
    pub fn user(&self, id: &str) -> Option<&User> {
        self.users.iter().find(|u| u.id == id)
    }
}
