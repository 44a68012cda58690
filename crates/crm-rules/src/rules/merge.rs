//! Merging duplicate records — CAD-7 (seed 001, general §6): the survivor is the
//! record the user chose; nothing is lost — every contact, interaction, agendamento,
//! quote, sale and document of every record ends up on the survivor; conflicting
//! fields are reported, never silently overwritten. The plan is reviewable before it
//! is applied, and reversible after.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::{CrmError, Result};
use crate::text::fold;

/// The child records of a record, by kind.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Children {
    /// Contacts (contatos).
    pub contacts: Vec<String>,
    /// Interactions (movimentações).
    pub interactions: Vec<String>,
    /// Agendamentos.
    pub agendamentos: Vec<String>,
    /// Quotes (orçamentos).
    pub quotes: Vec<String>,
    /// Sales (vendas).
    pub sales: Vec<String>,
    /// Documents.
    pub documents: Vec<String>,
}

/// The kinds of child record, in the order plans list them.
pub const CHILD_KINDS: [&str; 6] = ["contacts", "interactions", "agendamentos", "quotes", "sales", "documents"];

impl Children {
    fn of_kind(&self, kind: &str) -> &[String] {
        match kind {
            "contacts" => &self.contacts,
            "interactions" => &self.interactions,
            "agendamentos" => &self.agendamentos,
            "quotes" => &self.quotes,
            "sales" => &self.sales,
            "documents" => &self.documents,
            _ => &[],
        }
    }

    fn of_kind_mut(&mut self, kind: &str) -> Option<&mut Vec<String>> {
        match kind {
            "contacts" => Some(&mut self.contacts),
            "interactions" => Some(&mut self.interactions),
            "agendamentos" => Some(&mut self.agendamentos),
            "quotes" => Some(&mut self.quotes),
            "sales" => Some(&mut self.sales),
            "documents" => Some(&mut self.documents),
            _ => None,
        }
    }
}

/// A record (account or contact) to merge: scalar fields and child records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeRecord {
    /// Identifier.
    pub id: String,
    /// Scalar fields by name.
    #[serde(default)]
    pub fields: BTreeMap<String, Value>,
    /// Child records.
    #[serde(default)]
    pub children: Children,
}

/// One child record moved to the survivor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Move {
    /// `contacts`, `interactions`, `agendamentos`, `quotes`, `sales` or `documents`.
    #[schemars(extend("enum" = ["contacts", "interactions", "agendamentos", "quotes", "sales", "documents"]))]
    pub kind: String,
    /// The child's id.
    pub child: String,
    /// The record it leaves.
    pub from: String,
    /// The survivor.
    pub to: String,
}

/// Where a field of the result comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldSource {
    /// The value taken.
    pub value: Value,
    /// The record it is taken from.
    pub from: String,
}

/// One record's value of a conflicting field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConflictValue {
    /// The record.
    pub record: String,
    /// Its value.
    pub value: Value,
}

/// A field whose values differ, left for the user to choose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// The field.
    pub field: String,
    /// Each record's value.
    pub values: Vec<ConflictValue>,
}

/// A reviewable, reversible merge plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MergePlan {
    /// The record that stays.
    pub survivor: String,
    /// The records merged into it.
    pub merged: Vec<String>,
    /// The records as they were when the plan was made (to revert exactly).
    pub originals: Vec<MergeRecord>,
    /// Every child record moved.
    pub moves: Vec<Move>,
    /// Every field of the result and the record it comes from.
    pub fields: BTreeMap<String, FieldSource>,
    /// Fields left to choose.
    pub conflicts: Vec<Conflict>,
}

/// Outcome of [`apply`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MergeResult {
    /// The survivor with every field and child.
    pub survivor: MergeRecord,
    /// The records merged away.
    pub merged_away: Vec<String>,
}

/// Outcome of [`revert`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Reverted {
    /// The records as before the merge.
    pub records: Vec<MergeRecord>,
}

fn is_absent(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => fold(x) == fold(y),
        _ => a == b,
    }
}

fn check_records(records: &[MergeRecord]) -> Result<()> {
    if records.len() < 2 {
        return Err(CrmError::invalid("records", "a merge needs at least two records"));
    }
    let mut seen = BTreeSet::new();
    for (i, r) in records.iter().enumerate() {
        if r.id.trim().is_empty() || !seen.insert(r.id.as_str()) {
            return Err(CrmError::invalid(format!("records[{i}].id"), format!("`{}` is empty or repeated", r.id)));
        }
    }
    Ok(())
}

/// Input of `merge.plan`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MergePlanInput {
    /// The records to merge (at least two, distinct ids).
    pub records: Vec<MergeRecord>,
    /// The id of the record that survives.
    pub survivor: String,
    /// Per field, the id of the record whose value to take.
    #[serde(default)]
    pub choices: BTreeMap<String, String>,
}

