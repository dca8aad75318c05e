"""reportgen procedure: KPA date counting, products the dates allow, anonymisation, hostile comments, errors."""
from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from reportgen.cli import cli
from reportgen.errors import UserError
from reportgen.procedure.calendar import easter_sunday, term_end_days, term_end_years
from reportgen.procedure.law import load_procedure_rules
from reportgen.procedure.package import build_package

ROOT = Path(__file__).resolve().parents[1]
RULES = load_procedure_rules()
D = dt.date


def _text(data: bytes) -> str:
    import io
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for r in t.rows:
            parts.extend(c.text for c in r.cells)
    return "\n".join(parts)


def _files(package) -> dict[str, str]:
    return {p.path: _text(p.data) for p in package.products}


@pytest.fixture(scope="module")
def kluki_package():
    return build_package(ROOT / "content" / "kluki", D(2022, 9, 20))


@pytest.fixture(scope="module")
def knyszyn_package():
    return build_package(ROOT / "content" / "knyszyn", D(2026, 12, 1))


# --- calendar (art. 57 KPA), expected values by hand from a wall calendar ---------------------------------

def test_easter_dates():
    assert easter_sunday(2022) == D(2022, 4, 17)
    assert easter_sunday(2025) == D(2025, 4, 20)
    assert easter_sunday(2015) == D(2015, 4, 5)


def test_display_ending_on_a_holiday_moves_to_next_working_day():
    # 25.07.2022 + 21 days = Mon 15.08.2022 (Wniebowzięcie NMP) → Tue 16.08.2022
    assert term_end_days(D(2022, 7, 25), 21, RULES) == D(2022, 8, 16)


def test_christmas_eve_is_a_holiday_from_2025_only():
    # 03.12.2024 + 21 = Tue 24.12.2024: a working day in 2024
    assert term_end_days(D(2024, 12, 3), 21, RULES) == D(2024, 12, 24)
    # 03.12.2025 + 21 = Wed 24.12.2025 (holiday), 25–26 holidays, 27 Sat, 28 Sun → Mon 29.12.2025
    assert term_end_days(D(2025, 12, 3), 21, RULES) == D(2025, 12, 29)


def test_saturday_end_and_corpus_christi():
    # 2022-05-21 + 21 = Sat 11.06.2022 → Mon 13.06.2022
    assert term_end_days(D(2022, 5, 21), 21, RULES) == D(2022, 6, 13)
    # Boże Ciało 2022 = Easter 17.04 + 60 = Thu 16.06.2022; 26.05 + 21 = 16.06 → Fri 17.06
    assert term_end_days(D(2022, 5, 26), 21, RULES) == D(2022, 6, 17)


def test_three_years_from_resolution():
    # 29.09.2015 + 3 years = Sat 29.09.2018 → Mon 01.10.2018
    assert term_end_years(D(2015, 9, 29), 3, RULES) == D(2018, 10, 1)


# --- what the dates allow ------------------------------------------------------------------------------

def test_kluki_products_before_adoption(kluki_package):
    names = set(_files(kluki_package))
    assert {"01_wniosek_pge.docx", "01_wniosek_psg.docx", "01_wniosek_pse.docx", "03_soos_rdos.docx",
            "03_soos_ppis.docx", "04_obwieszczenie_odstapienie_soos.docx", "06_obwieszczenie_wylozenie.docx",
            "07_formularz_uwag.docx", "08_klauzula_rodo.docx", "09_wykaz_uwag.docx", "10_projekt_uchwaly.docx",
            "wewnetrzne/09_wykaz_uwag_pelny.docx"} <= names
    assert len([n for n in names if n.startswith("02_gmina_sasiednia_")]) == 4
    assert not any(n.startswith(("11_", "12_")) for n in names)      # not adopted yet


def test_register_waits_for_the_end_of_display():
    early = build_package(ROOT / "content" / "kluki", D(2022, 8, 10))
    names = {p.path for p in early.products}
    assert "06_obwieszczenie_wylozenie.docx" in names
    assert "09_wykaz_uwag.docx" not in names and "10_projekt_uchwaly.docx" not in names


