// The generated declarations type the public API precisely: no `any`, and every
// export and type of docs/API.md is declared in both builds.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

/** Every rule name of the core, read from RULES in crates/crm-rules/src/api.rs. */
const RULES = (() => {
  const src = readFileSync(new URL("../../../crates/crm-rules/src/api.rs", import.meta.url), "utf8");
  const list = src.match(/pub const RULES: &\[&str\] = &\[([\s\S]*?)\];/);
  assert.ok(list, "RULES not found in api.rs");
  return [...list[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
})();
const read = (p) => readFileSync(new URL(p, import.meta.url), "utf8");
/** The declarations without comments; for the web build, without wasm-bindgen's
 * loader section (`InitInput` onwards: raw exports of the module, not our API). */
function publicApi(dts) {
  const cut = dts.indexOf("export type InitInput");
  const api = cut === -1 ? dts : dts.slice(0, cut);
  return api.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
}

for (const build of ["pkg-node", "pkg-web"]) {
  const api = publicApi(read(`../${build}/crm_rules.d.ts`));

  test(`${build}: no any in the public API`, () => {
    const lines = api.split("\n").filter((l) => /\bany\b/.test(l));
    assert.deepEqual(lines, []);
  });

  test(`${build}: every rule name has an evaluate overload and a Rules entry`, () => {
    assert.ok(RULES.length >= 16, `only ${RULES.length} rules`);
    for (const rule of RULES) {
      assert.match(api, new RegExp(`export function evaluate\\(rule: "${rule.replace(".", "\\.")}"`), rule);
      assert.match(api, new RegExp(`^\\s+"${rule.replace(".", "\\.")}": \\{ input: \\w+; outcome: `, "m"), rule);
    }
  });

  test(`${build}: every export and type is declared`, () => {
    for (const fn of [
      "evaluate", "isBusinessDay", "addBusinessDays", "businessDaysBetween", "holidaysIn",
      "createAgendamento", "renewAgendamento", "evaluateAgendamento", "isCrmError",
      "agendamentosToClose", "inboundContact", "routeContact", "commission", "reinstatement",
      "debtDecision", "openBoletos", "thirdParty", "checkInteraction",
      "isValidCpf", "isValidCnpj", "formatCpf", "formatCnpj", "normalizePhone", "normalizeEmail",
      "searchKey", "cleanText",
    ]) {
      assert.match(api, new RegExp(`export function ${fn}\\(`), fn);
    }
    assert.match(api, /export class Calendar \{/);
    for (const type of [
      "Policy", "CalendarPolicy", "AgendamentoPolicy", "Agendamento", "AgendamentoKind", "Purpose",
      "Holiday", "Reason", "Decision<T>", "CreateRequest", "CreateOutcome", "RenewOutcome",
      "AgendamentoStatus", "CrmError", "CrmErrorCode", "RuleName",
      "InboundContact", "InboundContactInput", "Account", "AccountInput", "AccountStatus", "User", "Team",
      "DateRange", "Debt", "Boleto", "ContactRequest", "ContactRequestInput", "SaleRequest", "Channel",
      "Requester", "Interaction", "CheckInteractionInput", "ClosingSale", "CloseAfterSaleInput",
      "InboundOutcome", "RouteOutcome", "Route", "Commission", "CommissionTo", "DebtOutcome", "BoletoAlert",
      "ThirdPartyOutcome", "InteractionCheck", "CloseAfterSale", "ReinstatementOutcome", "Alert",
      "RequiredAction", "ReinstatementPolicy", "DebtPolicy", "ThirdPartyPolicy", "InteractionPolicy",
      "IdentifierInput",
    ]) {
      assert.match(api, new RegExp(`export (interface|type) ${type.replace(/[<>]/g, "\\$&")}[ <]`), type);
    }
  });
}
