// The generated declarations type the public API precisely: no `any`, and every
// export and type of docs/API.md is declared in both builds.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

/** The rule registry of the core, as `crm-rules schema` writes it. */
const REGISTRY = JSON.parse(readFileSync(new URL("../../../schema/registry.json", import.meta.url), "utf8")).rules;
const RULES = REGISTRY.map((r) => r.name);
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

  test(`${build}: every rule of the registry has a Rules entry, evaluate is typed by it, and its function exists`, () => {
    assert.ok(RULES.length >= 31, `only ${RULES.length} rules`);
    assert.match(api, /export function evaluate<R extends RuleName>\(rule: R, input: Rules\[R\]\["input"\]\): Rules\[R\]\["answer"\];/);
    for (const rule of REGISTRY) {
      assert.match(api, new RegExp(`^\\s+"${rule.name.replace(".", "\\.")}": \\{ input: \\w+; outcome: .+; answer: \\w+ \\};`, "m"), rule.name);
      if (rule.js) assert.match(api, new RegExp(`export function ${rule.js}\\(input: \\w+\\): \\w+Decision;`), rule.js);
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
      assert.match(api, new RegExp(`export function ${fn}(<[^>]+>)?\\(`), fn);
    }
    assert.match(api, /export class Calendar \{/);
    for (const type of [
      "Policy", "CalendarPolicy", "AgendamentoPolicy", "Agendamento", "AgendamentoKind", "Purpose",
      "Holiday", "Reason", "Decision<T>", "CreateRequest", "CreateOutcome", "RenewOutcome",
      "AgendamentoStatus", "CrmError", "CrmErrorCode", "RuleName",
      "InboundContact", "AgendamentoInput", "Account", "DebtInput", "BoletoInput", "AccountStatus", "User", "Team",
      "DateRange", "Debt", "Boleto", "ContactRequest", "SaleRequest", "Channel",
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
