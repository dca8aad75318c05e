"""The reviewer's defects of the 2026 update of the Kluki plan (content/kluki-2026), each checked at the document
model where it came from: law and policy from rules/policies.yaml on the document date, one dated CO₂ factor, grid
conclusions only from the data, one figure per input, forecasts from the base year, Polish counts.
Expected values are hand calculations (in comments) or facts verified for rules/policies.yaml (sources there).
The plausibility of the scenarios: tests/test_electrification.py; the index page numbers: tests/test_render_pdf.py."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import ROOT

from reportgen.inputs.yamlio import load_yaml
from reportgen.law.policies import policies_on

KLUKI_2026 = ROOT / "content" / "kluki-2026"


@pytest.fixture(scope="module")
def k26(kluki_2026_model):
    return kluki_2026_model


def _text(doc, *ids) -> str:
    out = []
    for s in doc.walk_sections():
        if not ids or s.id in ids:
            out += [b.text for b in s.blocks if hasattr(b, "text")]
    return "\n".join(out).replace("\u00a0", " ")


def _table(doc, tid):
    return next(t for t in doc.tables() if t.id == tid)


# ---------------------------------------------------------------- 2. air-protection programme and anti-smog deadlines
def test_air_programme_is_cited_for_the_strefa_lodzka_with_its_2023_amendment(k26):
    doc, _ = k26
    text = _text(doc)
    assert ("Program ochrony powietrza dla strefy łódzkiej (uchwała nr XX/303/20 Sejmiku Województwa Łódzkiego z dnia "
            "15 września 2020 r., zmieniona uchwałą nr LXIII/694/23 Sejmiku Województwa Łódzkiego z dnia 21 listopada "
            "2023 r.)") in text
    assert "Program ochrony powietrza dla województwa łódzkiego" not in text
    # what the 2023 amendment changed was not read: the 2020 duties are not claimed as current
    assert "w pierwotnym brzmieniu nakładał na gminy obowiązki" in _text(doc, "s_rat_heat")


def test_anti_smog_deadlines_passed_by_the_document_date_are_said_to_have_passed(k26):
    doc, _ = k26
    text = _text(doc, "s_rat_heat")
    # uchwała L/597/22 (Dz. Urz. Woj. Łódzkiego 2022 poz. 7058): non-class boilers 1.01.2025, stoves and fireplaces
    # 1.01.2026, class 3–4 boilers 1.01.2028; the document is dated 1.12.2026
    assert "zmieniona uchwałą nr L/597/22 Sejmiku Województwa Łódzkiego z dnia 22 listopada 2022 r." in text
    assert "(pozaklasowe) – termin minął 1 stycznia 2025 r." in text
    assert "2015/1185) – termin minął 1 stycznia 2026 r." in text
    assert "klasy 3 lub 4 według normy PN-EN 303-5:2012 – do 1 stycznia 2028 r." in text
    assert "1 stycznia 2023 r." not in text and "1 stycznia 2027 r." not in text      # the 2017 wording


def test_the_2022_plan_keeps_the_deadlines_of_its_own_date(kluki_build):
    text = _text(kluki_build.document, "s_rat_heat")
    # 30.06.2022: the 2017 wording, nothing passed yet
    assert "(pozaklasowe) – do 1 stycznia 2023 r." in text and "termin minął" not in text
    assert "Program ochrony powietrza dla strefy łódzkiej (uchwała nr XX/303/20" in _text(kluki_build.document, "s_air")


def test_a_deadline_on_the_document_date_has_passed():
    law = policies_on(dt.date(2025, 1, 1))
    act = law.regional("antismog", "łódzkie")
    assert act is not None
    passed = {d.due: d.passed for d in law.deadlines(act)}
    assert passed == {dt.date(2025, 1, 1): True, dt.date(2026, 1, 1): False, dt.date(2028, 1, 1): False}


# ---------------------------------------------------------------- 3. grid: conclusions only from the data
def test_grid_text_claims_no_reserves_and_no_operator_plans_the_data_lacks(k26):
    doc, ctx = k26
    assert ctx.value("electrification").dso_available_kw is None
    text = _text(doc)
    assert "rezerwami mocy" not in text and "Plany rozwoju sieci przedstawiono" not in text
    assert "zamierzeniami operatora przedstawionymi" not in text
    assert "nie przekazał informacji o rezerwach mocy w stacjach zasilających" in _text(doc, "ch_utilities")
    plans = _text(doc, "s_el_plans")
    assert "nie uzyskano aktualnego planu rozwoju operatora systemu dystrybucyjnego" in plans
    assert "będą wynikać z planu rozwoju operatora" not in plans
    # what to ask the DSO, with the added peak of the scenarios (result electrification); 413 kW with the draft's
    # housing floor area, × 151 020 / 150 351,5 (adopted, uwaga nr 7: heat pump heat ∝ housing area) = 414,8 → 415
    assert "przyrost mocy szczytowej o ok. 415 kW" in plans


def test_operator_plans_are_described_when_the_data_has_them(kluki_build):
    text = _text(kluki_build.document)
    assert "Plany rozwoju sieci przedstawiono w podrozdziale" in text and "nie uzyskano planu rozwoju" not in text


# ---------------------------------------------------------------- 4. municipal buildings: two inputs, explained
def test_municipal_floor_area_of_the_balance_and_of_the_list_are_explained(k26):
    doc, ctx = k26
    m = ctx.value("municipal_area_scope")
    # public_buildings.yaml: 930,13 + 913,35 + 4 392 + 900 + 331 + 145,92 + 145,92 + 52,4 + 685 = 8 495,72 m²
    # (9 of 14 buildings give an area); heat.yaml: 10 027 m² (plan 2022, Tabela 5) → difference 1 531,28 m²
    assert (m.listed_area_m2, m.with_area_count, m.listed_count) == (pytest.approx(8495.72), 9, 14)
    assert m.sector_area_m2 == 10027 and m.difference_m2 == pytest.approx(1531.28)
    text = _text(doc, "s_heat_public")
    assert "wynosi 8 495,7 m²" in text and "przyjęto 10 027 m² z innego zestawienia" in text
    assert "dla pięciu obiektów nie podano powierzchni" in text
    # 13 of 14: the building already heated partly by a heat pump is left out, and the text says so
    assert "w 13 z 14 budynków gminnych" in _text(doc, "ch_efficiency")


# ---------------------------------------------------------------- 5. the electricity forecast starts at the base year
def test_electricity_forecast_starts_at_the_base_year(k26):
    doc, ctx = k26
    e = ctx.value("electricity")
    assert e.years == [2025, 2030, 2042] and e.annual_years[0] == 2025 and e.data_year == 2021
    t = _table(doc, "t_el_forecast")
    assert [c.header for c in t.columns][1:4] == ["2025 [MWh/rok]", "2030 [MWh/rok]", "2042 [MWh/rok]"]
    # carried 2021 data stand for 2025: G 4 751 · 1,003^5 = 4 822,7; + 4 421 (no growth) = 9 243,7 MWh in 2030
    assert t.rows[-1][1] == pytest.approx(9172) and t.rows[-1][2] == pytest.approx(9243.7, abs=0.1)
    fig = next(f for f in doc.figures() if f.id == "f_el_forecast")
    assert fig.caption.endswith("w latach 2025–2042")
    assert "prognozowano od roku bazowego 2025 (zużycie roku bazowego – dane z 2021 r.)" in _text(doc, "s_fc_electricity")


# ---------------------------------------------------------------- 6. one dated KOBiZE factor per document
def test_one_electricity_co2_factor_for_the_whole_document(k26):
    doc, ctx = k26
    t = _table(doc, "t_factors")
    row = next(r for r in t.rows if r[0].startswith("Ogrzewanie elektryczne"))
    # KOBiZE end-user factor for 2023 (the latest stored year ≤ base year 2025, not confirmed by search):
    # 597 kg/MWh · 1000 / 3,6 = 165 833,3 g/GJ
    assert row[0] == "Ogrzewanie elektryczne (CO₂: KOBiZE, odbiorcy końcowi, dane za 2023 r., wartość niezweryfikowana)"
    assert row[3] == pytest.approx(165833.3, abs=0.1)
    assert ("Przy wskaźniku emisji KOBiZE dla energii elektrycznej u odbiorców końcowych za 2023 r. (597 kg CO₂/MWh; "
            "wartość niezweryfikowana)") in _text(doc, "s_fc_electrification")
    assert "831" not in _text(doc)
    # the comparison with 2021 says which factor each base year used (the 2022 plan: 230 833 g/GJ = 831 kg/MWh)
    note = _table(doc, "t_update_emissions").note
    assert ("2021 – 831 kg/MWh (wskaźnik przyjęty w poprzednim projekcie), "
            "2025 – 597 kg/MWh (KOBiZE, dane za 2023 r., wartość niezweryfikowana)") in note


def test_the_2022_plan_keeps_its_published_factor(kluki_build):
    t = next(t for t in kluki_build.document.tables() if t.id == "t_factors")
    row = next(r for r in t.rows if r[0].startswith("Ogrzewanie elektryczne"))
    assert row[3] == pytest.approx(230833, abs=1)        # plan Kluki 2022, Tabela 9


# ---------------------------------------------------------------- 7. each boiler-structure column adds to 100 %
@pytest.mark.parametrize("tid", ["t_boiler_mix", "t_boiler_mix_biomass"])
def test_boiler_structure_columns_add_to_100(k26, tid):
    t = _table(k26[0], tid)
    assert t.rows[-1][0] == "Razem"
    for col in range(1, len(t.columns)):
        assert sum(r[col] or 0 for r in t.rows[:-1]) == pytest.approx(100), t.columns[col].header
        assert t.rows[-1][col] == pytest.approx(100)


# ---------------------------------------------------------------- 9. counts below 10 in words, in the right case
def test_small_counts_are_words_in_the_right_case(k26):
    text = _text(k26[0], "ch_update", "s_update_planned")
    assert "w dwóch scenariuszach (optymistyczny i zaniechania)" in text
    assert "minęły cztery lata" in text
    assert not re.search(r"\bw [2-9] scenariusz", text)


# ---------------------------------------------------------------- 10. financing: the current regional programme
def test_financing_cites_fel_2021_2027_and_no_programme_that_has_ended(k26):
    doc, _ = k26
    text = _text(doc, "ch_financing")
    assert "programu regionalnego Fundusze Europejskie dla Łódzkiego 2021–2027 (FEŁ2027)" in text
    assert "2014–2020" not in text
    # the project financed from RPO WŁ 2014–2020 (eligibility ended 31.12.2023) is a completed one in 2026
    solar = _text(doc, "s_res_solar")
    assert "gmina zrealizowała projekt" in solar and "realizuje projekt" not in solar


# ---------------------------------------------------------------- 11. TERYT
@pytest.mark.parametrize("folder", ["kluki", "kluki-2026"])
def test_teryt_of_gmina_kluki(folder):
    # gmina wiejska Kluki, powiat bełchatowski: 10 01 05 2 (1001042 is gmina Kleszczów) – content/kluki-2026/gmina.yaml
    data, _ = load_yaml(ROOT / "content" / folder / "gmina.yaml")
    assert isinstance(data, dict) and data["teryt"] == "1001052"


def test_a_share_of_old_devices_that_does_not_fall_is_no_replacement(k26):
    # do-nothing: the old devices' share 74,6 % → 74,7 % (the base structure on a growing floor area); a negative
    # "replaced part" of the stock (−0,07 %) would read as nonsense: the table says "–" and its note says why.
    # Optimistic 2030: 74,6 % → 0 % in 5 years = 100 % replaced, 20 %/rok.
    table = _table(k26[0], "t_replacement_pace")
    rows = {(r[0], r[1]): r for r in table.rows}
    assert rows[("zaniechania", "2042")][4:6] == ["–", "–"] and rows[("zaniechania", "2030")][4:6] == ["–", "–"]
    assert rows[("optymistyczny", "2030")][4] == pytest.approx(100.0) and rows[("optymistyczny", "2030")][5] == pytest.approx(20.0)
    assert "„–”: udział starych urządzeń nie maleje" in table.note
