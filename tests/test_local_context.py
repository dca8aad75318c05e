"""Sections from local_context.yaml (CEEB, energy poverty, district heating, neighbours' plans, the województwo's
plan): present with the gmina's data, absent without it. The figures below are test inputs, not statistics."""
from __future__ import annotations

import shutil

import pytest
from conftest import ROOT

from reportgen.build import compose_document

DATA = """
ceeb:
  date: 2026-09-30
  buildings: 1500
  sources: {"kocioł na paliwo stałe": 1200, "pompa ciepła": 200, "kocioł gazowy": 100}
  source: "CEEB – wyciąg dla gminy (test)"
energy_poverty: {year: 2025, households: 150, measure: "dodatek osłonowy", all_households: 1500, source: "GOPS (test)"}
district_heating: {operator: "Ciepło sp. z o.o. (test)", network_km: 2.5, capacity_mw: 4, fuel: "biomasą", efficient_system: false, source: "test"}
neighbour_plans:
  - {gmina: "Szczerców", document: "projekt założeń (test)", common_topics: "trasa gazociągu Parzno – Kluki – Osina"}
voivodeship_plan: {title: "Plan zagospodarowania przestrzennego województwa (test)", provisions: "korytarz gazociągu wysokiego ciśnienia."}
"""
IDS = ("s_method_ceeb", "s_energy_poverty", "s_district_heating", "s_coop_neighbour_plans", "s_policy_voivodeship_plan")


def _texts(doc) -> dict[str, str]:
    return {s.id: "\n".join(b.text for b in s.blocks if hasattr(b, "text")).replace("\xa0", " ") for s in doc.walk_sections()}


def test_absent_without_data(kluki_2026_model):
    doc, _ = kluki_2026_model
    assert not set(IDS) & set(_texts(doc))


def test_present_with_data(tmp_path):
    dst = tmp_path / "content"
    shutil.copytree(ROOT / "content", dst)
    (dst / "kluki-2026" / "local_context.yaml").write_text(DATA, encoding="utf-8")
    doc, ctx = compose_document(dst / "kluki-2026")
    texts = _texts(doc)
    assert set(IDS) <= set(texts)
    c = ctx.value("ceeb")
    # 1 200 / (1 200 + 200 + 100) = 80 %
    assert c.sources[0].kind == "kocioł na paliwo stałe" and c.sources[0].share_pct == pytest.approx(80.0)
    assert "Najczęstszym źródłem jest kocioł na paliwo stałe (80 % źródeł)" in texts["s_method_ceeb"]
    table = next(t for t in doc.tables() if t.id == "t_ceeb_sources")
    assert table.rows[-1] == ["Razem", 1500, 100.0]
    # 150 / 1 500 = 10,0 %
    assert "otrzymało 150 gospodarstw domowych w gminie, tj. 10,0 % wszystkich gospodarstw" in texts["s_energy_poverty"]
    assert "nie spełnia kryteriów efektywnego systemu ciepłowniczego" in texts["s_district_heating"]
    assert "Szczerców – projekt założeń (test): trasa gazociągu Parzno – Kluki – Osina." in texts["s_coop_neighbour_plans"]