/// Input of `merge.apply`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeApplyInput {
    /// The records the plan was made for.
    pub records: Vec<MergeRecord>,
    /// The plan, without conflicts left.
    pub plan: MergePlan,
}

/// Input of `merge.revert`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeRevertInput {
    /// The merged survivor.
    pub survivor: MergeRecord,
    /// The plan that was applied.
    pub plan: MergePlan,
}

crate::rules! {
    pub(crate) RULES = [
        {
            name: "merge.plan",
            ids: ["CAD-7"],
            pt: "Um plano de mesclagem revisável e reversível: filhos movidos, origem de cada campo, conflitos.",
            en: "A reviewable, reversible merge plan: children moved, the source of every field, conflicts.",
            python: "plan_merge(records, survivor, choices=None)",
            js: "planMerge",
            input: MergePlanInput,
            outcome: MergePlan,
            run: |ctx, i| plan(ctx, &i.records, &i.survivor, &i.choices),
        },
        {
            name: "merge.apply",
            ids: ["CAD-7"],
            pt: "Aplica um plano de mesclagem sem perder nada.",
            en: "Applies a merge plan without losing anything.",
            python: "apply_merge(records, plan)",
            js: "applyMerge",
            input: MergeApplyInput,
            outcome: MergeResult,
            run: |ctx, i| apply(ctx, &i.records, &i.plan),
        },
        {
            name: "merge.revert",
            ids: ["CAD-7"],
            pt: "Desfaz exatamente uma mesclagem aplicada.",
            en: "Reverts an applied merge exactly.",
            python: "revert_merge(survivor, plan)",
            js: "revertMerge",
            input: MergeRevertInput,
            outcome: Reverted,
            run: |ctx, i| revert(ctx, &i.survivor, &i.plan),
        },
    ];
}

/// Plans the merge of `records` into `survivor` (CAD-7). `choices` names, per field,
/// the record whose value to take.
pub fn plan(
    _ctx: &Context,
    records: &[MergeRecord],
    survivor: &str,
    choices: &BTreeMap<String, String>,
) -> Result<Decision<MergePlan>> {
    check_records(records)?;
    let Some(kept) = records.iter().find(|r| r.id == survivor) else {
        return Err(CrmError::invalid("survivor", format!("`{survivor}` is not one of the records")));
    };
    for (field, chosen) in choices {
        if !records.iter().any(|r| &r.id == chosen) {
            return Err(CrmError::invalid(format!("choices.{field}"), format!("`{chosen}` is not one of the records")));
        }
    }
    let merged: Vec<String> = records.iter().filter(|r| r.id != survivor).map(|r| r.id.clone()).collect();
    let mut moves = Vec::new();
    for r in records.iter().filter(|r| r.id != survivor) {
        for kind in CHILD_KINDS {
            for child in r.children.of_kind(kind) {
                moves.push(Move {
                    kind: kind.to_owned(),
                    child: child.clone(),
                    from: r.id.clone(),
                    to: survivor.to_owned(),
                });
            }
        }
    }
    // The survivor first, then the others in input order.
    let ordered: Vec<&MergeRecord> = std::iter::once(kept).chain(records.iter().filter(|r| r.id != survivor)).collect();
    let names: BTreeSet<&String> = records.iter().flat_map(|r| r.fields.keys()).collect();
    let mut fields = BTreeMap::new();
    let mut conflicts = Vec::new();
    for name in names {
        let present: Vec<(&MergeRecord, &Value)> =
            ordered.iter().filter_map(|r| r.fields.get(name).filter(|v| !is_absent(v)).map(|v| (*r, v))).collect();
        let chosen = choices.get(name).and_then(|id| present.iter().find(|(r, _)| &r.id == id));
        let taken = match (chosen, present.first()) {
            (Some((r, v)), _) => Some((r.id.clone(), (*v).clone())),
            (None, None) => None,
            (None, Some((r, v))) if present.iter().all(|(_, o)| same_value(v, o)) => Some((r.id.clone(), (*v).clone())),
            (None, Some(_)) => {
                let values = records
                    .iter()
                    .filter_map(|r| {
                        r.fields
                            .get(name)
                            .filter(|v| !is_absent(v))
                            .map(|v| ConflictValue { record: r.id.clone(), value: v.clone() })
                    })
                    .collect();
                conflicts.push(Conflict { field: name.clone(), values });
                None
            }
        };
        if let Some((from, value)) = taken {
            fields.insert(name.clone(), FieldSource { value, from });
        }
    }
    let text = {
        let (names, survivor) = (merged.clone(), survivor.to_owned());
        let (moved, settled, open) = (moves.len(), fields.len(), conflicts.len());
        move |lang| {
            match lang {
            Lang::Pt => format!(
                "Mesclar {} em {survivor}: {} registro(s) filho(s) movido(s), {} campo(s) definido(s), {} conflito(s) a escolher.",
                names.join(", "),
                moved,
                settled,
                open
            ),
            Lang::En => format!(
                "Merge {} into {survivor}: {} child record(s) moved, {} field(s) settled, {} conflict(s) to choose.",
                names.join(", "),
                moved,
                settled,
                open
            ),
        }
        }
    };
    let mut reasons = vec![Reason::lazy("CAD-7", text).fact("survivor", survivor).fact_json("merged", &merged)];
    for c in &conflicts {
        let field = c.field.clone();
        reasons.push(
            Reason::lazy("CAD-7", move |lang| match lang {
                Lang::Pt => format!("Campo \"{}\" diverge entre os registros: escolha qual valor manter.", field),
                Lang::En => format!("Field \"{}\" differs between the records: choose which value to keep.", field),
            })
            .fact_json("conflict", c),
        );
    }
    Ok(Decision::new(
        MergePlan { survivor: survivor.to_owned(), merged, originals: records.to_vec(), moves, fields, conflicts },
        reasons,
    ))
}

