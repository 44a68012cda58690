//! Registration — CAD-1, CAD-3, CAD-6 (seed 000 §1, seed 001 general §6).
//!
//! - CAD-1: an initial atendimento needs name, phone, e-mail and contact reason; every
//!   missing or invalid field is reported at once.
//! - CAD-3: an atendimento can only be created for a contact already registered.
//! - CAD-6: duplicates are handled by the central team (`duplicates.team`), with the
//!   general onboarding checklist plus the duplicate-specific steps.

use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::{CrmError, Result};
use crate::identifiers::{clean_text, normalize_email, normalize_phone};

/// An initial atendimento as typed by the user.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct AtendimentoDraft {
    /// The registered contact it is for (CAD-3).
    pub contact_id: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// Phone, any spelling.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Reason for the contact.
    pub reason: Option<String>,
}

/// One problem of a registration, with the field's path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Problem {
    /// e.g. `atendimento.phone`.
    pub path: String,
    /// `missing`, `invalid` or `unregistered_contact`.
    #[schemars(extend("enum" = ["missing", "invalid", "unregistered_contact"]))]
    pub code: String,
}

/// The cleaned values (`None` where missing or invalid).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Normalized {
    /// Name, spaces cleaned, accents kept.
    pub name: Option<String>,
    /// E.164 phone.
    pub phone: Option<String>,
    /// Lower-case e-mail.
    pub email: Option<String>,
    /// Reason, spaces cleaned.
    pub reason: Option<String>,
}

/// Outcome of [`check_atendimento`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RegistrationCheck {
    /// No problems.
    pub accepted: bool,
    /// Every problem, in field order.
    pub problems: Vec<Problem>,
    /// The cleaned values.
    pub normalized: Normalized,
}

fn present(v: &Option<String>) -> Option<String> {
    v.as_deref().map(clean_text).filter(|s| !s.is_empty())
}

/// Input of `registration.check`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegistrationCheckInput {
    /// The atendimento as typed.
    pub atendimento: AtendimentoDraft,
    /// The ids of the contacts registered in the CRM.
    pub registered_contact_ids: Vec<String>,
}

/// Input of `duplicates.task`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DuplicateTaskInput {
    /// The ids of the duplicate records (at least two).
    pub records: Vec<String>,
}

crate::rules! {
    pub(crate) RULES = [
        {
            name: "registration.check",
            ids: ["CAD-1", "CAD-3"],
            pt: "Confere um atendimento inicial: todos os campos ausentes ou inválidos de uma vez.",
            en: "Checks an initial atendimento: every missing or invalid field at once.",
            python: "check_registration(atendimento, registered_contact_ids)",
            js: "checkRegistration",
            input: RegistrationCheckInput,
            outcome: RegistrationCheck,
            run: |ctx, i| check_atendimento(ctx, &i.atendimento, &i.registered_contact_ids),
        },
        {
            name: "duplicates.task",
            ids: ["CAD-6"],
            pt: "A tarefa de tratamento de um cadastro duplicado (equipe, checklist, passos).",
            en: "The task for handling a duplicate registration (team, checklist, steps).",
            python: "duplicate_task(records)",
            js: "duplicateTask",
            input: DuplicateTaskInput,
            outcome: DuplicateTask,
            run: |ctx, i| duplicate_task(ctx, &i.records),
        },
    ];
}

