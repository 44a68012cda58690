//! ACC-3: an account's record checked whole (seed 002: characteristics, responsibles,
//! contacts, relationships, areas of interest, unmet needs, documents), every problem
//! at once, each at its path inside the input (`account.contacts[1].email`).

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::Result;
use crate::identifiers::{is_valid_cpf, normalize_email, normalize_phone, search_key};
use crate::model::{AccountRecord, Classification};

/// What is wrong with a field of an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    /// Empty or only blanks where a value is needed.
    Missing,
    /// Not a valid CPF, e-mail or phone.
    Invalid,
    /// A label of the fourth kind on an account not classified `other`.
    NotAllowed,
    /// Given twice: a responsible, the other account of a relationship, an area.
    Duplicate,
    /// A relationship of the account with itself.
    SelfRelationship,
    /// A characteristic or an area outside the policy's catalogue.
    NotInCatalogue,
    /// An area marked both interested and not interested.
    Conflict,
}

impl ProblemCode {
    fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ProblemCode::Missing, Lang::Pt) => "ausente",
            (ProblemCode::Missing, Lang::En) => "missing",
            (ProblemCode::Invalid, Lang::Pt) => "inválido",
            (ProblemCode::Invalid, Lang::En) => "invalid",
            (ProblemCode::NotAllowed, Lang::Pt) => "só para a classificação outros",
            (ProblemCode::NotAllowed, Lang::En) => "only for the classification other",
            (ProblemCode::Duplicate, Lang::Pt) => "repetido",
            (ProblemCode::Duplicate, Lang::En) => "repeated",
            (ProblemCode::SelfRelationship, Lang::Pt) => "relacionamento com a própria conta",
            (ProblemCode::SelfRelationship, Lang::En) => "relationship with the account itself",
            (ProblemCode::NotInCatalogue, Lang::Pt) => "fora do catálogo",
            (ProblemCode::NotInCatalogue, Lang::En) => "not in the catalogue",
            (ProblemCode::Conflict, Lang::Pt) => "com interesse e desinteresse ao mesmo tempo",
            (ProblemCode::Conflict, Lang::En) => "both interested and not interested",
        }
    }
}

/// One problem of an account's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AccountProblem {
    /// Where, inside the input: `account.contacts[1].email`, `account.characteristics[0]`.
    pub path: String,
    /// What is wrong.
    pub code: ProblemCode,
    /// The offending value as given (`null` for a missing one).
    pub value: Option<String>,
}

/// Outcome of `account.validate`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AccountCheck {
    /// No problems.
    pub valid: bool,
    /// Every problem, in the order of the record's fields.
    pub problems: Vec<AccountProblem>,
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// The problems found so far.
#[derive(Default)]
struct Problems(Vec<AccountProblem>);

impl Problems {
    fn add(&mut self, path: String, code: ProblemCode, value: Option<&str>) {
        self.0.push(AccountProblem { path, code, value: value.map(str::to_owned) });
    }

    /// `missing` when `value` is blank; true when it is not.
    fn required(&mut self, path: impl FnOnce() -> String, value: &str) -> bool {
        if blank(value) {
            self.add(path(), ProblemCode::Missing, None);
            return false;
        }
        true
    }
}

/// A catalogue of the policy, folded once: `None` when empty (anything goes).
fn catalogue(entries: &[String]) -> Option<HashSet<String>> {
    (!entries.is_empty()).then(|| entries.iter().map(|e| search_key(e)).collect())
}