/// Applies a plan (CAD-7): the survivor gets every child record and the planned
/// fields. Refused while conflicts remain or if the records changed since the plan.
pub fn apply(_ctx: &Context, records: &[MergeRecord], plan: &MergePlan) -> Result<Decision<MergeResult>> {
    if !plan.conflicts.is_empty() {
        let names: Vec<&str> = plan.conflicts.iter().map(|c| c.field.as_str()).collect();
        return Err(CrmError::invalid(
            "plan.conflicts",
            format!("choose a value for {} before applying (plan again with `choices`)", names.join(", ")),
        ));
    }
    if records != plan.originals.as_slice() {
        return Err(CrmError::invalid("records", "the records changed since the plan was made: plan again"));
    }
    let Some(kept) = records.iter().find(|r| r.id == plan.survivor) else {
        return Err(CrmError::invalid("plan.survivor", "not one of the records"));
    };
    let mut survivor = kept.clone();
    for m in &plan.moves {
        let list = survivor
            .children
            .of_kind_mut(&m.kind)
            .ok_or_else(|| CrmError::invalid("plan.moves", format!("unknown child kind `{}`", m.kind)))?;
        list.push(m.child.clone());
    }
    survivor.fields = plan.fields.iter().map(|(k, f)| (k.clone(), f.value.clone())).collect();
    let (names, into) = (plan.merged.clone(), plan.survivor.clone());
    let reason = Reason::lazy("CAD-7", move |lang| match lang {
        Lang::Pt => format!("{} mesclado(s) em {}; nada foi perdido.", names.join(", "), into),
        Lang::En => format!("{} merged into {}; nothing was lost.", names.join(", "), into),
    })
    .fact("moves", plan.moves.len());
    Ok(Decision::new(MergeResult { survivor, merged_away: plan.merged.clone() }, vec![reason]))
}

/// Reverts an applied plan (CAD-7): the merged records come back as they were, and the
/// survivor gets its own fields back and loses only the children the plan moved
/// (children added after the merge stay on it).
pub fn revert(_ctx: &Context, survivor: &MergeRecord, plan: &MergePlan) -> Result<Decision<Reverted>> {
    if survivor.id != plan.survivor {
        return Err(CrmError::invalid(
            "survivor.id",
            format!("`{}` is not the plan's survivor `{}`", survivor.id, plan.survivor),
        ));
    }
    let Some(original) = plan.originals.iter().find(|r| r.id == plan.survivor) else {
        return Err(CrmError::invalid("plan.originals", "the survivor's original is missing"));
    };
    let mut restored = survivor.clone();
    for (i, m) in plan.moves.iter().enumerate() {
        let list = restored.children.of_kind_mut(&m.kind).ok_or_else(|| {
            CrmError::invalid(format!("plan.moves[{i}].kind"), format!("unknown child kind `{}`", m.kind))
        })?;
        let Some(pos) = list.iter().rposition(|c| c == &m.child) else {
            return Err(CrmError::invalid(
                format!("plan.moves[{i}]"),
                format!("{} `{}` is no longer on the survivor: cannot revert exactly", m.kind, m.child),
            ));
        };
        list.remove(pos);
    }
    restored.fields = original.fields.clone();
    let records: Vec<MergeRecord> =
        plan.originals.iter().map(|r| if r.id == plan.survivor { restored.clone() } else { r.clone() }).collect();
    let (into, restored_count) = (plan.survivor.clone(), records.len());
    let reason = Reason::lazy("CAD-7", move |lang| match lang {
        Lang::Pt => format!("Mesclagem em {} desfeita: {} registro(s) restaurado(s).", into, restored_count),
        Lang::En => format!("Merge into {} reverted: {} record(s) restored.", into, restored_count),
    });
    Ok(Decision::new(Reverted { records }, vec![reason]))
}

#[cfg(test)]
mod tests;
