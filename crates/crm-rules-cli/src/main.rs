//! `crm-rules`: run the procedures over CRM data in JSON files.
//!
//! ```text
//! crm-rules report FILE [--on YYYY-MM-DD] [--lang pt|en] [--json]
//! crm-rules evaluate RULE [FILE|-]
//! crm-rules rules
//! ```

// `serde_json::Value[..]` never panics on reads (a missing key gives `Null`).
#![allow(clippy::indexing_slicing)]

use std::io::Read;
use std::process::ExitCode;

use serde_json::{json, Value};

const USAGE: &str = "usage:
  crm-rules report FILE [--on YYYY-MM-DD] [--lang pt|en] [--json]
      every agendamento of FILE with its deadline, maximum, status and reasons,
      as of FILE's \"as_of\" date (or --on)
  crm-rules evaluate RULE [FILE|-]
      run one rule on a JSON input (from FILE or standard input); prints the answer
  crm-rules rules
      list the rule names";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    match args.split_first() {
        Some((cmd, rest)) if cmd == "report" => report(rest),
        Some((cmd, rest)) if cmd == "evaluate" => evaluate(rest),
        Some((cmd, _)) if cmd == "rules" => Ok(crm_rules::RULES.join("\n")),
        _ => Err(USAGE.to_owned()),
    }
}

fn read_input(path: Option<&str>) -> Result<String, String> {
    match path {
        None | Some("-") => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok(s)
        }
        Some(p) => std::fs::read_to_string(p).map_err(|e| format!("cannot read {p}: {e}")),
    }
}

fn evaluate(args: &[String]) -> Result<String, String> {
    let rule = args.first().ok_or(USAGE)?;
    let text = read_input(args.get(1).map(String::as_str))?;
    let input: Value = serde_json::from_str(&text).map_err(|e| format!("the input is not JSON: {e}"))?;
    match crm_rules::evaluate(rule, input) {
        Ok(answer) => serde_json::to_string_pretty(&answer).map_err(|e| e.to_string()),
        Err(e) => Err(serde_json::to_string_pretty(&json!({ "error": e.to_json() })).unwrap_or_else(|_| e.to_string())),
    }
}

struct Options {
    file: String,
    on: Option<String>,
    english: bool,
    json: bool,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut it = args.iter();
    let mut o = Options { file: String::new(), on: None, english: false, json: false };
    while let Some(a) = it.next() {
        match a.as_str() {
            "--on" => o.on = Some(it.next().ok_or("--on needs a date")?.clone()),
            "--lang" => o.english = it.next().ok_or("--lang needs pt or en")? == "en",
            "--json" => o.json = true,
            f if o.file.is_empty() && !f.starts_with("--") => o.file = f.to_owned(),
            other => return Err(format!("unexpected argument {other}\n{USAGE}")),
        }
    }
    if o.file.is_empty() {
        return Err(USAGE.to_owned());
    }
    Ok(o)
}

fn report(args: &[String]) -> Result<String, String> {
    let o = options(args)?;
    let data: Value =
        serde_json::from_str(&read_input(Some(&o.file))?).map_err(|e| format!("{}: not JSON: {e}", o.file))?;
    let on =
        o.on.clone()
            .or_else(|| data["as_of"].as_str().map(str::to_owned))
            .ok_or("no date to judge on: give \"as_of\" in the file or --on YYYY-MM-DD (rules never read the clock)")?;
    let policy = data.get("policy").cloned().unwrap_or(Value::Null);
    let agendamentos = data["agendamentos"].as_array().cloned().unwrap_or_default();
    let mut rows = Vec::new();
    for (i, ag) in agendamentos.iter().enumerate() {
        let input = json!({ "agendamento": ag, "on": on, "policy": policy });
        let answer = crm_rules::evaluate("agendamento.evaluate", input)
            .map_err(|e| format!("{}: agendamentos[{i}]: {} ({})", o.file, e, e.code()))?;
        rows.push(json!({ "agendamento": ag, "decision": answer }));
    }
    if o.json {
        return serde_json::to_string_pretty(&json!({ "as_of": on, "agendamentos": rows })).map_err(|e| e.to_string());
    }
    let mut out = String::new();
    let title = if o.english { "Agendamentos on" } else { "Agendamentos em" };
    out.push_str(&format!("{title} {on} ({} {})\n", rows.len(), if o.english { "records" } else { "registros" }));
    for row in &rows {
        let ag = &row["agendamento"];
        let outcome = &row["decision"]["outcome"];
        let s = |v: &Value| v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string());
        out.push_str(&format!(
            "\n{} | {} | {} | {}\n  {}: {}  {}: {}  {}: {}  {}: {}\n",
            s(&ag["id"]),
            s(&ag["owner"]),
            s(&ag["kind"]),
            s(&ag["subject"]),
            if o.english { "created" } else { "criado" },
            s(&ag["created_on"]),
            if o.english { "deadline" } else { "prazo" },
            s(&outcome["deadline"]),
            if o.english { "maximum" } else { "máximo" },
            s(&outcome["maximum"]),
            "status",
            s(&outcome["status"]),
        ));
        out.push_str(&format!(
            "  {}: {}\n",
            if o.english { "sales priority" } else { "prioridade de venda" },
            if outcome["sales_priority"] == true {
                if o.english {
                    "yes"
                } else {
                    "sim"
                }
            } else if o.english {
                "no"
            } else {
                "não"
            }
        ));
        for r in row["decision"]["reasons"].as_array().into_iter().flatten() {
            let msg = if o.english { &r["message_en"] } else { &r["message_pt"] };
            out.push_str(&format!("  - [{}] {}\n", s(&r["rule"]), s(msg)));
        }
    }
    Ok(out)
}
