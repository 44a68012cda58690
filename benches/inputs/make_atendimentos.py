#!/usr/bin/env python3
"""Writes benches/inputs/atendimento_list_1000.json: an `atendimento.list` input with
1 000 atendimentos (deterministic), 90 % of them in the pipeline `vendas` (80 % active,
10 % archived, 10 % in the trash), each with 0-2 quotes of 1-2 versions and 0-2
interactions; the user `u1`, authorised; sorted by title, ascending.
Run: python3 benches/inputs/make_atendimentos.py [N]   (e.g. 100000 for the 100 000 case)"""
import datetime
import json
import random
import sys
from pathlib import Path

SURNAMES = ["Silva", "Conceição", "Souza", "Araújo", "Lima"]
NAMES = ["Ana", "João", "Márcia", "Zé"]
STATUSES = ["Novo", "Em negociação", "Proposta enviada", "Ganho", "Perdido"]
SUBJECTS = ["Certificado digital", "Treinamento", "Renovação de licença", "Integração"]
BASE = datetime.date(2024, 1, 1)


def atendimentos(n: int, seed: int = 13):
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        created = BASE + datetime.timedelta(days=rnd.randrange(700))
        updated = created + datetime.timedelta(days=rnd.randrange(60))
        quotes = []
        for q in range(rnd.randrange(3)):
            versions = 1 + rnd.randrange(2)
            approved = rnd.random() < 0.25
            items = [
                {"description": f"Item {k}", "quantity": 1 + rnd.randrange(5), "unit_price_centavos": 1000 * (1 + rnd.randrange(500))}
                for k in range(1 + rnd.randrange(3))
            ]
            for v in range(1, versions + 1):
                status = "superseded" if v < versions else ("approved" if approved else "awaiting_approval")
                quotes.append({"on": updated.isoformat(), "quote": {"id": f"q{i}-{q}", "account": f"acc-{i}", "version": v,
                                                                   "status": status, "items": items, "created_by": "u1"}})
        interactions = [
            {"on": (created + datetime.timedelta(days=k)).isoformat(), "by": f"u{rnd.randrange(20)}",
             "interaction": {"channel": "phone", "reason": "Retorno", "note": "Cliente pediu proposta."}}
            for k in range(rnd.randrange(3))
        ]
        r = rnd.random()
        out.append({
            "id": f"at-{i}",
            "reference": str(1000 + i),
            "title": f"{rnd.choice(SUBJECTS)} {i}",
            "pipeline": "suporte" if rnd.random() < 0.1 else "vendas",
            "account": f"acc-{i}",
            "contact": {"id": f"c{i}", "name": f"{rnd.choice(NAMES)} {rnd.choice(SURNAMES)} {i}",
                        "phone": "(11) 98765-4321", "email": f"c{i}@exemplo.com.br"},
            "reason": "Interesse",
            "status": rnd.choice(STATUSES),
            "lifecycle": "active" if r < 0.8 else ("archived" if r < 0.9 else "trash"),
            "tags": ["Quente"] if rnd.random() < 0.33 else [],
            "responsible": f"u{rnd.randrange(20)}",
            "created_on": created.isoformat(),
            "updated_on": updated.isoformat(),
            "interactions": interactions,
            "quotes": quotes,
        })
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    data = {
        "user": "u1",
        "pipeline": {"id": "vendas", "name": "Vendas", "authorised_users": ["u0", "u1"]},
        "atendimentos": atendimentos(n),
        "sort_by": "title",
        "direction": "ascending",
    }
    path = Path(__file__).with_name(f"atendimento_list_{n}.json")
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{path}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
