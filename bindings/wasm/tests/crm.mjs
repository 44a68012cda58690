// Loads the nodejs build (CommonJS glue) of the binding for the ESM tests.
// Build it first: bash bindings/wasm/build.sh
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const crm = require("../pkg-node/crm_rules.js");

export default crm;
