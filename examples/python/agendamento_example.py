"""Creates an agendamento, renews it and evaluates it on a date, printing the reasons.

Run (with the crm_rules wheel installed): python examples/python/agendamento_example.py
Type-checked by `mypy --strict examples/python` (bindings/python/test.sh).
"""

from __future__ import annotations

import datetime
from typing import List

import crm_rules


def print_reasons(title: str, reasons: List[crm_rules.Reason]) -> None:
    print(title)
    for reason in reasons:
        print(f"  [{reason['rule']}] {reason['message_en']}")


def main() -> None:
    # A São Paulo team: state holidays of SP apply, Carnival is closed.
    policy = crm_rules.Policy.from_dict({"calendar": {"states": ["SP"], "carnival": True}})
    calendar = crm_rules.Calendar(policy)

    created_on = datetime.date(2026, 11, 23)
    created = crm_rules.create_agendamento(
        "sales_with_contact", "intimação", "ana", created_on, id="A-1", purpose="sale", policy=policy
    )
    print_reasons("create:", created["reasons"])
    agendamento = created["outcome"]["agendamento"]
    if agendamento is None:
        raise SystemExit("the agendamento was refused")
    print(f"  deadline {agendamento['deadline']}, maximum {created['outcome']['maximum']}")

    on = calendar.add_business_days(created_on, 1)
    renewed = crm_rules.renew_agendamento(agendamento, on, policy=policy)
    print_reasons(f"renew on {on}:", renewed["reasons"])
    agendamento = renewed["outcome"]["agendamento"]
    print(f"  accepted={renewed['outcome']['accepted']} deadline {agendamento['deadline']}")

    deadline = agendamento["deadline"]
    assert deadline is not None  # a created agendamento always has its deadline
    for day in (on, deadline + datetime.timedelta(days=1)):
        decision = crm_rules.evaluate_agendamento(agendamento, day, policy=policy)
        outcome = decision["outcome"]
        print_reasons(f"evaluate on {day}: {outcome['status']}, sales priority {outcome['sales_priority']}", decision["reasons"])

    try:
        crm_rules.create_agendamento("sales_with_contact", "intimação", "ana", created_on, created_on)
    except crm_rules.ValidationError as error:
        print(f"error {error.code} at {error.path}: {error.message}")


if __name__ == "__main__":
    main()
