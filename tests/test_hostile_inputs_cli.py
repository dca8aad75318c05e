"""Click's own words in Polish; every usage error and every UserError ends with exit status 2."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from reportgen.cli import cli

ENGLISH = re.compile(r"\b(Usage|Options|Commands|Error|Missing|No such|Show this|Try|does not exist|Invalid|Got "
                     r"unexpected|requires|Did you mean)\b")


def run(*args):
    return CliRunner().invoke(cli, list(args), prog_name="reportgen")


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"], ["explain", "-h"], ["check", "--help"],
                                  ["rules", "--help"]])
def test_help_screens_in_polish(args):
    result = run(*args)
    assert result.exit_code == 0
    assert "Użycie: reportgen" in result.output and "Opcje:" in result.output and "[OPCJE]" in result.output
    assert not ENGLISH.search(result.output), result.output


@pytest.mark.parametrize("args,polish", [
    (["build"], "Błąd: Brak argumentu 'KATALOG'."),
    (["bild", "x"], "Błąd: Nie ma polecenia 'bild'. Czy chodziło o 'build'?"),
    (["build", "--foo", "x"], "Błąd: Nie ma opcji '--foo'."),
    (["build", "x", "-o"], "Błąd: Opcja '-o' wymaga wartości."),
    (["build", "a", "b"], "Błąd: Nieoczekiwany dodatkowy argument (b)"),
    (["check", "plik.docx", "--format", "xml"], "Niepoprawna wartość"),
    ([], "Użycie: reportgen [OPCJE] POLECENIE [ARGUMENTY]..."),
])
def test_usage_errors_in_polish_exit_2(args, polish):
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert polish in result.output, result.output
    assert not ENGLISH.search(result.output), result.output
    if args and args[0] in ("bild", "build") and len(args) < 3:
        assert "Pomoc: 'reportgen" in result.output


def test_usage_line_lists_commands_in_polish():
    result = run("--help")
    assert "Polecenia:" in result.output


def test_user_error_anywhere_is_exit_2(tmp_path):
    result = run("explain", str(tmp_path / "nie-ma"), "tab-1")
    assert result.exit_code == 2 and result.output.startswith("błąd: ")
    result = run("build", str(tmp_path / "nie-ma"), "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 2 and "nie ma takiego katalogu" in result.output


def test_printed_messages_bounded_and_without_terminal_escapes(kluki_copy, tmp_path):
    heat = kluki_copy / "heat.yaml"
    heat.write_text(heat.read_text(encoding="utf-8").replace("floor_area_m2: 10027", "floor_area_m2: '\x1b]0;x" + "9" * 5000 + "'"),
                    encoding="utf-8")
    result = run("build", str(kluki_copy), "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 2 and "heat.yaml" in result.output
    assert "\x1b" not in result.output
    assert all(len(line) <= 1010 for line in result.output.splitlines())
