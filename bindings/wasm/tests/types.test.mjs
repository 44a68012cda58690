// The generated declarations type the public API precisely: no `any`, and every
// export and type of docs/API.md is declared in both builds.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

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

  test(`${build}: every export and type is declared`, () => {
    for (const fn of [
      "evaluate", "isBusinessDay", "addBusinessDays", "businessDaysBetween", "holidaysIn",
      "createAgendamento", "renewAgendamento", "evaluateAgendamento", "isCrmError",
    ]) {
      assert.match(api, new RegExp(`export function ${fn}\\(`), fn);
    }
    assert.match(api, /export class Calendar \{/);
    for (const type of [
      "Policy", "CalendarPolicy", "AgendamentoPolicy", "Agendamento", "AgendamentoKind", "Purpose",
      "Holiday", "Reason", "Decision<T>", "CreateRequest", "CreateOutcome", "RenewOutcome",
      "AgendamentoStatus", "CrmError", "CrmErrorCode", "RuleName",
    ]) {
      assert.match(api, new RegExp(`export (interface|type) ${type.replace(/[<>]/g, "\\$&")}[ <]`), type);
    }
  });
}
