"""`reportgen check content/<gmina>/procedure.yaml` (and `reportgen procedure KATALOG --sprawdz`): the procedure
of a plan checked from its procedure.yaml, nothing written."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from reportgen.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_kluki_procedure_is_in_order():
    result = run("check", str(ROOT / "content" / "kluki" / "procedure.yaml"), "--as-of", "2022-09-20")
    assert result.exit_code == 0, result.output
    # display 25.07.2022 + 21 days = 15.08.2022 (Assumption, a holiday) → 16.08.2022 (art. 57 § 4 KPA)
    assert "Wyłożenie: od 25.07.2022 r. do 16.08.2022 r. (21 dni); uwagi do 16.08.2022 r." in result.output
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
