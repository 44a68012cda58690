//! Agendamentos — AGD-1..4 (seed 001: general procedures §5; sales procedures §2).
//!
//! - AGD-1: five kinds (tags); each names the product/service it is about.
//! - AGD-2: with contact, deadline = created + `with_contact_initial_days` (2) business
//!   days, renewable by `with_contact_renewal_days` (4), never past
//!   `with_contact_max_days` (6) from creation.
//! - AGD-3: without contact, deadline = created + `without_contact_initial_days` (2),
//!   no renewal, maximum `without_contact_max_days` (2); exceptions through a manager.
//! - AGD-4: an agendamento longer than `disregard_after_days` (7) from creation to
//!   deadline is disregarded unless a manager validated it; onboarding and
//!   inactivation agendamentos never give sales priority.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::{CrmError, Result};
use crate::model::{Agendamento, AgendamentoKind, Purpose, Schedule};
use crate::policy::AgendamentoPolicy;
use crate::text::br_date;

/// Input of [`create`] (JSON rule `agendamento.create`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateRequest {
    /// Identifier in the host CRM.
    #[serde(default)]
    pub id: Option<String>,
    /// Kind (tag).
    pub kind: AgendamentoKind,
    /// Product or service it is about.
    pub subject: String,
    /// Owner (user id).
    pub owner: String,
    /// Creation date.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub created_on: NaiveDate,
    /// Requested deadline; default: creation + the initial days.
    #[serde(default, deserialize_with = "crate::date::de_opt_date")]
    pub deadline: Option<NaiveDate>,
    /// What it is for; default implied by the kind.
    #[serde(default)]
    pub purpose: Option<Purpose>,
}

/// Outcome of [`create`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CreateOutcome {
    /// Whether the agendamento may be created as requested.
    pub accepted: bool,
    /// The agendamento with its deadline, when accepted.
    pub agendamento: Option<Agendamento>,
    /// The latest deadline the kind allows (creation + maximum days).
    pub maximum: NaiveDate,
}

/// Outcome of [`renew`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RenewOutcome {
    /// Whether the renewal is granted.
    pub accepted: bool,
    /// The renewed agendamento, or the unchanged one when refused.
    pub agendamento: Agendamento,
    /// The latest deadline the kind allows.
    pub maximum: NaiveDate,
}

/// Where an agendamento stands on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Created, deadline not passed.
    Live,
    /// Deadline passed.
    Expired,
    /// AGD-4: longer than allowed without a manager's validation.
    Disregarded,
    /// The date is before its creation.
    NotStarted,
}

/// Outcome of [`evaluate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AgendamentoStatus {
    /// Live, expired, disregarded or not started.
    pub status: Status,
    /// The deadline (given, or creation + initial days).
    pub deadline: NaiveDate,
    /// The latest deadline the kind allows.
    pub maximum: NaiveDate,
    /// Business days from creation (exclusive) to the deadline (inclusive).
    pub span_business_days: i64,
    /// Whether the span respects the kind's maximum.
    pub within_maximum: bool,
    /// Whether it holds the client for its owner in sales (RCP-1).
    pub sales_priority: bool,
}

/// Input of `agendamento.renew`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RenewAgendamentoInput {
    /// The agendamento to renew.
    pub agendamento: Agendamento,
    /// The day the renewal is asked.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub on: NaiveDate,
    /// Business days to add; omitted: the policy's renewal days, capped at the maximum.
    #[serde(default)]
    pub days: Option<u32>,
    /// A manager approved it: lifts the maximum and the without-contact ban.
    #[serde(default)]
    pub manager_approved: bool,
}

/// Input of `agendamento.evaluate`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvaluateAgendamentoInput {
    /// The agendamento.
    pub agendamento: Agendamento,
    /// The date to evaluate it on.
    #[serde(deserialize_with = "crate::date::de_date")]
    pub on: NaiveDate,
}

