// Type-level test of the generated .d.ts (checked by `tsc --strict --noEmit`, never
// run): deliberate misuses that must not compile. Each is preceded by
// `// @ts-expect-error <why>`, so tsc fails ("Unused '@ts-expect-error' directive")
// the day the declarations accept one of them. Most misuses follow the same call
// written right, which must compile: the misuse, not something else on the line, is
// what tsc rejects.
import * as node from "../pkg-node/crm_rules.js";
import initWeb, * as web from "../pkg-web/crm_rules.js";
import type { CreateRequest, CrmErrorCode, InboundContact } from "../pkg-node/crm_rules.js";

const request: CreateRequest = { kind: "sales_with_contact", subject: "intimação", owner: "ana", created_on: "2024-11-19" };
const inbound: InboundContact = {
  on: "2026-11-23",
  attendant: "bruno",
  account: {},
  contact: { channel: "whatsapp", subject: "Intimação" },
};

// --- Inputs of the generated rule functions -----------------------------------------

// Agendamento kinds are a closed set of literals.
node.createAgendamento({ kind: "sales_with_contact", subject: "s", owner: "o", created_on: "2024-11-19" });
// @ts-expect-error "sales_with_contactt" is not an agendamento kind (misspelt)
node.createAgendamento({ kind: "sales_with_contactt", subject: "s", owner: "o", created_on: "2024-11-19" });
// @ts-expect-error "sales" is not an agendamento kind either
node.createAgendamento({ ...request, kind: "sales" });
// @ts-expect-error the kind is a string literal, not a number
node.createAgendamento({ ...request, kind: 1 });

// Contact channels are a closed set.
node.inboundContact({ ...inbound, contact: { channel: "email", subject: "x" } });
// @ts-expect-error "telegram" is not a contact channel
node.inboundContact({ ...inbound, contact: { channel: "telegram", subject: "x" } });
// @ts-expect-error "fax" is not an interaction channel
node.checkInteraction({ interaction: { channel: "fax" } });

// A misspelt key is an excess property, not silently ignored.
node.inboundContact({ ...inbound, attendant: "bruno" });
// @ts-expect-error `atendant` is misspelt (the key is `attendant`)
node.inboundContact({ ...inbound, atendant: "bruno" });
// @ts-expect-error `creatd_on` is misspelt (the key is `created_on`)
node.createAgendamento({ ...request, creatd_on: "2024-11-19" });

// Required keys.
node.createAgendamento({ kind: "support", subject: "s", owner: "o", created_on: "2024-11-19" });
// @ts-expect-error `owner` is required
node.createAgendamento({ kind: "support", subject: "s", created_on: "2024-11-19" });
// @ts-expect-error `attendant` is required
node.inboundContact({ on: "2026-11-23", account: {}, contact: { channel: "chat", subject: "x" } });
// @ts-expect-error a merge names its survivor
node.planMerge({ records: [{ id: "A", fields: {} }, { id: "B", fields: {} }] });

// The functions take one input object: no positional arguments, no missing input.
// @ts-expect-error createAgendamento takes an input object, not positional arguments
node.createAgendamento("support", "s", "o", "2024-11-19");
// @ts-expect-error the input object is required
node.createAgendamento();

// Dates are strings (IsoDate), not Date objects.
// @ts-expect-error created_on is a YYYY-MM-DD string, not a Date
node.createAgendamento({ ...request, created_on: new Date() });

// --- Answers --------------------------------------------------------------------------

const routed = node.inboundContact(inbound).outcome.route;
const routeOk: string = routed.route;
// @ts-expect-error the outcome has `route`, not `rout`
const routeTypo = node.inboundContact(inbound).outcome.rout;
// @ts-expect-error the routed user may be null
const routedUser: string = routed.user;
// @ts-expect-error a route is one of five literals, never "manager"
const isManager = routed.route === "manager";

