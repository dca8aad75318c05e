"""The 2026 update of the Kluki plan against the previous plan as ADOPTED and as PUBLISHED (content/kluki-2026,
update.yaml): the previous plan's data after its consultation (content/kluki/consultation/uwagi.csv, the revision
`reportgen build` makes), the figures kluki-2026 carries over from 2021 in their post-consultation values, and the
published forecast (seed 004, tabele 17–20) beside the recomputed one. Expected values: the seed and hand calculation."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from helpers import edit

from reportgen.inputs.yamlio import load_yaml

KLUKI = ROOT / "content" / "kluki"
KLUKI_2026 = ROOT / "content" / "kluki-2026"


@pytest.fixture(scope="module")
def k26(kluki_2026_model):
    return kluki_2026_model


def _text(doc, *ids) -> str:
    return "\n".join(b.text for s in doc.walk_sections() if not ids or s.id in ids
                     for b in s.blocks if hasattr(b, "text")).replace("\u00a0", " ")


def _yaml(path: Path) -> Any:
    """The data of a YAML file (load_yaml's value is typed `object`)."""
    return load_yaml(path)[0]


def _table(doc, tid):
    return next(t for t in doc.tables() if t.id == tid)


# ---------------------------------------------------------------- 1. the previous plan as adopted (revision 2)
def _assert_post_consultation(folder: Path) -> None:
    """The 2021 figures after the accepted comments of content/kluki/consultation/uwagi.csv: nr 7 floor area
    151 020 m², nr 2 72 MV/LV stations, nr 1 420 PV households, nr 6 325 sodium > 70 W and 410 LED fittings."""
    heat = _yaml(folder / "heat.yaml")
    el = _yaml(folder / "electricity.yaml")
    res = _yaml(folder / "renewables.yaml")
    assert heat["sectors"]["housing"]["floor_area_m2"] == 151020
    assert el["network"]["stations_mv_lv"] == 72
    assert res["photovoltaics"]["households"] == 420
    assert [lum["count"] for lum in el["street_lighting"]["luminaires"]] == [325, 220, 35, 410]


def test_adopted_folder_applies_the_accepted_comments_data_changes():
    from reportgen.procedure.revision import adopted_folder
    with adopted_folder(KLUKI) as (folder, changes):
        assert folder != KLUKI
        _assert_post_consultation(folder)
        # nr 5 (rejected) leaves the heat pumps at 159; nr 4 changes Kleszczów's answer (text.yaml)
        assert _yaml(folder / "renewables.yaml")["heat_pumps"]["households"] == 159
        assert sorted(c.number for c, _ in changes) == [1, 2, 4, 6, 6, 7]
    assert not folder.exists()                         # the temporary copy is gone, the user's folder untouched
    assert _yaml(KLUKI / "heat.yaml")["sectors"]["housing"]["floor_area_m2"] == 150351.5


def test_a_folder_without_accepted_data_changes_is_its_own_adopted_folder():
    from reportgen.procedure.revision import adopted_folder
    with adopted_folder(KLUKI_2026) as (folder, changes):
        assert folder == KLUKI_2026 and changes == []


def test_carried_over_figures_are_the_post_consultation_values():
    _assert_post_consultation(KLUKI_2026)


def test_the_update_compares_against_the_adopted_plan(k26):
    doc, ctx = k26
    u = ctx.value("plan_update")
    assert u.previous_revised_changes == 6
    housing = u.heat[0]
    # both base years now use 151 020 m² (the carried-over figure and the adopted 2021 figure): no change
    # (against the draft's 150 351,5 m² the 2021 column would be 0,44 % lower: 150 351,5 / 151 020 = 0,99557)
    assert housing.previous == housing.current and housing.change_pct == 0
    assert "6 zmian danych wynikających z uwzględnionych uwag" in _text(doc, "s_update_planned")


# ---------------------------------------------------------------- 2. published against recomputed forecast
def test_table_1_shows_published_and_recomputed_forecast_under_clear_headers(k26):
    doc, _ = k26
    t = _table(doc, "t_update_planned")
    headers = [c.header for c in t.columns]
    assert "Scenariusz optymistyczny – opublikowane w projekcie z 2022 r." in headers
    assert "Scenariusz optymistyczny – przeliczone tą samą metodą" in headers
    assert "Scenariusz zaniechania – opublikowane w projekcie z 2022 r." in headers
    pub_opt = headers.index("Scenariusz optymistyczny – opublikowane w projekcie z 2022 r.")
    pub_dn = headers.index("Scenariusz zaniechania – opublikowane w projekcie z 2022 r.")
    rows = {r[0]: r for r in t.rows}
    # seed Tabela 17: Σ 2025 = 123,37 TJ, coal 88,96 TJ → 72,1 %; Tabela 18: PM10 4,98, CO₂ 10 413,49 Mg
    # seed Tabela 19: Σ 2025 = 137,12 TJ, coal 101,66 TJ → 74,1 %; Tabela 20: PM10 37,65, CO₂ 11 329,19 Mg
    heat = rows["Zapotrzebowanie na energię końcową na ogrzewanie i c.w.u."]
    assert heat[pub_opt] == pytest.approx(123370) and heat[pub_dn] == pytest.approx(137120)
    coal = rows["Udział węgla w energii końcowej na potrzeby grzewcze"]
    assert coal[pub_opt] == pytest.approx(88.96 / 123.37 * 100) and coal[pub_dn] == pytest.approx(101.66 / 137.12 * 100)
    assert rows["Emisja pyłu PM10"][pub_opt] == 4.98 and rows["Emisja pyłu PM10"][pub_dn] == 37.65
    assert rows["Emisja CO₂"][pub_opt] == 10413.49 and rows["Emisja CO₂"][pub_dn] == 11329.19
    assert "wartości opublikowane: projekt założeń z 2022 r., tabele 17 i 18, tabele 19 i 20" in t.source
    assert t.row_decimals[list(rows).index("Emisja pyłu PM10")] == 2       # 4,98 not rounded to 5,0


def test_the_target_in_the_text_is_the_published_one_and_the_differences_are_explained(k26):
    doc, _ = k26
    text = _text(doc, "s_update_planned")
    # the optimistic 2025 target: 123,37 TJ = 123 370 GJ/rok (Tabela 17), not the recomputed figure
    assert "celu poprzedniego projektu na 2025 r. (scenariusz optymistyczny: 123 370 GJ/rok według projektu z 2022 r." in text
    # PM10: 4,98 published (class 3 boilers), recomputed with Ecodesign boilers
    assert "emisja pyłu PM10 w 2025 r.: po przeliczeniu 1,53 wobec 4,98 Mg/rok opublikowanych (tabele 17 i 18)" in text
    assert "kotły automatyczne klasy 3" in text
    # do-nothing heat: Tabela 19's arithmetic error (LPG left out of the denominator, shares add to 106,5 %)
    assert "106,5 %" in text and "Celem poprzedniego projektu pozostają wartości opublikowane" in text


def test_the_base_year_table_says_its_previous_column_is_recomputed(k26):
    doc, _ = k26
    assert _table(doc, "t_update_heat").columns[2].header == "2021 (poprzedni projekt, przeliczone tą samą metodą)"


def test_a_published_figure_of_an_unknown_scenario_is_a_polish_error(tmp_path):
    import shutil

    from reportgen.build import compose_document
    from reportgen.errors import UserError
    shutil.copytree(KLUKI, tmp_path / "kluki")
    shutil.copytree(KLUKI_2026, tmp_path / "kluki-2026")
    path = tmp_path / "kluki-2026" / "update.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("scenario: do_nothing", "scenario: bau"), encoding="utf-8")
    with pytest.raises(UserError) as exc:
        compose_document(Path(tmp_path / "kluki-2026"))
    assert "update.yaml, klucz published[1].scenario: poprzedni projekt nie ma scenariusza 'bau'" in str(exc.value)


# ---------------------------------------------------------------- 3. anti-smog deadlines against the model
def test_share_of_heat_from_devices_banned_on_the_document_date(k26):
    _, ctx = k26
    a = ctx.value("antismog_breach")
    # carriers.yaml shares and boiler mix; banned on 1.12.2026 (uchwała L/597/22): non-class boilers (coal 50 + 15 %,
    # biomass 5 %) and stoves (coal 10 %, wood 95 %). Sector heat with the adopted floor area:
    # housing 107 596 · 151 020 / 150 351,5 = 108 074, business 12 197, municipal 2 757 (class 3 only) → 123 028 GJ.
    # housing: 0,7832 · 0,75 + 0,0870 · 1,00 = 0,6744; business: 0,4907 · 0,75 + 0,0463 = 0,4143
    # (108 074 · 0,6744 + 12 197 · 0,4143) / 123 028 = 77 938 / 123 028 = 63,35 %
    assert a.banned_share_pct == pytest.approx(63.35, abs=0.1)
    # non-class alone: (108 074 · (0,65 · 0,7832 + 0,05 · 0,0870) + 12 197 · (0,65 · 0,4907 + 0,05 · 0,0463)) / 123 028 = 48,29 %
    assert [round(b.share_pct, 1) for b in a.banned] == [48.3, 15.1]
    # class 3–4 boilers, due 1.01.2028: (108 074 · 0,15 · 0,7832 + 12 197 · 0,15 · 0,4907 + 2 757 · 0,0838) / 123 028 = 11,24 %
    assert [round(b.share_pct, 1) for b in a.pending] == [11.2]
    assert [(s.scenario, s.year) for s in a.breaching] == [("zaniechania", 2030), ("zaniechania", 2042)]


def test_the_document_says_the_base_year_and_the_do_nothing_scenario_breach_the_resolution(k26):
    doc, _ = k26
    text = _text(doc, "s_fc_replacement")
    assert "W dniu opracowania dokumentu (1 grudnia 2026 r.) minęły terminy wymiany" in text
    assert "(pozaklasowe) – termin minął 1 stycznia 2025 r.; kominki i piece – termin minął 1 stycznia 2026 r. Nie wolno" in text
    assert "dostarczały 63,4 % energii końcowej na potrzeby grzewcze gminy" in text
    assert "scenariusz ten opisuje więc stan naruszający uchwałę antysmogową" in text
    assert "opisuje więc stan niezgodny z uchwałą" in _text(doc, "s_fc_scenario_baseline")
    conclusions = _text(doc, "ch_conclusions")
    assert "dostarczają 63,4 % energii końcowej na potrzeby grzewcze gminy (stan roku bazowego 2025)" in conclusions
    assert "scenariusz zaniechania, w którym pozostają one w eksploatacji, opisuje stan naruszający uchwałę" in conclusions


def test_a_pace_the_resolution_requires_is_not_only_implausible(k26):
    doc, _ = k26
    t = _table(doc, "t_replacement_pace")
    rows = {(r[0], r[1]): r for r in t.rows}
    # all old devices of the 2025 mix are covered by deadlines up to 1.01.2028: by 2030 the law requires 100 %
    assert rows[("optymistyczny", "2030")][6] == pytest.approx(100)
    assert rows[("optymistyczny", "2030")][-1] == "przekroczona – tempo wymagane przez uchwałę"
    assert rows[("zaniechania", "2042")][-1] == "zachowana – wymiana mniejsza, niż wymaga uchwała"
    text = _text(doc, "s_fc_replacement")
    assert "Takiego tempa wymaga jednak prawo" in text and "cel, nie prognozę" not in text


def test_the_2022_plan_has_no_device_banned_on_its_date(kluki_build):
    # 30.06.2022: the first deadline of uchwała XLIV/548/17 was 1.01.2023
    assert "antismog_breach" not in kluki_build.context.results


def test_every_device_of_a_deadline_is_a_row_of_the_emission_factors():
    policies = _yaml(ROOT / "rules" / "policies.yaml")
    factors = _yaml(ROOT / "rules" / "parameters" / "emission_factors.yaml")
    rows = set(factors["emission_factors"]["rows"])
    covered = [d for p in policies["policies"] for dl in p.get("deadlines", []) for d in dl.get("covers", [])]
    assert covered and set(covered) <= rows


# ---------------------------------------------------------------- 7. wording
def test_do_nothing_growth_reads_o_percent(k26):
    doc, _ = k26
    # 142 140 / 123 028 = 1,1553 → "wzrośnie do … (o 15,5 %; tabela …)"
    assert "GJ/rok w 2042 r. (o 15,5 %; tabela" in _text(doc, "s_fc_scenario_baseline")


@pytest.mark.parametrize("which", ["k26", "kluki_build"])
def test_no_double_full_stop_after_an_abbreviation(which, request):
    value = request.getfixturevalue(which)
    doc = value[0] if isinstance(value, tuple) else value.document
    assert "r.." not in _text(doc)
    assert "do 1 stycznia 2028 r." in _text(doc) if which == "k26" else "do 1 stycznia 2027 r." in _text(doc)


# ---------------------------------------------------------------- 4. the operators' investments of the previous plan
def test_the_previous_plans_network_investments_are_listed_with_status(k26):
    doc, _ = k26
    t = _table(doc, "t_update_investments")
    # seed rozdz. 4.2.4: eight PGE Dystrybucja investments (plan 2020–2025) and the PSE plans (Złoczew 400 kV)
    assert len(t.rows) == 9
    assert {r[2] for r in t.rows} == {"do potwierdzenia przez operatora"}
    text = " ".join(r[1] for r in t.rows)
    for place in ("Wierzchy Kluckie", "Imielnia", "Cisza", "Osina", "stacji 400 kV w okolicy Złoczewa"):
        assert place in text
    plans = _text(doc, "s_el_plans")
    assert "Poprzedni projekt założeń z 2022 r. wymieniał następujące inwestycje operatorów sieci" in plans
    assert "Wierzchy Kluckie" in plans and "Złoczewa" in plans
    assert "(tabela 2); stan każdej z nich jest do potwierdzenia przez operatora:" in plans
    assert "nie uzyskano aktualnego planu rozwoju" in plans


def test_a_status_from_the_gminas_records_replaces_to_be_confirmed(tmp_path):
    import shutil

    from reportgen.build import compose_document
    shutil.copytree(KLUKI, tmp_path / "kluki")
    shutil.copytree(KLUKI_2026, tmp_path / "kluki-2026")
    path = tmp_path / "kluki-2026" / "update.yaml"
    path.write_text(path.read_text(encoding="utf-8") + """
measures:
  - measure: "modernizacja sieci nN w miejscowości Osina na odcinku 0,1 km"
    status: zrealizowane
    source: "PGE Dystrybucja S.A. – pismo do gminy"
""", encoding="utf-8")
    _, ctx = compose_document(Path(tmp_path / "kluki-2026"))
    osina = next(i for i in ctx.value("plan_update").previous_investments if "Osina" in i.investment)
    assert (osina.status, osina.source) == ("zrealizowane", "PGE Dystrybucja S.A. – pismo do gminy")


# ---------------------------------------------------------------- 5. and 6. electrification text follows its data
def test_the_age_of_the_housing_stock_is_computed_from_its_table(k26):
    doc, ctx = k26
    # heat.yaml housing periods before 1997: 15,9 + 18,1 + 9,7 + 1,5 = 45,2 % (not "większość")
    assert ctx.value("electrification").old_stock == (1997, pytest.approx(45.2))
    text = _text(doc, "s_fc_electrification")
    ref = _table(doc, "t_ek_housing").number
    assert f"budynki wybudowane przed 1997 r. stanowią 45,2 % powierzchni użytkowej zasobu mieszkaniowego gminy (tabela {ref})" in text
    assert "większość zasobu" not in _text(doc)


def test_share_built_before_a_year_by_hand():
    from reportgen.methods.indicator.calc.electrification import share_built_before
    periods = [("do 1966", 15.9), ("1967–1985", 18.1), ("1986–1992", 9.7), ("1993–1996", 1.5), ("1997–2012", 39.4)]
    assert share_built_before(periods, 1997) == pytest.approx(45.2)
    assert share_built_before(periods, 1990) is None          # 1986–1992 straddles 1990: no honest split
    assert share_built_before([("przed wojną", 10.0)], 1997) is None


def test_electrification_title_and_source_follow_the_data(k26):
    doc, _ = k26
    section = next(s for s in doc.walk_sections() if s.id == "s_fc_electrification")
    # kluki-2026/electrification.yaml has heat pumps only: no electric cars, no micro-installations
    assert section.title == "Elektryfikacja ogrzewania a sieć elektroenergetyczna"
    t = _table(doc, "t_electrification")
    assert t.source.endswith("(pompy ciepła)") and "samochody" not in t.source and "mikroinstalacje" not in t.source


def test_an_adopted_plan_that_itself_updates_one_still_reaches_the_plan_before_it(tmp_path):
    # chain: later → kluki-2026 (with an accepted comment: 72 → 73 stations) → kluki; the adopted copy of
    # kluki-2026 lives in a temporary folder, its "../kluki" must still point at tmp_path/kluki
    import shutil

    from reportgen.build import compose_document
    shutil.copytree(KLUKI, tmp_path / "kluki")
    mid = tmp_path / "kluki-2026"
    shutil.copytree(KLUKI_2026, mid)
    shutil.copy(KLUKI / "procedure.yaml", mid / "procedure.yaml")
    (mid / "consultation").mkdir()
    (mid / "consultation" / "uwagi.csv").write_text(
        "nr,data_wplywu,forma,zglaszajacy,rodzaj_zglaszajacego,tresc,dotyczy,rozstrzygniecie,uzasadnienie,zmiana_danych\n"
        "1,2022-07-28,pismo,PGE Dystrybucja S.A.,osoba prawna,Eksploatujemy 73 stacje.,rozdz. 6,uwzględniona,"
        "Dane operatora.,electricity.yaml: network.stations_mv_lv = 73\n", encoding="utf-8")
    later = tmp_path / "later"
    shutil.copytree(KLUKI_2026, later)
    path = later / "update.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("folder: ../kluki", "folder: ../kluki-2026"), encoding="utf-8")
    _, ctx = compose_document(later)
    assert ctx.value("plan_update").previous_revised_changes == 1
    assert (mid / "update.yaml").read_text(encoding="utf-8").count("folder: ../kluki") == 1   # the user's file untouched


def test_bad_data_of_the_previous_plan_is_named_in_the_users_folder(tmp_path):
    # the previous plan is read from a temporary copy with its accepted comments applied; a message must name
    # the user's own file (the copy is deleted by the time the message is read)
    from reportgen.build import compose_document
    from reportgen.errors import UserError
    shutil.copytree(ROOT / "content" / "kluki", tmp_path / "kluki")
    shutil.copytree(KLUKI_2026, tmp_path / "kluki-2026")
    edit(tmp_path / "kluki" / "heat.yaml", "floor_area_m2: 10027", "floor_area_m2: -5")
    with pytest.raises(UserError) as err:
        compose_document(tmp_path / "kluki-2026")
    text = "\n".join(err.value.messages)
    named = text.split(",")[0]          # "<user's folder>/heat.yaml" (previous.folder as the update gives it)
    assert named.endswith("kluki/heat.yaml") and Path(named).resolve() == (tmp_path / "kluki" / "heat.yaml").resolve()
    assert "reportgen-adopted" not in text and "floor_area_m2" in text