/// Input of `agendamento.close_after_sale`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CloseAfterSaleInput {
    /// The account's agendamentos.
    pub agendamentos: Vec<Agendamento>,
    /// The sale.
    pub sale: ClosingSale,
}

crate::rules! {
    pub(crate) RULES = [
        {
            name: "agendamento.create",
            ids: ["AGD-1", "AGD-2", "AGD-3"],
            pt: "Cria um agendamento: prazo inicial e prazo máximo do tipo.",
            en: "Creates an agendamento: its initial deadline and the kind's maximum.",
            python: "create_agendamento(kind, subject, owner, created_on, deadline=None, *, id=None, purpose=None)",
            js: "createAgendamento",
            input: CreateRequest,
            outcome: CreateOutcome,
            run: |ctx, i| create(ctx, &i),
        },
        {
            name: "agendamento.renew",
            ids: ["AGD-1", "AGD-2", "AGD-3", "AGD-4"],
            pt: "Renova um agendamento, ou recusa a renovação explicando por quê.",
            en: "Renews an agendamento, or refuses the renewal and says why.",
            python: "renew_agendamento(agendamento, on, days=None, *, manager_approved=False)",
            js: "renewAgendamento",
            input: RenewAgendamentoInput,
            outcome: RenewOutcome,
            run: |ctx, i| renew(ctx, &i.agendamento, i.on, i.days, i.manager_approved),
        },
        {
            name: "agendamento.evaluate",
            ids: ["AGD-1", "AGD-2", "AGD-3", "AGD-4", "RCP-1"],
            pt: "A situação de um agendamento numa data: vivo, vencido, desconsiderado ou não iniciado.",
            en: "Where an agendamento stands on a date: live, expired, disregarded or not started.",
            python: "evaluate_agendamento(agendamento, on)",
            js: "evaluateAgendamento",
            input: EvaluateAgendamentoInput,
            outcome: AgendamentoStatus,
            run: |ctx, i| evaluate(ctx, &i.agendamento, i.on),
        },
        {
            name: "agendamento.close_after_sale",
            ids: ["AGD-5"],
            pt: "Os agendamentos que uma venda encerra (mesmo produto ou serviço).",
            en: "The agendamentos a sale closes (same product or service).",
            python: "agendamentos_to_close(agendamentos, subject:sale.subject, seller:sale.seller)",
            js: "agendamentosToClose",
            input: CloseAfterSaleInput,
            outcome: CloseAfterSale,
            run: |ctx, i| close_after_sale(ctx, &i.agendamentos, &i.sale),
        },
    ];
}

struct Limits {
    schedule: Schedule,
    initial: u32,
    max: u32,
    rule: &'static str,
}

fn limits(kind: AgendamentoKind, p: &AgendamentoPolicy) -> Limits {
    match kind.schedule() {
        Schedule::WithContact => Limits {
            schedule: Schedule::WithContact,
            initial: p.with_contact_initial_days,
            max: p.with_contact_max_days,
            rule: "AGD-2",
        },
        Schedule::WithoutContact => Limits {
            schedule: Schedule::WithoutContact,
            initial: p.without_contact_initial_days,
            max: p.without_contact_max_days,
            rule: "AGD-3",
        },
    }
}

fn non_empty(path: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        Err(CrmError::invalid(path, "must not be empty (AGD-1: every agendamento names its product/service and owner)"))
    } else {
        Ok(())
    }
}

fn kind_reason(kind: AgendamentoKind, subject: &str) -> Reason {
    let about = subject.to_owned();
    Reason::lazy("AGD-1", move |lang| match lang {
        Lang::Pt => format!("Agendamento {} sobre \"{about}\".", kind.tag()),
        Lang::En => format!("Agendamento {} about \"{about}\".", kind.tag()),
    })
    .fact_json("kind", kind)
    .fact("tag", kind.tag())
    .fact("subject", subject)
}

