// Unit tests of the inbound-contact exports (inboundContact, routeContact, commission,
// reinstatement, debtDecision, openBoletos, thirdParty), checkInteraction and
// agendamentosToClose: thin wrappers of the core's rules, worked out by hand from
// docs/API.md ("Inbound contact"). Calendar facts: Thu 2026-11-19; Fri 2026-11-20 is
// Consciência Negra (national holiday since 2024); Mon 2026-11-23 is the contact day T.
// A sales agendamento with contact created on 19 Nov without a deadline gets
// created + 2 business days = Tue 24 Nov: on T it is live and gives sales priority.
import { readFileSync } from "node:fs";
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import crm from "./crm.mjs";

function throwsCrm(fn, code, path) {
  assert.throws(fn, (e) => {
    assert.ok(crm.isCrmError(e));
    assert.equal(e.code, code, e.message);
    assert.equal(e.path, path, e.message);
    return true;
  });
}

const T = "2026-11-23";
const HOLDING = { id: "A-1", kind: "sales_with_contact", subject: "intimação", owner: "ana", created_on: "2026-11-19" };
const users = (ana = {}) => [
  { id: "ana", team: "commercial", ...ana },
  { id: "bruno", team: "support" },
  { id: "carla", team: "commercial" },
];
/** A holder asks bruno (support) about "Intimação" on T; ana holds the client with A-1. */
const contact = (changes = {}) => ({
  on: T,
  attendant: "bruno",
  users: users(),
  account: { agendamentos: [HOLDING] },
  contact: { channel: "phone", subject: "Intimação" },
  ...changes,
});
const rules = (d) => d.reasons.map((r) => r.rule);
const vacation = users({ vacations: [{ start: "2026-11-16", end: "2026-11-27" }] });
const absent = users({ absences: [T] });

describe("inboundContact", () => {
  test("holding agendamento: the owner attends and earns the commission", () => {
    const d = crm.inboundContact(contact());
    assert.deepStrictEqual(d.outcome, {
      route: { route: "agendamento_owner", user: "ana", holding_agendamento: "A-1" },
      sale_allowed: true,
      discount_allowed: true,
      debts_forgiven: [],
      forgiven_centavos: 0,
      alerts: [],
      required_actions: [{ code: "record_interaction", fields: [] }],
      commission: { to: "user", user: "ana" },
    });
    for (const id of ["RCP-1", "MOV-1", "COM-4"]) assert.ok(rules(d).includes(id), id);
  });
  test("third party, old debt, open boletos, sensitive change, recent debt", () => {
    const account = {
      registration: { name: "Silva Advocacia", document: "12.345.678/0001-95" },
      debts: [{ id: "D-1", since: "2025-01-10", amount_centavos: 12000 }],
      open_boletos: [
        { id: "B-1", due: "2026-11-01", amount_centavos: 5000 },
        { due: "2026-11-10", amount_centavos: 2500 },
      ],
    };
    const request = {
      channel: "whatsapp",
      subject: "publicações",
      requester: "third_party",
      confirmed_data: { name: "SILVA advocacia ", document: "12345678/0001-95" },
      field_changes: { phone: "+5511988887777", email: "novo@silva.adv.br" },
    };
    const out = crm.inboundContact(contact({ account, contact: request })).outcome;
    assert.deepStrictEqual(out.route, { route: "attendant", user: "bruno", holding_agendamento: null });
    assert.deepStrictEqual(out.commission, { to: "user", user: "bruno" });
    assert.equal(out.sale_allowed, true);
    assert.equal(out.discount_allowed, false); // forgiven debt, no dispatch campaign
    assert.deepStrictEqual(out.debts_forgiven, [{ id: "D-1", since: "2025-01-10", amount_centavos: 12000 }]);
    assert.equal(out.forgiven_centavos, 12000);
    assert.deepStrictEqual(out.alerts, [{
      code: "open_boletos",
      boletos: [
        { id: "B-1", due: "2026-11-01", amount_centavos: 5000 },
        { id: null, due: "2026-11-10", amount_centavos: 2500 },
      ],
      total_centavos: 7500,
    }]);
    assert.deepStrictEqual(out.required_actions, [
      { code: "record_interaction", fields: [] },
      { code: "confirm_data", fields: ["name", "document"] },
      { code: "send_copy_to_administrator", fields: [] },
      { code: "holder_validation", fields: ["email"] },
    ]);
    const blocked = crm.inboundContact(contact({ account: { debts: [{ since: "2026-01-10", amount_centavos: 900 }] } })).outcome;
    assert.equal(blocked.sale_allowed, false);
    assert.deepStrictEqual(blocked.required_actions.at(-1), { code: "settle_debt_or_manager", fields: [] });
  });
  test("policy in the input", () => {
    // disregard_after_days 1: A-1 (span 2) is disregarded (AGD-4): no priority, bruno attends.
    const out = crm.inboundContact(contact({ policy: { agendamento: { disregard_after_days: 1 } } })).outcome;
    assert.equal(out.route.route, "attendant");
  });
  test("errors name the field", () => {
    const { attendant: _, ...noAttendant } = contact();
    throwsCrm(() => crm.inboundContact(noAttendant), "input.missing_field", "attendant");
    throwsCrm(() => crm.inboundContact(contact({ attendant: "zeca" })), "input.invalid", "attendant");
    throwsCrm(() => crm.inboundContact(contact({ on: "2026-02-30" })), "input.invalid_date", "on");
    throwsCrm(() => crm.inboundContact(contact({ colour: "blue" })), "input.invalid", "colour");
    throwsCrm(() => crm.inboundContact(contact({ policy: { debt: { forgive_after_months: -1 } } })), "policy.invalid", "policy.debt.forgive_after_months");
  });
});

