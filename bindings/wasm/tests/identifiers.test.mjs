// Identifier and text exports (CAD-2, CAD-4): isValidCpf, isValidCnpj, formatCpf,
// formatCnpj, normalizePhone, normalizeEmail, searchKey, cleanText. Thin wrappers of
// crm_rules::identifiers; expected values worked out by hand from docs/API.md,
// "Identifiers and normalisation".
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import crm from "./crm.mjs";

function throwsInvalid(fn) {
  assert.throws(fn, (e) => {
    assert.ok(crm.isCrmError(e), String(e));
    assert.equal(e.code, "input.invalid", e.message);
    assert.equal(e.path, "value", e.message);
    return true;
  });
}

/** A valid CPF from 9 digits (Receita Federal mod 11), written independently here. */
function makeCpf(body) {
  const d = [...body];
  for (const top of [10, 11]) {
    const r = d.reduce((sum, v, i) => sum + v * (top - i), 0) % 11;
    d.push(r < 2 ? 0 : 11 - r);
  }
  return d.join("");
}

/** A valid CNPJ from 12 characters of [0-9A-Z] (value = ASCII code - 48). */
function makeCnpj(body) {
  const w = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  const v = [...body].map((c) => c.charCodeAt(0) - 48);
  for (const weights of [w.slice(1), w]) {
    const r = v.reduce((sum, x, i) => sum + x * weights[i], 0) % 11;
    v.push(r < 2 ? 0 : 11 - r);
  }
  return body + v.slice(12).join("");
}

/** A small seeded generator (mulberry32), so failures reproduce. */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("CPF", () => {
  test("valid and invalid", () => {
    assert.equal(crm.isValidCpf("123.456.789-09"), true);
    assert.equal(crm.isValidCpf(" 529 982 247 25 "), true);
    assert.equal(crm.isValidCpf("123.456.789-08"), false);
    assert.equal(crm.isValidCpf("111.111.111-11"), false);
    assert.equal(crm.isValidCpf("1234567890"), false);
    assert.equal(crm.isValidCpf(""), false);
  });

  test("format, and refusal", () => {
    assert.equal(crm.formatCpf("12345678909"), "123.456.789-09");
    throwsInvalid(() => crm.formatCpf("12345678900"));
  });

  test("format → validate round trip; a corrupted check digit is invalid", () => {
    const next = rng(42);
    for (let i = 0; i < 2000; i++) {
      const cpf = makeCpf(Array.from({ length: 9 }, () => Math.floor(next() * 10)));
      if (/^(\d)\1{10}$/.test(cpf)) continue;
      const formatted = crm.formatCpf(cpf);
      assert.equal(formatted.replace(/\D/g, ""), cpf);
      assert.equal(crm.isValidCpf(formatted), true, formatted);
      const at = 9 + Math.floor(next() * 2);
      const bad = cpf.slice(0, at) + ((Number(cpf[at]) + 1 + Math.floor(next() * 9)) % 10) + cpf.slice(at + 1);
      assert.equal(crm.isValidCpf(bad), false, bad);
    }
  });
});