/// Creates an agendamento: its deadline and maximum (AGD-1..3). A requested deadline
/// past the maximum is refused, with the reason.
///
/// ```
/// use crm_rules::{rules::agendamento::{create, CreateRequest}, AgendamentoKind, Context, parse_date};
/// let req = CreateRequest {
///     id: None, kind: AgendamentoKind::SalesWithContact, subject: "intimação".into(),
///     owner: "ana".into(), created_on: parse_date("2024-11-19").unwrap(), deadline: None, purpose: None,
/// };
/// let d = create(&Context::default(), &req).unwrap();
/// // 20 Nov 2024 is a holiday: 2 business days after Tue 19 Nov is Fri 22 Nov.
/// assert_eq!(d.outcome.agendamento.as_ref().unwrap().deadline, Some(parse_date("2024-11-22").unwrap()));
/// assert!(d.cites("AGD-2"));
/// ```
pub fn create(ctx: &Context, req: &CreateRequest) -> Result<Decision<CreateOutcome>> {
    non_empty("subject", &req.subject)?;
    non_empty("owner", &req.owner)?;
    let cal = ctx.calendar();
    let lim = limits(req.kind, &ctx.policy().agendamento);
    let maximum = cal.add_business_days(req.created_on, i64::from(lim.max)).map_err(|e| e.at_path("created_on"))?;
    let default_deadline =
        cal.add_business_days(req.created_on, i64::from(lim.initial)).map_err(|e| e.at_path("created_on"))?;
    let mut reasons = vec![kind_reason(req.kind, &req.subject)];
    let deadline = match req.deadline {
        Some(asked) if asked <= req.created_on => {
            return Err(CrmError::invalid(
                "deadline",
                format!("the deadline {asked} must be after the creation date {}", req.created_on),
            ));
        }
        Some(asked) if asked > maximum => {
            let span = cal.business_days_between(req.created_on, asked)?;
            let max = lim.max;
            reasons.push(
                Reason::lazy(lim.rule, move |lang| match lang {
                    Lang::Pt => format!(
                        "Recusado: prazo pedido {} ({span} dias úteis) passa do máximo de {} dias úteis ({}).",
                        br_date(asked), max, br_date(maximum)
                    ),
                    Lang::En => format!("Refused: requested deadline {asked} ({span} business days) is past the maximum of {} business days ({maximum}).", max),
                })
                .fact("created_on", req.created_on)
                .fact("requested_deadline", asked)
                .fact("requested_business_days", span)
                .fact("max_business_days", lim.max)
                .fact("maximum", maximum),
            );
            return Ok(Decision::new(CreateOutcome { accepted: false, agendamento: None, maximum }, reasons));
        }
        Some(asked) => asked,
        None => default_deadline,
    };
    let (schedule, initial, max) = (lim.schedule, lim.initial, lim.max);
    let text = move |lang| match (schedule, lang) {
        (Schedule::WithContact, Lang::Pt) => format!(
            "Com contato: prazo {} ({} dias úteis), renovável até {} ({} dias úteis).",
            br_date(deadline),
            initial,
            br_date(maximum),
            max
        ),
        (Schedule::WithContact, Lang::En) => format!(
            "With contact: deadline {deadline} ({} business days), renewable up to {maximum} ({} business days).",
            initial, max
        ),
        (Schedule::WithoutContact, Lang::Pt) => format!(
            "Sem contato: prazo {} ({} dias úteis), sem renovação (máximo {}).",
            br_date(deadline),
            initial,
            br_date(maximum)
        ),
        (Schedule::WithoutContact, Lang::En) => {
            format!("Without contact: deadline {deadline} ({} business days), no renewal (maximum {maximum}).", initial)
        }
    };
    reasons.push(
        Reason::lazy(lim.rule, text)
            .fact("created_on", req.created_on)
            .fact("initial_business_days", lim.initial)
            .fact("max_business_days", lim.max)
            .fact("deadline", deadline)
            .fact("maximum", maximum),
    );
    let agendamento = Agendamento {
        id: req.id.clone(),
        kind: req.kind,
        subject: req.subject.clone(),
        owner: req.owner.clone(),
        created_on: req.created_on,
        deadline: Some(deadline),
        renewals: 0,
        manager_validated: false,
        purpose: req.purpose,
    };
    Ok(Decision::new(CreateOutcome { accepted: true, agendamento: Some(agendamento), maximum }, reasons))
}

