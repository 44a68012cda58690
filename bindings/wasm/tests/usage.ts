// Type-level test of the generated .d.ts (checked by `tsc --noEmit --strict`, never
// run): the public API is precisely typed, and misuse fails to compile.
import * as node from "../pkg-node/crm_rules.js";
import initWeb, * as web from "../pkg-web/crm_rules.js";
import type {
  Agendamento,
  AgendamentoStatus,
  BoletoAlert,
  CloseAfterSale,
  Commission,
  CreateOutcome,
  CrmError,
  CrmErrorCode,
  Debt,
  DebtOutcome,
  Decision,
  FieldSource,
  Holiday,
  InboundContact,
  InboundOutcome,
  InteractionCheck,
  Policy,
  Reason,
  ReinstatementOutcome,
  RenewOutcome,
  Route,
  RouteOutcome,
  RuleName,
  ThirdPartyOutcome,
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

// Inbound contact: one input for every contact.* rule; plain objects for the field maps.
const inbound: InboundContact = {
  on: "2026-11-23",
  attendant: "bruno",
  users: [
    { id: "ana", team: "commercial", vacations: [{ start: "2026-11-16", end: "2026-11-27" }], absences: ["2026-12-01"] },
    { id: "bruno", team: "support" },
  ],
  account: {
    status: { state: "inactive_manual", by: "ana", on: "2026-11-10", client_answered: true },
    registration: { name: "Silva Advocacia", document: "12.345.678/0001-95" },
    debts: [{ id: "D-1", since: "2025-01-10", amount_centavos: 12000 }],
    open_boletos: [{ due: "2026-11-01", amount_centavos: 5000 }],
    agendamentos: [{ id: "A-1", kind: "sales_with_contact", subject: "intimação", owner: "ana", created_on: "2026-11-19" }],
  },
  contact: {
    channel: "whatsapp",
    subject: "Intimação",
    requester: "third_party",
    confirmed_data: { name: "Silva Advocacia" },
    field_changes: { email: "novo@silva.adv.br" },
    sale: { discount_centavos: 0, via_dispatch_campaign: false },
  },
  policy: { debt: { forgive_after_months: 12 }, third_party: { confirmation_fields: ["name"] } },
};
const io: InboundOutcome = node.inboundContact(inbound).outcome;
const routed: "agendamento_owner" | "available_seller" | "attendant" | "inactivating_user" | "commercial_team" = io.route.route;
const firstAction: string | undefined = io.required_actions[0]?.code;
const forgiven: Debt[] = io.debts_forgiven;
const ro: RouteOutcome = node.routeContact(inbound).outcome;
const who: string | null = ro.user;
const co: Commission = node.commission(inbound).outcome;
const to: "user" | "manager_decides" = co.to;
const rei: ReinstatementOutcome = node.reinstatement(inbound).outcome;
const dd: DebtOutcome = node.debtDecision(inbound).outcome;
const bo: BoletoAlert = node.openBoletos(inbound).outcome;
const tp: ThirdPartyOutcome = node.thirdParty(inbound).outcome;
const ic: InteractionCheck = node.checkInteraction({ interaction: { channel: "phone", answered: false, reason: null } }).outcome;
const cs: CloseAfterSale = node.agendamentosToClose({ agendamentos: [], sale: { subject: "x", seller: "y" }, policy }).outcome;
const closing: (string | null)[] = cs.to_close;
const ev1: InboundOutcome = node.evaluate("contact.inbound", inbound).outcome;
const ev2: DebtOutcome = node.evaluate("contact.debt", inbound).outcome;
const ev3: InteractionCheck = node.evaluate("interaction.check", { interaction: { channel: "chat" } }).outcome;
const ev4: CloseAfterSale = node.evaluate("agendamento.close_after_sale", { agendamentos: [], sale: { subject: "x", seller: "y" } }).outcome;
const ev5: RouteOutcome = node.evaluate("contact.route", inbound).outcome;
const ev6: Commission = node.evaluate("contact.commission", inbound).outcome;
const ev7: ReinstatementOutcome = node.evaluate("contact.reinstatement", inbound).outcome;
const ev8: BoletoAlert = node.evaluate("contact.open_boletos", inbound).outcome;
const ev9: ThirdPartyOutcome = node.evaluate("contact.third_party", inbound).outcome;

// @ts-expect-error attendant is required
node.inboundContact({ on: "2026-11-23", account: {}, contact: { channel: "chat", subject: "x" } });
// @ts-expect-error unknown team
node.routeContact({ ...inbound, users: [{ id: "x", team: "sales" }] });
// @ts-expect-error unknown channel
node.checkInteraction({ interaction: { channel: "fax" } });
// @ts-expect-error registration values are strings
node.thirdParty({ ...inbound, account: { registration: { name: 1 } } });
// @ts-expect-error the sale names a seller
node.agendamentosToClose({ agendamentos: [], sale: { subject: "x" } });
// @ts-expect-error an inactive_manual status needs client_answered
node.reinstatement({ ...inbound, account: { status: { state: "inactive_manual", by: "ana", on: "2026-11-10" } } });

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

// Identifiers and text (CAD-2, CAD-4): strings in, plain values out.
const ids: [boolean, boolean, string, string, string, string, string, string] = [
  node.isValidCpf("123.456.789-09"),
  node.isValidCnpj("12.ABC.345/01DE-35"),
  node.formatCpf("12345678909"),
  node.formatCnpj("12abc34501de35"),
  node.normalizePhone("(11) 98765-4321"),
  node.normalizeEmail("Ana@Silva.adv.br"),
  node.searchKey("João da Silva"),
  node.cleanText("  João  da Silva "),
];
const idRule: string = node.evaluate("identifier.normalize_phone", { value: "(11) 98765-4321" }).outcome;
const idValid: boolean = node.evaluate("identifier.is_valid_cnpj", { value: "11222333000181" }).outcome;

// Misuse does not compile.
// @ts-expect-error a CPF is a string
node.isValidCpf(12345678909);
// @ts-expect-error the identifier rules take { value }
node.evaluate("identifier.search_key", { text: "x" });
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

// Nested answer fields are typed exactly (an `any` would pass an assignment, not Exact).
type Exact<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const inboundAnswer = node.inboundContact(inbound);
const routeUser: string | null = inboundAnswer.outcome.route.user;
const routeUserExact: Exact<typeof inboundAnswer.outcome.route.user, string | null> = true;
const routeExact: Exact<typeof inboundAnswer.outcome.route.route, Route> = true;
const boletoDue: string = inboundAnswer.outcome.alerts[0].boletos[0].due;
const boletoDueExact: Exact<typeof inboundAnswer.outcome.alerts[number]["boletos"][number]["due"], string> = true;
const alertCodeExact: Exact<typeof inboundAnswer.outcome.alerts[number]["code"], "open_boletos"> = true;
const plan = node.planMerge({
  records: [{ id: "A", fields: { city: "Santos" } }, { id: "B", fields: { city: "Santos", phone: "+5511987654321" } }],
  survivor: "A",
});
const planFields: Record<string, FieldSource> = plan.outcome.fields;
const planFieldsExact: Exact<typeof plan.outcome.fields, Record<string, FieldSource>> = true;
const cityFrom: string | undefined = planFields["city"]?.from;
const cityValue: unknown = planFields["city"]?.value;
const createdAnswer = node.createAgendamento({ kind: "support", subject: "s", owner: "o", created_on: "2024-11-19" });
const createRule: "AGD-1" | "AGD-2" | "AGD-3" = createdAnswer.reasons[0].rule;
const createRuleExact: Exact<typeof createdAnswer.reasons[number]["rule"], "AGD-1" | "AGD-2" | "AGD-3"> = true;
const viaEvaluateExact: Exact<ReturnType<typeof node.evaluate<"merge.plan">>["reasons"][number]["rule"], "CAD-7"> = true;
const webRuleExact: Exact<ReturnType<typeof web.createAgendamento>["reasons"][number]["rule"], "AGD-1" | "AGD-2" | "AGD-3"> = true;

// The web build exposes the same API after init().
async function inBrowser(): Promise<string> {
  await initWeb();
  const d: Decision<CreateOutcome> = web.createAgendamento({ kind: "support", subject: "s", owner: "o", created_on: "2024-11-19" });
  return d.outcome.maximum;
}

void [open, open2, next, between, holidays, viaClass, firstPt, e1, e2, e3, e4, e5, e6status, inBrowser];
void [io, routed, firstAction, forgiven, who, to, rei, dd, bo, tp, ic, closing, ev1, ev2, ev3, ev4, ev5, ev6, ev7, ev8, ev9];
void [ids, idRule, idValid];
void [routeUser, routeUserExact, routeExact, boletoDue, boletoDueExact, alertCodeExact, planFieldsExact, cityFrom, cityValue];
void [createRule, createRuleExact, viaEvaluateExact, webRuleExact];
