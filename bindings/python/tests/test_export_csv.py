"""ATD-5: the CSV of `export_atendimentos` read back by Python's own `csv` module.

RFC 4180 as the `csv` module reads it (the default `excel` dialect): every field comes
back exactly, whatever it holds — `;`, `,`, quotes, CR/LF line breaks, accents.
"""

from __future__ import annotations

import csv
import datetime
import io
import random

import crm_rules

HEADER = [
    "Referência", "Título", "Contato", "Telefone", "E-mail",
    "Data da primeira interação", "Usuário", "Motivo", "Nota",
]
HOSTILE = ["a;b", "a,b", 'diz "oi"', "linha 1\nlinha 2", "linha 1\r\nlinha 2", "Conceição", " ", '"', ",;\n"]


def atendimento(n: int, title: str, contact: str, note: str) -> dict:
    return {
        "id": f"a{n}", "reference": str(100 + n), "title": title, "pipeline": "vendas",
        "account": f"acc-{n}", "contact": {"id": f"c{n}", "name": contact, "phone": "11 3333-4444"},
        "reason": "Interesse", "status": "Novo", "responsible": "ana",
        "created_on": datetime.date(2026, 3, 1), "updated_on": datetime.date(2026, 3, 2),
        "interactions": [{"on": datetime.date(2026, 3, 2), "by": "ana",
                          "interaction": {"channel": "email", "note": note}}],
    }


def read_back(text: str) -> list:
    # newline="" as the csv module asks: line breaks inside quoted fields stay as written.
    return list(csv.reader(io.StringIO(text, newline="")))


def test_the_vector_fields_come_back() -> None:
    a = atendimento(7, "Proposta; revisão", "Lima, Márcia", "Linha 1\nLinha 2")
    out = crm_rules.export_atendimentos([a], ["a7"])["outcome"]
    assert read_back(out["csv"]) == [
        HEADER,
        ["107", "Proposta; revisão", "Lima, Márcia", "11 3333-4444", "", "02/03/2026", "ana", "", "Linha 1\nLinha 2"],
    ]


def test_random_hostile_fields_round_trip() -> None:
    rng = random.Random(4180)
    for _ in range(200):
        n = rng.randint(1, 5)
        fields = [[rng.choice(HOSTILE) + rng.choice(HOSTILE) for _ in range(3)] for _ in range(n)]
        items = [atendimento(k, *f) for k, f in enumerate(fields)]
        order = [f"a{k}" for k in rng.sample(range(n), n)]
        out = crm_rules.export_atendimentos(items, order)["outcome"]
        rows = read_back(out["csv"])
        assert rows[0] == HEADER
        assert len(rows) == n + 1
        for row, k in zip(rows[1:], (int(i[1:]) for i in order)):
            title, contact, note = fields[k]
            assert (row[1], row[2], row[8]) == (title, contact, note)
            assert row[0] == str(100 + k)
        # The records are what the rows of the answer say, field for field.
        for row, r in zip(rows[1:], out["rows"]):
            assert (row[0], row[1], row[2]) == (r["reference"], r["title"], r["contact"])