/// Checks an initial atendimento (CAD-1, CAD-3): every problem at once.
pub fn check_atendimento(
    _ctx: &Context,
    draft: &AtendimentoDraft,
    registered_contact_ids: &[String],
) -> Result<Decision<RegistrationCheck>> {
    let mut problems = Vec::new();
    let mut reasons = Vec::new();
    let problem = |field: &str, code: &str| Problem { path: format!("atendimento.{field}"), code: code.to_owned() };
    let registered = draft.contact_id.as_ref().is_some_and(|id| registered_contact_ids.iter().any(|r| r == id));
    if registered {
        reasons.push(
            Reason::new("CAD-3", "Contato já cadastrado.", "The contact is already registered.")
                .fact("contact_id", draft.contact_id.as_deref()),
        );
    } else {
        problems.push(problem("contact_id", "unregistered_contact"));
        reasons.push(
            Reason::new(
                "CAD-3",
                "O atendimento só pode ser criado para um contato já cadastrado.",
                "An atendimento can only be created for a contact that is already registered.",
            )
            .fact("contact_id", draft.contact_id.as_deref()),
        );
    }
    let name = present(&draft.name);
    if name.is_none() {
        problems.push(problem("name", "missing"));
    }
    let phone = match present(&draft.phone) {
        None => {
            problems.push(problem("phone", "missing"));
            None
        }
        Some(p) => match normalize_phone(&p) {
            Ok(e164) => Some(e164),
            Err(_) => {
                problems.push(problem("phone", "invalid"));
                None
            }
        },
    };
    let email = match present(&draft.email) {
        None => {
            problems.push(problem("email", "missing"));
            None
        }
        Some(e) => match normalize_email(&e) {
            Ok(n) => Some(n),
            Err(_) => {
                problems.push(problem("email", "invalid"));
                None
            }
        },
    };
    let reason = present(&draft.reason);
    if reason.is_none() {
        problems.push(problem("reason", "missing"));
    }
    let field_problems: Vec<&Problem> = problems.iter().filter(|p| p.code != "unregistered_contact").collect();
    reasons.push(if field_problems.is_empty() {
        Reason::new(
            "CAD-1",
            "Cadastro inicial completo: nome, telefone, e-mail e motivo do contato.",
            "Initial registration complete: name, phone, e-mail and contact reason.",
        )
    } else {
        let listed: Vec<Problem> = field_problems.iter().map(|p| (*p).clone()).collect();
        Reason::lazy("CAD-1", move |lang| {
            let list: Vec<String> = listed.iter().map(|p| format!("{} ({})", p.path, p.code)).collect();
            match lang {
                Lang::Pt => format!("Cadastro inicial incompleto ou inválido: {}.", list.join(", ")),
                Lang::En => format!("Initial registration incomplete or invalid: {}.", list.join(", ")),
            }
        })
        .fact_json("problems", &field_problems)
    });
    Ok(Decision::new(
        RegistrationCheck {
            accepted: problems.is_empty(),
            problems,
            normalized: Normalized { name, phone, email, reason },
        },
        reasons,
    ))
}

/// The task created for a duplicate registration (CAD-6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DuplicateTask {
    /// The team that handles it.
    pub team: String,
    /// The general onboarding checklist.
    pub checklist: Vec<String>,
    /// The duplicate-specific steps.
    pub duplicate_steps: Vec<String>,
}

/// The task for handling the duplicate `records` (CAD-6).
pub fn duplicate_task(ctx: &Context, records: &[String]) -> Result<Decision<DuplicateTask>> {
    if records.len() < 2 {
        return Err(CrmError::invalid("records", "a duplicate involves at least two records"));
    }
    let p = &ctx.policy().duplicates;
    let (listed, team) = (records.to_vec(), p.team.clone());
    let reason = Reason::lazy("CAD-6", move |lang| match lang {
        Lang::Pt => format!("Cadastro duplicado ({}): tratado pela equipe {}, com o checklist de onboarding e os passos de duplicidade.", listed.join(", "), team),
        Lang::En => format!("Duplicate registration ({}): handled by the {} team, with the onboarding checklist and the duplicate steps.", listed.join(", "), team),
    })
    .fact_json("records", records)
    .fact("team", &p.team);
    Ok(Decision::new(
        DuplicateTask {
            team: p.team.clone(),
            checklist: p.onboarding_checklist.clone(),
            duplicate_steps: p.duplicate_steps.clone(),
        },
        vec![reason],
    ))
}
