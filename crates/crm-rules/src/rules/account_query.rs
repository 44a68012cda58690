//! Account queries — ACC-4: filter accounts by any combination of their fields
//! (ACC-3), restricted to the accounts the querying user may see (ACC-2).
//!
//! A query is one JSON object: a condition, or `and` / `or` / `not` of conditions.
//! It is checked and compiled once (its texts folded, its e-mail/phone/document
//! normalised, the accounts related to each `related_to` found in one pass), then run
//! over each visible account: the cost is linear in the number of accounts.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::{CrmError, Result};
use crate::identifiers::{normalize_email, normalize_phone, search_key};
use crate::model::{AccountRecord, Classification, PortfolioUser};
use crate::rules::access;

crate::rules! {
    pub(crate) RULES = [{
        name: "account.query",
        ids: ["ACC-4", "ACC-2"],
        pt: "Filtra as contas que o usuário pode ver por qualquer combinação de classificação, responsável, características, interesses, necessidades, relacionamentos, contatos e texto.",
        en: "Filters the accounts the user may see by any combination of classification, responsible, characteristics, interests, needs, relationships, contacts and text.",
        python: "query_accounts(user, accounts, query)",
        js: "queryAccounts",
        input: QueryAccountsInput,
        outcome: QueryOutcome,
        run: |ctx, i| query_accounts(ctx, &i.user, &i.accounts, &i.query),
    }];
}

/// Input of `account.query`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QueryAccountsInput {
    /// The user asking: only the accounts they may see are searched (ACC-2).
    pub user: PortfolioUser,
    /// The accounts to search.
    pub accounts: Vec<AccountRecord>,
    /// The query.
    pub query: Query,
}

/// A query over accounts: one condition (an object with one key), or a combination.
///
/// `{"and": [{"unmet_need": "Certificado digital"}, {"not": {"disinterested_in": "Tributário"}}]}`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Query {
    /// Every condition holds (at least one condition).
    And(Vec<Query>),
    /// Some condition holds (at least one condition).
    Or(Vec<Query>),
    /// The condition does not hold.
    Not(Box<Query>),
    /// Classified as this.
    Classification(Classification),
    /// This user is one of the responsibles.
    Responsible(String),
    /// Has this characteristic (accents and case ignored).
    Characteristic(String),
    /// Interested in this area.
    InterestedIn(String),
    /// Not interested in this area (a recorded disinterest).
    DisinterestedIn(String),
    /// Has this unmet need (possible offer; accents and case ignored).
    UnmetNeed(String),
    /// Related to this account, from either side.
    RelatedTo(String),
    /// Has a contact with this e-mail (compared normalised).
    ContactEmail(String),
    /// Has a contact with this phone (compared normalised).
    ContactPhone(String),
    /// Has a contact with this CPF (digits compared).
    ContactDocument(String),
    /// The text appears in the name, label, contacts' names, characteristics, unmet
    /// needs or documents' names (accents and case ignored).
    Text(String),
}

/// Outcome of `account.query`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QueryOutcome {
    /// The ids of the matching accounts the user may see, in input order.
    pub matches: Vec<String>,
    /// How many accounts the user may see (the ones searched).
    pub visible: usize,
    /// How many accounts were left out because the user may not see them.
    pub hidden: usize,
}

/// The deepest nesting of `and` / `or` / `not` accepted.
const MAX_DEPTH: usize = 32;

/// A query ready to run: texts folded, contacts normalised, relations found.
enum Compiled {
    And(Vec<Compiled>),
    Or(Vec<Compiled>),
    Not(Box<Compiled>),
    Classification(Classification),
    Responsible(String),
    Characteristic(String),
    Interest(String, bool),
    UnmetNeed(String),
    /// The ids related to the account, from either side (found over all accounts).
    RelatedTo(HashSet<String>),
    ContactEmail(String),
    ContactPhone(String),
    ContactDocument(String),
    Text(String),
}

fn not_blank(path: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(CrmError::invalid(path, "must not be empty"));
    }
    Ok(())
}

