//! The report's portfolio section (ACC-2, DSC-3): for each sample user, how many
//! accounts they may see and which of those accounts' losses are due for review.

use serde_json::{json, Value};

/// One row per user of `data["portfolio"]["users"]`: `{user, visible, hidden, losses_due}`.
pub(crate) fn rows(data: &Value, on: &str, policy: &Value, file: &str) -> Result<Vec<Value>, String> {
    let portfolio = &data["portfolio"];
    let accounts = portfolio["accounts"].clone();
    let losses = data["losses"].as_array().cloned().unwrap_or_default();
    let mut rows = Vec::new();
    for (i, user) in portfolio["users"].as_array().into_iter().flatten().enumerate() {
        let input = json!({ "user": user, "accounts": accounts, "policy": policy });
        let seen = crm_rules::evaluate("account.visible", input)
            .map_err(|e| format!("{file}: portfolio.users[{i}]: {e} ({})", e.code()))?;
        let visible: Vec<&Value> = seen["outcome"]["visible"].as_array().into_iter().flatten().collect();
        let mine: Vec<&Value> = losses.iter().filter(|l| visible.contains(&&l["account"])).collect();
        let review = crm_rules::evaluate("loss.review", json!({ "losses": mine, "on": on, "policy": policy }))
            .map_err(|e| format!("{file}: losses: {e} ({})", e.code()))?;
        rows.push(json!({
            "user": user["id"],
            "visible": visible.len(),
            "hidden": seen["outcome"]["hidden"],
            "losses_due": review["outcome"]["due"],
        }));
    }
    Ok(rows)
}

/// The rows as text.
pub(crate) fn text(rows: &[Value], on: &str, english: bool) -> String {
    let mut out = String::new();
    out.push_str(&if english {
        format!("\n\nPortfolios on {on}: accounts each user may see, losses due for review\n")
    } else {
        format!("\n\nCarteiras em {on}: contas que cada usuário pode ver, perdas a revisar\n")
    });
    for row in rows {
        let due: Vec<String> = row["losses_due"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|d| {
                format!(
                    "{} ({} {})",
                    d["account"].as_str().unwrap_or("?"),
                    if english { "due" } else { "desde" },
                    d["due_on"].as_str().unwrap_or("?")
                )
            })
            .collect();
        out.push_str(&format!(
            "\n{}  {}: {}  {}: {}\n",
            row["user"].as_str().unwrap_or("?"),
            if english { "may see" } else { "vê" },
            row["visible"],
            if english { "losses to review" } else { "perdas a revisar" },
            if due.is_empty() { "-".to_owned() } else { due.join(", ") },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    /// The sample data (examples/data/crm.json), judged on its `as_of`, 2026-11-23.
    #[test]
    fn sample_portfolios() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/crm.json");
        let data: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let rows = rows(&data, "2026-11-23", &data["policy"], "crm.json").unwrap();
        let seen: Vec<(String, u64)> =
            rows.iter().map(|r| (r["user"].as_str().unwrap().to_owned(), r["visible"].as_u64().unwrap())).collect();
        // ana (own): C-1, C-4; gil (team ana, bruno): C-1, C-2, C-4; gestora (all): 4.
        assert_eq!(seen, [("ana".into(), 2), ("gil".into(), 3), ("gestora".into(), 4)]);
        let due = |i: usize| -> Vec<(String, String)> {
            rows[i]["losses_due"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| (d["account"].as_str().unwrap().into(), d["due_on"].as_str().unwrap().into()))
                .collect()
        };
        // C-1 recorded 2026-10-01 + 30 days = 2026-10-31; C-3 reviewed 2026-10-15 + 30 =
        // 2026-11-14; C-4 recorded 2026-11-20 is due only on 2026-12-20.
        assert_eq!(due(0), [("C-1".to_owned(), "2026-10-31".to_owned())]);
        assert_eq!(due(2), [("C-1".into(), "2026-10-31".into()), ("C-3".into(), "2026-11-14".into())]);
        assert!(text(&rows, "2026-11-23", true).contains("gestora  may see: 4"));
    }
}
