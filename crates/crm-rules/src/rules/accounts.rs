//! Accounts — ACC-1, ACC-2, ACC-3 (seed 002, "Gerenciamento de contas").
//!
//! - ACC-3 (`account.validate`, [`validate::validate_account`]): an account's record
//!   checked whole — contacts, relationships, characteristics, interests, unmet needs,
//!   documents — every problem at once, each with its path inside the input.
//! - ACC-2 (`account.access`, `account.visible`): the portfolio check of
//!   [`access`](crate::rules::access), for one account and an action, or over a list.
//! - ACC-1 (`account.classify`, `account.after_sale`, [`classify`]): a change of
//!   classification along `Policy.accounts.transitions`, and the sale that makes any
//!   account a client; both check access first.
//! - ACC-3 (`account.relationships`): an account's relationships seen from both sides.

use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::{CrmError, Result};
use crate::model::{AccountRecord, Classification, PortfolioUser};
use crate::rules::access;

pub mod classify;
pub mod validate;

#[cfg(test)]
mod tests;

pub use classify::{after_sale, classify, ClassificationChange};
pub use validate::{validate_account, AccountCheck, AccountProblem, ProblemCode};

crate::rules! {
    pub(crate) RULES = [
        {
            name: "account.validate",
            ids: ["ACC-3"],
            pt: "Confere o cadastro de uma conta: todos os problemas de uma vez, com o caminho de cada um.",
            en: "Checks an account's record: every problem at once, each with its path.",
            python: "validate_account(account)",
            js: "validateAccount",
            input: ValidateAccountInput,
            outcome: AccountCheck,
            run: |ctx, i| validate_account(ctx, &i.account),
        },
        {
            name: "account.access",
            ids: ["ACC-2"],
            pt: "Se o usuário pode ler ou alterar a conta (responsável ou abrangência da carteira).",
            en: "Whether the user may read or write the account (responsible, or the portfolio's reach).",
            python: "account_access(user, account, action)",
            js: "accountAccess",
            input: AccountAccessInput,
            outcome: AccountAccess,
            run: |ctx, i| account_access(ctx, &i.user, &i.account, i.action),
        },
        {
            name: "account.visible",
            ids: ["ACC-2"],
            pt: "As contas que o usuário pode ver, na ordem dada, e quantas ficam ocultas.",
            en: "The accounts the user may see, in the order given, and how many are hidden.",
            python: "visible_accounts(user, accounts)",
            js: "visibleAccounts",
            input: VisibleAccountsInput,
            outcome: VisibleAccounts,
            run: |ctx, i| visible_accounts(ctx, &i.user, &i.accounts),
        },
        {
            name: "account.classify",
            ids: ["ACC-1", "ACC-2"],
            pt: "Muda a classificação de uma conta, se o usuário tem acesso e a mudança é permitida.",
            en: "Changes an account's classification, when the user has access and the move is allowed.",
            python: "classify_account(user, account, to, other_label=None)",
            js: "classifyAccount",
            input: ClassifyAccountInput,
            outcome: ClassificationChange,
            run: |ctx, i| classify(ctx, &i.user, &i.account, i.to, i.other_label.as_deref()),
        },
        {
            name: "account.after_sale",
            ids: ["ACC-1", "ACC-2"],
            pt: "Uma venda torna a conta cliente, qualquer que seja a classificação anterior.",
            en: "A sale makes the account a client, whatever its classification was.",
            python: "account_after_sale(user, account)",
            js: "accountAfterSale",
            input: AccountAfterSaleInput,
            outcome: ClassificationChange,
            run: |ctx, i| after_sale(ctx, &i.user, &i.account),
        },
        {
            name: "account.relationships",
            ids: ["ACC-3", "ACC-2"],
            pt: "Os relacionamentos de uma conta vistos dos dois lados: os que ela declara e os que apontam para ela, das contas que o usuário pode ver.",
            en: "An account's relationships seen from both sides: those it declares and those pointing to it, from the accounts the user may see.",
            python: "account_relationships(user, account, accounts)",
            js: "accountRelationships",
            input: AccountRelationshipsInput,
            outcome: AccountRelationships,
            run: |ctx, i| account_relationships(ctx, &i.user, &i.account, &i.accounts),
        },
    ];
}

