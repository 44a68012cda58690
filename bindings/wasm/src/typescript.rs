//! TypeScript declarations that wasm-bindgen cannot derive: the thrown error, the
//! rule inputs (the core's request types plus the optional `policy`), and one
//! `evaluate` overload per rule name. The entity types (`Policy`, `Agendamento`,
//! `Decision<T>`, `Holiday`, `InboundContact`, `InboundOutcome`, ...) come from the
//! core's `tsify` derives. Those derives type the core's string maps (`BTreeMap`) as
//! `Map<string, string>`; JSON inputs carry plain objects, so the `*Input` types here
//! replace those fields with `Record<string, string>`.

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(typescript_custom_section)]
const DECLARATIONS: &str = r#"
/** Stable machine-readable error codes (docs/API.md, "Errors"). */
export type CrmErrorCode =
    | "input.invalid"
    | "input.missing_field"
    | "input.invalid_date"
    | "calendar.out_of_range"
    | "policy.invalid"
    | "rule.unknown";

/** What every crm-rules function throws. */
export interface CrmError extends Error {
    name: "CrmError";
    code: CrmErrorCode;
    /** Dotted path of the offending field in the input (`agendamento.created_on`,
     * `policy.calendar.states[1]`), or null when the error is not about a field. */
    path: string | null;
}

/** Whether `value` is an error thrown by crm-rules. */
export function isCrmError(value: unknown): value is CrmError;

/** Every input may carry a partial policy; omitted fields take the seeds' defaults. */
export interface WithPolicy {
    policy?: Policy | null;
}

/** Input of `calendar.is_business_day`. */
export interface IsBusinessDayInput extends WithPolicy {
    /** `YYYY-MM-DD`. */
    date: string;
}

/** Input of `calendar.add_business_days`. */
export interface AddBusinessDaysInput extends WithPolicy {
    /** `YYYY-MM-DD`. */
    date: string;
    /** Business days to add (an integer; negative goes back). */
    days: number;
}

/** Input of `calendar.business_days_between`. */
export interface BusinessDaysBetweenInput extends WithPolicy {
    /** `YYYY-MM-DD`, exclusive. */
    start: string;
    /** `YYYY-MM-DD`, inclusive. */
    end: string;
}

/** Input of `calendar.holidays_in`. */
export interface HolidaysInInput extends WithPolicy {
    year: number;
}

/** Input of `agendamento.create` / `createAgendamento`. */
export type CreateAgendamentoInput = CreateRequest & WithPolicy;

/** Input of `agendamento.renew` / `renewAgendamento`. */
export interface RenewAgendamentoInput extends WithPolicy {
    agendamento: Agendamento;
    /** The day the renewal is asked, `YYYY-MM-DD`. */
    on: string;
    /** Business days to add; omitted: the policy's renewal days, capped at the maximum. */
    days?: number | null;
    /** A manager approved it: lifts the maximum and the without-contact ban. */
    manager_approved?: boolean;
}

/** Input of `agendamento.evaluate` / `evaluateAgendamento`. */
export interface EvaluateAgendamentoInput extends WithPolicy {
    agendamento: Agendamento;
    /** The day to look at, `YYYY-MM-DD`. */
    on: string;
}

/** Input of `agendamento.close_after_sale` / `agendamentosToClose`. */
export interface CloseAfterSaleInput extends WithPolicy {
    agendamentos: Agendamento[];
    /** The sale: its product/service and the seller. */
    sale: ClosingSale;
}

/** `Account` as JSON input: `registration` is a plain object of strings. */
export type AccountInput = Omit<Account, "registration"> & {
    /** Registration data by field name (`name`, `document`, `email`, `phone`, ...). */
    registration?: Record<string, string>;
};

/** `ContactRequest` as JSON input: the field maps are plain objects of strings. */
export type ContactRequestInput = Omit<ContactRequest, "confirmed_data" | "field_changes"> & {
    /** Registration data the requester confirmed, by field. */
    confirmed_data?: Record<string, string>;
    /** Changes to registration fields asked for, by field. */
    field_changes?: Record<string, string>;
};

/** Input of every `contact.*` rule (`inboundContact`, `routeContact`, `commission`,
 * `reinstatement`, `debtDecision`, `openBoletos`, `thirdParty`): the `InboundContact`
 * of docs/API.md, dates as `YYYY-MM-DD`. */
