"""A client gets in touch: who attends, whether the sale may go ahead, what to do, who
earns the commission; then the interaction is checked and the sale closes the
agendamentos about the product.

Run (with the crm_rules wheel installed): python examples/python/inbound_contact_example.py
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
    policy = crm_rules.Policy.from_dict({"calendar": {"states": ["SP"]}, "debt": {"forgive_after_months": 12}})
    on = datetime.date(2026, 11, 23)
    agendamento: crm_rules.AgendamentoInput = {
        "id": "A-1",
        "kind": "sales_with_contact",
        "subject": "intimação",
        "owner": "ana",
        "created_on": datetime.date(2026, 11, 19),
    }
    contact: crm_rules.InboundContact = {
        "on": on,
        "attendant": "bruno",
        "users": [
            # ana, who holds the client, is on vacation this week (RCP-5, COM-1).
            {"id": "ana", "team": "commercial", "vacations": [{"start": datetime.date(2026, 11, 16), "end": datetime.date(2026, 11, 27)}]},
            {"id": "bruno", "team": "support"},
            {"id": "carla", "team": "commercial"},
        ],
        "account": {
            "id": "C-1",
            "registration": {"name": "Silva Advocacia", "document": "12.345.678/0001-95"},
            "debts": [{"id": "D-1", "since": datetime.date(2025, 1, 10), "amount_centavos": 12000}],
            "open_boletos": [{"id": "B-1", "due": datetime.date(2026, 11, 1), "amount_centavos": 5000}],
            "agendamentos": [agendamento],
        },
        "contact": {
            "channel": "whatsapp",
            "subject": "Intimação",
            "requester": "third_party",
            "confirmed_data": {"name": "Silva Advocacia", "document": "12345678000195"},
            "field_changes": {"email": "novo@silva.adv.br"},
            "sale": {"discount_centavos": 0},
        },
    }

    decision = crm_rules.inbound_contact(contact, policy=policy)
    outcome = decision["outcome"]
    print_reasons("inbound contact:", decision["reasons"])
    route = outcome["route"]
    print(f"  route {route['route']} -> {route['user']} (agendamento {route['holding_agendamento']})")
    print(f"  sale allowed {outcome['sale_allowed']}, discount allowed {outcome['discount_allowed']}")
    for debt in outcome["debts_forgiven"]:
        print(f"  forgiven: {debt['id']} since {debt['since'].isoformat()} ({debt['amount_centavos']} centavos)")
    for alert in outcome["alerts"]:
        print(f"  alert {alert['code']}: {len(alert['boletos'])} boleto(s), {alert['total_centavos']} centavos")
    for action in outcome["required_actions"]:
        print(f"  to do: {action['code']} {action['fields']}")
    commission = outcome["commission"]
    print(f"  commission: {commission['user'] if commission['to'] == 'user' else 'the manager decides'}")

    check = crm_rules.check_interaction(
        {"channel": "whatsapp", "reason": "venda", "first_of_case": True, "note": "Venda de intimação"}, policy=policy
    )
    print_reasons(f"interaction: valid {check['outcome']['valid']}, warnings {check['outcome']['warnings']}", check["reasons"])

    seller = route["user"] or contact["attendant"]
    closing = crm_rules.agendamentos_to_close([agendamento], contact["contact"]["subject"], seller, policy=policy)
    print_reasons(f"close after the sale: {closing['outcome']['to_close']}", closing["reasons"])

    try:
        crm_rules.route_contact({**contact, "attendant": ""})
    except crm_rules.ValidationError as error:
        print(f"error {error.code} at {error.path}: {error.message}")


if __name__ == "__main__":
    main()
