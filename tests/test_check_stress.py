# mypy: disable-error-code="union-attr,var-annotated"
"""Stress cases of `reportgen check` built from real-looking plan text (tests/fixtures/check/stress_plan.py):
for each behaviour the correct text gives no false error and the injected defect is found. Expected values are
hand calculations written in stress_plan.py or next to each case."""
from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "check"))

import stress_plan as sp  # noqa: E402

from reportgen.check.readers import read_document  # noqa: E402
from reportgen.rules.engine import check_document  # noqa: E402
from reportgen.rules.requirements import load_requirements  # noqa: E402

AS_OF = date(2025, 6, 1)
REQS = load_requirements()


def _check(path: Path, as_of: date = AS_OF, **kw):
    return check_document(read_document(path), REQS, as_of, **kw)


def _errors(findings):
    return [f"{f.rule_id}: {f.message} [{f.location}]" for f in findings if f.severity == "error"]


def _write(tmp_path: Path, lines: list[str], kind: str, name: str = "plan") -> Path:
    path = tmp_path / f"{name}.{kind}"
    return sp.write_pdf(path, lines) if kind == "pdf" else sp.write_txt(path, lines)


def _replace(lines: list[str], old: str, new: str) -> list[str]:
    assert any(old in line for line in lines), old
    return [line.replace(old, new) for line in lines]


# ---------------------------------------------------------------- 1. tables from PDF and space-aligned text ----

@pytest.fixture(scope="module")
def correct_pdf(tmp_path_factory):
    return sp.write_pdf(tmp_path_factory.mktemp("pdf") / "plan.pdf", sp.plan_lines())


def test_correct_plan_has_no_error_as_pdf_and_txt(correct_pdf, tmp_path):
    for path in (correct_pdf, _write(tmp_path, sp.plan_lines(), "txt")):
        findings = _check(path)
        assert _errors(findings) == [], path


def test_pdf_tables_are_recovered_with_their_page(correct_pdf):
    doc = read_document(correct_pdf)
    t1, t2 = doc.tables()
    assert (t1.caption_label, t1.number, t1.caption) == ("Tabela", 1, "Zużycie ciepła w sektorach")
    assert t1.rows[0] == ["Mieszkalnictwo", "107 596", "87,80"] and t1.total_rows == [3]
    assert [c.header for c in t2.columns] == ["Paliwo", "Ilość [t]", "Wartość opałowa [GJ/t]", "Energia [GJ]"]
    assert t1.location.page == 1 and "s. 1" in t1.location.describe()


@pytest.mark.parametrize("kind", ["pdf", "txt"])
def test_wrong_total_found_in_pdf_and_txt(tmp_path, kind):
    # 107 596 + 12 197 + 2 757 = 122 550, printed 125 550: off by 3 000
    lines = _replace(sp.plan_lines(), "Razem                                       122 550",
                     "Razem                                       125 550")
    found = [f for f in _check(_write(tmp_path, lines, kind)) if f.rule_id == "Q-SUM"]
    assert len(found) == 1 and found[0].severity == "error" and "Tabela 1" in found[0].location
    if kind == "pdf":
        assert "s. 1" in found[0].location


def test_shares_not_adding_up_in_pdf(tmp_path):
    # 87,80 + 9,95 + 3,25 = 101,00 ≠ 100,00
    lines = _replace(sp.plan_lines(), "2 757           2,25", "2 757           3,25")
    found = [f for f in _check(_write(tmp_path, lines, "pdf")) if f.severity == "error"]
    assert [f.rule_id for f in found] == ["Q-SHARE"] and "s. 1" in found[0].location


def test_figure_caption_on_a_pdf_table(tmp_path):
    lines = _replace(sp.plan_lines(), "Tabela 1. Zużycie ciepła w sektorach", "Rysunek 1. Zużycie ciepła w sektorach")
    lines = _replace(lines, "przedstawiono w tabeli 1,", "przedstawiono na rysunku 1,")
    found = [f for f in _check(_write(tmp_path, lines, "pdf")) if f.rule_id == "Q-CAPTION"]
    assert len(found) == 1 and "Rysunek 1" in found[0].message and "s. 1" in found[0].location


