// Per-call cost of crm-rules from JavaScript (node), on the inputs of the Rust bench
// (benches/inputs/ at the repository root).
//
//   bash bindings/wasm/build.sh
//   node bindings/wasm/bench/bench_api.mjs
//
// Each call is warmed up, then timed over ITERATIONS calls with process.hrtime.bigint,
// best of RUNS runs, and compared with the JSON round trip JSON.parse(JSON.stringify(input))
// of the same input. Prints a markdown table; nothing here asserts a time.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const crm = require("../pkg-node/crm_rules.js");

const INPUTS = new URL("../../../benches/inputs/", import.meta.url);
const RUNS = 5;
const CASES = [
  ["calendar.is_business_day", "is_business_day.json"],
  ["agendamento.evaluate", "agendamento_evaluate.json"],
  ["contact.inbound", "contact_inbound_20.json"],
];
const input = Object.fromEntries(
  CASES.map(([rule, file]) => [rule, JSON.parse(readFileSync(new URL(file, INPUTS), "utf8"))]),
);
for (const [rule] of CASES) {
  if (!("outcome" in crm.evaluate(rule, input[rule]))) throw new Error(`${rule}: no decision`);
}

/** Best time of one call of `fn`, in nanoseconds. */
function perCall(fn) {
  // Warm up for ~0.2 s, and size a run to ~0.2 s.
  let n = 0;
  const start = process.hrtime.bigint();
  while (process.hrtime.bigint() - start < 200_000_000n) {
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

const typed = {
  "calendar.is_business_day": [["isBusinessDay(date)", () => crm.isBusinessDay("2026-11-20")]],
  "agendamento.evaluate": [["evaluateAgendamento(input)", () => crm.evaluateAgendamento(input["agendamento.evaluate"])]],
  "contact.inbound": [["inboundContact(input)", () => crm.inboundContact(input["contact.inbound"])]],
};

console.log("| case | call | per call | × JSON round trip |");
console.log("|---|---|---:|---:|");
for (const [rule] of CASES) {
  const value = input[rule];
  const baseline = perCall(() => JSON.parse(JSON.stringify(value)));
  console.log(`| ${rule} | \`JSON.parse(JSON.stringify(input))\` | ${show(baseline)} | 1.0× |`);
  for (const [name, fn] of [["evaluate(rule, input)", () => crm.evaluate(rule, value)], ...typed[rule]]) {
    const t = perCall(fn);
    console.log(`| ${rule} | \`${name}\` | ${show(t)} | ${(t / baseline).toFixed(1)}× |`);
  }
}
const t = perCall(() => crm.addBusinessDays("2026-11-20", 5));
console.log(`| calendar.add_business_days | \`addBusinessDays(date, 5)\` | ${show(t)} | — |`);
