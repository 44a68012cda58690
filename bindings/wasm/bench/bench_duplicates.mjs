// CAD-5 at CRM scale, from JavaScript (node): allDuplicates on the Rust bench's data.
//
//   CRM_DUP_DUMP=/tmp/dup1m.json CRM_DUP_N=1000000 cargo bench -p crm-rules --bench duplicates
//   bash bindings/wasm/build.sh
//   node bindings/wasm/bench/bench_duplicates.mjs /tmp/dup1m.json
//
// Reports the time of one allDuplicates call (objects in, pairs out: conversion, index
// build on one thread — WebAssembly has none other here — and every candidate), the
// WebAssembly memory and the process's peak memory, and precision/recall against the
// planted pairs. Figures go in BENCHMARKS.md; nothing here asserts a time.
import { readFileSync } from "node:fs";
import { resourceUsage } from "node:process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const crm = require("../pkg-node/crm_rules.js");

const data = JSON.parse(readFileSync(process.argv[2], "utf8"));
const planted = new Set(data.planted.map(([a, b]) => `${a}\u0000${b}`));
const runs = [];
let pairs = [];
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  pairs = crm.allDuplicates({ records: data.records }).outcome;
  runs.push((performance.now() - start) / 1000);
}
const hits = pairs.filter((p) => planted.has(`${p.a}\u0000${p.b}`)).length;
console.log(`${data.records.length} records, ${pairs.length} pairs`);
console.log(`allDuplicates: ${runs.map((t) => `${t.toFixed(2)} s`).join(", ")}`);
console.log(`precision ${(hits / Math.max(pairs.length, 1)).toFixed(4)}, recall ${(hits / Math.max(planted.size, 1)).toFixed(4)}`);
console.log(`peak memory (maxRSS, whole process incl. the parsed JSON): ${Math.round(resourceUsage().maxRSS / 1024)} MB`);
