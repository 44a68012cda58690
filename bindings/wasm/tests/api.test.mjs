// Unit tests of every export of the wasm binding (nodejs build) and of the shape of
// its errors. Expected dates are worked out by hand from the national calendar:
// Wed 2024-11-20 (Consciência Negra) is a national holiday from 2024 on
// (Lei 14.759/2023), so from Tue 2024-11-19 the business days run 21, 22, 25, 26, 27, 28.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import crm from "./crm.mjs";

/** Asserts that `fn` throws a CrmError with this code and path. */
function throwsCrm(fn, code, path) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof Error, "a JS Error");
    assert.equal(e.name, "CrmError");
    assert.equal(e.code, code, e.message);
    assert.equal(e.path, path, e.message);
    assert.equal(typeof e.message, "string");
    assert.ok(e.message.length > 0);
    assert.ok(crm.isCrmError(e));
    return true;
  });
}

const isPlainObject = (v) => v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype;

const withContact = {
  kind: "sales_with_contact",
  subject: "intimação",
  owner: "ana",
  created_on: "2024-11-19",
};

describe("isBusinessDay", () => {
  test("national holidays and weekends", () => {
    assert.equal(crm.isBusinessDay("2024-11-20"), false); // Consciência Negra, national from 2024
    assert.equal(crm.isBusinessDay("2023-11-20"), true); // a Monday before the law applied
    assert.equal(crm.isBusinessDay("2024-11-23"), false); // Saturday
    assert.equal(crm.isBusinessDay("2024-11-21"), true);
  });
  test("policy: state holidays and extra working days", () => {
    // 9 July (Revolução Constitucionalista) is a São Paulo state holiday; 2024-07-09 is a Tuesday.
    assert.equal(crm.isBusinessDay("2024-07-09"), true);
    assert.equal(crm.isBusinessDay("2024-07-09", { calendar: { states: ["SP"] } }), false);
    assert.equal(crm.isBusinessDay("2024-11-20", { calendar: { extra_working_days: ["2024-11-20"] } }), true);
    assert.equal(crm.isBusinessDay("2024-11-20", null), false);
    assert.equal(crm.isBusinessDay("2024-11-20", undefined), false);
  });
  test("errors name the argument", () => {
    throwsCrm(() => crm.isBusinessDay("2023-02-29"), "input.invalid_date", "date");
    throwsCrm(() => crm.isBusinessDay("20/11/2024"), "input.invalid_date", "date");
    throwsCrm(() => crm.isBusinessDay("2200-01-01"), "calendar.out_of_range", "date");
    throwsCrm(() => crm.isBusinessDay("2024-01-01", { calendar: { states: ["SP", "XX"] } }), "policy.invalid", "policy.calendar.states[1]");
    throwsCrm(() => crm.isBusinessDay("2024-01-01", { calendr: {} }), "policy.invalid", "policy.calendr");
  });
});

describe("addBusinessDays", () => {
  test("CAL-BD-2 semantics", () => {
    assert.equal(crm.addBusinessDays("2024-11-19", 1), "2024-11-21");
    assert.equal(crm.addBusinessDays("2024-11-19", 2), "2024-11-22");
    assert.equal(crm.addBusinessDays("2024-11-19", 6), "2024-11-28");
    assert.equal(crm.addBusinessDays("2024-11-21", -1), "2024-11-19");
    assert.equal(crm.addBusinessDays("2024-11-21", 0), "2024-11-21"); // a business day: itself
    assert.equal(crm.addBusinessDays("2024-11-20", 0), "2024-11-21"); // a holiday: the next one
  });
  test("with a policy", () => {
    assert.equal(crm.addBusinessDays("2024-11-19", 1, { calendar: { extra_working_days: ["2024-11-20"] } }), "2024-11-20");
  });
  test("errors", () => {
    throwsCrm(() => crm.addBusinessDays("2024-11-19", 1.5), "input.invalid", "days");
    throwsCrm(() => crm.addBusinessDays("2024-11-19", Number.NaN), "input.invalid", "days");
    throwsCrm(() => crm.addBusinessDays("2024-11-19", 2 ** 60), "input.invalid", "days");
    throwsCrm(() => crm.addBusinessDays("2199-12-31", 1), "calendar.out_of_range", "days");
    throwsCrm(() => crm.addBusinessDays("2024-13-01", 1), "input.invalid_date", "date");
  });
});