/// Input of `account.validate`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValidateAccountInput {
    /// The account to check.
    pub account: AccountRecord,
}

/// What a user wants to do with an account (ACC-2: the same rule for both).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AccountAction {
    /// Read the account (see it, open its details and history).
    Read,
    /// Change the account.
    Write,
}

impl AccountAction {
    /// The name used in JSON, e.g. `read`.
    pub fn name(self) -> &'static str {
        match self {
            AccountAction::Read => "read",
            AccountAction::Write => "write",
        }
    }
}

/// Input of `account.access`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountAccessInput {
    /// The user asking.
    pub user: PortfolioUser,
    /// The account.
    pub account: AccountRecord,
    /// What the user wants to do: `read` or `write`.
    pub action: AccountAction,
}

/// Input of `account.visible`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VisibleAccountsInput {
    /// The user asking.
    pub user: PortfolioUser,
    /// The accounts to look through.
    pub accounts: Vec<AccountRecord>,
}

/// Input of `account.classify`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassifyAccountInput {
    /// The user making the change (must have access to the account, ACC-2).
    pub user: PortfolioUser,
    /// The account as it is now.
    pub account: AccountRecord,
    /// The new classification.
    pub to: Classification,
    /// The name of the fourth kind: required (not blank) when `to` is `other`, and
    /// given only then.
    #[serde(default)]
    pub other_label: Option<String>,
}

/// Input of `account.after_sale`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountAfterSaleInput {
    /// The user registering the sale (must have access to the account, ACC-2).
    pub user: PortfolioUser,
    /// The account the sale was made to, as it is now.
    pub account: AccountRecord,
}

/// Input of `account.relationships`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountRelationshipsInput {
    /// The user asking (must have access to the account, ACC-2).
    pub user: PortfolioUser,
    /// The id of the account whose relationships are wanted (one of `accounts`).
    pub account: String,
    /// The accounts: the one asked about and those that may point to it.
    pub accounts: Vec<AccountRecord>,
}

/// Outcome of `account.access`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AccountAccess {
    /// The user may do the action on the account.
    pub allowed: bool,
}

/// Outcome of `account.visible`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VisibleAccounts {
    /// The ids of the accounts the user may see, in input order.
    pub visible: Vec<String>,
    /// How many accounts the user may not see.
    pub hidden: usize,
}

/// Outcome of `account.relationships`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AccountRelationships {
    /// The user may read the account (ACC-2); when not, nothing else is answered.
    pub allowed: bool,
    /// Its relationships: outgoing in declaration order, then incoming in input order
    /// (only those declared on accounts the user may see).
    pub relationships: Vec<RelatedAccount>,
    /// Incoming relationships left out: declared on accounts the user may not see.
    pub hidden: usize,
}

/// From which side a relationship was declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Declared on the account asked about, naming the other account.
    Outgoing,
    /// Declared on the other account, naming the account asked about.
    Incoming,
}

/// One relationship of an account, seen from that account (ACC-3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RelatedAccount {
    /// The other account's id.
    pub account: String,
    /// Why they are related, as declared.
    pub reason: String,
    /// `outgoing` (declared on this account) or `incoming` (declared on the other).
    pub direction: Direction,
}

/// Whether `user` may do `action` on `account` (ACC-2): the reason of the grant or of
/// the refusal, with the action as a fact.
pub fn account_access(
    _ctx: &Context,
    user: &PortfolioUser,
    account: &AccountRecord,
    action: AccountAction,
) -> Result<Decision<AccountAccess>> {
    let (allowed, reason) = match access::check(user, account) {
        Ok(reason) => (true, reason),
        Err(reason) => (false, reason),
    };
    Ok(Decision::new(AccountAccess { allowed }, vec![reason.fact("action", action.name())]))
}

