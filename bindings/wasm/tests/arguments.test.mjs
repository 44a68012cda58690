// Wrong arguments, from plain JS (no type checker): every export of both builds
// (pkg-node, pkg-web) throws the library's CrmError for them, naming the argument —
// never a TypeError, never a wasm trap, never a silent coercion. Also: version() is
// the workspace version, and answers are plain objects (never Maps).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import node from "./crm.mjs";
import initWeb, * as web from "../pkg-web/crm_rules.js";

await initWeb({ module_or_path: readFileSync(new URL("../pkg-web/crm_rules_core_bg.wasm", import.meta.url)) });
await web.initRecords({ module_or_path: readFileSync(new URL("../pkg-web/crm_rules_records_bg.wasm", import.meta.url)) });

const read = (p) => readFileSync(new URL(p, import.meta.url), "utf8");

/** The rule registry of the core (`crm-rules schema`): `{name, js, …}` per rule. */
const REGISTRY = JSON.parse(read("../../../schema/registry.json")).rules;
const GENERATED = REGISTRY.filter((r) => r.js !== "");

/** `version` of `[workspace.package]` in the workspace's Cargo.toml. */
function workspaceVersion() {
  const toml = read("../../../Cargo.toml");
  const section = toml.split(/^\[/m).find((s) => s.startsWith("workspace.package]"));
  assert.ok(section, "no [workspace.package] in Cargo.toml");
  const m = section.match(/^version\s*=\s*"([^"]+)"/m);
  assert.ok(m, "no version in [workspace.package]");
  return m[1];
}

/** The error codes of the core (schema/error.json), as `CrmErrorCode` declares them. */
const CODES = JSON.parse(read("../../../schema/error.json")).properties.error.properties.code.enum;

/** Shows a test value in a test name (`undefined`, `null`, `a Date`, `"1"`, `1.5`, …). */
function show(v) {
  if (v === undefined) return "undefined";
  if (typeof v === "bigint") return `${v}n`;
  if (v instanceof Date) return "a Date";
  if (typeof v === "function") return "a function";
  if (v instanceof String) return `new String(${JSON.stringify(String(v))})`;
  if (v instanceof Number) return `new Number(${Number(v)})`;
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "Infinity";
  return JSON.stringify(v);
}

/** Inputs that are not an input object at all. */
const NOT_AN_OBJECT = [20261120, new Date(2026, 10, 20), null, undefined, "{}", true, [], () => ({})];
/** Values that are not a `YYYY-MM-DD` string (a `Date` and a `String` object included). */
const NOT_A_DATE = [20261120, new Date(2026, 10, 20), null, undefined, true, {}, new String("2026-11-20")];
/** Values that are not an integer JS number (`"1"` and `true` must not count as 1). */
const NOT_AN_INTEGER = ["1", true, null, 1.5, undefined, "", NaN, Infinity, 2 ** 53, 1n, new Number(1), []];
/** Values that are not a string, for the identifier functions. */
const NOT_A_STRING = [12345678909, null, undefined, new Date(2026, 10, 20), true, {}, new String("123.456.789-09")];
/** Values that are not a partial Policy (omitted, null and undefined are allowed). */
const NOT_A_POLICY = [5, "x", true, new Date(2026, 10, 20)];

/** Asserts that `fn` throws a CrmError; `code` and `path` are checked when given. */
function throwsCrm(crm, fn, code, path) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof Error, `a JS Error, not ${show(e)}`);
    assert.equal(e.name, "CrmError", `${e.name}: ${e.message}`);
    assert.ok(crm.isCrmError(e), "isCrmError");
    assert.equal(typeof e.code, "string");
    assert.ok(CODES.includes(e.code), `undocumented code ${e.code}`);
    assert.ok(e.path === null || typeof e.path === "string", `path ${show(e.path)}`);
    assert.equal(typeof e.message, "string");
    assert.ok(e.message.length > 0);
    if (code !== undefined) assert.equal(e.code, code, e.message);
    if (path !== undefined) assert.equal(e.path, path, e.message);
    return true;
  });
}

/** Walks an answer: only plain objects, arrays, strings, finite numbers, booleans, null. */
function assertPlainData(value, where = "answer") {
  if (value === null || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") {
    assert.ok(Number.isFinite(value), `${where} is ${value}`);
    return;
  }
  assert.equal(typeof value, "object", `${where} is a ${typeof value}`);
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertPlainData(v, `${where}[${i}]`));
    return;
  }
  assert.equal(Object.getPrototypeOf(value), Object.prototype, `${where} is not a plain object`);
  for (const [k, v] of Object.entries(value)) assertPlainData(v, `${where}.${k}`);
}

