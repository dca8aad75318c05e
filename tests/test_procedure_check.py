"""`reportgen check content/<gmina>/procedure.yaml` (and `reportgen procedure KATALOG --sprawdz`): the procedure
of a plan checked from its procedure.yaml, nothing written."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_kluki_procedure_is_in_order():
    result = run("check", str(ROOT / "content" / "kluki" / "procedure.yaml"), "--as-of", "2022-09-20")
    assert result.exit_code == 0, result.output
    # display 25.07.2022 + 21 days = 15.08.2022 (Assumption, a holiday) → 16.08.2022 (art. 57 § 4 KPA):
    # 16.08 − 25.07 = 6 + 16 = 22 days; the line ends with "r." once, not "r.."
    assert "Wyłożenie: od 25.07.2022 r. do 16.08.2022 r. (22 dni; wymagane: 21 dni); uwagi do 16.08.2022 r.\n" \
        in result.output
    assert "Uwagi: 9 (uwagi.csv), po terminie: 1." in result.output      # uwagi.csv: one comment came late
    assert "ostrzeżenie: uwaga nr" in result.output
    assert "Wynik: błędy: 0" in result.output


def test_knyszyn_adopted_plan_is_overdue_for_update():
    result = run("check", str(ROOT / "content" / "knyszyn" / "procedure.yaml"), "--as-of", "2026-12-01")
    # uchwała 29.09.2015 + 3 years = 29.09.2018 (a Saturday) → 01.10.2018
    assert result.exit_code == 1, result.output
    assert "założenia uchwalone 29.09.2015 r. należało zaktualizować do 01.10.2018 r." in result.output
    before = run("check", str(ROOT / "content" / "knyszyn" / "procedure.yaml"), "--as-of", "2018-10-01")
    assert before.exit_code == 0, before.output


def test_session_before_the_end_of_display_is_an_error(kluki_copy):
    path = kluki_copy / "procedure.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("session: 2022-09-28", "session: 2022-08-10"),
                    encoding="utf-8")
    result = run("check", str(path), "--as-of", "2022-09-20")
    assert result.exit_code == 1, result.output
    assert "sesja Rady (10.08.2022) przed końcem wyłożenia (16.08.2022)" in result.output
    # the same check from the procedure command
    same = run("procedure", str(kluki_copy), "--sprawdz", "--na-dzien", "2022-09-20")
    assert same.exit_code == 1 and same.output == result.output
    assert not (kluki_copy / "out").exists()


def test_missing_procedure_file_is_exit_2(tmp_path):
    result = run("check", str(tmp_path / "procedure.yaml"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'procedure.yaml'}: brak pliku procedury." in result.output


def _post_comment_7(folder: Path, received: str, sent: str | None, channel: str = "pismo") -> None:
    """Comment 7 of kluki (a letter) received on `received`, with an optional data_nadania column."""
    import csv
    import io
    path = folder / "consultation" / "uwagi.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows[0].append("data_nadania")
    for row in rows[1:]:
        row.append("")
        if row[0] == "7":
            row[1], row[2], row[-1] = received, channel, sent or ""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def test_letter_received_late_without_posting_date_is_a_warning_not_late(kluki_copy):
    # last day for comments 16.08.2022; the letter arrived 18.08 – it may have been posted by 16.08 (art. 57 § 5 KPA)
    _post_comment_7(kluki_copy, "2022-08-18", None)
    result = run("check", str(kluki_copy / "procedure.yaml"), "--as-of", "2022-09-20")
    assert result.exit_code == 0, result.output
    assert "uwaga nr 7 (pismo) wpłynęła 18.08.2022, po ostatnim dniu składania uwag (16.08.2022); sprawdź datę " \
           "nadania" in result.output
    assert "art. 57 § 5" in result.output
    assert "Uwagi: 9 (uwagi.csv), po terminie: 1." in result.output      # still only comment 9


@pytest.mark.parametrize("sent, late", [("2022-08-16", 1), ("2022-08-17", 2)])
def test_posting_date_decides_for_a_letter(kluki_copy, sent, late):
    # posted on the last day (16.08) → on time; posted 17.08 → late, like comment 9
    _post_comment_7(kluki_copy, "2022-08-19", sent)
    result = run("check", str(kluki_copy / "procedure.yaml"), "--as-of", "2022-09-20")
    assert result.exit_code == 0, result.output
    assert f"Uwagi: 9 (uwagi.csv), po terminie: {late}." in result.output
    assert "sprawdź datę nadania" not in result.output
    assert ("uwaga nr 7 (pismo) nadana 17.08.2022, po ostatnim dniu" in result.output) == (late == 2)


def test_posting_date_only_for_post_and_epuap(kluki_copy):
    _post_comment_7(kluki_copy, "2022-08-12", "2022-08-11", channel="e-mail")
    result = run("check", str(kluki_copy / "procedure.yaml"), "--as-of", "2022-09-20")
    assert result.exit_code == 2
    assert "uwagi.csv, wiersz 8, kolumna data_nadania: data nadania dotyczy tylko form: pismo, ePUAP" in result.output