describe("routeContact", () => {
  test("owner on vacation or absent: the first available commercial colleague (RCP-5)", () => {
    for (const team of [vacation, absent]) {
      assert.deepStrictEqual(crm.routeContact(contact({ users: team })).outcome,
        { route: "available_seller", user: "carla", holding_agendamento: "A-1" });
    }
  });
  test("owner did not respond (RCP-1)", () => {
    const d = crm.routeContact(contact({ owner_responded: false }));
    assert.deepStrictEqual(d.outcome, { route: "available_seller", user: "carla", holding_agendamento: "A-1" });
  });
  test("undecided client: commercial team (RCP-3); other subject: attendant (RCP-4)", () => {
    const other = { channel: "chat", subject: "publicações" };
    assert.deepStrictEqual(crm.routeContact(contact({ contact: { ...other, decided: false } })).outcome,
      { route: "commercial_team", user: "ana", holding_agendamento: null });
    const d = crm.routeContact(contact({ contact: other }));
    assert.deepStrictEqual(d.outcome, { route: "attendant", user: "bruno", holding_agendamento: null });
    assert.ok(rules(d).includes("RCP-4"));
  });
  test("reserved for the inactivating user (REI-1)", () => {
    const status = { state: "inactive_manual", by: "carla", on: "2026-11-10", client_answered: true };
    assert.deepStrictEqual(crm.routeContact(contact({ account: { status, agendamentos: [HOLDING] } })).outcome,
      { route: "inactivating_user", user: "carla", holding_agendamento: null });
  });
});

describe("commission", () => {
  test("COM-1..4", () => {
    assert.deepStrictEqual(crm.commission(contact()).outcome, { to: "user", user: "ana" });
    assert.deepStrictEqual(crm.commission(contact({ users: vacation })).outcome, { to: "user", user: "carla" });
    assert.deepStrictEqual(crm.commission(contact({ users: vacation, closed_by: "bruno" })).outcome, { to: "user", user: "bruno" });
    assert.deepStrictEqual(crm.commission(contact({ users: absent })).outcome, { to: "user", user: "ana" });
    assert.deepStrictEqual(crm.commission(contact({ users: absent, initial_handler: "carla" })).outcome, { to: "user", user: "carla" });
    const d = crm.commission(contact({ owner_responded: false }));
    assert.deepStrictEqual(d.outcome, { to: "manager_decides", user: null });
    assert.deepStrictEqual(rules(d), ["COM-3"]);
  });
});

describe("reinstatement", () => {
  const manual = { state: "inactive_manual", by: "carla", on: "2026-11-10", client_answered: true };
  test("15 calendar days from 10 Nov: until 25 Nov, when the client answered", () => {
    const at = (on, status) => crm.reinstatement(contact({ on, account: { status } })).outcome.reserved_for;
    assert.equal(at(T, manual), "carla");
    assert.equal(at("2026-11-25", manual), "carla");
    assert.equal(at("2026-11-26", manual), null);
    assert.equal(at(T, { ...manual, client_answered: false }), null);
    assert.equal(at(T, { state: "inactive_automatic", on: "2026-11-10" }), null);
    assert.equal(at(T, { state: "active" }), null);
    const shorter = crm.reinstatement(contact({ account: { status: manual }, policy: { reinstatement: { manual_window_days: 12 } } }));
    assert.equal(shorter.outcome.reserved_for, null);
    assert.equal(shorter.reasons[0].facts.window_ends, "2026-11-22");
  });
  test("inactivation after the contact", () => {
    throwsCrm(() => crm.reinstatement(contact({ account: { status: { ...manual, on: "2026-11-24" } } })), "input.invalid", "account.status.on");
  });
});

