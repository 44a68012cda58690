// End to end: examples/web computes an agendamento's deadline in headless Chromium
// with the pkg-web build. The repository is served over a throwaway HTTP server on
// 127.0.0.1; Chromium is the system one (/usr/bin/chromium), never downloaded.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, resolve, sep } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const haveBrowser = existsSync(executablePath);
// Locally a machine without Chromium skips; in CI a missing browser is a failure.
const skip = !haveBrowser && !process.env.CI ? `no browser at ${executablePath}` : false;

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
};

/** Serves `root` read-only on 127.0.0.1, a random free port. */
function serve() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = resolve(root, `.${path}`);
    if (!file.startsWith(root) && `${file}${sep}` !== root) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

describe("examples/web in headless Chromium", { skip }, () => {
  let server;
  let context;
  let page;
  let profile;
  const errors = [];
  const requested = [];

  before(async () => {
    assert.ok(haveBrowser, `Chromium not found at ${executablePath}`);
    assert.ok(existsSync(join(root, "bindings/wasm/pkg-web/crm_rules_core_bg.wasm")), "run bindings/wasm/build.sh first");
    server = await serve();
    profile = mkdtempSync(join(tmpdir(), "crm-rules-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ],
      viewport: { width: 900, height: 720 },
      locale: "pt-BR",
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    const { port } = server.address();
    await page.goto(`http://127.0.0.1:${port}/examples/web/index.html`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 15_000 });
  });

  after(async () => {
    await context?.close();
    await new Promise((ok) => (server ? server.close(ok) : ok()));
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function compute(kind, createdOn, deadline = "") {
    await page.selectOption("#kind", kind);
    await page.fill("#created_on", createdOn);
    await page.fill("#deadline", deadline);
    await page.click("#compute");
    await page.waitForSelector("#result:not([hidden])");
    return {
      status: await page.textContent("#status"),
      deadline: await page.textContent("#out-deadline"),
      maximum: await page.textContent("#out-maximum"),
      reasons: await page.$$eval("#reasons li", (lis) => lis.map((li) => li.textContent)),
    };
  }

  test("sales with contact created 2024-11-19: deadline 22/11, maximum 28/11", async () => {
    // Wed 20 Nov 2024 is a national holiday (Lei 14.759/2023): created + 2 business
    // days = Fri 22 Nov; the maximum, created + 6, = 21, 22, 25, 26, 27, 28 → Thu 28 Nov.
    const shown = await compute("sales_with_contact", "2024-11-19");
    assert.equal(shown.status, "Aceito");
    assert.match(shown.deadline, /^22\/11\/2024 \(sexta-feira\)$/);
    assert.match(shown.maximum, /^28\/11\/2024 \(quinta-feira\)$/);
    assert.ok(shown.reasons.some((r) => r.startsWith("AGD-2") && r.includes("22/11/2024")), shown.reasons.join("\n"));
    mkdirSync(join(root, "target"), { recursive: true });
    await page.screenshot({ path: join(root, "target/web-example.png"), fullPage: true });
  });

  test("without contact, requested deadline past the maximum: refused (AGD-3)", async () => {
    // Without contact the maximum is created + 2 = Fri 22 Nov; 25 Nov is past it.
    const shown = await compute("sales_without_contact", "2024-11-19", "2024-11-25");
    assert.match(shown.status, /^Recusado/);
    assert.match(shown.maximum, /^22\/11\/2024/);
    assert.ok(shown.reasons.some((r) => r.startsWith("AGD-3")), shown.reasons.join("\n"));
  });

  test("an invalid request shows the CrmError", async () => {
    const shown = await compute("support", "2024-11-19", "2024-11-19");
    assert.match(shown.status, /^Erro input\.invalid \(campo deadline\)/);
  });

  test("the page downloads the default module only (the records module loads on initRecords())", () => {
    const wasm = requested.filter((p) => p.endsWith(".wasm"));
    assert.deepEqual(wasm, ["/bindings/wasm/pkg-web/crm_rules_core_bg.wasm"]);
  });

  test("no errors in the page", () => {
    assert.deepEqual(errors, []);
  });
});
