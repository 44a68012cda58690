// Runs every case of every tests/vectors/*.json through the wasm binding's
// `evaluate`; semantics in tests/vectors/README.md. One subtest per case name.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { isDeepStrictEqual } from "node:util";

import crm from "./crm.mjs";

const dir = new URL("../../../tests/vectors/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

test("there are vector files", () => {
  assert.ok(files.length > 0, `no *.json in ${dir.pathname}`);
});

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/** `want` is included in `got`: objects by key (extra keys of `got` ignored), anything
 * else (arrays included) by deep equality. Mirrors `includes` of
 * crates/crm-rules/tests/vectors.rs. */
export function includes(got, want) {
  if (isObject(got) && isObject(want)) {
    return Object.keys(want).every((k) => Object.hasOwn(got, k) && includes(got[k], want[k]));
  }
  return isDeepStrictEqual(got, want);
}

test("includes: objects by key, everything else exactly", () => {
  assert.ok(includes({ a: 1, b: { c: [1, 2], d: null } }, { b: { c: [1, 2] } }));
  assert.ok(includes({ a: 1 }, {}));
  assert.ok(!includes({ a: 1 }, { b: null }));
  assert.ok(!includes({ a: [{ x: 1, y: 2 }] }, { a: [{ x: 1 }] })); // arrays: exact
  assert.ok(!includes({ a: true }, { a: 1 }));
  assert.ok(!includes([1, 2], [1]));
  assert.ok(!includes({ a: 1 }, []));
  assert.ok(!includes([], {}));
  assert.ok(includes("x", "x") && includes(null, null));
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
  if ("outcome" in expected) {
    assert.deepStrictEqual(answer.outcome, expected.outcome);
  } else if ("outcome_includes" in expected) {
    assert.ok(
      includes(answer.outcome, expected.outcome_includes),
      `outcome ${JSON.stringify(answer.outcome)} does not include ${JSON.stringify(expected.outcome_includes)}`,
    );
  } else {
    assert.fail("expected has neither outcome, outcome_includes nor error");
  }
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
