"""Electricity coupled to the heat scenarios (electrification.yaml → result `electrification`): heat pumps at a
stated SCOP, electric cars, prosumer PV; the network and art. 20 conclusions follow from the numbers against the
capacity the DSO states; the pace of boiler replacement is checked against its plausibility limit.

Expected values are hand calculations from the Kluki 2026 scenarios (carrier shares of scenarios.yaml × final
energy) – the DSO, PV and EV figures below are test inputs, not statistics of the gmina."""
from __future__ import annotations

import shutil

import pytest
from conftest import ROOT
from helpers import edit

from reportgen.build import compose_document

EXTRA = """
prosumer_pv: {year: 2025, installations: 400, power_kw: 3000, yield_kwh_per_kw: 950, yield_reason: "test", source: "OSD (test)"}
electric_vehicles: {base_count: 10, count: {2030: 110, 2042: 610}, km_per_year: 12000, kwh_per_km: 0.18, reason: "test", source: "test"}
dso: {year: 2026, available_load_kw: %s, source: "OSD (test)"}
"""


def _folder(tmp_path, capacity_kw: float):
    dst = tmp_path / "content"
    shutil.copytree(ROOT / "content", dst)
    folder = dst / "kluki-2026"
    with open(folder / "electrification.yaml", "a", encoding="utf-8") as f:
        f.write(EXTRA % capacity_kw)
    return folder


def _text(doc, sid):
    s = next(s for s in doc.walk_sections() if s.id == sid)
    return "\n".join(b.text for b in s.blocks if hasattr(b, "text")).replace("\xa0", " ")


def test_heat_pump_electricity_and_red_share_without_dso_data(kluki_2026_model):
    doc, ctx = kluki_2026_model
    e = ctx.value("electrification")
    y = e.recommended.last
    assert y.year == 2042
    # heat_pump 10,57 % of 2042 final energy (scenarios.yaml; shares sum 99,99): Q_hp = y.heat_pump_heat_gj;
    # E_el = Q / 3,0 / 3,6; E_RES = Q · (1 − 1/3,0)
    assert y.heat_pump_electricity_mwh == pytest.approx(y.heat_pump_heat_gj / 10.8)
    assert y.heat_pump_renewable_gj == pytest.approx(y.heat_pump_heat_gj * 2 / 3)
    assert e.network_sufficient is None and e.art20_plan_needed is None
    assert "Operator systemu dystrybucyjnego nie przekazał informacji o mocy" in _text(doc, "s_fc_electrification")


def test_network_conclusion_follows_from_dso_capacity(tmp_path):
    folder = _folder(tmp_path, 100000)
    doc, ctx = compose_document(folder)
    e = ctx.value("electrification")
    y = e.recommended.last
    # EV: 610 · 12 000 km · 0,18 kWh/km = 1 317,6 MWh; base 10 · 12 000 · 0,18 = 21,6 MWh
    assert y.ev_electricity_mwh == pytest.approx(1317.6)
    assert e.base_ev_electricity_mwh == pytest.approx(21.6)
    # added peak = ΔE_hp·1000/1985 + (1 317,6 − 21,6)·1000/2190 = ΔE_hp·1000/1985 + 591,78 kW
    d_hp = y.heat_pump_electricity_mwh - e.base_heat_pump_electricity_mwh
    assert y.added_peak_kw == pytest.approx(d_hp * 1000 / 1985 + 1296 * 1000 / 2190)
    # PV: 3 000 kW · 950 kWh/kW = 2 850 MWh; 2 850 / 9 172 = 31,07 % of the consumers' base-year consumption
    assert e.pv.production_mwh == pytest.approx(2850)
    assert e.pv.share_of_consumption_pct == pytest.approx(31.07, abs=0.01)
    assert e.network_sufficient is True and e.art20_plan_needed is False
    assert "nie zachodzi potrzeba opracowania projektu planu zaopatrzenia" in _text(doc, "s_fc_electrification")

    short = _folder(tmp_path / "b", 500)             # 500 kW < ≈ 1 005 kW added in 2042
    doc, ctx = compose_document(short)
    assert ctx.value("electrification").art20_plan_needed is True
    assert "Wójt Gminy Kluki opracowuje projekt planu zaopatrzenia" in _text(doc, "s_fc_electrification")   # gmina.yaml forms.head