const created = node.createAgendamento(request);
const accepted: boolean = created.outcome.accepted;
// @ts-expect-error a create answer has no `deadline` (it is outcome.agendamento.deadline)
const deadline = created.outcome.deadline;
// @ts-expect-error agendamento.create cites AGD-1, AGD-2 or AGD-3 only
const citesMerge = created.reasons[0]?.rule === "CAD-7";
// @ts-expect-error the agendamento may be null
const createdKind = created.outcome.agendamento.kind;
// @ts-expect-error the merge plan's fields are a plain object (Record), not a Map
const viaMap = node.planMerge({ records: [], survivor: "A" }).outcome.fields.get("city");

// --- evaluate ----------------------------------------------------------------------------

node.evaluate("agendamento.create", request);
// @ts-expect-error "no.such" is not a rule name
node.evaluate("no.such", {});
// @ts-expect-error agendamento.create takes a CreateRequest, not a holidays_in input
node.evaluate("agendamento.create", { year: 2024 });
// @ts-expect-error calendar.holidays_in takes { year }, not a CreateRequest
node.evaluate("calendar.holidays_in", request);
// @ts-expect-error the answer is typed by the rule: holidays_in answers Holiday[], not a number
const holidayCount: number = node.evaluate("calendar.holidays_in", { year: 2024 }).outcome;

// --- Calendar and identifier functions ---------------------------------------------------

node.isBusinessDay("2024-11-20");
// @ts-expect-error isBusinessDay wants a YYYY-MM-DD string, not a number
node.isBusinessDay(20241120);
// @ts-expect-error isBusinessDay wants a YYYY-MM-DD string, not a Date
node.isBusinessDay(new Date());
// @ts-expect-error the date is required
node.isBusinessDay();
// @ts-expect-error days is a number, not a string
node.addBusinessDays("2024-11-19", "1");
// @ts-expect-error end is a string, not a number
node.businessDaysBetween("2024-11-19", 20241122);
// @ts-expect-error year is a number, not a string
node.holidaysIn("2024");
// @ts-expect-error a policy is an object, not a UF string
node.isBusinessDay("2024-11-20", "SP");
// @ts-expect-error "XX" is not a UF
node.isBusinessDay("2024-11-20", { calendar: { states: ["XX"] } });

const cal = new node.Calendar({ calendar: { states: ["SP"] } });
// @ts-expect-error Calendar#isBusinessDay wants a string
cal.isBusinessDay(20240709);
// @ts-expect-error Calendar#holidaysIn wants a number
cal.holidaysIn("2024");
// @ts-expect-error the Calendar takes its policy at construction, not per call
cal.isBusinessDay("2024-07-09", { calendar: { states: ["RJ"] } });
cal.free();

// @ts-expect-error a CPF is a string, not a number
node.isValidCpf(12345678909);
// @ts-expect-error isValidCpf answers a boolean, not a string
const formatted: string = node.isValidCpf("123.456.789-09");

// --- Errors --------------------------------------------------------------------------------

// @ts-expect-error "input.wrong" is not a CrmErrorCode
const wrongCode: CrmErrorCode = "input.wrong";
try {
  node.isBusinessDay("2023-02-29");
} catch (e: unknown) {
  // @ts-expect-error an unknown catch value has no `code` until isCrmError narrows it
  const unnarrowed = e.code;
  if (node.isCrmError(e)) {
    // @ts-expect-error the narrowed code is a CrmErrorCode: "input.bogus" cannot match
    const bogus = e.code === "input.bogus";
    void bogus;
  }
  void unnarrowed;
}

// --- The web build declares the same API ---------------------------------------------------

async function inBrowser(): Promise<void> {
  await initWeb();
  // @ts-expect-error "sales_with_contactt" is not an agendamento kind (web build)
  web.createAgendamento({ kind: "sales_with_contactt", subject: "s", owner: "o", created_on: "2024-11-19" });
  // @ts-expect-error "no.such" is not a rule name (web build)
  web.evaluate("no.such", {});
  // @ts-expect-error isBusinessDay wants a string (web build)
  web.isBusinessDay(20241120);
}

void [routeOk, routeTypo, routedUser, isManager, accepted, deadline, citesMerge, createdKind, viaMap];
void [holidayCount, formatted, wrongCode, inBrowser];