describe("businessDaysBetween", () => {
  test("(start, end], negative backwards", () => {
    assert.equal(crm.businessDaysBetween("2024-11-19", "2024-11-22"), 2);
    assert.equal(crm.businessDaysBetween("2024-11-22", "2024-11-19"), -2);
    assert.equal(crm.businessDaysBetween("2024-11-19", "2024-11-19"), 0);
    assert.equal(crm.businessDaysBetween("2024-07-08", "2024-07-10", { calendar: { states: ["SP"] } }), 1);
  });
  test("errors name the argument", () => {
    throwsCrm(() => crm.businessDaysBetween("2024-11-19", "2024-02-30"), "input.invalid_date", "end");
    throwsCrm(() => crm.businessDaysBetween("1899-12-31", "2024-01-01"), "calendar.out_of_range", "start");
  });
});

describe("holidaysIn", () => {
  test("national holidays of 2024, sorted", () => {
    const list = crm.holidaysIn(2024);
    assert.ok(Array.isArray(list));
    // Confraternização, Sexta-feira Santa (Easter 31 March), Tiradentes, Trabalho,
    // Independência, Aparecida, Finados, República, Consciência Negra, Natal.
    assert.deepEqual(list.map((h) => h.date), [
      "2024-01-01", "2024-03-29", "2024-04-21", "2024-05-01", "2024-09-07",
      "2024-10-12", "2024-11-02", "2024-11-15", "2024-11-20", "2024-12-25",
    ]);
    for (const h of list) {
      assert.ok(isPlainObject(h));
      assert.deepEqual(Object.keys(h).sort(), ["date", "law", "name", "name_en", "scope"]);
      assert.equal(h.scope, "national");
    }
    assert.match(list[8].law, /14\.759/);
  });
  test("policy adds optional sets", () => {
    // Carnival 2024: Easter 31 March − 48 / − 47 days.
    const dates = crm.holidaysIn(2024, { calendar: { carnival: true } })
      .filter((h) => h.scope === "optional").map((h) => h.date);
    assert.deepEqual(dates, ["2024-02-12", "2024-02-13"]);
  });
  test("errors", () => {
    throwsCrm(() => crm.holidaysIn(1899), "calendar.out_of_range", "year");
    throwsCrm(() => crm.holidaysIn(2e10), "calendar.out_of_range", "year");
    throwsCrm(() => crm.holidaysIn(2024.5), "input.invalid", "year");
  });
});

describe("Calendar class", () => {
  test("national by default", () => {
    const cal = new crm.Calendar();
    assert.equal(cal.isBusinessDay("2024-11-20"), false);
    assert.equal(cal.addBusinessDays("2024-11-19", 1), "2024-11-21");
    assert.equal(cal.businessDaysBetween("2024-11-19", "2024-11-28"), 6);
    assert.equal(cal.holidaysIn(2024).length, 10);
    cal.free();
  });
  test("built once from a policy, queried many times", () => {
    const sp = new crm.Calendar({ calendar: { states: ["SP"] } });
    assert.equal(sp.isBusinessDay("2024-07-09"), false);
    assert.equal(sp.addBusinessDays("2024-07-08", 1), "2024-07-10");
    assert.ok(sp.holidaysIn(2024).some((h) => h.date === "2024-07-09" && h.scope === "state:SP"));
    assert.equal(new crm.Calendar(null).isBusinessDay("2024-07-09"), true);
  });
  test("errors", () => {
    throwsCrm(() => new crm.Calendar({ calendar: { states: ["SP", "XX"] } }), "policy.invalid", "policy.calendar.states[1]");
    throwsCrm(() => new crm.Calendar({ agendamento: { with_contact_max_days: 1 } }), "policy.invalid", "policy.agendamento.with_contact_max_days");
    const cal = new crm.Calendar();
    throwsCrm(() => cal.isBusinessDay("2024-02-30"), "input.invalid_date", "date");
    throwsCrm(() => cal.addBusinessDays("2024-01-01", 0.5), "input.invalid", "days");
  });
});