def test_obwieszczenie_dates_and_basis(kluki_package):
    text = _files(kluki_package)["06_obwieszczenie_wylozenie.docx"]
    # 25.07 → 16.08: 6 days to 31.07 + 16 = 22 (the 21st day, 15.08, is a holiday), as the procedure check says
    assert "od 25.07.2022 r. do 16.08.2022 r. (22 dni)" in text
    assert "Na podstawie art. 19 ust. 6 i 7 ustawy z dnia 10 kwietnia 1997 r. – Prawo energetyczne" in text
    # a 2022 letter does not cite the consolidated text published in 2024 (rules/procedure.yaml: cite_from)
    assert "poz. 266" not in text
    assert "Kluki, dnia 18 lipca 2022 r." in text


def test_knyszyn_full_procedure(knyszyn_package):
    files = _files(knyszyn_package)
    assert "08_klauzula_rodo.docx" not in files           # RODO applies from 25.05.2018; display in 2015
    assert {"11_zawiadomienie_pge.docx", "11_zawiadomienie_psg.docx", "12_ocena_aktualnosci.docx"} <= set(files)
    review = files["12_ocena_aktualnosci.docx"]
    assert "termin aktualizacji upłynął 1 października 2018 r." in review
    assert "(Dz.U. z 2024 r. poz. 266, z późn. zm.)" in review             # dated 30.11.2026: current text
    # what changed since 29.09.2015: policies (PEP2040 from 10.03.2021), a newer KOBiZE factor, the data's age
    assert "od 10.03.2021 r.: Polityka energetyczna Polski do 2040 r." in review
    assert "nowsza wartość 597 kg/MWh" in review
    assert "rok bazowy dokumentu 2014 (dane sprzed 12 lat)" in review
    assert "X/73/15" in files["11_zawiadomienie_pge.docx"]
    draft = files["10_projekt_uchwaly.docx"]
    assert "od 27 lipca 2015 r. do 17 sierpnia 2015 r." in draft
    assert "Zgłoszono 9 wniosków" in draft


def test_draft_resolution_counts_and_annex(kluki_package):
    draft = _files(kluki_package)["10_projekt_uchwaly.docx"]
    # kluki comments: accepted 2, 4, 6, 7; partially 1; rejected 3, 5, 8, 9
    assert "4 uwzględniono, 1 uwzględniono częściowo, 4 nie uwzględniono" in draft
    assert "Załącznik nr 2" in draft and "z dnia 28 września 2022 r." in draft
    # terms and citations from rules/procedure.yaml (horizon_years 15, update_years 3, plan_obligation art. 19 ust. 1)
    assert "wynika z art. 19 ust. 1 ustawy z dnia 10 kwietnia 1997 r. – Prawo energetyczne" in draft
    assert "na co najmniej 15 lat i aktualizuje co najmniej raz na 3 lata (art. 19 ust. 2 ustawy" in draft


def test_public_register_is_anonymised_internal_is_not(kluki_package):
    files = _files(kluki_package)
    public, internal = files["09_wykaz_uwag.docx"], files["wewnetrzne/09_wykaz_uwag_pelny.docx"]
    for name in ("Nowak", "Wiśniewska", "Kowalczyk", "Zieliński", "@example.pl", "600 100 200"):
        assert name not in public
        assert name not in files["10_projekt_uchwaly.docx"]
    assert "Jan Nowak" in internal and "anna.wisniewska@example.pl" in internal
    # Jan Nowak filed comments 1 and 6: one alias for both; Maria Kowalczyk's own name in her text is replaced
    assert public.count("osoba fizyczna nr 1") == 2
    assert "Ja, osoba fizyczna nr 4, zamieszkała w Żarze" in public
    assert "PGE Dystrybucja S.A. Oddział Łódź" in public     # legal persons stay named
    assert "(po terminie)" in public                         # comment 9, received 17.08 after 16.08


def test_same_input_same_bytes(kluki_package):
    again = build_package(ROOT / "content" / "kluki", D(2022, 9, 20))
    assert [(p.path, p.data) for p in again.products] == [(p.path, p.data) for p in kluki_package.products]


# --- bad input: Polish message with file, row, column; exit 2; nothing written ------------------------------

