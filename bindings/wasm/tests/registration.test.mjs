// Registration, duplicates and merge (CAD-1..7) through the typed JS wrappers.
// Expected values are derived from docs/API.md by hand.
import { test } from "node:test";
import assert from "node:assert/strict";
import crm from "./crm.mjs";

test("checkRegistration lists every problem at once (CAD-1, CAD-3)", () => {
    const d = crm.checkRegistration({
        atendimento: { contact_id: "X", name: "  ", phone: "1234", email: "a@b" },
        registered_contact_ids: ["C-1"],
    });
    assert.equal(d.outcome.accepted, false);
    assert.deepEqual(d.outcome.problems, [
        { path: "atendimento.contact_id", code: "unregistered_contact" },
        { path: "atendimento.name", code: "missing" },
        { path: "atendimento.phone", code: "invalid" },
        { path: "atendimento.email", code: "invalid" },
        { path: "atendimento.reason", code: "missing" },
    ]);
    const ok = crm.checkRegistration({
        atendimento: { contact_id: "C-1", name: " Ana  Souza ", phone: "(11) 98765-4321", email: " Ana@X.com.br ", reason: "venda" },
        registered_contact_ids: ["C-1"],
    });
    assert.equal(ok.outcome.accepted, true);
    assert.deepEqual(ok.outcome.normalized, { name: "Ana Souza", phone: "+5511987654321", email: "ana@x.com.br", reason: "venda" });
});

test("duplicateCandidates, allDuplicates and duplicateTask (CAD-5, CAD-6)", () => {
    const records = [
        { id: "a", name: "João da Silva", document: "529.982.247-25" },
        { id: "b", name: "Maria Souza", document: "52998224725" },
        { id: "c", name: "Pedro Lima", emails: ["p@x.com"] },
    ];
    const found = crm.duplicateCandidates({ records, record: records[0] });
    assert.deepEqual(found.outcome.map((c) => [c.id, c.matched]), [["b", ["document"]]]);
    const pairs = crm.allDuplicates({ records });
    assert.deepEqual(pairs.outcome.map((p) => [p.a, p.b]), [["a", "b"]]);
    assert.equal(crm.duplicateTask({ records: ["a", "b"] }).outcome.team, "central");
    assert.throws(() => crm.duplicateTask({ records: ["a"] }), { name: "CrmError", code: "input.invalid", path: "records" });
});

test("planMerge, applyMerge and revertMerge lose nothing (CAD-7)", () => {
    const records = [
        { id: "A", fields: { name: "Ana" }, children: { contacts: ["c1"] } },
        { id: "B", fields: { name: "ANA", email: "a@x.com" }, children: { sales: ["s1"], documents: ["d1"] } },
    ];
    const plan = crm.planMerge({ records, survivor: "A" }).outcome;
    assert.deepEqual(plan.conflicts, []);
    assert.equal(plan.moves.length, 2);
    const merged = crm.applyMerge({ records, plan }).outcome;
    assert.deepEqual(merged.survivor.children.sales, ["s1"]);
    assert.deepEqual(merged.survivor.fields, { name: "Ana", email: "a@x.com" });
    const back = crm.revertMerge({ survivor: merged.survivor, plan }).outcome;
    assert.deepEqual(back.records, records.map((r) => ({
        ...r,
        children: { contacts: [], interactions: [], agendamentos: [], quotes: [], sales: [], documents: [], ...r.children },
    })));
});