describe("evaluate", () => {
  test("answers are plain objects with outcome and reasons", () => {
    const answer = crm.evaluate("calendar.is_business_day", { date: "2024-11-20" });
    assert.ok(isPlainObject(answer));
    assert.equal(answer.outcome, false);
    assert.ok(answer.reasons.length > 0);
    for (const r of answer.reasons) {
      assert.ok(isPlainObject(r) && isPlainObject(r.facts));
      assert.equal(typeof r.rule, "string");
      assert.equal(typeof r.message_pt, "string");
      assert.equal(typeof r.message_en, "string");
    }
  });
  test("every calendar rule agrees with the typed functions", () => {
    assert.equal(crm.evaluate("calendar.add_business_days", { date: "2024-11-19", days: 1 }).outcome, "2024-11-21");
    assert.equal(crm.evaluate("calendar.business_days_between", { start: "2024-11-22", end: "2024-11-19" }).outcome, -2);
    assert.deepEqual(crm.evaluate("calendar.holidays_in", { year: 2024 }).outcome, crm.holidaysIn(2024));
    const policy = { calendar: { states: ["SP"] } };
    assert.equal(crm.evaluate("calendar.is_business_day", { date: "2024-07-09", policy }).outcome, false);
  });
  test("a property set to undefined counts as absent", () => {
    const answer = crm.evaluate("agendamento.create", { ...withContact, deadline: undefined, policy: undefined });
    assert.equal(answer.outcome.agendamento.deadline, "2024-11-22");
  });
  test("errors", () => {
    throwsCrm(() => crm.evaluate("agendamento.delete", {}), "rule.unknown", "rule");
    throwsCrm(() => crm.evaluate("calendar.is_business_day", [1]), "input.invalid", null);
    throwsCrm(() => crm.evaluate("calendar.is_business_day", undefined), "input.invalid", null);
    throwsCrm(() => crm.evaluate("calendar.is_business_day", { date: 10n }), "input.invalid", null);
    throwsCrm(() => crm.evaluate("calendar.is_business_day", {}), "input.missing_field", "date");
    throwsCrm(() => crm.evaluate("calendar.is_business_day", { date: "2024-01-01", when: 1 }), "input.invalid", "when");
    throwsCrm(() => crm.evaluate("calendar.add_business_days", { date: "2024-01-01", days: "1" }), "input.invalid", "days");
  });
});

describe("createAgendamento", () => {
  test("default deadline: created + 2 business days; maximum: + 6", () => {
    const { outcome, reasons } = crm.createAgendamento(withContact);
    assert.equal(outcome.accepted, true);
    assert.equal(outcome.agendamento.deadline, "2024-11-22");
    assert.equal(outcome.agendamento.created_on, "2024-11-19");
    assert.equal(outcome.maximum, "2024-11-28");
    assert.ok(reasons.some((r) => r.rule === "AGD-2"));
  });
  test("a requested deadline past the maximum is refused", () => {
    const withC = crm.createAgendamento({ ...withContact, deadline: "2024-11-29" });
    assert.equal(withC.outcome.accepted, false);
    assert.equal(withC.outcome.agendamento, null);
    assert.ok(withC.reasons.some((r) => r.rule === "AGD-2"));
    // Without contact the maximum is created + 2 = 2024-11-22.
    const without = crm.createAgendamento({ ...withContact, kind: "sales_without_contact", deadline: "2024-11-25" });
    assert.equal(without.outcome.accepted, false);
    assert.equal(without.outcome.maximum, "2024-11-22");
    assert.ok(without.reasons.some((r) => r.rule === "AGD-3"));
  });
  test("the seed's tag is accepted as the kind; the policy changes the days", () => {
    const tagged = crm.createAgendamento({ ...withContact, kind: "#venda/tratativas com contato" });
    assert.equal(tagged.outcome.agendamento.kind, "sales_with_contact");
    const longer = crm.createAgendamento({ ...withContact, policy: { agendamento: { with_contact_initial_days: 3 } } });
    assert.equal(longer.outcome.agendamento.deadline, "2024-11-25");
  });
  test("errors", () => {
    throwsCrm(() => crm.createAgendamento({ ...withContact, deadline: "2024-11-19" }), "input.invalid", "deadline");
    const { owner: _, ...noOwner } = withContact;
    throwsCrm(() => crm.createAgendamento(noOwner), "input.missing_field", "owner");
    throwsCrm(() => crm.createAgendamento({ ...withContact, colour: "blue" }), "input.invalid", "colour");
    throwsCrm(() => crm.createAgendamento({ ...withContact, created_on: "2024-02-30" }), "input.invalid_date", "created_on");
    throwsCrm(() => crm.createAgendamento({ ...withContact, policy: { calendar: { states: ["XX"] } } }), "policy.invalid", "policy.calendar.states[0]");
  });
});

