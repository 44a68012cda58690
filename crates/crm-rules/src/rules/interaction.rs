//! Recording interactions — MOV-1..3 (seed 001, general §1–2).
//!
//! - MOV-1: every contact is recorded with its reason; an unanswered call is recorded
//!   as an attempt.
//! - MOV-2: closing an agendamento needs a note saying what was done; a note that is
//!   empty or only dots/ellipsis ("...", "[...]") is refused.
//! - MOV-3: the link to the external conversation belongs on the first interaction of a
//!   case; its absence is a warning.

use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::decision::{Decision, Reason};
use crate::error::Result;
use crate::model::{Channel, Interaction};
use crate::text::fold;

/// Input of `interaction.check`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckInteractionInput {
    /// The interaction as recorded.
    pub interaction: Interaction,
}

crate::rules! {
    pub(crate) RULES = [{
        name: "interaction.check",
        ids: ["MOV-1", "MOV-2", "MOV-3"],
        pt: "Confere como uma interação foi registrada (motivo, tentativa, nota de encerramento, vínculo).",
        en: "Checks how an interaction was recorded (reason, attempt, closing note, link).",
        python: "check_interaction(interaction)",
        js: "checkInteraction",
        input: CheckInteractionInput,
        outcome: InteractionCheck,
        run: |ctx, i| check_interaction(ctx, &i.interaction),
    }];
}

/// Outcome of [`check_interaction`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct InteractionCheck {
    /// No errors.
    pub valid: bool,
    /// `missing_reason`, `unanswered_call_not_attempt`, `empty_closing_note`.
    #[schemars(extend("items" = {"type": "string", "enum": ["missing_reason", "unanswered_call_not_attempt", "empty_closing_note"]}))]
    pub errors: Vec<String>,
    /// `missing_link`.
    #[schemars(extend("items" = {"type": "string", "enum": ["missing_link"]}))]
    pub warnings: Vec<String>,
}

/// A note with nothing but dots, ellipses, brackets and spaces says nothing (MOV-2).
pub(crate) fn says_nothing(note: &str) -> bool {
    note.chars().all(|c| c.is_whitespace() || matches!(c, '.' | '…' | '[' | ']' | '(' | ')'))
}

/// Checks how an interaction was recorded (MOV-1..3).
pub fn check_interaction(ctx: &Context, i: &Interaction) -> Result<Decision<InteractionCheck>> {
    let allowed = &ctx.policy().interaction.allowed_reasons;
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut reasons = Vec::new();
    let reason = i.reason.as_deref().map(str::trim).unwrap_or_default();
    let reason_ok = !reason.is_empty() && (allowed.is_empty() || allowed.iter().any(|a| fold(a) == fold(reason)));
    if !reason_ok {
        errors.push("missing_reason".to_owned());
        reasons.push(
            Reason::new(
                "MOV-1",
                "Toda movimentação informa o motivo do contato (retorno de erro, venda, oferecimento de produto…).",
                "Every interaction states the reason for the contact (error follow-up, sale, product offer…).",
            )
            .fact("reason", i.reason.as_deref())
            .fact_json("allowed_reasons", allowed),
        );
    }
    if i.channel == Channel::Phone && !i.answered && !i.recorded_as_attempt {
        errors.push("unanswered_call_not_attempt".to_owned());
        reasons.push(Reason::new(
            "MOV-1",
            "Ligação não atendida: registrar como tentativa de contato.",
            "Unanswered call: record it as a contact attempt.",
        ));
    }
    if i.closes_agendamento && says_nothing(i.note.as_deref().unwrap_or_default()) {
        errors.push("empty_closing_note".to_owned());
        reasons.push(
            Reason::new(
                "MOV-2",
                "Ao concluir um agendamento, registre o que foi feito (nunca só pontos \"[...]\").",
                "When closing an agendamento, record what was done (never just dots \"[...]\").",
            )
            .fact("note", i.note.as_deref()),
        );
    }
    if i.first_of_case && i.link.as_deref().map(str::trim).unwrap_or_default().is_empty() {
        warnings.push("missing_link".to_owned());
        reasons.push(Reason::new(
            "MOV-3",
            "Primeira interação do caso sem o link da conversa/tarefa/negócio (ex.: Bitrix): inclua já na primeira.",
            "First interaction of the case without the link to the conversation/task/deal (e.g. Bitrix): add it now.",
        ));
    }
    if errors.is_empty() && warnings.is_empty() {
        reasons.push(Reason::new("MOV-1", "Movimentação registrada corretamente.", "Interaction recorded correctly."));
    }
    Ok(Decision::new(InteractionCheck { valid: errors.is_empty(), errors, warnings }, reasons))
}