/// The deadline of a stored agendamento, checked against its creation.
fn deadline_of(ctx: &Context, ag: &Agendamento, lim: &Limits) -> Result<NaiveDate> {
    non_empty("agendamento.subject", &ag.subject)?;
    non_empty("agendamento.owner", &ag.owner)?;
    match ag.deadline {
        Some(d) if d < ag.created_on => Err(CrmError::invalid(
            "agendamento.deadline",
            format!("the deadline {d} is before the creation date {}", ag.created_on),
        )),
        Some(d) => Ok(d),
        None => ctx
            .calendar()
            .add_business_days(ag.created_on, i64::from(lim.initial))
            .map_err(|e| e.at_path("agendamento.created_on")),
    }
}

/// Where `ag` stands on `on`: live, expired, disregarded (AGD-4) or not started,
/// and whether it gives its owner sales priority.
///
/// ```
/// use crm_rules::{rules::agendamento::{evaluate, Status}, Agendamento, AgendamentoKind, Context, parse_date};
/// let ag = Agendamento {
///     id: None, kind: AgendamentoKind::SalesWithContact, subject: "intimação".into(), owner: "ana".into(),
///     created_on: parse_date("2026-11-23").unwrap(), deadline: Some(parse_date("2026-11-25").unwrap()),
///     renewals: 0, manager_validated: false, purpose: None,
/// };
/// let ctx = Context::default();
/// assert_eq!(evaluate(&ctx, &ag, parse_date("2026-11-25").unwrap()).unwrap().outcome.status, Status::Live);
/// assert_eq!(evaluate(&ctx, &ag, parse_date("2026-11-26").unwrap()).unwrap().outcome.status, Status::Expired);
/// ```
pub fn evaluate(ctx: &Context, ag: &Agendamento, on: NaiveDate) -> Result<Decision<AgendamentoStatus>> {
    let facts = Facts::of(ctx, ag, on)?;
    let reasons = facts.reasons(ctx, ag, on);
    Ok(Decision::new(facts.outcome, reasons))
}

/// What [`evaluate`] decides, before (and without) its reasons: the inbound-contact
/// rules look at every agendamento of an account and explain only those that hold
/// the client.
pub(crate) struct Facts {
    /// The outcome.
    pub outcome: AgendamentoStatus,
    lim: Limits,
    too_long: bool,
    excluded_purpose: bool,
}

impl Facts {
    /// The status of `ag` on `on` (AGD-2..4, RCP-1), with no reason built.
    pub(crate) fn of(ctx: &Context, ag: &Agendamento, on: NaiveDate) -> Result<Facts> {
        let policy = &ctx.policy().agendamento;
        let cal = ctx.calendar();
        let lim = limits(ag.kind, policy);
        let deadline = deadline_of(ctx, ag, &lim)?;
        let maximum = cal
            .add_business_days(ag.created_on, i64::from(lim.max))
            .map_err(|e| e.at_path("agendamento.created_on"))?;
        let span = cal.business_days_between(ag.created_on, deadline)?;
        let within_maximum = span <= i64::from(lim.max);
        let too_long = span > i64::from(policy.disregard_after_days);
        let status = if too_long && !ag.manager_validated {
            Status::Disregarded
        } else if on < ag.created_on {
            Status::NotStarted
        } else if on <= deadline {
            Status::Live
        } else {
            Status::Expired
        };
        let excluded_purpose = policy.no_sales_priority_purposes.contains(&ag.effective_purpose());
        let sales_priority = status == Status::Live
            && ag.kind.gives_sales_priority()
            && !excluded_purpose
            && (within_maximum || ag.manager_validated);
        let outcome =
            AgendamentoStatus { status, deadline, maximum, span_business_days: span, within_maximum, sales_priority };
        Ok(Facts { outcome, lim, too_long, excluded_purpose })
    }