def test_old_solid_fuel_devices_replaced_faster_than_the_limit_warn(kluki_2026_model):
    """Coal AND biomass in old devices (outside Ecodesign and class 5) count, not the coal share alone."""
    doc, ctx = kluki_2026_model
    pace = ctx.value("replacement_pace")
    # base year (tabela 18): coal housing 84 291 + business 5 986 GJ, 90 % of each in old devices (class 5: 10 %);
    # municipal coal 231 GJ, all automatic class 3 (old); biomass 9 363 + 565 GJ, all old (manual non-class, stoves):
    # (0,9 · 90 277 + 231 + 9 928) / 122 580 = (81 249 + 231 + 9 928) / 122 580 = 91 408 / 122 580 = 74,57 %
    row = next(r for r in pace.rows if r.scenario == "optymistyczny" and r.year == 2030)
    # (draft floor area; with the adopted 151 020 m² housing weighs 0,44 % more: 74,59 %, within the tolerance)
    assert row.base_share_pct == pytest.approx(74.57, abs=0.02)
    # 2030: every coal and biomass device is Ecodesign (scenarios.yaml) → 100 % of the stock in 5 years = 20 %/year
    assert row.year_share_pct == 0 and row.pace_pct_per_year == pytest.approx(20.0)
    assert row.exceeds and pace.limit_pct_per_year == 6.67 and pace.limit_is_judgement
    # 2042: 100 % in 17 years = 5,88 %/year < 6,67 – plausible
    assert not next(r for r in pace.rows if r.year == 2042 and r.scenario == "optymistyczny").exceeds
    assert ctx.value("plausibility_warnings").lines[0].startswith(
        "scenariusz optymistyczny, 2030 r.: wymiana starych urządzeń na paliwa stałe 100 % zasobu z 2025 r., tj. 20,0 % rocznie")
    text = _text(doc, "s_fc_replacement")
    assert "Scenariusz optymistyczny przekracza granicę wiarygodności" in text and "jest to ocena autorów" in text


def test_biomass_alone_counts(tmp_path):
    """A scenario that keeps every coal boiler but replaces the biomass stoves is still a replacement of devices."""
    dst = tmp_path / "content"
    shutil.copytree(ROOT / "content", dst)
    folder = dst / "kluki-2026"
    base = {"coal_manual_nonclass": 50, "coal_auto_nonclass": 15, "coal_manual_c3": 5, "coal_manual_c4": 5,
            "coal_auto_c3": 5, "coal_auto_c5": 10, "stove_coal_lt80": 10}
    mix = "{" + ", ".join(f"{k}: {v}" for k, v in base.items()) + "}"
    edit(folder / "scenarios.yaml", "2030: {coal: {coal_auto_eco: 100}, biomass: {bio_auto_eco: 100}}",
         f"2030: {{coal: {mix}, biomass: {{bio_auto_eco: 100}}}}")
    _, ctx = compose_document(folder)
    row = next(r for r in ctx.value("replacement_pace").rows if r.scenario == "optymistyczny" and r.year == 2030)
    # 2030 carriers (scenarios.yaml, % of final energy): coal 69,74 · 0,9 old; biomass 10,04 all Ecodesign:
    # old share = 69,74 · 0,9 / 99,99 = 62,77 %; replaced = 1 − 62,77 / 74,57 = 15,8 % in 5 years = 3,2 %/year
    assert row.year_share_pct == pytest.approx(62.77, abs=0.02)
    assert row.pace_pct_per_year == pytest.approx(3.17, abs=0.02)
    assert not row.exceeds