describe("debtDecision", () => {
  // 22 Nov 2025 + 12 months = 22 Nov 2026 < T: old. 23 Nov 2025: T is not after 23 Nov 2026.
  const old = { id: "D-1", since: "2025-11-22", amount_centavos: 1000 };
  const recent = { id: "D-2", since: "2025-11-23", amount_centavos: 500 };
  test("none, old, recent, campaign", () => {
    assert.deepStrictEqual(crm.debtDecision(contact()).outcome,
      { sale_allowed: true, discount_allowed: true, debts_forgiven: [], forgiven_centavos: 0, blocking_debts: [] });
    assert.deepStrictEqual(crm.debtDecision(contact({ account: { debts: [old] } })).outcome,
      { sale_allowed: true, discount_allowed: false, debts_forgiven: [old], forgiven_centavos: 1000, blocking_debts: [] });
    const d = crm.debtDecision(contact({ account: { debts: [old, recent] } }));
    assert.deepStrictEqual(d.outcome,
      { sale_allowed: false, discount_allowed: false, debts_forgiven: [], forgiven_centavos: 0, blocking_debts: [recent] });
    assert.ok(rules(d).includes("DEB-2"));
    const campaign = { channel: "chat", subject: "x", sale: { via_dispatch_campaign: true } };
    assert.equal(crm.debtDecision(contact({ account: { debts: [old] }, contact: campaign })).outcome.discount_allowed, true);
  });
  test("errors", () => {
    throwsCrm(() => crm.debtDecision(contact({ account: { debts: [{ since: "2026-11-24", amount_centavos: 1 }] } })), "input.invalid", "account.debts[0].since");
    throwsCrm(() => crm.debtDecision(contact({ account: { debts: [{ since: "2025-01-01", amount_centavos: -1 }] } })), "input.invalid", "account.debts[0].amount_centavos");
  });
});

describe("openBoletos", () => {
  test("alert with the total; none: no alert", () => {
    assert.deepStrictEqual(crm.openBoletos(contact()).outcome, { alert: false, boletos: [], total_centavos: 0 });
    const boletos = [{ due: "2026-10-05", amount_centavos: 1999 }, { id: "B-2", due: "2026-12-05", amount_centavos: 1 }];
    const d = crm.openBoletos(contact({ account: { open_boletos: boletos } }));
    assert.deepStrictEqual(d.outcome, {
      alert: true,
      boletos: [{ id: null, due: "2026-10-05", amount_centavos: 1999 }, { id: "B-2", due: "2026-12-05", amount_centavos: 1 }],
      total_centavos: 2000,
    });
    assert.deepStrictEqual(rules(d), ["MOV-4"]);
  });
});

describe("thirdParty", () => {
  const registration = { name: "Silva Advocacia", document: "12.345.678/0001-95", email: "adm@silva.adv.br" };
  const asked = (request) => contact({ account: { registration }, contact: { channel: "phone", subject: "x", ...request } });
  test("holder: everything applied", () => {
    assert.deepStrictEqual(crm.thirdParty(asked({ field_changes: { phone: "1", name: "Outro" } })).outcome, {
      sale_allowed: true, mismatches: [], unconfirmed: [], changes_applied: ["name", "phone"],
      changes_pending_holder: [], send_copy_to_administrator: false,
    });
  });
  test("third party: confirmation, mismatches, sensitive changes", () => {
    const ok = crm.thirdParty(asked({ requester: "third_party", confirmed_data: { name: "silva advocacia", document: "12345678000195" } }));
    assert.equal(ok.outcome.sale_allowed, true);
    assert.equal(ok.outcome.send_copy_to_administrator, true);
    const bad = crm.thirdParty(asked({ requester: "third_party", confirmed_data: { document: "12.345.678/0001-96" } })).outcome;
    assert.deepStrictEqual([bad.sale_allowed, bad.mismatches, bad.unconfirmed], [false, ["document"], ["name"]]);
    const changes = { phone: "1", email: "x@y", administrator: "z", address: "w" };
    const out = crm.thirdParty(asked({ requester: "third_party", field_changes: changes })).outcome;
    assert.deepStrictEqual([out.changes_applied, out.changes_pending_holder], [["address", "phone"], ["administrator", "email"]]);
  });
});

