//! Policy of accounts (ACC) and losses (DSC): the catalogues of the registration area,
//! the classification moves, and the pending matters and reasons of a loss.

use serde::{Deserialize, Serialize};

use crate::error::{CrmError, Result};
use crate::model::Classification;

/// Accounts (ACC-1, ACC-3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct AccountsPolicy {
    /// ACC-3: the characteristics an account may have ("parametrizadas na área de
    /// cadastros"); an entry outside it is an error naming it. Empty: no catalogue, any.
    pub characteristics: Vec<String>,
    /// ACC-3: the areas of interest (the company's areas in the market); empty: any.
    pub interest_areas: Vec<String>,
    /// ACC-1: the classification changes allowed (a sale makes any account a client,
    /// whatever this table says).
    pub transitions: Vec<ClassificationMove>,
}

/// One allowed change of classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassificationMove {
    /// From.
    pub from: Classification,
    /// To.
    pub to: Classification,
}

impl Default for AccountsPolicy {
    /// Lead → Prospect → Client, and Other to and from any.
    fn default() -> Self {
        use Classification::{Client, Lead, Other, Prospect};
        let mv = |from, to| ClassificationMove { from, to };
        AccountsPolicy {
            characteristics: Vec::new(),
            interest_areas: Vec::new(),
            transitions: vec![
                mv(Lead, Prospect),
                mv(Prospect, Client),
                mv(Lead, Other),
                mv(Prospect, Other),
                mv(Client, Other),
                mv(Other, Lead),
                mv(Other, Prospect),
                mv(Other, Client),
            ],
        }
    }
}

/// Losses: clients who came back only to settle a pending matter (DSC-1..3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct LossesPolicy {
    /// DSC-1: the pending matters that make a returning client a loss to analyse.
    pub pending_matters: Vec<String>,
    /// DSC-2: the loss reasons to choose from (or `other` with a text).
    pub loss_reasons: Vec<String>,
    /// DSC-3: a loss is due for review this many days after it was recorded or last
    /// reviewed.
    pub review_every_days: u32,
}

impl Default for LossesPolicy {
    fn default() -> Self {
        let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect();
        LossesPolicy {
            pending_matters: s(&["pós-venda", "NCC", "chamado", "troca de pagamento", "assistência técnica"]),
            loss_reasons: s(&["NCC", "boleto negado", "retorno do mesmo dia"]),
            review_every_days: 30,
        }
    }
}

/// Checks the accounts and losses sections (paths start with `policy.`).
pub(crate) fn validate(accounts: &AccountsPolicy, losses: &LossesPolicy) -> Result<()> {
    for (list, values) in [
        ("accounts.characteristics", &accounts.characteristics),
        ("accounts.interest_areas", &accounts.interest_areas),
        ("losses.pending_matters", &losses.pending_matters),
        ("losses.loss_reasons", &losses.loss_reasons),
    ] {
        if let Some(i) = values.iter().position(|v| v.trim().is_empty()) {
            return Err(CrmError::policy(format!("policy.{list}[{i}]"), "must not be empty"));
        }
    }
    if losses.loss_reasons.is_empty() {
        return Err(CrmError::policy("policy.losses.loss_reasons", "at least one reason is needed"));
    }
    if losses.review_every_days == 0 || losses.review_every_days > super::MAX_DAYS {
        return Err(CrmError::policy(
            "policy.losses.review_every_days",
            format!("must be between 1 and {} days", super::MAX_DAYS),
        ));
    }
    Ok(())
}