export type InboundContactInput = Omit<InboundContact, "account" | "contact"> & {
    account: AccountInput;
    contact: ContactRequestInput;
} & WithPolicy;

/** Input of `interaction.check` / `checkInteraction`. */
export interface CheckInteractionInput extends WithPolicy {
    interaction: Interaction;
}

/** Input of every `identifier.*` rule (CAD-2, CAD-4): the text to check or normalise. */
export interface IdentifierInput extends WithPolicy {
    value: string;
}

/** Input of `registration.check` (CAD-1, CAD-3). */
export interface RegistrationCheckInput extends WithPolicy {
    atendimento: AtendimentoDraft;
    registered_contact_ids: string[];
}

/** Input of `duplicates.candidates` (CAD-5): the likely duplicates of `record` among `records`. */
export interface DuplicateCandidatesInput extends WithPolicy {
    records: DuplicateRecord[];
    record: DuplicateRecord;
}

/** Input of `duplicates.all` (CAD-5): every likely duplicate pair among `records`. */
export interface AllDuplicatesInput extends WithPolicy {
    records: DuplicateRecord[];
}

/** Input of `duplicates.task` (CAD-6): the ids of the duplicate records (at least two). */
export interface DuplicateTaskInput extends WithPolicy {
    records: string[];
}

/** Input of `merge.plan` (CAD-7). `choices` names, per conflicting field, the record to take. */
export interface MergePlanInput extends WithPolicy {
    records: MergeRecord[];
    survivor: string;
    choices?: Record<string, string>;
}

/** Input of `merge.apply` (CAD-7). */
export interface MergeApplyInput extends WithPolicy {
    records: MergeRecord[];
    plan: MergePlan;
}

/** Input of `merge.revert` (CAD-7). */
export interface MergeRevertInput extends WithPolicy {
    survivor: MergeRecord;
    plan: MergePlan;
}

/** Every rule `evaluate` knows: its input and the type of its `outcome`. */
export interface Rules {
    "calendar.is_business_day": { input: IsBusinessDayInput; outcome: boolean };
    "calendar.add_business_days": { input: AddBusinessDaysInput; outcome: string };
    "calendar.business_days_between": { input: BusinessDaysBetweenInput; outcome: number };
    "calendar.holidays_in": { input: HolidaysInInput; outcome: Holiday[] };
    "agendamento.create": { input: CreateAgendamentoInput; outcome: CreateOutcome };
    "agendamento.renew": { input: RenewAgendamentoInput; outcome: RenewOutcome };
    "agendamento.evaluate": { input: EvaluateAgendamentoInput; outcome: AgendamentoStatus };
    "agendamento.close_after_sale": { input: CloseAfterSaleInput; outcome: CloseAfterSale };
    "contact.inbound": { input: InboundContactInput; outcome: InboundOutcome };
    "contact.route": { input: InboundContactInput; outcome: RouteOutcome };
    "contact.commission": { input: InboundContactInput; outcome: Commission };
    "contact.reinstatement": { input: InboundContactInput; outcome: ReinstatementOutcome };
    "contact.debt": { input: InboundContactInput; outcome: DebtOutcome };
    "contact.open_boletos": { input: InboundContactInput; outcome: BoletoAlert };
    "contact.third_party": { input: InboundContactInput; outcome: ThirdPartyOutcome };
    "interaction.check": { input: CheckInteractionInput; outcome: InteractionCheck };
    "identifier.is_valid_cpf": { input: IdentifierInput; outcome: boolean };
    "identifier.is_valid_cnpj": { input: IdentifierInput; outcome: boolean };
    "identifier.format_cpf": { input: IdentifierInput; outcome: string };
    "identifier.format_cnpj": { input: IdentifierInput; outcome: string };
    "identifier.normalize_phone": { input: IdentifierInput; outcome: string };
    "identifier.normalize_email": { input: IdentifierInput; outcome: string };
    "identifier.search_key": { input: IdentifierInput; outcome: string };
    "identifier.clean_text": { input: IdentifierInput; outcome: string };
    "registration.check": { input: RegistrationCheckInput; outcome: RegistrationCheck };
    "duplicates.candidates": { input: DuplicateCandidatesInput; outcome: Candidate[] };
    "duplicates.all": { input: AllDuplicatesInput; outcome: CandidatePair[] };
    "duplicates.task": { input: DuplicateTaskInput; outcome: DuplicateTask };
    "merge.plan": { input: MergePlanInput; outcome: MergePlan };
    "merge.apply": { input: MergeApplyInput; outcome: MergeResult };
    "merge.revert": { input: MergeRevertInput; outcome: Reverted };
}