def _rows(folder: Path) -> list[list[str]]:
    with open(folder / "consultation" / "uwagi.csv", encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def _write_rows(folder: Path, rows) -> None:
    with open(folder / "consultation" / "uwagi.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)


@pytest.mark.parametrize("row,col,value,expected", [
    (1, 7, "odrzucona", "wiersz 2, kolumna rozstrzygniecie: nieznane rozstrzygnięcie 'odrzucona'"),
    (2, 9, "electricity.yaml: network.no_such_key = 3", "w pliku electricity.yaml nie ma klucza network.no_such_key"),
    (2, 9, "electricity.yaml: network.stations_mv_lv = dużo", "oczekiwano: liczba"),
    (2, 0, "1", "wiersz 3, kolumna nr: numer 1 powtarza się (pierwszy raz w wierszu 2)"),
    (3, 8, "", "wiersz 4, kolumna uzasadnienie: uwaga nieuwzględniona wymaga uzasadnienia"),
])
def test_bad_comment_file(kluki_copy, tmp_path, row, col, value, expected):
    rows = _rows(kluki_copy)
    rows[row][col] = value
    _write_rows(kluki_copy, rows)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["procedure", str(kluki_copy), "-o", str(out), "--na-dzien", "2022-09-20",
                                      "--bez-pdf"])
    assert result.exit_code == 2
    assert "uwagi.csv" in result.output and expected in result.output
    assert not out.exists()


@pytest.mark.parametrize("key,value,expected", [
    ("display_end", "2022-08-10", "trwa 16 dni – krócej niż 21 dni"),      # 10.08 − 25.07 = 6 + 10 = 16
    # 25.07 + 21 days = 15.08.2022, the Assumption (a Monday in 2022): the end moves to Tuesday 16.08
    ("display_end", "2022-08-15", "21. dzień (15.08.2022) przypada na dzień wolny od pracy (Wniebowzięcie "
                                  "Najświętszej Maryi Panny), więc termin kończy się w najbliższym dniu roboczym "
                                  "(art. 57 § 4"),
    ("session", "2022-08-12", "sesja Rady (12.08.2022) przed końcem wyłożenia (16.08.2022) – Rada rozpatruje uwagi "
                              "zgłoszone podczas wyłożenia (art. 19 ust. 8 ustawy z dnia 10 kwietnia 1997 r."),
    ("opinion_received", "2022-10-03", "wpłynęła po sesji"),
])
def test_bad_procedure_dates(kluki_copy, tmp_path, key, value, expected):
    path = kluki_copy / "procedure.yaml"
    text = path.read_text(encoding="utf-8")
    if re.search(rf"^  {key}:", text, re.M):
        text = re.sub(rf"^  {key}: \S+", f"  {key}: {value}", text, flags=re.M)
    else:
        text = text.replace("  display_start: 2022-07-25", f"  display_start: 2022-07-25\n  {key}: {value}")
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["procedure", str(kluki_copy), "-o", str(out), "--bez-pdf"])
    assert result.exit_code == 2, result.output
    assert "procedure.yaml, wiersz" in result.output and expected in result.output
    assert not out.exists()


def test_hostile_comment_texts_cannot_break_the_docx(kluki_copy):
    rows = _rows(kluki_copy)
    rows[1][5] = "Uwaga z <w:p>XML</w:p> & {{ g.name }} {% raw %} \u202eodwrócone\u202c " + "ż" * 100_000
    rows[2][3] = "Jan \u200fNowak"
    _write_rows(kluki_copy, rows)
    package = build_package(kluki_copy, D(2022, 9, 20))
    register = _files(package)["09_wykaz_uwag.docx"]
    assert "<w:p>XML</w:p> & {{ g.name }} {% raw %} odwrócone" in register   # data printed as data
    assert "\u202e" not in register
    assert "ż" * 100_000 in register


def test_control_characters_in_a_csv_comment_are_refused_with_the_row(kluki_copy):
    # the shared CSV reader (reportgen.inputs.csvio) refuses characters a .docx cannot hold, naming the line
    rows = _rows(kluki_copy)
    rows[1][5] = "Uwaga\x00\x07 wklejona z innego programu"
    _write_rows(kluki_copy, rows)
    with pytest.raises(UserError) as err:
        build_package(kluki_copy, D(2022, 9, 20))
    assert "uwagi.csv, wiersz 2: niedozwolony znak sterujący U+0000" in str(err.value)


def test_procedure_cli_writes_files(tmp_path):
    out = tmp_path / "procedura"
    result = CliRunner().invoke(cli, ["procedure", str(ROOT / "content" / "knyszyn"), "-o", str(out),
                                      "--na-dzien", "2026-12-01", "--bez-pdf"])
    assert result.exit_code == 0, result.output
    assert (out / "12_ocena_aktualnosci.docx").exists()
    assert "jeszcze nie: Klauzula informacyjna" in result.output
