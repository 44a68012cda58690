//! Policy of atendimentos (ATD-1..3, seed 003 "Criar/Gerenciar atendimentos", seed 000
//! §1–2): the funnel phases an atendimento goes through, the phase that means a sale,
//! the statuses that only conclude one, and how lateness is counted.

use serde::{Deserialize, Serialize};

use crate::error::{CrmError, Result};
use crate::text::fold;

/// Atendimentos (ATD-1..3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct AtendimentosPolicy {
    /// ATD-1, 000 §2 ("Fases do Funil"): the statuses (situações) an atendimento moves
    /// through, in funnel order; a new atendimento starts in the first. Compared
    /// ignoring accents and case, answered as spelled here. Seed-like default:
    /// `Prospecto`, `Em atendimento`, `Orçamento enviado`, `Em negociação`, `Venda`.
    pub funnel_phases: Vec<String>,
    /// 000 §2 ("marque o status como Venda"): the phase that means a closed sale, which
    /// needs value and conditions (ORC-1). One of `funnel_phases`. Seed: `Venda`.
    pub sale_phase: String,
    /// 000 §1 ("Conclusão do Atendimento: marque o status correspondente"): statuses that
    /// only conclude an atendimento (`close`), besides the funnel phases. Default:
    /// `Resolvido`, `Perda` (000 §3: a loss to analyse).
    pub closing_statuses: Vec<String>,
    /// ATD-3: count how late an overdue atendimento is in business days of the policy
    /// calendar instead of calendar days. Default: `false` (the vencimento is a
    /// calendar date and the seed gives no business-day rule for it).
    pub overdue_in_business_days: bool,
}

impl Default for AtendimentosPolicy {
    fn default() -> Self {
        let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect();
        AtendimentosPolicy {
            funnel_phases: s(&["Prospecto", "Em atendimento", "Orçamento enviado", "Em negociação", "Venda"]),
            sale_phase: "Venda".to_owned(),
            closing_statuses: s(&["Resolvido", "Perda"]),
            overdue_in_business_days: false,
        }
    }
}

/// Checks the atendimentos section (paths start with `policy.atendimentos`): every
/// status named, none repeated (ignoring accents and case) across both lists, at least
/// one phase, and the sale phase among the phases.
pub(crate) fn validate(p: &AtendimentosPolicy) -> Result<()> {
    if p.funnel_phases.is_empty() {
        return Err(CrmError::policy("policy.atendimentos.funnel_phases", "at least one funnel phase is needed"));
    }
    let mut seen: Vec<String> = Vec::with_capacity(p.funnel_phases.len() + p.closing_statuses.len());
    for (list, values) in [("funnel_phases", &p.funnel_phases), ("closing_statuses", &p.closing_statuses)] {
        for (i, v) in values.iter().enumerate() {
            let path = format!("policy.atendimentos.{list}[{i}]");
            let key = fold(v);
            if key.is_empty() {
                return Err(CrmError::policy(path, "must not be empty"));
            }
            if seen.contains(&key) {
                return Err(CrmError::policy(
                    path,
                    format!("`{v}` repeats an earlier status (accents and case ignored)"),
                ));
            }
            seen.push(key);
        }
    }
    let sale = fold(&p.sale_phase);
    if !p.funnel_phases.iter().any(|f| fold(f) == sale) {
        return Err(CrmError::policy(
            "policy.atendimentos.sale_phase",
            format!("`{}` is not one of the funnel phases", p.sale_phase),
        ));
    }
    Ok(())
}
