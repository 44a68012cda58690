// Runs every case of every tests/vectors/*.json through the wasm binding's
// `evaluate`; semantics in tests/vectors/README.md. One subtest per case name.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";

import crm from "./crm.mjs";

const dir = new URL("../../../tests/vectors/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

test("there are vector files", () => {
  assert.ok(files.length > 0, `no *.json in ${dir.pathname}`);
});

function check({ rule, input, expected }) {
  if ("error" in expected) {
    assert.throws(
      () => crm.evaluate(rule, input),
      (e) => {
        assert.ok(e instanceof Error, "throws an Error");
        assert.equal(e.name, "CrmError");
        assert.equal(e.code, expected.error.code, e.message);
        if ("path" in expected.error) assert.equal(e.path, expected.error.path, e.message);
        return true;
      },
    );
    return;
  }
  const answer = crm.evaluate(rule, input);
  assert.deepStrictEqual(answer.outcome, expected.outcome);
  const cited = answer.reasons.map((r) => r.rule);
  for (const id of expected.reason_rules ?? []) {
    assert.ok(cited.includes(id), `reason ${id} not among ${JSON.stringify(cited)}`);
  }
}

for (const file of files) {
  const { cases } = JSON.parse(readFileSync(new URL(file, dir), "utf8"));
  describe(file, () => {
    const names = new Set();
    for (const c of cases) {
      test(c.name, () => {
        assert.ok(!names.has(c.name), `duplicate case name ${c.name}`);
        names.add(c.name);
        check(c);
      });
    }
  });
}