fn compile(q: &Query, path: &str, depth: usize, accounts: &[AccountRecord]) -> Result<Compiled> {
    if depth > MAX_DEPTH {
        return Err(CrmError::invalid(path, format!("nested more than {MAX_DEPTH} levels deep")));
    }
    let list = |qs: &[Query], key: &str| -> Result<Vec<Compiled>> {
        if qs.is_empty() {
            return Err(CrmError::invalid(format!("{path}.{key}"), "needs at least one condition"));
        }
        let mut out = Vec::with_capacity(qs.len());
        for (i, q) in qs.iter().enumerate() {
            out.push(compile(q, &format!("{path}.{key}[{i}]"), depth + 1, accounts)?);
        }
        Ok(out)
    };
    let text = |key: &str, v: &str| -> Result<String> {
        not_blank(&format!("{path}.{key}"), v)?;
        Ok(search_key(v))
    };
    Ok(match q {
        Query::And(qs) => Compiled::And(list(qs, "and")?),
        Query::Or(qs) => Compiled::Or(list(qs, "or")?),
        Query::Not(q) => Compiled::Not(Box::new(compile(q, &format!("{path}.not"), depth + 1, accounts)?)),
        Query::Classification(c) => Compiled::Classification(*c),
        Query::Responsible(u) => {
            not_blank(&format!("{path}.responsible"), u)?;
            Compiled::Responsible(u.clone())
        }
        Query::Characteristic(v) => Compiled::Characteristic(text("characteristic", v)?),
        Query::InterestedIn(v) => Compiled::Interest(text("interested_in", v)?, true),
        Query::DisinterestedIn(v) => Compiled::Interest(text("disinterested_in", v)?, false),
        Query::UnmetNeed(v) => Compiled::UnmetNeed(text("unmet_need", v)?),
        Query::Text(v) => Compiled::Text(text("text", v)?),
        Query::RelatedTo(id) => {
            not_blank(&format!("{path}.related_to"), id)?;
            Compiled::RelatedTo(related_to(id, accounts))
        }
        Query::ContactEmail(v) => {
            Compiled::ContactEmail(normalize_email(v).map_err(|e| e.relocated(&format!("{path}.contact_email")))?)
        }
        Query::ContactPhone(v) => {
            Compiled::ContactPhone(normalize_phone(v).map_err(|e| e.relocated(&format!("{path}.contact_phone")))?)
        }
        Query::ContactDocument(v) => {
            let digits = only_digits(v);
            not_blank(&format!("{path}.contact_document"), &digits)?;
            Compiled::ContactDocument(digits)
        }
    })
}

/// The ids of the accounts related to `id`: those it names and those naming it.
fn related_to(id: &str, accounts: &[AccountRecord]) -> HashSet<String> {
    let mut ids = HashSet::new();
    for a in accounts {
        if a.id == id {
            ids.extend(a.relationships.iter().map(|r| r.account.clone()));
        } else if a.relationships.iter().any(|r| r.account == id) {
            ids.insert(a.id.clone());
        }
    }
    ids
}

fn only_digits(v: &str) -> String {
    v.chars().filter(char::is_ascii_digit).collect()
}

/// Whether `key` (already folded) is among `values` once folded.
fn has_folded(values: &[String], key: &str) -> bool {
    values.iter().any(|v| search_key(v) == key)
}

