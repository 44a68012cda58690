//! The report's pipeline section (ATD-3, ATD-4): each sample pipeline's listing as its
//! first authorised user sees it (active atendimentos, last update first), with its
//! "a receber" and the atendimentos past their due date.

use serde_json::{json, Value};

/// One row per pipeline of `data["pipelines"]`:
/// `{pipeline, user, rows, receivable, overdue}` (answers of `atendimento.list` and
/// `atendimento.overdue`).
pub(crate) fn rows(data: &Value, on: &str, policy: &Value, file: &str) -> Result<Vec<Value>, String> {
    let all = data["atendimentos"].as_array().cloned().unwrap_or_default();
    let mut rows = Vec::new();
    for (i, pipeline) in data["pipelines"].as_array().into_iter().flatten().enumerate() {
        let Some(user) = pipeline["authorised_users"].get(0) else { continue };
        let input = json!({ "user": user, "pipeline": pipeline, "atendimentos": all, "policy": policy });
        let listed = crm_rules::evaluate("atendimento.list", input)
            .map_err(|e| format!("{file}: pipelines[{i}]: {e} ({})", e.code()))?;
        let mine: Vec<&Value> = all.iter().filter(|a| a["pipeline"] == pipeline["id"]).collect();
        let overdue =
            crm_rules::evaluate("atendimento.overdue", json!({ "on": on, "atendimentos": mine, "policy": policy }))
                .map_err(|e| format!("{file}: atendimentos: {e} ({})", e.code()))?;
        rows.push(json!({
            "pipeline": pipeline["id"],
            "user": user,
            "rows": listed["outcome"]["rows"],
            "receivable": listed["outcome"]["receivable"],
            "overdue": overdue["outcome"]["overdue"],
        }));
    }
    Ok(rows)
}

/// Centavos as reais: `R$ 1.234,56`.
fn reais(centavos: &Value) -> String {
    let Some(c) = centavos.as_u64() else { return "-".to_owned() };
    let whole = (c / 100).to_string();
    let mut grouped = String::new();
    for (k, digit) in whole.chars().enumerate() {
        if k > 0 && (whole.len() - k) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    format!("R$ {grouped},{:02}", c % 100)
}

/// The rows as text.
pub(crate) fn text(rows: &[Value], on: &str, english: bool) -> String {
    let mut out = if english {
        format!("\n\nPipelines on {on}: active atendimentos (last update first), a receber, overdue\n")
    } else {
        format!("\n\nFluxos em {on}: atendimentos ativos (última atualização primeiro), a receber, vencidos\n")
    };
    for row in rows {
        let s = |v: &Value| v.as_str().unwrap_or("?").to_owned();
        let receivable = &row["receivable"];
        out.push_str(&format!(
            "\n{} ({} {})  a receber: {} ({} {})\n",
            s(&row["pipeline"]),
            if english { "as" } else { "por" },
            s(&row["user"]),
            reais(&receivable["centavos"]),
            receivable["quotes"],
            if english { "quote(s) awaiting approval" } else { "orçamento(s) em aprovação" },
        ));
        for r in row["rows"].as_array().into_iter().flatten() {
            out.push_str(&format!(
                "  {} | {} | {} | {} | {} | {}\n",
                s(&r["reference"]),
                s(&r["title"]),
                s(&r["contact"]),
                s(&r["status"]),
                reais(&r["value_centavos"]),
                s(&r["updated_on"]),
            ));
        }
        for o in row["overdue"].as_array().into_iter().flatten() {
            out.push_str(&format!(
                "  {}: {} ({} {}, {} {})\n",
                if english { "overdue" } else { "vencido" },
                s(&o["reference"]),
                if english { "due" } else { "vencimento" },
                s(&o["due"]),
                o["days_late"],
                if english { "day(s) late" } else { "dia(s) de atraso" },
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    /// The sample data (examples/data/crm.json), on its `as_of`, 2026-11-23.
    #[test]
    fn sample_pipelines() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/crm.json");
        let data: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let rows = rows(&data, "2026-11-23", &data["policy"], "crm.json").unwrap();
        assert_eq!(rows.len(), 2);
        // vendas, as ana: T-2 (updated 19/11) before T-1 (18/11); T-3 is archived.
        let vendas = &rows[0];
        let ids: Vec<&str> = vendas["rows"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["T-2", "T-1"]);
        // T-1's value: its current version of O-7 (v2), 3 × 250,00 − 50,00; T-2: its sale.
        assert_eq!(vendas["rows"][1]["value_centavos"], 70_000);
        assert_eq!(vendas["rows"][0]["value_centavos"], 189_900);
        // A receber: O-7 v2 (70 000) and the archived T-3's O-3 (12 000); O-9 is approved.
        assert_eq!(vendas["receivable"], json!({ "centavos": 82_000, "quotes": 2 }));
        // T-1 was due on 20/11: 3 days late on 23/11 (calendar days, the default).
        assert_eq!(vendas["overdue"][0]["reference"], "1042");
        assert_eq!(vendas["overdue"][0]["days_late"], 3);
        assert_eq!(vendas["overdue"].as_array().unwrap().len(), 1);
        // suporte, as elaine: T-4 without a quote, nothing to receive, nothing overdue.
        let suporte = &rows[1];
        assert_eq!((suporte["user"].as_str(), suporte["rows"][0]["id"].as_str()), (Some("elaine"), Some("T-4")));
        assert_eq!(suporte["receivable"], json!({ "centavos": 0, "quotes": 0 }));
        let text = text(&rows, "2026-11-23", false);
        assert!(text.contains("vendas (por ana)  a receber: R$ 820,00 (2 orçamento(s) em aprovação)"), "{text}");
        assert!(
            text.contains("  999 | Renovação da assinatura | Márcia Lima | Venda | R$ 1.899,00 | 2026-11-19"),
            "{text}"
        );
        assert!(text.contains("vencido: 1042 (vencimento 2026-11-20, 3 dia(s) de atraso)"), "{text}");
    }

    #[test]
    fn reais_are_grouped() {
        assert_eq!(reais(&json!(0)), "R$ 0,00");
        assert_eq!(reais(&json!(123_456_789)), "R$ 1.234.567,89");
        assert_eq!(reais(&Value::Null), "-");
    }
}