/** The name of a rule, e.g. `"agendamento.evaluate"`. */
export type RuleName = keyof Rules;

/**
 * Runs the rule `rule` on a JSON-shaped input (ISO `YYYY-MM-DD` date strings) and
 * returns its decision: `{ outcome, reasons }`. Throws a `CrmError`.
 */
export function evaluate(rule: "calendar.is_business_day", input: IsBusinessDayInput): Decision<boolean>;
export function evaluate(rule: "calendar.add_business_days", input: AddBusinessDaysInput): Decision<string>;
export function evaluate(rule: "calendar.business_days_between", input: BusinessDaysBetweenInput): Decision<number>;
export function evaluate(rule: "calendar.holidays_in", input: HolidaysInInput): Decision<Holiday[]>;
export function evaluate(rule: "agendamento.create", input: CreateAgendamentoInput): Decision<CreateOutcome>;
export function evaluate(rule: "agendamento.renew", input: RenewAgendamentoInput): Decision<RenewOutcome>;
export function evaluate(rule: "agendamento.evaluate", input: EvaluateAgendamentoInput): Decision<AgendamentoStatus>;
export function evaluate(rule: "agendamento.close_after_sale", input: CloseAfterSaleInput): Decision<CloseAfterSale>;
export function evaluate(rule: "contact.inbound", input: InboundContactInput): Decision<InboundOutcome>;
export function evaluate(rule: "contact.route", input: InboundContactInput): Decision<RouteOutcome>;
export function evaluate(rule: "contact.commission", input: InboundContactInput): Decision<Commission>;
export function evaluate(rule: "contact.reinstatement", input: InboundContactInput): Decision<ReinstatementOutcome>;
export function evaluate(rule: "contact.debt", input: InboundContactInput): Decision<DebtOutcome>;
export function evaluate(rule: "contact.open_boletos", input: InboundContactInput): Decision<BoletoAlert>;
export function evaluate(rule: "contact.third_party", input: InboundContactInput): Decision<ThirdPartyOutcome>;
export function evaluate(rule: "interaction.check", input: CheckInteractionInput): Decision<InteractionCheck>;
export function evaluate(rule: "identifier.is_valid_cpf", input: IdentifierInput): Decision<boolean>;
export function evaluate(rule: "identifier.is_valid_cnpj", input: IdentifierInput): Decision<boolean>;
export function evaluate(rule: "identifier.format_cpf", input: IdentifierInput): Decision<string>;
export function evaluate(rule: "identifier.format_cnpj", input: IdentifierInput): Decision<string>;
export function evaluate(rule: "identifier.normalize_phone", input: IdentifierInput): Decision<string>;
export function evaluate(rule: "identifier.normalize_email", input: IdentifierInput): Decision<string>;
export function evaluate(rule: "identifier.search_key", input: IdentifierInput): Decision<string>;
export function evaluate(rule: "identifier.clean_text", input: IdentifierInput): Decision<string>;
export function evaluate(rule: "registration.check", input: RegistrationCheckInput): Decision<RegistrationCheck>;
export function evaluate(rule: "duplicates.candidates", input: DuplicateCandidatesInput): Decision<Candidate[]>;
export function evaluate(rule: "duplicates.all", input: AllDuplicatesInput): Decision<CandidatePair[]>;
export function evaluate(rule: "duplicates.task", input: DuplicateTaskInput): Decision<DuplicateTask>;
export function evaluate(rule: "merge.plan", input: MergePlanInput): Decision<MergePlan>;
export function evaluate(rule: "merge.apply", input: MergeApplyInput): Decision<MergeResult>;
export function evaluate(rule: "merge.revert", input: MergeRevertInput): Decision<Reverted>;
export function evaluate<R extends RuleName>(rule: R, input: Rules[R]["input"]): Decision<Rules[R]["outcome"]>;
"#;