impl Compiled {
    fn matches(&self, a: &AccountRecord) -> bool {
        match self {
            Compiled::And(qs) => qs.iter().all(|q| q.matches(a)),
            Compiled::Or(qs) => qs.iter().any(|q| q.matches(a)),
            Compiled::Not(q) => !q.matches(a),
            Compiled::Classification(c) => a.classification == *c,
            Compiled::Responsible(u) => a.responsibles.contains(u),
            Compiled::Characteristic(k) => has_folded(&a.characteristics, k),
            Compiled::Interest(k, interested) => {
                a.interests.iter().any(|i| i.interested == *interested && search_key(&i.area) == *k)
            }
            Compiled::UnmetNeed(k) => has_folded(&a.unmet_needs, k),
            Compiled::RelatedTo(ids) => ids.contains(&a.id),
            Compiled::ContactEmail(e) => {
                a.contacts.iter().filter_map(|c| c.email.as_deref()).any(|x| normalize_email(x).is_ok_and(|x| x == *e))
            }
            Compiled::ContactPhone(p) => {
                a.contacts.iter().flat_map(|c| c.phones.iter()).any(|x| normalize_phone(x).is_ok_and(|x| x == *p))
            }
            Compiled::ContactDocument(d) => {
                a.contacts.iter().filter_map(|c| c.cpf.as_deref()).any(|x| only_digits(x) == *d)
            }
            Compiled::Text(t) => searchable(a).any(|field| search_key(field).contains(t.as_str())),
        }
    }
}

/// The texts `text` searches in.
fn searchable(a: &AccountRecord) -> impl Iterator<Item = &str> {
    std::iter::once(a.name.as_str())
        .chain(a.other_label.as_deref())
        .chain(a.contacts.iter().map(|c| c.name.as_str()))
        .chain(a.characteristics.iter().map(String::as_str))
        .chain(a.unmet_needs.iter().map(String::as_str))
        .chain(a.documents.iter().map(|d| d.name.as_str()))
}

/// Runs `query` over the `accounts` that `user` may see (ACC-4, ACC-2). An invalid
/// query is an `input.invalid` error whose path names the bad condition
/// (`query.and[1].contact_email`).
///
/// ```
/// use crm_rules::rules::account_query::{query_accounts, Query};
/// use crm_rules::{AccountRecord, Classification, Context, PortfolioUser, Scope};
/// let account = |id: &str, need: &str| AccountRecord {
///     id: id.into(), name: id.into(), classification: Classification::Client, other_label: None,
///     responsibles: vec!["ana".into()], contacts: vec![], relationships: vec![], characteristics: vec![],
///     interests: vec![], unmet_needs: vec![need.into()], documents: vec![],
/// };
/// let accounts = [account("a1", "Certificado digital"), account("a2", "Treinamento")];
/// let ana = PortfolioUser { id: "ana".into(), scope: Scope::Own, team: vec![] };
/// let q = Query::UnmetNeed("certificado DIGITAL".into());
/// let d = query_accounts(&Context::default(), &ana, &accounts, &q).unwrap();
/// assert_eq!(d.outcome.matches, ["a1"]);
/// ```
pub fn query_accounts(
    _ctx: &Context,
    user: &PortfolioUser,
    accounts: &[AccountRecord],
    query: &Query,
) -> Result<Decision<QueryOutcome>> {
    let compiled = compile(query, "query", 0, accounts)?;
    let mut matches = Vec::new();
    let mut visible = 0usize;
    for a in accounts.iter().filter(|a| access::may_access(user, a)) {
        visible += 1;
        if compiled.matches(a) {
            matches.push(a.id.clone());
        }
    }
    let hidden = accounts.len() - visible;
    let found = matches.len();
    let reasons = vec![
        Reason::lazy("ACC-4", move |lang| match lang {
            Lang::Pt => format!("{found} de {visible} conta(s) visível(is) atendem à consulta."),
            Lang::En => format!("{found} of {visible} visible account(s) match the query."),
        })
        .fact("matches", found)
        .fact("visible", visible)
        .fact_json("query", query),
        {
            let who = user.id.clone();
            Reason::lazy("ACC-2", move |lang| match lang {
                Lang::Pt => format!("Consulta restrita à carteira de {who}: {hidden} conta(s) fora do seu acesso."),
                Lang::En => format!("Query restricted to {who}'s portfolio: {hidden} account(s) outside their access."),
            })
            .fact("user", &user.id)
            .fact("hidden", hidden)
        },
    ];
    Ok(Decision::new(QueryOutcome { matches, visible, hidden }, reasons))
}

#[cfg(test)]
mod tests;