describe("checkInteraction", () => {
  test("MOV-1..3", () => {
    const good = crm.checkInteraction({ interaction: { channel: "chat", reason: "venda", link: "https://crm/1", first_of_case: true } });
    assert.deepStrictEqual(good.outcome, { valid: true, errors: [], warnings: [] });
    assert.deepStrictEqual(crm.checkInteraction({ interaction: { channel: "phone", answered: false, reason: "  " } }).outcome,
      { valid: false, errors: ["missing_reason", "unanswered_call_not_attempt"], warnings: [] });
    for (const note of ["...", "[...]", "…", " ", null]) {
      const out = crm.checkInteraction({ interaction: { channel: "email", reason: "suporte", closes_agendamento: true, note } }).outcome;
      assert.deepStrictEqual(out.errors, ["empty_closing_note"], String(note));
    }
    assert.deepStrictEqual(crm.checkInteraction({ interaction: { channel: "chat", reason: "venda", first_of_case: true } }).outcome,
      { valid: true, errors: [], warnings: ["missing_link"] });
  });
  test("allowed reasons and errors", () => {
    const policy = { interaction: { allowed_reasons: ["Venda"] } };
    assert.equal(crm.checkInteraction({ interaction: { channel: "chat", reason: "venda" }, policy }).outcome.valid, true);
    assert.deepStrictEqual(crm.checkInteraction({ interaction: { channel: "chat", reason: "outro" }, policy }).outcome.errors, ["missing_reason"]);
    throwsCrm(() => crm.checkInteraction({ interaction: { channel: "fax" } }), "input.invalid", "interaction.channel");
    throwsCrm(() => crm.checkInteraction({ interaction: { reason: "x" } }), "input.missing_field", "interaction.channel");
    throwsCrm(() => crm.checkInteraction({}), "input.missing_field", "interaction");
  });
});

describe("agendamentosToClose", () => {
  test("the agendamentos about the product sold, in input order (AGD-5)", () => {
    const agendamentos = [
      HOLDING,
      { id: "A-2", kind: "support", subject: "publicações", owner: "ana", created_on: "2026-11-19" },
      { kind: "sales_without_contact", subject: "Intimacao", owner: "bruno", created_on: "2026-11-20" },
      { id: "A-4", kind: "support", subject: "INTIMAÇÃO", owner: "carla", created_on: "2026-11-02" },
    ];
    const d = crm.agendamentosToClose({ agendamentos, sale: { subject: "intimação", seller: "carla" } });
    assert.deepStrictEqual(d.outcome, { to_close: ["A-1", null, "A-4"], closed_by: "carla" });
    assert.deepStrictEqual(rules(d), ["AGD-5"]);
    assert.deepStrictEqual(crm.agendamentosToClose({ agendamentos: [], sale: { subject: "x", seller: "y" } }).outcome,
      { to_close: [], closed_by: "y" });
  });
  test("errors", () => {
    throwsCrm(() => crm.agendamentosToClose({ agendamentos: [], sale: { subject: " ", seller: "y" } }), "input.invalid", "sale.subject");
    throwsCrm(() => crm.agendamentosToClose({ agendamentos: [{ ...HOLDING, created_on: "2026-13-01" }], sale: { subject: "x", seller: "y" } }),
      "input.invalid_date", "agendamentos[0].created_on");
  });
});

describe("typed functions agree with evaluate", () => {
  const c = contact({
    account: {
      registration: { name: "x" },
      debts: [{ since: "2025-01-10", amount_centavos: 3 }],
      open_boletos: [{ due: "2026-11-01", amount_centavos: 4 }],
      agendamentos: [HOLDING],
    },
    contact: { channel: "chat", subject: "intimação", requester: "third_party", confirmed_data: { name: "x" }, field_changes: { email: "e" } },
  });
  // Every contact rule of the registry, through its typed function and through evaluate.
  const registry = JSON.parse(readFileSync(new URL("../../../schema/registry.json", import.meta.url), "utf8")).rules;
  const contactRules = registry.filter((r) => r.name.startsWith("contact.") && r.js);
  test("the registry has the contact rules", () => assert.ok(contactRules.length >= 7));
  for (const { js: fn, name: rule } of contactRules) {
    test(fn, () => assert.deepStrictEqual(crm[fn](c), crm.evaluate(rule, c)));
  }
});
