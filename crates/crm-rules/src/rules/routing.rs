//! Who attends a client who gets in touch — RCP-1..5 (seed 001, sales §3, §8, §9),
//! after REI-1 (reinstatement).
//!
//! 1. REI-1: a manual inactivation reserved for its author (if available).
//! 2. RCP-1: a live sales agendamento *with contact* for the product/service asked
//!    about holds the client for its owner; if the owner does not respond, any
//!    available seller. RCP-5: owner on vacation or absent, another commercial colleague.
//! 3. RCP-3: a client only gathering prices goes to the commercial team.
//! 4. RCP-2: otherwise whoever attends makes the sale (RCP-4: also when the
//!    agendamento is about a different product/service; that one stays with its owner).

use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::{CrmError, Result};
use crate::model::{Agendamento, Availability, InboundContact, Team, User};
use crate::rules::agendamento;
use crate::rules::reinstatement::reinstatement;
use crate::text::fold;

use std::cell::OnceCell;

/// To whom a contact goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// The owner of the agendamento holding the client (RCP-1).
    AgendamentoOwner,
    /// Any available seller (RCP-1 owner not responding, RCP-5 owner away).
    AvailableSeller,
    /// Whoever is attending (RCP-2, RCP-4).
    Attendant,
    /// The user who inactivated the account (REI-1).
    InactivatingUser,
    /// The commercial team (RCP-3).
    CommercialTeam,
}

/// Outcome of [`route`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RouteOutcome {
    /// The route.
    pub route: Route,
    /// The user who attends, when one can be named.
    pub user: Option<String>,
    /// The id of the agendamento holding the client, if any.
    pub holding_agendamento: Option<String>,
}

crate::rules! {
    pub(crate) RULES = [{
        name: "contact.route",
        ids: ["AGD-2", "AGD-3", "AGD-4", "RCP-1", "RCP-2", "RCP-3", "RCP-4", "RCP-5", "REI-1", "REI-2"],
        pt: "Quem atende o cliente que entra em contato (reativação, agendamento, equipe comercial, atendente).",
        en: "Who attends a client who gets in touch (reinstatement, agendamento, commercial team, attendant).",
        python: "route_contact(**contact)",
        js: "routeContact",
        input: crate::model::InboundContact,
        outcome: RouteOutcome,
        run: |ctx, contact| route(ctx, &contact),
    }];
}

/// The agendamento holding the client and its owner's state (shared with commission).
#[derive(Clone, Copy)]
pub(crate) struct Holding<'a> {
    pub agendamento: &'a Agendamento,
    pub owner_availability: Availability,
}

/// Availability of a user id; users not listed count as available.
pub(crate) fn availability(c: &InboundContact, id: &str) -> Availability {
    c.user(id).map_or(Availability::Available, |u| u.availability(c.on))
}

fn is_commercial(u: &User) -> bool {
    u.team == Team::Commercial
}

/// The first available commercial user, the attendant first, skipping `except`.
fn available_seller(c: &InboundContact, except: Option<&str>) -> Option<String> {
    let ok = |u: &&User| {
        is_commercial(u) && u.availability(c.on) == Availability::Available && Some(u.id.as_str()) != except
    };
    c.user(&c.attendant).filter(ok).or_else(|| c.users.iter().find(ok)).map(|u| u.id.clone())
}

pub(crate) fn check_attendant(c: &InboundContact) -> Result<()> {
    if c.attendant.trim().is_empty() {
        return Err(CrmError::invalid("attendant", "must not be empty"));
    }
    if c.user(&c.attendant).is_none() {
        return Err(CrmError::invalid("attendant", format!("`{}` is not in users", c.attendant)));
    }
    Ok(())
}

/// Who holds the client: the agendamento holding it for the subject asked about
/// (RCP-1), the one holding it for another subject (RCP-4), and the reasons of the
/// agendamentos that give sales priority.
pub(crate) struct Held<'a> {
    pub holding: Option<Holding<'a>>,
    pub other: Option<&'a Agendamento>,
    pub reasons: Vec<Reason>,
}

/// What the contact rules of one call share, computed at most once: routing, the
/// commission and the inbound decision all need who holds the client.
pub(crate) struct Shared<'a> {
    ctx: &'a Context,
    contact: &'a InboundContact,
    held: OnceCell<Held<'a>>,
}

