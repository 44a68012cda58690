// Runs the repository README's JavaScript example, unchanged, against the nodejs
// build installed as the npm package `crm-rules` in a temporary node_modules.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");

test("the README's JS example runs as written", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const match = readme.match(/```js\n([\s\S]*?)```/);
    assert.ok(match, "README.md has a ```js block");
    const dir = mkdtempSync(join(tmpdir(), "crm-rules-readme-"));
    try {
        mkdirSync(join(dir, "node_modules"));
        symlinkSync(resolve(here, "../pkg-node"), join(dir, "node_modules", "crm-rules"), "dir");
        const pkg = JSON.parse(readFileSync(resolve(here, "../pkg-node/package.json"), "utf8"));
        assert.equal(pkg.name, "crm-rules");
        writeFileSync(join(dir, "example.mjs"), match[1]);
        execFileSync(process.execPath, [join(dir, "example.mjs")], { cwd: dir, stdio: "pipe" });
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