/// Checks an account's record (ACC-3): every problem at once, in field order.
pub fn validate_account(ctx: &Context, account: &AccountRecord) -> Result<Decision<AccountCheck>> {
    let policy = &ctx.policy().accounts;
    let mut p = Problems::default();
    p.required(|| "account.id".into(), &account.id);
    p.required(|| "account.name".into(), &account.name);
    match (account.classification, account.other_label.as_deref()) {
        (Classification::Other, label) => {
            p.required(|| "account.other_label".into(), label.unwrap_or_default());
        }
        (_, Some(label)) if !blank(label) => p.add("account.other_label".into(), ProblemCode::NotAllowed, Some(label)),
        _ => {}
    }
    let mut seen = HashSet::new();
    for (i, r) in account.responsibles.iter().enumerate() {
        if p.required(|| format!("account.responsibles[{i}]"), r) && !seen.insert(r.as_str()) {
            p.add(format!("account.responsibles[{i}]"), ProblemCode::Duplicate, Some(r));
        }
    }
    for (i, c) in account.contacts.iter().enumerate() {
        let at = |field: &str| format!("account.contacts[{i}].{field}");
        p.required(|| at("name"), &c.name);
        if let Some(cpf) = c.cpf.as_deref().filter(|v| !blank(v)) {
            if !is_valid_cpf(cpf) {
                p.add(at("cpf"), ProblemCode::Invalid, Some(cpf));
            }
        }
        if let Some(email) = c.email.as_deref().filter(|v| !blank(v)) {
            if normalize_email(email).is_err() {
                p.add(at("email"), ProblemCode::Invalid, Some(email));
            }
        }
        for (j, phone) in c.phones.iter().enumerate() {
            if p.required(|| at(&format!("phones[{j}]")), phone) && normalize_phone(phone).is_err() {
                p.add(at(&format!("phones[{j}]")), ProblemCode::Invalid, Some(phone));
            }
        }
    }
    let mut related = HashSet::new();
    for (i, r) in account.relationships.iter().enumerate() {
        let at = |field: &str| format!("account.relationships[{i}].{field}");
        if p.required(|| at("account"), &r.account) {
            if r.account == account.id {
                p.add(at("account"), ProblemCode::SelfRelationship, Some(&r.account));
            } else if !related.insert(r.account.as_str()) {
                p.add(at("account"), ProblemCode::Duplicate, Some(&r.account));
            }
        }
        p.required(|| at("reason"), &r.reason);
    }
    let characteristics = catalogue(&policy.characteristics);
    for (i, c) in account.characteristics.iter().enumerate() {
        if p.required(|| format!("account.characteristics[{i}]"), c)
            && characteristics.as_ref().is_some_and(|cat| !cat.contains(&search_key(c)))
        {
            p.add(format!("account.characteristics[{i}]"), ProblemCode::NotInCatalogue, Some(c));
        }
    }
    let areas = catalogue(&policy.interest_areas);
    let mut interests: HashMap<String, bool> = HashMap::new();
    for (i, a) in account.interests.iter().enumerate() {
        let at = || format!("account.interests[{i}].area");
        if !p.required(at, &a.area) {
            continue;
        }
        let key = search_key(&a.area);
        if areas.as_ref().is_some_and(|cat| !cat.contains(&key)) {
            p.add(at(), ProblemCode::NotInCatalogue, Some(&a.area));
        }
        match interests.get(&key) {
            Some(&first) if first == a.interested => p.add(at(), ProblemCode::Duplicate, Some(&a.area)),
            Some(_) => p.add(at(), ProblemCode::Conflict, Some(&a.area)),
            None => {
                interests.insert(key, a.interested);
            }
        }
    }
    for (i, need) in account.unmet_needs.iter().enumerate() {
        p.required(|| format!("account.unmet_needs[{i}]"), need);
    }
    for (i, d) in account.documents.iter().enumerate() {
        p.required(|| format!("account.documents[{i}].name"), &d.name);
        p.required(|| format!("account.documents[{i}].kind"), &d.kind);
    }
    let problems = p.0;
    let reason = reason(&account.id, &problems);
    Ok(Decision::new(AccountCheck { valid: problems.is_empty(), problems }, vec![reason]))
}

/// The one ACC-3 reason: valid, or the list of problems.
fn reason(id: &str, problems: &[AccountProblem]) -> Reason {
    let (account, listed) = (id.to_owned(), problems.to_vec());
    Reason::lazy("ACC-3", move |lang| {
        if listed.is_empty() {
            return match lang {
                Lang::Pt => format!("Cadastro da conta {account} completo e válido."),
                Lang::En => format!("The record of account {account} is complete and valid."),
            };
        }
        let list: Vec<String> = listed
            .iter()
            .map(|p| match &p.value {
                Some(v) => format!("{} “{v}”: {}", p.path, p.code.describe(lang)),
                None => format!("{}: {}", p.path, p.code.describe(lang)),
            })
            .collect();
        match lang {
            Lang::Pt => format!("Cadastro da conta {account} com {} problema(s): {}.", listed.len(), list.join("; ")),
            Lang::En => {
                format!("The record of account {account} has {} problem(s): {}.", listed.len(), list.join("; "))
            }
        }
    })
    .fact("account", id)
    .fact("count", problems.len())
    .fact_json("problems", problems)
}