impl<'a> Shared<'a> {
    pub(crate) fn new(ctx: &'a Context, contact: &'a InboundContact) -> Self {
        Shared { ctx, contact, held: OnceCell::new() }
    }

    /// Who holds the client, computed on first use.
    pub(crate) fn held(&self) -> Result<&Held<'a>> {
        if let Some(held) = self.held.get() {
            return Ok(held);
        }
        let held = holding(self.ctx, self.contact)?;
        Ok(self.held.get_or_init(|| held))
    }
}

/// Evaluates every agendamento once (without reasons), and builds the reasons of
/// only those that give sales priority: cost linear in the number of agendamentos.
fn holding<'a>(ctx: &Context, c: &'a InboundContact) -> Result<Held<'a>> {
    let wanted = fold(&c.contact.subject);
    let mut same: Option<&Agendamento> = None;
    let mut other: Option<&Agendamento> = None;
    let mut reasons = Vec::new();
    for (i, a) in c.account.agendamentos.iter().enumerate() {
        let facts = agendamento::Facts::of(ctx, a, c.on).map_err(|e| relocate(e, i))?;
        if !facts.outcome.sales_priority {
            continue;
        }
        let slot = if fold(&a.subject) == wanted { &mut same } else { &mut other };
        // Several: the most recently created wins; ties keep the first listed.
        if slot.is_none_or(|s| a.created_on > s.created_on) {
            *slot = Some(a);
        }
        reasons.extend(facts.reasons(ctx, a, c.on).into_iter().filter(|r| r.rule() != "AGD-1"));
    }
    let holding = same.map(|a| Holding { agendamento: a, owner_availability: availability(c, &a.owner) });
    Ok(Held { holding, other, reasons })
}

/// `agendamento.x` → `account.agendamentos[i].x`.
fn relocate(e: CrmError, i: usize) -> CrmError {
    let base = format!("account.agendamentos[{i}]");
    match e.path().map(str::to_owned) {
        Some(p) if p.starts_with("agendamento") => {
            let rest = p.trim_start_matches("agendamento");
            let moved = format!("{base}{rest}");
            match e {
                CrmError::InvalidInput { message, .. } => CrmError::InvalidInput { path: Some(moved), message },
                CrmError::OutOfRange { message, .. } => CrmError::OutOfRange { path: Some(moved), message },
                other => other,
            }
        }
        _ => e.at_path(&base),
    }
}

/// Who attends the contact (REI-1, RCP-1..5).
pub fn route(ctx: &Context, c: &InboundContact) -> Result<Decision<RouteOutcome>> {
    route_with(&Shared::new(ctx, c))
}