/** The calendar functions: each parameter, and a valid value for it. */
const CALENDAR = [
  ["isBusinessDay", ["date"]],
  ["addBusinessDays", ["date", "days"]],
  ["businessDaysBetween", ["start", "end"]],
  ["holidaysIn", ["year"]],
];
const VALID = { date: "2026-11-20", start: "2026-11-20", end: "2026-11-27", days: 1, year: 2026 };
const DATE_PARAMS = new Set(["date", "start", "end"]);
/** What the valid calls answer (2026-11-20 is a Friday and a national holiday). */
const VALID_ANSWERS = { isBusinessDay: false, addBusinessDays: "2026-11-23", businessDaysBetween: 5 };

/** The identifier functions and a value each accepts. */
const IDENTIFIERS = {
  isValidCpf: "123.456.789-09",
  isValidCnpj: "11.222.333/0001-81",
  formatCpf: "12345678909",
  formatCnpj: "11222333000181",
  normalizePhone: "(11) 98765-4321",
  normalizeEmail: "Ana@Silva.adv.br",
  searchKey: "João da Silva",
  cleanText: "  João  da Silva ",
};

function suite(build, crm) {
  describe(`${build}: every generated rule function rejects a non-object input`, () => {
    test("the registry names generated functions, and each is exported", () => {
      assert.ok(GENERATED.length >= 19, `only ${GENERATED.length} rules with a js name`);
      for (const { js } of GENERATED) {
        assert.equal(typeof crm[js], "function", js);
        assert.equal(crm[js].length, 1, `${js} takes one input object`);
      }
    });
    for (const { name, js } of GENERATED) {
      test(`${js} (${name})`, () => {
        for (const bad of NOT_AN_OBJECT) {
          throwsCrm(crm, () => crm[js](bad), "input.invalid");
        }
        throwsCrm(crm, () => crm[js](), "input.invalid");
        // An object is read: a wrong one names what is wrong.
        throwsCrm(crm, () => crm[js]({}));
      });
    }
  });

  describe(`${build}: evaluate`, () => {
    for (const { name } of REGISTRY) {
      test(`evaluate("${name}", not an object)`, () => {
        for (const bad of NOT_AN_OBJECT) {
          throwsCrm(crm, () => crm.evaluate(name, bad), "input.invalid");
        }
      });
    }
    test("a rule name that is not a string: input.invalid at rule (no TypeError, no wasm trap)", () => {
      for (const bad of [5, null, undefined, new Date(2026, 10, 20), {}, ["agendamento.create"], true]) {
        throwsCrm(crm, () => crm.evaluate(bad, { date: "2026-11-20" }), "input.invalid", "rule");
      }
      throwsCrm(crm, () => crm.evaluate(), "input.invalid", "rule");
    });
    test("an unknown rule name: rule.unknown", () => {
      throwsCrm(crm, () => crm.evaluate("no.such", {}), "rule.unknown", "rule");
      throwsCrm(crm, () => crm.evaluate("", {}), "rule.unknown", "rule");
    });
    test("calendar rules do not coerce either", () => {
      for (const days of ["1", true, 1.5]) {
        throwsCrm(crm, () => crm.evaluate("calendar.add_business_days", { date: "2026-11-20", days }), "input.invalid", "days");
      }
      throwsCrm(crm, () => crm.evaluate("calendar.holidays_in", { year: "2026" }), "input.invalid", "year");
    });
  });

  describe(`${build}: calendar arguments`, () => {
    const cal = new crm.Calendar();
    const targets = [
      ["", (fn, args) => crm[fn](...args)],
      [" with a policy", (fn, args) => crm[fn](...args, { calendar: { states: ["SP"] } })],
      ["Calendar#", (fn, args) => cal[fn](...args)],
    ];
    for (const [fn, params] of CALENDAR) {
      for (const [label, call] of targets) {
        const title = label.startsWith("Calendar") ? `${label}${fn}` : `${fn}${label}`;
        test(title, () => {
          const valid = params.map((p) => VALID[p]);
          if (fn in VALID_ANSWERS) assert.equal(call(fn, valid), VALID_ANSWERS[fn]);
          else assertPlainData(call(fn, valid));
          for (const param of params) {
            for (const bad of DATE_PARAMS.has(param) ? NOT_A_DATE : NOT_AN_INTEGER) {
              const args = params.map((p) => (p === param ? bad : VALID[p]));
              throwsCrm(crm, () => call(fn, args), "input.invalid", param);
            }
          }
          // Argument omitted altogether.
          throwsCrm(crm, () => call(fn, params.slice(0, -1).map((p) => VALID[p])), "input.invalid", params.at(-1));
        });
      }
    }
    test('addBusinessDays("2026-11-20", "1") throws instead of counting 1', () => {
      throwsCrm(crm, () => crm.addBusinessDays("2026-11-20", "1"), "input.invalid", "days");
      throwsCrm(crm, () => cal.addBusinessDays("2026-11-20", "1"), "input.invalid", "days");
      throwsCrm(crm, () => crm.addBusinessDays(20261120, 1), "input.invalid", "date");
    });
    test("a policy that is not an object: policy.invalid", () => {
      for (const policy of NOT_A_POLICY) {
        throwsCrm(crm, () => crm.isBusinessDay("2026-11-20", policy), "policy.invalid");
        throwsCrm(crm, () => crm.addBusinessDays("2026-11-20", 1, policy), "policy.invalid");
        throwsCrm(crm, () => crm.businessDaysBetween("2026-11-20", "2026-11-27", policy), "policy.invalid");
        throwsCrm(crm, () => crm.holidaysIn(2026, policy), "policy.invalid");
        throwsCrm(crm, () => new crm.Calendar(policy), "policy.invalid");
      }
      // Omitted, null and undefined: the national calendar.
      for (const policy of [null, undefined]) {
        assert.equal(crm.isBusinessDay("2026-11-20", policy), false);
        const c = new crm.Calendar(policy);
        assert.equal(c.isBusinessDay("2026-11-20"), false);
        c.free();
      }
    });
  });

  describe(`${build}: identifier arguments`, () => {
    for (const [fn, valid] of Object.entries(IDENTIFIERS)) {
      test(fn, () => {
        const answer = crm[fn](valid);
        if (fn.startsWith("isValid")) assert.equal(answer, true);
        else assert.equal(typeof answer, "string");
        for (const bad of NOT_A_STRING) {
          throwsCrm(crm, () => crm[fn](bad), "input.invalid", "value");
        }
        throwsCrm(crm, () => crm[fn](), "input.invalid", "value");
      });
    }
  });

  describe(`${build}: answers`, () => {
    test("version() is the [workspace.package] version of Cargo.toml", () => {
      assert.equal(crm.version(), workspaceVersion());
      assert.equal(JSON.parse(read(`../${build}/package.json`)).version, workspaceVersion());
    });
    test("a merge plan's fields is a plain object, not a Map", () => {
      const conflict = crm.planMerge({
        records: [{ id: "A", fields: { city: "Santos" } }, { id: "B", fields: { city: "Campinas" } }],
        survivor: "A",
      });
      const { fields } = conflict.outcome;
      assert.ok(!(fields instanceof Map));
      assert.equal(Object.getPrototypeOf(fields), Object.prototype);
      assertPlainData(conflict);

      const agreed = crm.planMerge({
        records: [{ id: "A", fields: { city: "Santos", phone: "+5511987654321" } }, { id: "B", fields: { city: "Santos" } }],
        survivor: "A",
      });
      const f = agreed.outcome.fields;
      assert.equal(Object.getPrototypeOf(f), Object.prototype);
      assert.deepEqual(Object.keys(f).sort(), ["city", "phone"]);
      assert.equal(Object.getPrototypeOf(f.city), Object.prototype);
      assert.equal(f.city.value, "Santos");
      assert.equal(typeof f.city.from, "string");
      assertPlainData(agreed);
    });
    test("calendar answers are plain data", () => {
      const holidays = crm.holidaysIn(2026);
      assert.ok(Array.isArray(holidays) && holidays.length > 0);
      assertPlainData(holidays);
    });
  });
}

