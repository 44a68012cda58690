//! `crm-rules`: run the procedures over CRM data in JSON files.
//!
//! ```text
//! crm-rules report FILE [--on YYYY-MM-DD] [--lang pt|en] [--json]
//! crm-rules evaluate RULE [FILE|-]
//! crm-rules rules
//! crm-rules schema [DIR]
//! ```

// `serde_json::Value[..]` never panics on reads (a missing key gives `Null`).
#![allow(clippy::indexing_slicing)]

use std::io::Read;
use std::process::ExitCode;

use serde_json::{json, Value};

mod pipelines;
mod portfolio;

const USAGE: &str = "usage:
  crm-rules report FILE [--on YYYY-MM-DD] [--lang pt|en] [--json]
      every agendamento of FILE with its deadline, maximum, status and reasons,
      as of FILE's \"as_of\" date (or --on)
  crm-rules evaluate RULE [FILE|-]
      run one rule on a JSON input (from FILE or standard input); prints the answer
  crm-rules rules
      list the rules: name, the rule IDs it cites, description
  crm-rules schema [DIR]
      write the JSON Schemas of every rule's input and answer, of the policy and
      the registry under DIR (default: schema)";

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
        Some((cmd, _)) if cmd == "rules" => Ok(rules()),
        Some((cmd, rest)) if cmd == "schema" => schema(rest.first().map_or("schema", String::as_str)),
        _ => Err(USAGE.to_owned()),
    }
}

/// One line per rule: name, the rule IDs it may cite, the English description.
fn rules() -> String {
    let lines: Vec<String> = crm_rules::registry::rules()
        .map(|r| format!("{:<32} {:<40} {}", r.name, r.ids.join(","), r.description_en))
        .collect();
    lines.join("\n")
}

/// Writes every schema file under `dir`; says how many.
fn schema(dir: &str) -> Result<String, String> {
    let files = crm_rules::schema::files();
    for (name, value) in &files {
        let path = std::path::Path::new(dir).join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())? + "\n";
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(format!("{} schema files written under {dir}", files.len()))
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

/// Labels in the report's language.
fn label(english: bool, pt: &'static str, en: &'static str) -> &'static str {
    if english {
        en
    } else {
        pt
    }
}

fn yes_no(english: bool, v: &Value) -> &'static str {
    if *v == Value::Bool(true) {
        label(english, "sim", "yes")
    } else {
        label(english, "não", "no")
    }
}

fn text(v: &Value) -> String {
    v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string())
}

fn reasons(out: &mut String, decision: &Value, english: bool) {
    for r in decision["reasons"].as_array().into_iter().flatten() {
        let msg = if english { &r["message_en"] } else { &r["message_pt"] };
        out.push_str(&format!("  - [{}] {}\n", text(&r["rule"]), text(msg)));
    }
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
    let accounts = data["accounts"].as_array().cloned().unwrap_or_default();
    let en = o.english;

    let mut agendamentos = Vec::new();
    for (a, account) in accounts.iter().enumerate() {
        for (i, ag) in account["agendamentos"].as_array().into_iter().flatten().enumerate() {
            let input = json!({ "agendamento": ag, "on": on, "policy": policy });
            let answer = crm_rules::evaluate("agendamento.evaluate", input)
                .map_err(|e| format!("{}: accounts[{a}].agendamentos[{i}]: {e} ({})", o.file, e.code()))?;
            agendamentos.push(json!({ "account": account["id"], "agendamento": ag, "decision": answer }));
        }
    }

    let mut contacts = Vec::new();
    for (i, c) in data["contacts"].as_array().into_iter().flatten().enumerate() {
        let account = accounts
            .iter()
            .find(|a| a["id"] == c["account"])
            .ok_or_else(|| format!("{}: contacts[{i}].account: no account {}", o.file, c["account"]))?;
        let mut input = c.clone();
        if let Value::Object(map) = &mut input {
            map.insert("account".into(), account.clone());
            map.insert("users".into(), data["users"].clone());
            map.insert("on".into(), json!(on));
            map.insert("policy".into(), policy.clone());
        }
        let answer = crm_rules::evaluate("contact.inbound", input)
            .map_err(|e| format!("{}: contacts[{i}]: {e} ({})", o.file, e.code()))?;
        contacts.push(json!({ "account": c["account"], "contact": c["contact"], "decision": answer }));
    }

    let portfolios = portfolio::rows(&data, &on, &policy, &o.file)?;
    let pipelines = pipelines::rows(&data, &on, &policy, &o.file)?;

    if o.json {
        return serde_json::to_string_pretty(&json!({
            "as_of": on, "agendamentos": agendamentos, "contacts": contacts, "portfolios": portfolios,
            "pipelines": pipelines,
        }))
        .map_err(|e| e.to_string());
    }
    let mut out = String::new();
    out.push_str(&format!(
        "{} {on} ({} {})\n",
        label(en, "Agendamentos em", "Agendamentos on"),
        agendamentos.len(),
        label(en, "registros", "records")
    ));
    for row in &agendamentos {
        let ag = &row["agendamento"];
        let outcome = &row["decision"]["outcome"];
        out.push_str(&format!(
            "\n{} ({}) | {} | {} | {}\n  {}: {}  {}: {}  {}: {}  status: {}  {}: {}\n",
            text(&ag["id"]),
            text(&row["account"]),
            text(&ag["owner"]),
            text(&ag["kind"]),
            text(&ag["subject"]),
            label(en, "criado", "created"),
            text(&ag["created_on"]),
            label(en, "prazo", "deadline"),
            text(&outcome["deadline"]),
            label(en, "máximo", "maximum"),
            text(&outcome["maximum"]),
            text(&outcome["status"]),
            label(en, "prioridade de venda", "sales priority"),
            yes_no(en, &outcome["sales_priority"]),
        ));
        reasons(&mut out, &row["decision"], en);
    }
    out.push_str(&format!(
        "\n\n{} {on} ({})\n",
        label(en, "Contatos recebidos em", "Inbound contacts on"),
        contacts.len()
    ));
    for row in &contacts {
        let c = &row["contact"];
        let outcome = &row["decision"]["outcome"];
        let route = &outcome["route"];
        let commission = &outcome["commission"];
        let actions: Vec<String> =
            outcome["required_actions"].as_array().into_iter().flatten().map(|a| text(&a["code"])).collect();
        out.push_str(&format!(
            "\n{} | {} | \"{}\"\n  {}: {} ({})  {}: {}  {}: {}\n  {}: {}  {}: {}\n",
            text(&row["account"]),
            text(&c["channel"]),
            text(&c["subject"]),
            label(en, "atende", "attended by"),
            text(&route["user"]),
            text(&route["route"]),
            label(en, "venda permitida", "sale allowed"),
            yes_no(en, &outcome["sale_allowed"]),
            label(en, "desconto", "discount"),
            yes_no(en, &outcome["discount_allowed"]),
            label(en, "comissão", "commission"),
            if commission["to"] == "manager_decides" {
                label(en, "gestor decide", "manager decides").to_owned()
            } else {
                text(&commission["user"])
            },
            label(en, "ações", "actions"),
            actions.join(", "),
        ));
        reasons(&mut out, &row["decision"], en);
    }
    out.push_str(&portfolio::text(&portfolios, &on, en));
    out.push_str(&pipelines::text(&pipelines, &on, en));
    Ok(out)
}