/// [`route`] with what the contact rules of this call share.
pub(crate) fn route_with(shared: &Shared<'_>) -> Result<Decision<RouteOutcome>> {
    let (ctx, c) = (shared.ctx, shared.contact);
    check_attendant(c)?;
    let rei = reinstatement(ctx, c)?;
    let mut reasons = rei.reasons;
    if let Some(u) = rei.outcome.reserved_for {
        if availability(c, &u) == Availability::Available {
            return Ok(Decision::new(
                RouteOutcome { route: Route::InactivatingUser, user: Some(u), holding_agendamento: None },
                reasons,
            ));
        }
        reasons.push(
            Reason::lazy("RCP-5", {
                let u = u.clone();
                move |lang| match lang {
                    Lang::Pt => format!("{u} está de férias ou ausente: o contato segue o atendimento normal."),
                    Lang::En => format!("{u} is on vacation or absent: the contact follows the normal routing."),
                }
            })
            .fact("user", &u)
            .fact_json("availability", availability(c, &u)),
        );
    }
    let Held { holding: held, other, reasons: agd_reasons } = shared.held()?;
    let other = *other;
    if let Some(h) = held {
        reasons.extend(agd_reasons.iter().cloned());
        let a = h.agendamento;
        let id = a.id.clone();
        let (owner, subject) = (a.owner.clone(), a.subject.clone());
        let base = Reason::lazy("RCP-1", move |lang| match lang {
            Lang::Pt => {
                format!("Agendamento de venda com contato vigente de {owner} sobre \"{subject}\": o cliente é dele(a).")
            }
            Lang::En => {
                format!("Live sales agendamento with contact by {owner} about \"{subject}\": the client is theirs.")
            }
        })
        .fact("agendamento", a.id.as_deref())
        .fact("owner", &a.owner)
        .fact("subject", &a.subject)
        .fact("deadline", a.deadline);
        reasons.push(base);
        if h.owner_availability != Availability::Available {
            let user = available_seller(c, Some(&a.owner));
            let (state_pt, state_en) = if h.owner_availability == Availability::OnVacation {
                ("de férias", "on vacation")
            } else {
                ("ausente", "absent")
            };
            reasons.push(
                Reason::lazy("RCP-5", {
                    let (owner, on) = (a.owner.clone(), c.on);
                    move |lang| match lang {
                        Lang::Pt => format!(
                            "O responsável {owner} está {state_pt} em {}: outro colega do comercial pode atender e vender.",
                            crate::text::br_date(on)
                        ),
                        Lang::En => format!(
                            "The owner {owner} is {state_en} on {on}: another commercial colleague may attend and sell."
                        ),
                    }
                })
                .fact("owner", &a.owner)
                .fact_json("availability", h.owner_availability)
                .fact("seller", user.as_deref()),
            );
            return Ok(Decision::new(
                RouteOutcome { route: Route::AvailableSeller, user, holding_agendamento: id },
                reasons,
            ));
        }
        if !c.owner_responded {
            let user = available_seller(c, Some(&a.owner));
            reasons.push(
                Reason::lazy("RCP-1", {
                    let owner = a.owner.clone();
                    move |lang| match lang {
                        Lang::Pt => {
                            format!("O responsável {owner} não respondeu: encaminhar para qualquer vendedor liberado.")
                        }
                        Lang::En => format!("The owner {owner} did not respond: hand over to any available seller."),
                    }
                })
                .fact("owner", &a.owner)
                .fact("owner_responded", false)
                .fact("seller", user.as_deref()),
            );
            return Ok(Decision::new(
                RouteOutcome { route: Route::AvailableSeller, user, holding_agendamento: id },
                reasons,
            ));
        }
        return Ok(Decision::new(
            RouteOutcome { route: Route::AgendamentoOwner, user: Some(a.owner.clone()), holding_agendamento: id },
            reasons,
        ));
    }
    if let Some(a) = other {
        reasons.push(
            Reason::lazy("RCP-4", {
                let (owner, scheduled, asked) = (a.owner.clone(), a.subject.clone(), c.contact.subject.clone());
                move |lang| match lang {
                    Lang::Pt => format!("O agendamento de {owner} é sobre \"{scheduled}\", não sobre \"{asked}\": quem atender pode vender; o serviço agendado continua com {owner}."),
                    Lang::En => format!("{owner}'s agendamento is about \"{scheduled}\", not \"{asked}\": whoever attends may sell; the scheduled one stays with {owner}."),
                }
            })
            .fact("agendamento", a.id.as_deref())
            .fact("owner", &a.owner)
            .fact("scheduled_subject", &a.subject)
            .fact("asked_subject", &c.contact.subject),
        );
    }
    if !c.contact.decided {
        let user = available_seller(c, None);
        reasons.push(
            Reason::new(
                "RCP-3",
                "Cliente só está pedindo valores, sem decisão: repassar para o comercial fazer o convencimento.",
                "The client is only gathering prices, with no decision: hand over to the commercial team.",
            )
            .fact("decided", false)
            .fact("seller", user.as_deref()),
        );
        return Ok(Decision::new(
            RouteOutcome { route: Route::CommercialTeam, user, holding_agendamento: None },
            reasons,
        ));
    }
    if other.is_none() {
        reasons.push(
            Reason::lazy("RCP-2", {
                let asked = c.contact.subject.clone();
                move |lang| match lang {
                    Lang::Pt => format!(
                        "Nenhum agendamento de venda com contato vigente para \"{asked}\": quem atende faz a venda."
                    ),
                    Lang::En => format!(
                        "No live sales agendamento with contact for \"{asked}\": whoever attends makes the sale."
                    ),
                }
            })
            .fact("attendant", &c.attendant),
        );
    }
    Ok(Decision::new(
        RouteOutcome { route: Route::Attendant, user: Some(c.attendant.clone()), holding_agendamento: None },
        reasons,
    ))
}