describe("CNPJ", () => {
  test("numeric and alphanumeric", () => {
    assert.equal(crm.isValidCnpj("11.222.333/0001-81"), true);
    assert.equal(crm.isValidCnpj("12.ABC.345/01DE-35"), true);
    assert.equal(crm.isValidCnpj("12abc34501de35"), true);
    assert.equal(crm.isValidCnpj("12.ABC.345/01DE-36"), false);
    assert.equal(crm.isValidCnpj("12.ABC.345/01DE-3A"), false);
    assert.equal(crm.isValidCnpj("00.000.000/0000-00"), false);
  });

  test("format upper-cases; refusal", () => {
    assert.equal(crm.formatCnpj("12abc34501de35"), "12.ABC.345/01DE-35");
    assert.equal(crm.formatCnpj("11222333000181"), "11.222.333/0001-81");
    throwsInvalid(() => crm.formatCnpj("11222333000180"));
  });

  test("round trip and corrupted check digits on random alphanumeric CNPJs", () => {
    const next = rng(7);
    const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (let i = 0; i < 2000; i++) {
      const body = Array.from({ length: 12 }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
      const cnpj = makeCnpj(body);
      const formatted = crm.formatCnpj(cnpj.toLowerCase());
      assert.equal(formatted.replace(/[./-]/g, ""), cnpj);
      assert.equal(crm.isValidCnpj(formatted), true, formatted);
      const at = 12 + Math.floor(next() * 2);
      const bad = cnpj.slice(0, at) + ((Number(cnpj[at]) + 1 + Math.floor(next() * 9)) % 10) + cnpj.slice(at + 1);
      assert.equal(crm.isValidCnpj(bad), false, bad);
    }
  });
});

describe("phone", () => {
  test("spellings of one mobile", () => {
    for (const s of [
      "+55 (11) 98765-4321", "+5511987654321", "5511987654321", "(11) 98765-4321", "11987654321",
      "011 98765-4321", "0 21 11 98765-4321", "0xx11 98765 4321", "11.98765.4321",
    ]) {
      assert.equal(crm.normalizePhone(s), "+5511987654321", s);
    }
  });

  test("landlines, DDD 55 and refusals", () => {
    assert.equal(crm.normalizePhone("(21) 2345-6789"), "+552123456789");
    assert.equal(crm.normalizePhone("(55) 99876-5432"), "+5555998765432");
    for (const s of ["(11) 8765-4321", "(11) 7123-4567", "(20) 98765-4321", "+1 212 555 0100", "0800 123 4567", "", "abc"]) {
      throwsInvalid(() => crm.normalizePhone(s));
    }
  });

  test("idempotent on its output", () => {
    const next = rng(3);
    const chars = "0123456789 ()-+";
    let ok = 0;
    for (let i = 0; i < 3000; i++) {
      const s = Array.from({ length: 8 + Math.floor(next() * 10) }, () => chars[Math.floor(next() * chars.length)]).join("");
      let e164;
      try {
        e164 = crm.normalizePhone(s);
      } catch {
        continue;
      }
      ok++;
      assert.equal(crm.normalizePhone(e164), e164);
    }
    assert.ok(ok > 0);
  });
});

describe("e-mail and text", () => {
  test("normalizeEmail", () => {
    assert.equal(crm.normalizeEmail("  Ana@Silva.ADV.br "), "ana@silva.adv.br");
    for (const s of ["ana@silva", "a@b@c.br", "@x.br", "a b@c.br", "a@b..br"]) {
      throwsInvalid(() => crm.normalizeEmail(s));
    }
  });

  test("cleanText keeps accents; searchKey folds them", () => {
    assert.equal(crm.cleanText("  João \t da\n Silva  "), "João da Silva");
    assert.equal(crm.searchKey("  João  da SILVA "), "joao da silva");
    assert.equal(crm.searchKey("CONCEIÇÃO"), "conceicao");
    const next = rng(11);
    const chars = ["a", "A", "ç", "Ç", "ã", "É", " ", "\t", "\u0301", "\u00a0", "İ", "ß"];
    for (let i = 0; i < 2000; i++) {
      const s = Array.from({ length: Math.floor(next() * 16) }, () => chars[Math.floor(next() * chars.length)]).join("");
      const k = crm.searchKey(s);
      assert.equal(crm.searchKey(k), k);
      assert.equal(crm.cleanText(crm.cleanText(s)), crm.cleanText(s));
    }
  });
});

test("non-string arguments throw CrmError input.invalid, path value", () => {
  for (const fn of [
    crm.isValidCpf, crm.isValidCnpj, crm.formatCpf, crm.formatCnpj,
    crm.normalizePhone, crm.normalizeEmail, crm.searchKey, crm.cleanText,
  ]) {
    for (const arg of [undefined, null, 12345678909, {}, ["x"]]) {
      throwsInvalid(() => fn(arg));
    }
  }
});

test("the JSON rules give the same answers", () => {
  assert.equal(crm.evaluate("identifier.format_cnpj", { value: "12abc34501de35" }).outcome, "12.ABC.345/01DE-35");
  assert.equal(crm.evaluate("identifier.normalize_phone", { value: "(11) 98765-4321" }).outcome, "+5511987654321");
  assert.equal(crm.evaluate("identifier.is_valid_cpf", { value: "123.456.789-09" }).outcome, true);
});