describe("renewAgendamento", () => {
  const agendamento = { ...withContact, deadline: "2024-11-22" };
  test("+4 business days, capped at the maximum; then refused", () => {
    const first = crm.renewAgendamento({ agendamento, on: "2024-11-22" });
    assert.equal(first.outcome.accepted, true);
    assert.equal(first.outcome.agendamento.deadline, "2024-11-28");
    assert.equal(first.outcome.agendamento.renewals, 1);
    assert.equal(first.outcome.maximum, "2024-11-28");
    const second = crm.renewAgendamento({ agendamento: first.outcome.agendamento, on: "2024-11-25" });
    assert.equal(second.outcome.accepted, false);
    assert.deepEqual(second.outcome.agendamento, first.outcome.agendamento);
  });
  test("no renewal without contact (AGD-3) unless a manager approves", () => {
    const without = { ...agendamento, kind: "without_contact" };
    const refused = crm.renewAgendamento({ agendamento: without, on: "2024-11-21" });
    assert.equal(refused.outcome.accepted, false);
    assert.ok(refused.reasons.some((r) => r.rule === "AGD-3"));
    const approved = crm.renewAgendamento({ agendamento: without, on: "2024-11-21", manager_approved: true });
    assert.equal(approved.outcome.accepted, true);
    assert.equal(approved.outcome.agendamento.manager_validated, true);
  });
  test("errors", () => {
    throwsCrm(() => crm.renewAgendamento({ agendamento, on: "2024-11-18" }), "input.invalid", "on");
    throwsCrm(() => crm.renewAgendamento({ agendamento: { ...agendamento, created_on: "x" }, on: "2024-11-21" }), "input.invalid_date", "agendamento.created_on");
  });
});

describe("evaluateAgendamento", () => {
  const agendamento = { ...withContact, deadline: "2024-11-22" };
  test("live, expired, not started", () => {
    const live = crm.evaluateAgendamento({ agendamento, on: "2024-11-21" }).outcome;
    assert.deepEqual(live, {
      status: "live",
      deadline: "2024-11-22",
      maximum: "2024-11-28",
      span_business_days: 2,
      within_maximum: true,
      sales_priority: true,
    });
    const expired = crm.evaluateAgendamento({ agendamento, on: "2024-11-25" }).outcome;
    assert.equal(expired.status, "expired");
    assert.equal(expired.sales_priority, false);
    assert.equal(crm.evaluateAgendamento({ agendamento, on: "2024-11-18" }).outcome.status, "not_started");
  });
  test("disregarded past 7 business days (AGD-4)", () => {
    // 21, 22, 25, 26, 27, 28, 29 Nov, 2 Dec: 8 business days.
    const long = { ...agendamento, deadline: "2024-12-02" };
    const { outcome, reasons } = crm.evaluateAgendamento({ agendamento: long, on: "2024-11-21" });
    assert.equal(outcome.status, "disregarded");
    assert.equal(outcome.span_business_days, 8);
    assert.equal(outcome.within_maximum, false);
    assert.ok(reasons.some((r) => r.rule === "AGD-4"));
  });
  test("errors", () => {
    throwsCrm(() => crm.evaluateAgendamento({ agendamento: { ...agendamento, deadline: "2024-11-18" }, on: "2024-11-21" }), "input.invalid", "agendamento.deadline");
    throwsCrm(() => crm.evaluateAgendamento({ agendamento }), "input.missing_field", "on");
  });
});

describe("isCrmError", () => {
  test("only errors thrown by crm-rules", () => {
    assert.equal(crm.isCrmError(new Error("x")), false);
    assert.equal(crm.isCrmError({ name: "CrmError" }), false);
    assert.equal(crm.isCrmError(null), false);
    assert.equal(crm.isCrmError(undefined), false);
  });
});
