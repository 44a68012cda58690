"""Plain misuses of the typed API: `mypy --strict` must report an error on every line
marked `# error` and on no other (checked by check_misuse.py)."""

from __future__ import annotations

import datetime

import crm_rules
from crm_rules import InboundContact

day = datetime.date(2026, 11, 23)
crm_rules.create_agendamento("sales_with_contactt", "x", "ana", day)  # error: wrong literal for a kind
crm_rules.create_agendamento("support", "x", "ana", "2026-11-23")  # error: a str where a date is expected
crm_rules.evaluate_agendamento({"kind": "support", "subject": "x", "owner": "ana", "created_on": "2026-11-19"}, day)  # error: str date in a mapping
bad_channel: InboundContact = {"on": day, "attendant": "a", "users": [], "account": {}, "contact": {"channel": "fax", "subject": "x"}}  # error: wrong literal for a channel
misspelt: InboundContact = {"on": day, "atendant": "a", "users": [], "account": {}, "contact": {"channel": "chat", "subject": "x"}}  # error: misspelt input key
missing: InboundContact = {"on": day, "users": [], "account": {}, "contact": {"channel": "chat", "subject": "x"}}  # error: missing required key
good: InboundContact = {"on": day, "attendant": "a", "users": [], "account": {}, "contact": {"channel": "chat", "subject": "x"}}
out = crm_rules.inbound_contact(good)["outcome"]
out["rout"]  # error: an answer field that does not exist
out["commission"]["to"] == 3  # error: comparing a literal union with an int (strict equality)
not_a_date: datetime.date = crm_rules.evaluate_agendamento({"kind": "support", "subject": "x", "owner": "ana", "created_on": day}, day)["outcome"]["status"]  # error: a status is not a date