def test_every_located_pdf_finding_names_the_page(tmp_path):
    lines = _replace(sp.plan_lines(), "zużycie paliw w tabeli 2.", "zużycie paliw w tabeli 2 i tabeli 9.")
    findings = _check(_write(tmp_path, lines, "pdf"))
    located = [f for f in findings if f.location not in ("cały dokument", "tytuł i pierwsza strona")]
    assert located and all("s. " in f.location for f in located)


# ---------------------------------------------------------------- 2. dates and horizon -----------------------------

def _statutory(tmp_path, lines, as_of=AS_OF, rule="PE-19-2"):
    return [f for f in _check(_write(tmp_path, lines, "txt"), as_of) if f.rule_id == rule]


def test_no_date_from_an_act_citation(tmp_path):
    # the only dates on the first page are an act's ("ustawy z dnia 10 kwietnia 1997 r."): the date is taken
    # from the horizon's first year, as uncertain — a warning, never an error built on an invented date
    lines = sp.plan_lines(imprint="", front=["Opracowano na podstawie ustawy z dnia 10 kwietnia 1997 r. – Prawo "
                                             "energetyczne (Dz. U. z 2008 r. Nr 89, poz. 625)"])
    [f] = _statutory(tmp_path, lines, as_of=date(2030, 6, 1))
    assert f.severity == "warning" and "1997" not in f.message and "2008" not in f.message
    assert "pierwszy rok okresu planowania" in f.evidence


def test_no_date_from_the_resolution_adopting_an_earlier_plan(tmp_path):
    lines = sp.plan_lines(front=["Aktualizacja dokumentu przyjętego uchwałą Nr XX/100/2010 Rady Gminy Próbna "
                                 "z dnia 5 maja 2010 r. (poprzedni projekt założeń)"])
    assert _statutory(tmp_path, lines) == []          # "Kraków, 2025 r." is the date: current on 2025-06-01


def test_place_and_year_imprint_is_the_date(tmp_path):
    lines = sp.plan_lines(imprint="Kraków, 2019 r.", title=[sp.TITLE[0], "I PALIWA GAZOWE DLA GMINY PRÓBNA NA LATA 2019–2034"])
    [f] = _statutory(tmp_path, lines)
    # 2019-12-31 + 3 years = 2022-12-31 < 2025-06-01: overdue, an error; 2019..2034 = 16 calendar years: no horizon gap
    assert f.severity == "error" and "2019-12-31" in f.message and "termin minął 2022-12-31" in f.message


@pytest.mark.parametrize("years,severity", [("2021–2035", None), ("2022–2035", "error")])
def test_fifteen_calendar_years(tmp_path, years, severity):
    # 2021..2035 = 15 calendar years (enough); 2022..2035 = 14 (too short)
    lines = sp.plan_lines(imprint="Kraków, 2020 r.", title=[sp.TITLE[0], f"I PALIWA GAZOWE DLA GMINY PRÓBNA NA LATA {years}"])
    found = _statutory(tmp_path, lines, as_of=date(2022, 6, 1))
    assert [f.severity for f in found] == ([severity] if severity else [])
    if severity:
        assert "14 lat" in found[0].message and "łącznie z rokiem początkowym i końcowym" in found[0].message


def test_borderline_horizon_is_a_warning(tmp_path):
    # 2021–2035 is 15 calendar years, but adopted on 10 June 2021: less than 15 full years from adoption
    lines = sp.plan_lines(imprint="", title=[sp.TITLE[0], "I PALIWA GAZOWE DLA GMINY PRÓBNA NA LATA 2021–2035"],
                          front=["Załącznik do uchwały Nr XXX/200/2021 Rady Gminy Próbna z dnia 10 czerwca 2021 r."])
    [f] = _statutory(tmp_path, lines, as_of=date(2022, 6, 1))
    assert f.severity == "warning" and "graniczny" in f.message


# ---------------------------------------------------------------- 3. references ------------------------------------

