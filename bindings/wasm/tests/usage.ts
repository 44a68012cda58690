// Type-level test of the generated .d.ts (checked by `tsc --noEmit --strict`, never
// run): the public API is precisely typed, and misuse fails to compile.
import * as node from "../pkg-node/crm_rules.js";
import initWeb, * as web from "../pkg-web/crm_rules.js";
import type {
  Agendamento,
  AgendamentoStatus,
  CreateOutcome,
  CrmError,
  CrmErrorCode,
  Decision,
  Holiday,
  Policy,
  Reason,
  RenewOutcome,
  RuleName,
} from "../pkg-node/crm_rules.js";

const policy: Policy = { calendar: { states: ["SP"], carnival: true }, agendamento: { with_contact_max_days: 8 } };

// Calendar functions return plain values.
const open: boolean = node.isBusinessDay("2024-11-20");
const open2: boolean = node.isBusinessDay("2024-11-20", policy);
const next: string = node.addBusinessDays("2024-11-19", 1, null);
const between: number = node.businessDaysBetween("2024-11-19", "2024-11-22");
const holidays: Holiday[] = node.holidaysIn(2024, policy);
const cal = new node.Calendar(policy);
const viaClass: [boolean, string, number, Holiday[]] = [
  cal.isBusinessDay("2024-07-09"),
  cal.addBusinessDays("2024-07-08", 1),
  cal.businessDaysBetween("2024-07-08", "2024-07-10"),
  cal.holidaysIn(2024),
];
cal.free();

// Agendamento functions return decisions.
const created: Decision<CreateOutcome> = node.createAgendamento({
  kind: "sales_with_contact",
  subject: "intimação",
  owner: "ana",
  created_on: "2024-11-19",
  policy,
});
const maybe: Agendamento | null | undefined = created.outcome.agendamento;
const reasons: Reason[] = created.reasons;
const firstPt: string | undefined = reasons[0]?.message_pt;
if (maybe) {
  const renewed: Decision<RenewOutcome> = node.renewAgendamento({ agendamento: maybe, on: "2024-11-22", days: 2 });
  const status: Decision<AgendamentoStatus> = node.evaluateAgendamento({ agendamento: renewed.outcome.agendamento, on: "2024-11-25" });
  const s: "live" | "expired" | "disregarded" | "not_started" = status.outcome.status;
  void s;
}

// evaluate: one precise overload per rule name.
const e1: boolean = node.evaluate("calendar.is_business_day", { date: "2024-11-20" }).outcome;
const e2: string = node.evaluate("calendar.add_business_days", { date: "2024-11-19", days: 1 }).outcome;
const e3: number = node.evaluate("calendar.business_days_between", { start: "2024-11-19", end: "2024-11-22" }).outcome;
const e4: Holiday[] = node.evaluate("calendar.holidays_in", { year: 2024, policy }).outcome;
const e5: CreateOutcome = node.evaluate("agendamento.create", { kind: "support", subject: "s", owner: "o", created_on: "2024-11-19" }).outcome;
const rule: RuleName = "agendamento.evaluate";
const e6 = node.evaluate(rule, { agendamento: { kind: "support", subject: "s", owner: "o", created_on: "2024-11-19" }, on: "2024-11-20" });
const e6status: AgendamentoStatus["status"] = e6.outcome.status;

// Errors are typed through the isCrmError guard.
try {
  node.isBusinessDay("2023-02-29");
} catch (e: unknown) {
  if (node.isCrmError(e)) {
    const err: CrmError = e;
    const code: CrmErrorCode = err.code;
    const path: string | null = err.path;
    void [code, path];
  }
}

// Misuse does not compile.
// @ts-expect-error unknown kind
node.createAgendamento({ kind: "sales", subject: "s", owner: "o", created_on: "2024-11-19" });
// @ts-expect-error missing owner
node.createAgendamento({ kind: "support", subject: "s", created_on: "2024-11-19" });
// @ts-expect-error wrong input for the rule
node.evaluate("calendar.add_business_days", { date: "2024-11-19" });
// @ts-expect-error unknown rule name
node.evaluate("agendamento.delete", {});
// @ts-expect-error unknown UF
node.isBusinessDay("2024-01-01", { calendar: { states: ["XX"] } });
// @ts-expect-error days is a number
node.addBusinessDays("2024-11-19", "1");

// The web build exposes the same API after init().
async function inBrowser(): Promise<string> {
  await initWeb();
  const d: Decision<CreateOutcome> = web.createAgendamento({ kind: "support", subject: "s", owner: "o", created_on: "2024-11-19" });
  return d.outcome.maximum;
}

void [open, open2, next, between, holidays, viaClass, firstPt, e1, e2, e3, e4, e5, e6status, inBrowser];
