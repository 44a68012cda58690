"""Typed use of the generated API: `mypy --strict` must accept every line."""

from __future__ import annotations

import datetime

import crm_rules
from crm_rules import InboundContact

contact: InboundContact = {
    "on": datetime.date(2026, 11, 23),
    "attendant": "bruno",
    "users": [{"id": "ana", "team": "commercial"}, {"id": "bruno", "team": "support"}],
    "account": {
        "agendamentos": [
            {"id": "A-1", "kind": "sales_with_contact", "subject": "intimação", "owner": "ana",
             "created_on": datetime.date(2026, 11, 19)}
        ],
        "registration": {"name": "Silva", "document": "12.345.678/0001-95"},
    },
    "contact": {"channel": "phone", "subject": "Intimação"},
}
inbound = crm_rules.inbound_contact(contact)
route: crm_rules.Route = inbound["outcome"]["route"]["route"]
user: str | None = inbound["outcome"]["route"]["user"]
allowed: bool = inbound["outcome"]["sale_allowed"]
for alert in inbound["outcome"]["alerts"]:
    due: datetime.date = alert["boletos"][0]["due"]
    total: int = alert["total_centavos"]
first_rule: str = inbound["reasons"][0]["rule"]

created = crm_rules.create_agendamento("sales_with_contact", "x", "ana", datetime.date(2026, 11, 23), id="A-9")
maximum: datetime.date = created["outcome"]["maximum"]
agendamento = created["outcome"]["agendamento"]
if agendamento is not None:
    deadline = agendamento["deadline"] or maximum
    renewed = crm_rules.renew_agendamento(agendamento, datetime.date(2026, 11, 24), manager_approved=True)
    renewals: int = renewed["outcome"]["agendamento"]["renewals"]
    status: crm_rules.Status = crm_rules.evaluate_agendamento(agendamento, deadline)["outcome"]["status"]

plan = crm_rules.plan_merge([{"id": "A", "fields": {"city": "Santos"}}, {"id": "B"}], "A")["outcome"]
for field_name, source in plan["fields"].items():
    taken_from: str = source["from"]
for move in plan["moves"]:
    kind: str = move["kind"]
holidays = crm_rules.holidays_in(2026)
first_holiday: datetime.date = holidays[0]["date"]
check = crm_rules.check_registration({"contact_id": "C-1", "name": "Ana"}, ["C-1"])["outcome"]
problem_codes = [p["code"] for p in check["problems"]]
# `document: null` is accepted at run time, and by the types.
pairs = crm_rules.all_duplicates([{"id": "a", "name": "Ana", "document": None}, {"id": "b", "name": "Bia"}])
pair_ids = [(p["a"], p["b"]) for p in pairs["outcome"]]
