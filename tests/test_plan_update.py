"""The update of an existing plan (content/kluki-2026 updates content/kluki): an "aktualizacja" whose chapter sets
the previous plan beside the new base year, marks the figures carried over from 2021 and lists them for the gmina.
Document-model level (compose_document): the .docx adds nothing here."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import ROOT
from helpers import edit

from reportgen.errors import UserError

KLUKI_2026 = ROOT / "content" / "kluki-2026"


@pytest.fixture(scope="module")
def update_doc(kluki_2026_model):
    return kluki_2026_model


def _section(doc, sid):
    return next(s for s in doc.walk_sections() if s.id == sid)


def _text(section) -> str:
    return "\n".join(b.text for b in section.blocks if hasattr(b, "text")).replace("\xa0", " ")


def _table(doc, tid):
    return next(t for t in doc.tables() if t.id == tid)


def test_title_and_chapter_say_update(update_doc):
    doc, _ = update_doc
    assert doc.title.startswith("Aktualizacja projektu założeń do planu zaopatrzenia w ciepło")
    ch = _section(doc, "ch_update")
    assert ch.title == "Ocena realizacji projektu założeń z 2022 r."
    text = _text(ch)
    # 2022-06-30 → 2026-12-01: 4 whole years ("cztery"); due 3 years after the previous plan (art. 19 ust. 2): 30.06.2025
    assert "minęły cztery lata, a termin jego aktualizacji upłynął 30.06.2025 r." in text   # cztery: below 10 in words
    assert "nowy rok bazowy 2025 i nowy okres planowania 2027–2042" in text


def test_the_historical_plan_is_not_an_update(kluki_build):
    doc = kluki_build.document
    assert doc.title.startswith("Projekt założeń")
    assert not any(s.id == "ch_update" for s in doc.walk_sections())


def test_planned_against_base_year(update_doc):
    doc, ctx = update_doc
    u = ctx.value("plan_update")
    assert u.past_years == (2025,) and u.scenario_labels == ("optymistyczny", "zaniechania")
    heat = _table(doc, "t_update_planned").rows[0]
    # columns: quantity, unit, then per scenario published (update.yaml, seed Tabela 17/19) and recomputed, then the
    # base year. Kluki 2022, Tabela 12/17 (recommended scenario 2025), recomputed: ≈ 115 418 GJ/rok (draft data;
    # +0,4 % with the adopted floor area) vs the base-year total carried from 2021 with the adopted housing floor
    # area (uwaga nr 7: 151 020 m²): 107 596 · 151 020 / 150 351,5 + 2 757 + 12 197 = 123 028 GJ/rok (±0,1 %)
    assert heat[2] == pytest.approx(123_370)            # published: Tabela 17, 123,37 TJ
    assert heat[3] == pytest.approx(115_418, rel=0.005)
    assert heat[6] == pytest.approx(123_028, rel=0.001)
    assert heat[7] == "dane z 2021 r. – do aktualizacji przez gminę"


def test_base_years_side_by_side_mark_carried_figures(update_doc):
    doc, _ = update_doc
    heat = _table(doc, "t_update_heat")
    assert [c.header for c in heat.columns][2:4] == ["2021 (poprzedni projekt, przeliczone tą samą metodą)", "2025 (aktualizacja)"]
    total = heat.rows[-1]
    assert total[0] == "Razem" and total[2] == total[3]         # carried over: the same figure in both columns
    assert total[5] == "dane z 2021 r. – do aktualizacji przez gminę"
    el = _table(doc, "t_update_electricity").rows[-1]
    # Kluki 2022, rozdz. 4.2.3: 4 751 + 4 421 = 9 172 MWh in 2021, carried to 2025
    assert el[2] == pytest.approx(9172) and el[3] == pytest.approx(9172)
    carried = _table(doc, "t_update_carried")
    assert len(carried.rows) == 12
    assert carried.rows[0][:2] == ["liczba mieszkańców", "2021"]


def test_update_text_cites_nothing_out_of_force(update_doc):
    doc, _ = update_doc
    text = "\n".join(_text(s) for s in doc.walk_sections())
    assert "Studium uwarunkowań" not in text                 # studia lost force on 2026-06-30
    assert "Strategia Rozwoju Gminy Kluki do 2022" not in text
    assert "na lata 2020–2025 przewiduje" not in text        # the DSO's 2020–2025 plan is past
    assert doc.meta["document_date"] == dt.date(2026, 12, 1)


def test_build_lists_data_to_collect_and_passes_check_as_of_its_date(tmp_path):
    from click.testing import CliRunner

    from reportgen.cli import cli
    result = CliRunner().invoke(cli, ["build", str(KLUKI_2026), "-o", str(tmp_path / "k.docx")])
    assert result.exit_code == 0, result.output
    assert "Dane przeniesione z poprzedniego projektu założeń – do zebrania przez gminę:" in result.stderr
    assert "  - liczba mieszkańców (gmina.yaml: population) – dane z 2021 r. – do aktualizacji przez gminę" in result.stderr
    checked = CliRunner().invoke(cli, ["check", str(tmp_path / "k.docx"), "--as-of", "2026-12-01", "--format", "json"])
    findings = json.loads(checked.output)["findings"]
    assert not [f for f in findings if f["severity"] == "error"], findings
    # issue #9: no warning either (a draft's title page prints no blank resolution fields)
    assert not [f for f in findings if f["severity"] == "warning"], findings
    title = json.loads(checked.output)["document"]["title"]
    assert title.startswith("AKTUALIZACJA PROJEKTU ZAŁOŻEŃ DO PLANU ZAOPATRZENIA W CIEPŁO")


def test_carried_key_must_exist(tmp_path):
    import shutil

    from reportgen.inputs.loader import load_content
    shutil.copytree(ROOT / "content", tmp_path / "content")
    folder = tmp_path / "content" / "kluki-2026"
    edit(folder / "update.yaml", 'key: "gmina.yaml: population"', 'key: "gmina.yaml: populacja"')
    with pytest.raises(UserError) as exc:
        load_content(folder)
    assert any("update.yaml, klucz carried_over[0].key: w pliku gmina.yaml nie ma klucza populacja" in m
               for m in exc.value.messages)


def test_measures_of_the_previous_plan_only_from_the_gminas_records(tmp_path, update_doc):
    import shutil

    from reportgen.build import compose_document
    doc, _ = update_doc
    assert not any(s.id == "s_update_measures" for s in doc.walk_sections())      # no records: absent
    shutil.copytree(ROOT / "content", tmp_path / "content")
    folder = tmp_path / "content" / "kluki-2026"
    with open(folder / "update.yaml", "a", encoding="utf-8") as f:
        f.write('measures:\n'
                '  - {measure: "wymiana ok. 210 opraw oświetlenia ulicznego", status: zrealizowane, detail: "test", source: "test"}\n'
                '  - {measure: "budowa sieci gazowej w Klukach", status: niezrealizowane, source: "test"}\n')
    doc, _ = compose_document(folder)
    text = _text(_section(doc, "s_update_measures"))
    assert "Z 2 przedsięwzięć poprzedniego projektu, o których gmina przekazała informacje, zrealizowano 1;" in text
    assert _table(doc, "t_update_measures").rows[1] == ["budowa sieci gazowej w Klukach", "niezrealizowane", "–", "test"]


def test_an_update_without_the_previous_folder_is_still_an_update(tmp_path):
    import shutil

    from reportgen.build import compose_document
    shutil.copytree(ROOT / "content", tmp_path / "content")
    folder = tmp_path / "content" / "kluki-2026"
    edit(folder / "update.yaml", "  folder: ../kluki\n", "")
    doc, ctx = compose_document(folder)
    assert doc.title.startswith("Aktualizacja projektu założeń")
    ids = {s.id for s in doc.walk_sections()}
    assert {"ch_update", "s_update_carried"} <= ids and not {"s_update_planned", "s_update_base_years"} & ids
    assert "Poprzedni projekt założeń opisywał" not in _text(_section(doc, "ch_update"))


def test_years_since_the_previous_plan_counted_in_whole_years():
    from reportgen.methods.indicator.calc.update import update_due, whole_years_between
    # by hand: 2022-06-30 → 2025-06-29 is one day short of 3 years; → 2025-06-30 completes the third
    assert whole_years_between(dt.date(2022, 6, 30), dt.date(2025, 6, 29)) == 2
    assert whole_years_between(dt.date(2022, 6, 30), dt.date(2025, 6, 30)) == 3
    assert whole_years_between(dt.date(2023, 1, 1), dt.date(2025, 12, 31)) == 2   # 2 years 364 days
    # due 3 years after the previous document; the update dated 2025-12-01 is already late (due 2025-06-30)
    assert update_due(dt.date(2022, 6, 30), 3) == dt.date(2025, 6, 30)
    assert update_due(dt.date(2024, 2, 29), 3) == dt.date(2027, 2, 28)