/// The accounts `user` may see, in input order, and how many are hidden (ACC-2).
/// Linear in the number of accounts.
pub fn visible_accounts(
    _ctx: &Context,
    user: &PortfolioUser,
    accounts: &[AccountRecord],
) -> Result<Decision<VisibleAccounts>> {
    let visible: Vec<String> = accounts.iter().filter(|a| access::may_access(user, a)).map(|a| a.id.clone()).collect();
    let (shown, hidden) = (visible.len(), accounts.len() - visible.len());
    let who = user.id.clone();
    let reason = Reason::lazy("ACC-2", move |lang| match lang {
        Lang::Pt => format!(
            "{who} vê {shown} de {} conta(s); {hidden} oculta(s) por não serem da sua carteira.",
            shown + hidden
        ),
        Lang::En => {
            format!("{who} sees {shown} of {} account(s); {hidden} hidden, outside their portfolio.", shown + hidden)
        }
    })
    .fact("user", &user.id)
    .fact_json("scope", user.scope)
    .fact("visible", shown)
    .fact("hidden", hidden);
    Ok(Decision::new(VisibleAccounts { visible, hidden }, vec![reason]))
}

/// The relationships of the account `id` seen from both sides (ACC-3): those it
/// declares (outgoing, in declaration order), then those other accounts declare
/// towards it (incoming, in input order) — only from accounts `user` may see (ACC-2),
/// the others counted as hidden. The user must have access to the account itself,
/// else the answer is an explained refusal. Linear in the accounts and their
/// relationships. When several records share the id, the first is the account and
/// the others are ignored.
pub fn account_relationships(
    _ctx: &Context,
    user: &PortfolioUser,
    id: &str,
    accounts: &[AccountRecord],
) -> Result<Decision<AccountRelationships>> {
    let this = accounts
        .iter()
        .find(|a| a.id == id)
        .ok_or_else(|| CrmError::invalid("account", format!("no account with id `{id}` among `accounts`")))?;
    let granted = match access::check(user, this) {
        Ok(reason) => reason,
        Err(refusal) => {
            let none = AccountRelationships { allowed: false, relationships: Vec::new(), hidden: 0 };
            return Ok(Decision::new(none, vec![refusal]));
        }
    };
    let mut related: Vec<RelatedAccount> = this
        .relationships
        .iter()
        .map(|r| RelatedAccount {
            account: r.account.clone(),
            reason: r.reason.clone(),
            direction: Direction::Outgoing,
        })
        .collect();
    let outgoing = related.len();
    let mut hidden = 0usize;
    for other in accounts.iter().filter(|a| a.id != id) {
        let pointing = other.relationships.iter().filter(|r| r.account == id);
        if access::may_access(user, other) {
            related.extend(pointing.map(|r| RelatedAccount {
                account: other.id.clone(),
                reason: r.reason.clone(),
                direction: Direction::Incoming,
            }));
        } else {
            hidden += pointing.count();
        }
    }
    let incoming = related.len() - outgoing;
    let account = id.to_owned();
    let reason = Reason::lazy("ACC-3", move |lang| match lang {
        Lang::Pt => format!(
            "Conta {account}: {outgoing} relacionamento(s) declarado(s) por ela e {incoming} declarado(s) por outras contas visíveis ({hidden} de contas fora do acesso)."
        ),
        Lang::En => format!(
            "Account {account}: {outgoing} relationship(s) it declares and {incoming} declared by other visible accounts ({hidden} from accounts outside access)."
        ),
    })
    .fact("account", id)
    .fact("outgoing", outgoing)
    .fact("incoming", incoming)
    .fact("hidden", hidden);
    let answer = AccountRelationships { allowed: true, relationships: related, hidden };
    Ok(Decision::new(answer, vec![granted, reason]))
}
