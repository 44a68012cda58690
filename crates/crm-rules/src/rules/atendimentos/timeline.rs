//! `atendimento.timeline` (ATD-2; seed 003: a sale, a quote or a purchase registered
//! "aparecerá dentro da timeline do atendimento"): every interaction, every quote version,
//! every sale (an approved version) and every purchase, in time order.

use super::types::{Timeline, TimelineEntry, TimelineKind};
use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::Result;
use crate::model::{Atendimento, Channel, QuoteStatus};

fn channel(c: Channel) -> &'static str {
    match c {
        Channel::Chat => "chat",
        Channel::Email => "email",
        Channel::Phone => "phone",
        Channel::Whatsapp => "whatsapp",
    }
}

/// The timeline of `a` (ATD-2): by date; on one date interactions first, then quotes,
/// then sales, then purchases, each in the order of its list (a stable order). Values
/// in centavos, computed with checked arithmetic (an overflow is an error at the quote).
pub fn timeline(_ctx: &Context, a: &Atendimento) -> Result<Decision<Timeline>> {
    let mut entries: Vec<TimelineEntry> = Vec::with_capacity(a.interactions.len() + a.quotes.len() + a.purchases.len());
    for (k, p) in a.interactions.iter().enumerate() {
        let i = &p.interaction;
        let what = i.reason.as_deref().map(str::trim).filter(|r| !r.is_empty()).unwrap_or("-");
        let attempt = if i.recorded_as_attempt { " (attempt)" } else { "" };
        entries.push(TimelineEntry {
            kind: TimelineKind::Interaction,
            on: p.on,
            position: k,
            summary: format!("{}: {what}{attempt}", channel(i.channel)),
            by: Some(p.by.clone()),
            value_centavos: None,
        });
    }
    for (k, d) in a.quotes.iter().enumerate() {
        let q = &d.quote;
        let total = q.total_centavos(&format!("atendimento.quotes[{k}].quote"))?;
        let sale = q.status == QuoteStatus::Approved;
        entries.push(TimelineEntry {
            kind: if sale { TimelineKind::Sale } else { TimelineKind::Quote },
            on: d.on,
            position: k,
            summary: format!("{} v{} ({})", q.id, q.version, q.status.name()),
            by: Some(q.created_by.clone()),
            value_centavos: Some(total),
        });
    }
    for (k, p) in a.purchases.iter().enumerate() {
        entries.push(TimelineEntry {
            kind: TimelineKind::Purchase,
            on: p.on,
            position: k,
            summary: p.description.trim().to_owned(),
            by: None,
            value_centavos: Some(p.value_centavos),
        });
    }
    crate::sort::sort_by_key(&mut entries, |e| (e.on, e.kind, e.position));
    let count = |kind| entries.iter().filter(|e| e.kind == kind).count();
    let (ni, nq, ns, np) = (
        count(TimelineKind::Interaction),
        count(TimelineKind::Quote),
        count(TimelineKind::Sale),
        count(TimelineKind::Purchase),
    );
    let id = a.id.clone();
    let reason = Reason::lazy("ATD-2", move |lang| match lang {
        Lang::Pt => format!(
            "Linha do tempo do atendimento {id}: {ni} interação(ões), {nq} versão(ões) de orçamento, {ns} venda(s), {np} compra(s), por data."
        ),
        Lang::En => format!(
            "Timeline of atendimento {id}: {ni} interaction(s), {nq} quote version(s), {ns} sale(s), {np} purchase(s), by date."
        ),
    })
    .fact("interactions", ni)
    .fact("quotes", nq)
    .fact("sales", ns)
    .fact("purchases", np);
    Ok(Decision::new(Timeline { entries }, vec![reason]))
}
