//! Duplicate registrations as explained decisions — CAD-5 (the JSON layer's
//! `duplicates.candidates` and `duplicates.all`). The index lives in [`crate::duplicates`].

use crate::context::Context;
use crate::decision::{Decision, Reason};
use crate::duplicates::{Candidate, CandidatePair, DuplicateIndex, DuplicateRecord};

fn reason(found: usize, ctx: &Context) -> Reason {
    let p = &ctx.policy().duplicates;
    Reason::new(
        "CAD-5",
        format!(
            "{found} provável(is) duplicado(s) com pontuação ≥ {} (documento, e-mail, telefone, nome).",
            p.threshold
        ),
        format!("{found} likely duplicate(s) with score ≥ {} (document, e-mail, phone, name).", p.threshold),
    )
    .fact("threshold", p.threshold)
    .fact("weights", &p.weights)
    .fact("found", found)
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