    /// The reasons of [`evaluate`], in order.
    pub(crate) fn reasons(&self, ctx: &Context, ag: &Agendamento, on: NaiveDate) -> Vec<Reason> {
        let policy = &ctx.policy().agendamento;
        let AgendamentoStatus { status, deadline, maximum, span_business_days: span, within_maximum, .. } =
            self.outcome;
        let lim = &self.lim;
        let (created_on, limit, max) = (ag.created_on, policy.disregard_after_days, lim.max);
        let mut reasons = vec![kind_reason(ag.kind, &ag.subject)];
        if status == Status::Disregarded {
            reasons.push(
                Reason::lazy("AGD-4", move |lang| match lang {
                    Lang::Pt => format!(
                        "Desconsiderado: {span} dias úteis da criação ({}) ao prazo ({}), mais que {limit} e sem validação do gestor.",
                        br_date(created_on), br_date(deadline)
                    ),
                    Lang::En => format!(
                        "Disregarded: {span} business days from creation ({created_on}) to deadline ({deadline}), more than {limit} and not validated by a manager.",
                    ),
                })
                .fact("span_business_days", span)
                .fact("disregard_after_days", policy.disregard_after_days)
                .fact("manager_validated", false),
            );
        } else {
            if self.too_long {
                reasons.push(
                    Reason::lazy("AGD-4", move |lang| match lang {
                        Lang::Pt => {
                            format!("{span} dias úteis (mais que {limit}), mas validado pelo gestor: considerado.")
                        }
                        Lang::En => format!(
                            "{span} business days (more than {limit}), but validated by a manager: taken into account."
                        ),
                    })
                    .fact("span_business_days", span)
                    .fact("disregard_after_days", policy.disregard_after_days)
                    .fact("manager_validated", true),
                );
            }
            let text = move |lang| match (status, lang) {
                (Status::NotStarted, Lang::Pt) => {
                    format!("Em {} o agendamento ainda não existia (criado em {}).", br_date(on), br_date(created_on))
                }
                (Status::NotStarted, Lang::En) => {
                    format!("On {on} the agendamento did not exist yet (created on {created_on}).")
                }
                (Status::Live, Lang::Pt) => format!("Vigente em {}: prazo até {}.", br_date(on), br_date(deadline)),
                (Status::Live, Lang::En) => format!("Live on {on}: deadline {deadline}."),
                (_, Lang::Pt) => format!("Vencido em {}: o prazo era {}.", br_date(on), br_date(deadline)),
                (_, Lang::En) => format!("Expired on {on}: the deadline was {deadline}."),
            };
            reasons.push(
                Reason::lazy(lim.rule, text)
                    .fact("on", on)
                    .fact("created_on", ag.created_on)
                    .fact("deadline", deadline)
                    .fact("span_business_days", span),
            );
        }
        if !within_maximum {
            reasons.push(
                Reason::lazy(lim.rule, move |lang| match lang {
                    Lang::Pt => format!("O prazo passa do máximo de {max} dias úteis ({}).", br_date(maximum)),
                    Lang::En => format!("The deadline is past the maximum of {max} business days ({maximum})."),
                })
                .fact("span_business_days", span)
                .fact("max_business_days", lim.max)
                .fact("maximum", maximum)
                .fact("manager_validated", ag.manager_validated),
            );
        }
        if self.excluded_purpose {
            reasons.push(
                Reason::new(
                    "AGD-4",
                    "Agendamento de onboarding/inativação: desconsiderado para prioridade de venda.",
                    "Onboarding/inactivation agendamento: disregarded for sales priority.",
                )
                .fact_json("purpose", ag.effective_purpose()),
            );
        } else if !ag.kind.gives_sales_priority() {
            let tag = ag.kind.tag();
            reasons.push(
                Reason::lazy("RCP-1", move |lang| match lang {
                    Lang::Pt => format!("{tag}: não segura o cliente para o responsável; quem atender pode vender."),
                    Lang::En => format!("{tag}: does not hold the client for its owner; whoever attends may sell."),
                })
                .fact_json("kind", ag.kind),
            );
        }
        reasons
    }
}