def test_references_into_other_documents_are_not_dangling(tmp_path):
    # the correct plan cites "tabeli 5 rozporządzenia", "tab. 6 normy PN-EN 12831", "tabeli 14 / Planu …" (wrapped)
    refs = [f for f in _check(_write(tmp_path, sp.plan_lines(), "txt")) if f.rule_id == "Q-REF"]
    assert refs == []


def test_dangling_reference_is_found(tmp_path):
    lines = _replace(sp.plan_lines(), "zużycie paliw w tabeli 2.", "zużycie paliw w tabeli 7.")
    [f] = [f for f in _check(_write(tmp_path, lines, "txt")) if f.rule_id == "Q-REF"]
    assert "tabeli 7" in f.message and f.severity == "error"


def test_caption_run_into_a_paragraph(tmp_path):
    lines = sp.plan_lines()
    k = lines.index("Tabela 1. Zużycie ciepła w sektorach")
    lines[k - 2] = "Zużycie paliw podano w tabeli 2, a ciepła w tabeli poniżej. Tabela 1. Zużycie ciepła w sektorach"
    del lines[k - 1: k + 1]
    doc = read_document(_write(tmp_path, lines, "pdf"))
    assert [(t.number, t.caption) for t in doc.tables()][0] == (1, "Zużycie ciepła w sektorach")
    assert _errors(check_document(doc, REQS, AS_OF)) == []


# ---------------------------------------------------------------- 4. PDF text repair and TOC evidence -------------

def test_glyph_substitutions_and_hyphenation_are_repaired(tmp_path):
    lines = _replace(sp.plan_lines(), "Przedsięwzięcia racjonalizujące użytkowanie ciepła, energii",
                     "Przedsięwzięcia racjonali-")
    k = next(i for i, line in enumerate(lines) if line.startswith("Przedsięwzięcia racjonali-"))
    lines[k + 1] = "zujące użytkowanie ciepła, energii " + lines[k + 1]
    lines = [line.replace("ż", "Ŝ").replace("ŻE", "śE").replace("fi", "\ufb01") for line in lines]
    doc = read_document(_write(tmp_path, lines, "pdf"))
    text = doc.full_text()
    assert "ZAŁOŻEŃ" in doc.title and "Ŝ" not in text and "\ufb01" not in text
    assert "Przedsięwzięcia racjonalizujące użytkowanie" in text and "współfinansowanie" in text
    assert _errors(check_document(doc, REQS, AS_OF)) == []


def test_table_of_contents_entry_is_evidence_of_a_chapter(tmp_path):
    # chapter 4 has no body text using the statute's words; its TOC entry names it
    chapters = sp.with_chapter("4", ["Opis działań znajduje się w dalszej części."])
    lines = [line for line in sp.plan_lines(chapters) if line != "4 Przedsięwzięcia racjonalizujące użytkowanie ciepła"]
    assert [f for f in _check(_write(tmp_path, lines, "txt")) if f.rule_id == "PE-19-3-2"] == []
    no_toc = [line for line in lines if "racjonalizujące" not in line]
    assert [f.rule_id for f in _check(_write(tmp_path, no_toc, "txt", "b")) if f.rule_id == "PE-19-3-2"] == ["PE-19-3-2"]


# ---------------------------------------------------------------- 5. one finding per problem -----------------------

def test_one_finding_for_both_wordings_of_pkt_3a(tmp_path):
    chapters = sp.with_chapter("6", ["Rozdział pominięto."])
    lines = [line for line in sp.plan_lines(chapters, imprint="Kraków, 2015 r.") if "efektywności energetycznej" not in line]
    found = [f.rule_id for f in _check(_write(tmp_path, lines, "txt")) if f.rule_id.startswith("PE-19-3-3a")]
    assert found == ["PE-19-3-3a"]


def test_one_pe_19_2_finding_for_short_and_overdue(tmp_path):
    lines = sp.plan_lines(imprint="Kraków, 2015 r.", title=[sp.TITLE[0], "I PALIWA GAZOWE NA LATA 2015–2025"])
    [f] = _statutory(tmp_path, lines)
    assert f.severity == "error" and "11 lat" in f.message and "aktualizacji" in f.message