test("the documented error codes are the ones CrmErrorCode declares", () => {
  for (const build of ["pkg-node", "pkg-web"]) {
    const dts = read(`../${build}/crm_rules.d.ts`);
    const union = dts.match(/export type CrmErrorCode =([^;]+);/);
    assert.ok(union, `${build}: no CrmErrorCode`);
    // The web build adds the one code of its own: a records function called before
    // `initRecords()` (see package.mjs).
    const codes = build === "pkg-web" ? [...CODES, "module.not_loaded"] : CODES;
    assert.deepEqual([...union[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]), codes, build);
  }
});

suite("pkg-node", node);
suite("pkg-web", web);

test("pkg-web: a records function before initRecords() throws CrmError module.not_loaded", async () => {
  // A second instance of the entry point: the default module is loaded, its records flag is not.
  const fresh = await import("../pkg-web/crm_rules.js?fresh");
  for (const call of [() => fresh.planMerge({}), () => fresh.evaluate("merge.plan", {})]) {
    assert.throws(call, (e) => fresh.isCrmError(e) && e.code === "module.not_loaded" && e.path === null
      && /await initRecords\(\)/.test(e.message));
  }
  // The default module's functions answer.
  assert.equal(fresh.isBusinessDay("2026-11-20"), false);
  assert.equal(fresh.evaluate("calendar.is_business_day", { date: "2026-11-23" }).outcome, true);
});

test("pkg-node: a records rule answers through the same API as a default one", () => {
  const input = { user: "ana", pipelines: [{ id: "a", name: "A", authorised_users: ["ana"] }, { id: "b", name: "B" }] };
  // FLX-1: only the authorised user's pipeline is visible (loads the records module on first use).
  assert.deepEqual(node.visiblePipelines(input).outcome, { visible: ["a"], hidden: 1 });
  assert.deepEqual(node.evaluate("pipeline.visible", input).outcome, { visible: ["a"], hidden: 1 });
  assert.throws(() => node.evaluate("pipeline.nope", {}), (e) => node.isCrmError(e) && e.code === "rule.unknown"
    && /pipeline\.visible/.test(e.message) && /calendar\.is_business_day/.test(e.message));
});