/// Renews an agendamento on `on` (AGD-2): by `days` business days, or by the policy's
/// renewal days capped at the maximum when `days` is `None`. Refused, with the
/// reason, past the maximum, when expired, when disregarded, and for kinds without
/// contact (AGD-3) — unless `manager_approved`, which lifts the maximum and the
/// without-contact ban (AGD-3 exceptions go through a manager).
pub fn renew(
    ctx: &Context,
    ag: &Agendamento,
    on: NaiveDate,
    days: Option<u32>,
    manager_approved: bool,
) -> Result<Decision<RenewOutcome>> {
    let policy = &ctx.policy().agendamento;
    let cal = ctx.calendar();
    let lim = limits(ag.kind, policy);
    let deadline = deadline_of(ctx, ag, &lim)?;
    if on < ag.created_on {
        return Err(CrmError::invalid("on", format!("{on} is before the creation date {}", ag.created_on)));
    }
    if days == Some(0) {
        return Err(CrmError::invalid("days", "a renewal adds at least 1 business day"));
    }
    let maximum =
        cal.add_business_days(ag.created_on, i64::from(lim.max)).map_err(|e| e.at_path("agendamento.created_on"))?;
    let span = cal.business_days_between(ag.created_on, deadline)?;
    let mut reasons = vec![kind_reason(ag.kind, &ag.subject)];
    let refuse = |reasons: Vec<Reason>| {
        Decision::new(RenewOutcome { accepted: false, agendamento: ag.clone(), maximum }, reasons)
    };

    if span > i64::from(policy.disregard_after_days) && !ag.manager_validated {
        let after = policy.disregard_after_days;
        reasons.push(
            Reason::lazy("AGD-4", move |lang| match lang {
                Lang::Pt => format!("Recusado: agendamento desconsiderado ({span} dias úteis, mais que {}, sem validação do gestor).", after),
                Lang::En => format!("Refused: the agendamento is disregarded ({span} business days, more than {}, not validated by a manager).", after),
            })
            .fact("span_business_days", span)
            .fact("disregard_after_days", policy.disregard_after_days),
        );
        return Ok(refuse(reasons));
    }
    if on > deadline {
        reasons.push(
            Reason::lazy(lim.rule, move |lang| match lang {
                Lang::Pt => format!("Recusado: o agendamento venceu em {}; crie um novo.", br_date(deadline)),
                Lang::En => format!("Refused: the agendamento expired on {deadline}; create a new one."),
            })
            .fact("on", on)
            .fact("deadline", deadline),
        );
        return Ok(refuse(reasons));
    }
    if lim.schedule == Schedule::WithoutContact && !manager_approved {
        let max = lim.max;
        reasons.push(
            Reason::lazy("AGD-3", move |lang| match lang {
                Lang::Pt => format!("Recusado: agendamento sem contato não se renova (máximo {} dias úteis); exceções só com o gestor.", max),
                Lang::En => format!("Refused: an agendamento without contact is not renewed (maximum {} business days); exceptions only through a manager.", max),
            })
            .fact_json("kind", ag.kind)
            .fact("max_business_days", lim.max),
        );
        return Ok(refuse(reasons));
    }
    let step = days.unwrap_or(policy.with_contact_renewal_days);
    let extended = cal.add_business_days(deadline, i64::from(step)).map_err(|e| e.at_path("days"))?;
    let new_deadline = if manager_approved {
        extended
    } else if extended > maximum && days.is_none() && deadline < maximum {
        maximum
    } else if extended > maximum {
        let max = lim.max;
        reasons.push(
            Reason::lazy(lim.rule, move |lang| match lang {
                Lang::Pt => format!(
                    "Recusado: renovar {} dia(s) útil(eis) a partir de {} passaria do máximo de {} dias úteis ({}).",
                    step, br_date(deadline), max, br_date(maximum)
                ),
                Lang::En => format!("Refused: renewing by {step} business day(s) from {deadline} would pass the maximum of {} business days ({maximum}).", max),
            })
            .fact("deadline", deadline)
            .fact("renewal_business_days", step)
            .fact("requested_deadline", extended)
            .fact("max_business_days", lim.max)
            .fact("maximum", maximum),
        );
        return Ok(refuse(reasons));
    } else {
        extended
    };
    let text = move |lang| match (manager_approved, lang) {
        (true, Lang::Pt) => {
            format!("Renovado com aprovação do gestor: prazo de {} para {}.", br_date(deadline), br_date(new_deadline))
        }
        (true, Lang::En) => format!("Renewed with a manager's approval: deadline from {deadline} to {new_deadline}."),
        (false, Lang::Pt) => format!(
            "Renovado: prazo de {} para {} (máximo {}).",
            br_date(deadline),
            br_date(new_deadline),
            br_date(maximum)
        ),
        (false, Lang::En) => format!("Renewed: deadline from {deadline} to {new_deadline} (maximum {maximum})."),
    };
    reasons.push(
        Reason::lazy(lim.rule, text)
            .fact("on", on)
            .fact("previous_deadline", deadline)
            .fact("deadline", new_deadline)
            .fact("maximum", maximum)
            .fact("manager_approved", manager_approved),
    );
    let mut renewed = ag.clone();
    renewed.deadline = Some(new_deadline);
    renewed.renewals = renewed.renewals.saturating_add(1);
    renewed.manager_validated = ag.manager_validated || manager_approved;
    Ok(Decision::new(RenewOutcome { accepted: true, agendamento: renewed, maximum }, reasons))
}