# ---------------------------------------------------------------- 6. more defects -------------------------------

@pytest.mark.parametrize("citation", ["ustawy o efektywności energetycznej z 2011 r.",
                                      "ustawy z 15 kwietnia 2011 r. o efektywności energetycznej",
                                      "ustawy o efektywności energetycznej (Dz. U. z 2011 r. Nr 94, poz. 551)"])
def test_repealed_2011_act_in_any_form(tmp_path, citation):
    lines = sp.plan_lines(imprint="Kraków, 2020 r.")
    correct = [f for f in _check(_write(tmp_path, lines, "txt")) if f.rule_id == "OBS-UEE-2011"]
    lines = _replace(lines, "ustawy z dnia 20 maja 2016 r. o efektywności", citation + " oraz ustawy z dnia 20 maja 2016 r. o efektywności")
    found = [f for f in _check(_write(tmp_path, lines, "txt", "b")) if f.rule_id == "OBS-UEE-2011"]
    assert correct == [] and len(found) == 1


def test_dz_u_position_of_the_repealed_act_is_recognised():
    import re

    from reportgen.rules.citations import act_patterns
    patterns = act_patterns("Ustawa o efektywności energetycznej z dnia 15 kwietnia 2011 r.",
                            "Dz.U. 2011 nr 94 poz. 551; uchylona przez art. 50 ustawy z dnia 20 maja 2016 r. (Dz.U. 2016 poz. 831)")
    hits = lambda t: any(re.search(p, t, re.IGNORECASE) for p in patterns)  # noqa: E731
    assert hits("(Dz. U. z 2011 r. Nr 94, poz. 551)") and hits("ustawa o efektywności energetycznej z 2011 r.")
    assert not hits("(Dz. U. z 2016 r. poz. 831)") and not hits("ustawy z dnia 20 maja 2016 r. o efektywności energetycznej")


def test_unfilled_template_fields(tmp_path):
    lines = sp.plan_lines(front=["Załącznik nr.. do uchwały nr.. z dnia.."])
    [f] = [f for f in _check(_write(tmp_path, lines, "txt")) if f.rule_id == "Q-FIELD"]
    assert f.severity == "warning" and "nr.." in f.message
    lines = _replace(sp.plan_lines(), "Zakres współpracy z innymi gminami", "Zakres współpracy [nazwa gminy] z innymi gminami")
    [f] = [f for f in _check(_write(tmp_path, lines, "txt", "b")) if f.rule_id == "Q-FIELD"]
    assert f.severity == "error"


def test_fuel_table_with_shifted_columns(tmp_path):
    # Drewno: 3 500 t × 15,6 GJ/t = 54 600 GJ; printed 5 460 (a column shifted by one digit group): found
    lines = _replace(sp.plan_lines(), "15,6          54 600", "15,6           5 460")
    lines = _replace(lines, "Razem                    4 830                         -          86 773",
                     "Razem                    4 830                         -          37 633")
    [f] = [f for f in _check(_write(tmp_path, lines, "pdf")) if f.rule_id == "Q-UNIT"]
    assert f.severity == "error" and "Drewno" in f.location and "54 600" in f.message and "s. 1" in f.location


def test_file_that_is_not_a_plan(tmp_path):
    lines = ["REGULAMIN DOSTARCZANIA WODY I ODPROWADZANIA ŚCIEKÓW", "", "Rozdział 1. Postanowienia ogólne", "",
             "§ 1. Regulamin określa prawa i obowiązki przedsiębiorstwa wodociągowo-kanalizacyjnego oraz odbiorców.",
             "§ 2. Przedsiębiorstwo zapewnia dostawę wody o ciśnieniu nie mniejszym niż 0,2 MPa."]
    findings = _check(_write(tmp_path, lines, "txt"))
    assert [f.rule_id for f in findings] == ["Q-NOTPLAN"]


# ---------------------------------------------------------------- 7. quality rules as data and config ------------

