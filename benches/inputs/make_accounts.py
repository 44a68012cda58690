#!/usr/bin/env python3
"""Writes benches/inputs/account_query_1000.json: an `account.query` input with 1 000
accounts (deterministic), the user `u0` with team scope over u0..u4 of 20 users, and
the README's worked query. Run: python3 benches/inputs/make_accounts.py [N]"""
import json
import random
import sys
from pathlib import Path

NEEDS = ["Certificado digital", "Treinamento", "Mais advogados", "Integração com o tribunal"]
AREAS = ["Tributário", "Trabalhista", "Cível", "Previdenciário", "Família"]
TRAITS = ["Inadimplente", "Grande conta", "Pagamento em boleto", "Indicação"]
KINDS = ["lead", "prospect", "client", "other"]


def accounts(n: int, seed: int = 11):
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        a = {
            "id": f"acc-{i}",
            "name": f"{rnd.choice(['Silva', 'Conceição', 'Souza', 'Araújo'])} Advogados {i}",
            "classification": rnd.choice(KINDS),
            "responsibles": [f"u{rnd.randrange(20)}"],
            "characteristics": rnd.sample(TRAITS, rnd.randrange(3)),
            "interests": [{"area": a, "interested": rnd.random() < 0.6} for a in rnd.sample(AREAS, rnd.randrange(4))],
            "unmet_needs": rnd.sample(NEEDS, rnd.randrange(3)),
            "contacts": [{"name": f"Contato {i}", "email": f"contato{i}@exemplo.com.br", "phones": ["(11) 98765-4321"]}],
        }
        if a["classification"] == "other":
            a["other_label"] = "Parceiro"
        if i and rnd.random() < 0.2:
            a["relationships"] = [{"account": f"acc-{rnd.randrange(i)}", "reason": "Mesmo grupo"}]
        out.append(a)
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    data = {
        "user": {"id": "u0", "scope": "team", "team": ["u1", "u2", "u3", "u4"]},
        "accounts": accounts(n),
        "query": {"and": [{"unmet_need": "Certificado digital"}, {"not": {"disinterested_in": "Tributário"}}]},
    }
    path = Path(__file__).with_name(f"account_query_{n}.json")
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{path}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