/// The sale that closes agendamentos (AGD-5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClosingSale {
    /// The product/service sold.
    pub subject: String,
    /// The seller who made the sale.
    pub seller: String,
}

/// Outcome of [`close_after_sale`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CloseAfterSale {
    /// Ids of the agendamentos to close, in input order (`null` for one without an id).
    pub to_close: Vec<Option<String>>,
    /// Who closes them: the seller.
    pub closed_by: String,
}

/// AGD-5 (seed 001, sales §4): after a sale, the seller closes the agendamentos about
/// that product/service (subject compared case-, accent- and space-insensitively).
pub fn close_after_sale(
    _ctx: &Context,
    agendamentos: &[Agendamento],
    sale: &ClosingSale,
) -> Result<Decision<CloseAfterSale>> {
    non_empty("sale.subject", &sale.subject)?;
    non_empty("sale.seller", &sale.seller)?;
    let wanted = crate::text::fold(&sale.subject);
    let to_close: Vec<Option<String>> =
        agendamentos.iter().filter(|a| crate::text::fold(&a.subject) == wanted).map(|a| a.id.clone()).collect();
    let (subject, seller, count) = (sale.subject.clone(), sale.seller.clone(), to_close.len());
    let reason = Reason::lazy("AGD-5", move |lang| match lang {
        Lang::Pt => format!(
            "Venda de \"{}\" feita por {}: retirar {} agendamento(s) sobre esse produto/serviço.",
            subject, seller, count
        ),
        Lang::En => format!(
            "Sale of \"{}\" made by {}: close {} agendamento(s) about that product/service.",
            subject, seller, count
        ),
    })
    .fact("subject", &sale.subject)
    .fact("seller", &sale.seller)
    .fact_json("to_close", &to_close);
    Ok(Decision::new(CloseAfterSale { to_close, closed_by: sale.seller.clone() }, vec![reason]))
}

#[cfg(test)]
mod tests;
