// Writes the entry point of each build of the npm package (pkg-node, pkg-web): one
// `crm_rules.js` and `crm_rules.d.ts` over the package's two WebAssembly modules.
//
// - `crm_rules_core.js` (+ `_bg.wasm`): the default module — calendar, agendamentos,
//   the inbound contact, interactions, identifiers. Loaded with the package.
// - `crm_rules_records.js` (+ `_bg.wasm`): every other area (registration, duplicates,
//   merge, accounts, losses, pipelines, quotes, atendimentos). Node loads it on the
//   first call of one of its functions, synchronously: the API is the same as one
//   module. A browser cannot compile a module synchronously after fetching it, so
//   there `await initRecords()` loads it (as `await init()` loads the default one);
//   calling one of its functions before throws `CrmError` `module.not_loaded`.
//
// Usage: node package.mjs PKG_NODE_DIR PKG_WEB_DIR (after wasm-bindgen wrote both
// modules into both folders). The lists of functions come from the modules themselves.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const [nodeDir, webDir] = process.argv.slice(2).map((d) => resolve(d));
if (!nodeDir || !webDir) {
  console.error("usage: node package.mjs PKG_NODE_DIR PKG_WEB_DIR");
  process.exit(2);
}
const require = createRequire(import.meta.url);
const core = require(join(nodeDir, "crm_rules_core.js"));
const records = require(join(nodeDir, "crm_rules_records.js"));

const internal = new Set(["__ruleNames", "evaluate", "default", "initSync"]);
const coreNames = Object.keys(core).filter((k) => !internal.has(k)).sort();
const recordNames = Object.keys(records).filter((k) => !internal.has(k)).sort();
const coreRules = core.__ruleNames();
const recordRules = records.__ruleNames();

// Every rule in exactly one module; every record function only in the records module.
const registry = JSON.parse(readFileSync(new URL("../../schema/registry.json", import.meta.url), "utf8"));
const all = (registry.rules ?? registry).map((r) => r.name).sort();
const split = [...coreRules, ...recordRules].sort();
if (JSON.stringify(all) !== JSON.stringify(split)) {
  console.error("package.mjs: the two modules do not hold exactly the registry's rules");
  console.error({ missing: all.filter((n) => !split.includes(n)), extra: split.filter((n) => !all.includes(n)) });
  process.exit(1);
}
const both = recordNames.filter((n) => coreNames.includes(n));
if (both.length) {
  console.error(`package.mjs: exported by both modules: ${both.join(", ")}`);
  process.exit(1);
}

const header = `// The entry point of the npm package crm-rules (written by bindings/wasm/package.mjs).
// Two WebAssembly modules: crm_rules_core (the default: calendar, agendamentos, the
// inbound contact, interactions, identifiers) and crm_rules_records (registration,
// duplicates, merge, accounts, losses, pipelines, quotes, atendimentos).`;
const ruleSet = `new Set(${JSON.stringify(recordRules)})`;

// --- Node (CommonJS): the records module is required on first use.
const nodeJs = `${header}
// Node loads the records module on the first call of one of its functions.
"use strict";
const core = require("./crm_rules_core.js");
let records;
function recordsModule() {
  if (records === undefined) records = require("./crm_rules_records.js");
  return records;
}
const RECORD_RULES = ${ruleSet};
// One assignment per name, so that Node's ESM loader sees them as named exports.
${coreNames.map((n) => `exports.${n} = core.${n};`).join("\n")}
/** Runs any rule by name: the module holding it answers. */
exports.evaluate = function evaluate(rule, input) {
  return (typeof rule === "string" && RECORD_RULES.has(rule) ? recordsModule() : core).evaluate(rule, input);
};
${recordNames.map((n) => `exports.${n} = function ${n}(input) {\n  return recordsModule().${n}(input);\n};`).join("\n")}
`;

