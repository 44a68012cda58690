// Per-call cost of crm-rules from JavaScript (node, WebAssembly) on the cases of
// benches/manifest.json.
//
//   bash bindings/wasm/build.sh
//   node bindings/wasm/bench/bench_api.mjs [--quick] [--json FILE]
//
// For each case: evaluate(rule, input) and, as the baseline, the JSON round trip
// JSON.parse(JSON.stringify(input)) of the same input; plus the typed calendar
// functions. Each call is warmed up, then timed with process.hrtime.bigint, best of
// RUNS runs. Prints a markdown table; --json also writes the figures for
// scripts/bench.sh. Nothing here asserts a time.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const crm = require("../pkg-node/crm_rules.js");

const BENCHES = new URL("../../../benches/", import.meta.url);
const quick = process.argv.includes("--quick");
const RUNS = quick ? 2 : 5;
const SPAN = quick ? 50_000_000n : 200_000_000n;

/** Best time of one call of `fn`, in nanoseconds. */
function perCall(fn) {
  // Warm up for SPAN, and size a run to about SPAN.
  let n = 0;
  const start = process.hrtime.bigint();
  while (process.hrtime.bigint() - start < SPAN) {
    fn();
    n++;
  }
  let best = Infinity;
  for (let r = 0; r < RUNS; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / n);
  }
  return best;
}

const show = (ns) => (ns < 1000 ? `${ns.toFixed(0)} ns` : `${(ns / 1000).toFixed(2)} µs`);
const manifest = JSON.parse(readFileSync(new URL("manifest.json", BENCHES), "utf8"));
const results = [];
console.log("| case | `evaluate(rule, input)` | `JSON.parse(JSON.stringify(input))` | ratio |");
console.log("|---|---:|---:|---:|");
for (const c of manifest.cases) {
  const value = JSON.parse(readFileSync(new URL(`inputs/${c.input}`, BENCHES), "utf8"));
  if (!("outcome" in crm.evaluate(c.rule, value))) throw new Error(`${c.name}: no decision`);
  const call = perCall(() => crm.evaluate(c.rule, value));
  const baseline = perCall(() => JSON.parse(JSON.stringify(value)));
  results.push({ case: c.name, call_ns: call, json_ns: baseline });
  console.log(`| ${c.name} | ${show(call)} | ${show(baseline)} | ${(call / baseline).toFixed(2)}× |`);
}
for (const [name, fn] of [
  ["isBusinessDay(date)", () => crm.isBusinessDay("2026-11-20")],
  ["addBusinessDays(date, 5)", () => crm.addBusinessDays("2026-11-20", 5)],
]) {
  console.log(`| \`${name}\` | ${show(perCall(fn))} | | |`);
}
const out = process.argv.indexOf("--json");
if (out !== -1) writeFileSync(process.argv[out + 1], JSON.stringify(results, null, 1));
