//! Duplicate registrations as explained decisions — CAD-5 (the JSON layer's
//! `duplicates.candidates` and `duplicates.all`). The index lives in [`crate::duplicates`].

use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::duplicates::{Candidate, CandidatePair, DuplicateIndex, DuplicateRecord};

fn reason(found: usize, ctx: &Context) -> Reason {
    let p = &ctx.policy().duplicates;
    let threshold = p.threshold;
    Reason::lazy("CAD-5", move |lang| {
        let at_least = crate::text::decimal(threshold);
        match lang {
            Lang::Pt => format!(
                "{found} provável(is) duplicado(s) com pontuação ≥ {at_least} (documento, e-mail, telefone, nome)."
            ),
            Lang::En => format!("{found} likely duplicate(s) with score ≥ {at_least} (document, e-mail, phone, name)."),
        }
    })
    .fact("threshold", p.threshold)
    .fact_json("weights", &p.weights)
    .fact("found", found)
}

/// Input of `duplicates.candidates`.
#[derive(serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DuplicateCandidatesInput {
    /// The records to search.
    pub records: Vec<DuplicateRecord>,
    /// The record whose duplicates are sought.
    pub record: DuplicateRecord,
}

/// Input of `duplicates.all`.
#[derive(serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AllDuplicatesInput {
    /// The records to search.
    pub records: Vec<DuplicateRecord>,
}

crate::rules! {
    pub(crate) RULES = [
        {
            name: "duplicates.candidates",
            ids: ["CAD-5"],
            pt: "Os prováveis duplicados de um cadastro (documento, e-mail, telefone, nome).",
            en: "The likely duplicates of a record (document, e-mail, phone, name).",
            python: "duplicate_candidates(records, record)",
            js: "duplicateCandidates",
            input: DuplicateCandidatesInput,
            outcome: Vec<Candidate>,
            run: |ctx, i| Ok(candidates(ctx, &i.records, &i.record)),
        },
        {
            name: "duplicates.all",
            ids: ["CAD-5"],
            pt: "Todos os pares de prováveis duplicados de um conjunto de cadastros.",
            en: "Every likely duplicate pair of a set of records.",
            python: "all_duplicates(records)",
            js: "allDuplicates",
            input: AllDuplicatesInput,
            outcome: Vec<CandidatePair>,
            run: |ctx, i| Ok(all(ctx, &i.records)),
        },
    ];
}

/// The likely duplicates of `record` among `records` (CAD-5).
pub fn candidates(ctx: &Context, records: &[DuplicateRecord], record: &DuplicateRecord) -> Decision<Vec<Candidate>> {
    let index = DuplicateIndex::build(records, &ctx.policy().duplicates);
    let found = index.candidates_for(record);
    let r = reason(found.len(), ctx);
    Decision::new(found, vec![r])
}

/// Every likely duplicate pair among `records` (CAD-5).
pub fn all(ctx: &Context, records: &[DuplicateRecord]) -> Decision<Vec<CandidatePair>> {
    let index = DuplicateIndex::build(records, &ctx.policy().duplicates);
    let found = index.all_candidates();
    let r = reason(found.len(), ctx);
    Decision::new(found, vec![r])
}