// --- Browser / bundler (ES module): `await init()`, then `await initRecords()`.
const webJs = `${header}
// In a browser, \`await init()\` loads the default module and \`await initRecords()\` the
// records one; a records function called before throws CrmError "module.not_loaded".
import initCore, { initSync as initCoreSync, evaluate as evaluateCore } from "./crm_rules_core.js";
import initRecordsModule, * as records from "./crm_rules_records.js";
export { ${coreNames.join(", ")} } from "./crm_rules_core.js";

let recordsReady = false;
const RECORD_RULES = ${ruleSet};

/** Loads the default module (as wasm-bindgen's \`init\`): call once before anything else. */
export default function init(moduleOrPath) {
  return initCore(moduleOrPath);
}
/** Loads the default module synchronously from its bytes or a compiled module. */
export function initSync(module) {
  return initCoreSync(module);
}
/** Loads the records module (registration, duplicates, merge, accounts, losses, pipelines, quotes, atendimentos). */
export async function initRecords(moduleOrPath) {
  await initRecordsModule(moduleOrPath);
  recordsReady = true;
}
/** Loads the records module synchronously from its bytes or a compiled module. */
export function initRecordsSync(module) {
  records.initSync(module);
  recordsReady = true;
}
function recordsModule(what) {
  if (!recordsReady) {
    const error = new Error(\`\${what} is in the records module, which is not loaded: await initRecords() first\`);
    error.name = "CrmError";
    error.code = "module.not_loaded";
    error.path = null;
    throw error;
  }
  return records;
}
/** Runs any rule by name: the module holding it answers. */
export function evaluate(rule, input) {
  if (typeof rule === "string" && RECORD_RULES.has(rule)) return recordsModule(\`rule \${rule}\`).evaluate(rule, input);
  return evaluateCore(rule, input);
}
${recordNames.map((n) => `export function ${n}(input) {\n  return recordsModule("${n}").${n}(input);\n}`).join("\n")}
`;

/** The declarations of the records module's functions (with their doc comments). */
function recordDeclarations(dts) {
  const out = [];
  for (const name of recordNames) {
    const m = dts.match(new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/\\s*)?export function ${name}\\([^;]*;`));
    if (!m) {
      console.error(`package.mjs: no declaration of ${name} in the records module's .d.ts`);
      process.exit(1);
    }
    out.push(m[0].trim());
  }
  return out.join("\n");
}

function declarations(dir, web) {
  let dts = readFileSync(join(dir, "crm_rules_core.d.ts"), "utf8");
  const recordsDts = readFileSync(join(dir, "crm_rules_records.d.ts"), "utf8");
  const code = /export type CrmErrorCode =([^;]*);/;
  if (!code.test(dts)) {
    console.error("package.mjs: CrmErrorCode not found in the .d.ts");
    process.exit(1);
  }
  if (web) {
    dts = dts.replace(code, (_, codes) => `export type CrmErrorCode =${codes} | "module.not_loaded";`);
  }
  const more = web
    ? `
/** Loads the records module (registration, duplicates, merge, accounts, losses, pipelines, quotes, atendimentos); its functions throw \`CrmError\` \`module.not_loaded\` until it is loaded. */
export function initRecords(module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<void>;
/** Loads the records module synchronously from its bytes or a compiled module. */
export function initRecordsSync(module: { module: SyncInitInput } | SyncInitInput): void;
`
    : "";
  const recordsPart = `// The records module's functions.\n${recordDeclarations(recordsDts)}\n`;
  // In the web build, before wasm-bindgen's loader section (InitInput onwards).
  const loader = dts.indexOf("export type InitInput");
  const body = web && loader !== -1
    ? `${dts.slice(0, loader)}${recordsPart}\n${dts.slice(loader).trimEnd()}\n`
    : `${dts.trimEnd()}\n\n${recordsPart}`;
  return `${header}\n${body}${more}`;
}

writeFileSync(join(nodeDir, "crm_rules.js"), nodeJs);
writeFileSync(join(nodeDir, "crm_rules.d.ts"), declarations(nodeDir, false));
writeFileSync(join(webDir, "crm_rules.js"), webJs);
writeFileSync(join(webDir, "crm_rules.d.ts"), declarations(webDir, true));
console.log(
  `package.mjs: ${coreNames.length} exports and ${coreRules.length} rules in the default module, ` +
    `${recordNames.length} functions and ${recordRules.length} rules in the records module`,
);