def test_firm_config_changes_levels_and_switches_rules_off(tmp_path):
    from click.testing import CliRunner

    from reportgen.check.commands import check, rules
    lines = _replace(sp.plan_lines(), "zużycie paliw w tabeli 2.", "zużycie paliw w tabeli 7.")
    plan = _write(tmp_path, lines, "txt")
    assert CliRunner().invoke(check, [str(plan), "--as-of", "2025-06-01"]).exit_code == 1
    (tmp_path / ".reportgen.yaml").write_text("rules:\n  Q-REF: warning\n  Q-UNIT: off\n", encoding="utf-8")
    result = CliRunner().invoke(check, [str(plan), "--as-of", "2025-06-01"])
    assert result.exit_code == 0 and "[Q-REF]" in result.output and "OSTRZEŻENIA" in result.output
    bad = tmp_path / "zly.yaml"
    bad.write_text("rules:\n  Q-XYZ: off\n", encoding="utf-8")
    result = CliRunner().invoke(check, [str(plan), "--config", str(bad)])
    assert result.exit_code == 2 and "nieznana reguła „Q-XYZ”" in result.output
    listed = CliRunner().invoke(rules, ["--quality", "--format", "json", "--config", str(tmp_path / ".reportgen.yaml")])
    import json
    data = {r["id"]: r for r in json.loads(listed.output)}
    assert data["Q-REF"]["effective_level"] == "warning" and data["Q-UNIT"]["effective_level"] == "off"
    assert all(r["message"] and r["description"] and r["link"] for r in data.values())


# ---------------------------------------------------------------- 8. many plans at once --------------------------

def test_folder_of_plans_in_parallel(tmp_path):
    import csv
    import io

    from click.testing import CliRunner

    from reportgen.check.commands import check
    folder = tmp_path / "plany"
    folder.mkdir()
    sp.write_txt(folder / "a_dobry.txt", sp.plan_lines())
    sp.write_txt(folder / "b_zly.txt", _replace(sp.plan_lines(), "w tabeli 2.", "w tabeli 7."))
    (folder / "c_pusty.pdf").write_bytes(b"")
    result = CliRunner().invoke(check, [str(folder), "--as-of", "2025-06-01", "--format", "csv", "-j", "2"])
    assert result.exit_code == 1, result.output
    rows = list(csv.DictReader(io.StringIO(result.output), delimiter=";"))
    by_file = {}
    for row in rows:
        by_file.setdefault(Path(row["plik"]).name, []).append(row)
    assert [r["opis"] for r in by_file["a_dobry.txt"]] == ["Nie znaleziono uchybień."]
    assert [r["reguła"] for r in by_file["b_zly.txt"]] == ["Q-REF"]
    assert by_file["c_pusty.pdf"][0]["reguła"] == "ODCZYT" and "pusty" in by_file["c_pusty.pdf"][0]["opis"]


# ---------------------------------------------------------------- 9. scanned PDFs --------------------------------

def test_scan_without_ocr_says_how_to_enable_it(tmp_path, monkeypatch):
    from reportgen.check.readers import ocr
    scan = sp.write_scan(tmp_path / "skan.pdf", sp.plan_lines()[:20])
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    from reportgen.errors import UserError
    with pytest.raises(UserError) as exc:
        read_document(scan)
    assert "apt-get install tesseract-ocr tesseract-ocr-pol" in str(exc.value.messages)


@pytest.mark.skipif(shutil.which("tesseract") is None or shutil.which("pdftoppm") is None,
                    reason="Tesseract/poppler nie są zainstalowane")
def test_scan_is_read_with_ocr_and_says_so(tmp_path):
    scan = sp.write_scan(tmp_path / "skan.pdf", sp.plan_lines()[:6])
    doc = read_document(scan)
    assert doc.meta["ocr"] and any("OCR" in n for n in doc.meta["notes"])
    assert "ZAŁOŻEŃ DO PLANU ZAOPATRZENIA" in doc.full_text().upper()
    findings = check_document(doc, REQS, AS_OF)
    assert findings and all("OCR" in f.evidence for f in findings)
