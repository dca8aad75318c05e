"""Bad input: exit status 2, one Polish message per problem naming file, key path and line; nothing written."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import edit

from reportgen.cli import cli


def run_build(folder: Path, tmp_path: Path):
    out = tmp_path / "out" / "x.docx"
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(out)])
    return result, out


def assert_rejected(result, out: Path, *fragments: str):
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in result.output, result.output
    assert not out.exists()
    assert not out.parent.exists() or not any(out.parent.iterdir())


def test_broken_yaml(kluki_copy, tmp_path):
    edit(kluki_copy / "heat.yaml", "  housing:", "  housing: [")
    result, out = run_build(kluki_copy, tmp_path)
    assert_rejected(result, out, "heat.yaml", "wiersz", "błędny zapis YAML")


def test_missing_file(kluki_copy, tmp_path):
    (kluki_copy / "gmina.yaml").unlink()
    result, out = run_build(kluki_copy, tmp_path)
    assert_rejected(result, out, "gmina.yaml: brak pliku")


def test_missing_key_and_wrong_type(kluki_copy, tmp_path):
    edit(kluki_copy / "gmina.yaml", "teryt: \"1001052\"\n", "")
    edit(kluki_copy / "heat.yaml", "floor_area_m2: 18940", "floor_area_m2: dużo")
    result, out = run_build(kluki_copy, tmp_path)
    assert_rejected(result, out, "gmina.yaml", "klucz teryt: brak wymaganego klucza",
                    "heat.yaml", "klucz sectors.business.floor_area_m2: oczekiwano liczby")
    # each message names its line
    line = next(ln for ln in result.output.splitlines() if "floor_area_m2" in ln)
    assert re.search(r"wiersz \d+", line)


def test_negative_area(kluki_copy, tmp_path):
    edit(kluki_copy / "heat.yaml", "floor_area_m2: 10027", "floor_area_m2: -10027")
    result, out = run_build(kluki_copy, tmp_path)
    assert_rejected(result, out, "klucz sectors.municipal.floor_area_m2: wartość musi być > 0")


def test_shares_not_summing(kluki_copy, tmp_path):
    edit(kluki_copy / "carriers.yaml", "coal: 78.32", "coal: 70.32")
    result, out = run_build(kluki_copy, tmp_path)
    assert_rejected(result, out, "carriers.yaml", "shares_pct", "sumują się do 92,00".replace(",", "."))


def test_unknown_key(kluki_copy, tmp_path):
    edit(kluki_copy / "renewables.yaml", "  buildings: 638", "  budynki: 638\n  buildings: 638")
    result, out = run_build(kluki_copy, tmp_path)
    assert_rejected(result, out, "klucz solar_thermal.budynki: nieznany klucz")


def test_year_outside_period(kluki_copy, tmp_path):
    edit(kluki_copy / "electricity.yaml", "{until: 2037, rate_pct_per_year: 0.3}", "{until: 2045, rate_pct_per_year: 0.3}")
    result, out = run_build(kluki_copy, tmp_path)
    assert_rejected(result, out, "electricity.yaml", "growth[1].until", "2045", "poza okresem")


def test_non_utf8(kluki_copy, tmp_path):
    (kluki_copy / "heat.yaml").write_bytes("sectors: {} # Łódź".encode("cp1250"))
    result, out = run_build(kluki_copy, tmp_path)
    assert_rejected(result, out, "heat.yaml", "UTF-8")


def test_several_problems_reported_together(kluki_copy, tmp_path):
    edit(kluki_copy / "heat.yaml", "floor_area_m2: 10027", "floor_area_m2: -1")
    edit(kluki_copy / "renewables.yaml", "efficiency: 0.50", "efficiency: 5")
    result, out = run_build(kluki_copy, tmp_path)
    assert_rejected(result, out, "heat.yaml", "renewables.yaml")
    assert len([ln for ln in result.output.splitlines() if ln.startswith("błąd:")]) == 2


# --- hostile and mistaken YAML, end to end (issue #7) ------------------------------------------------------------

def test_impossible_date(kluki_copy, tmp_path):
    edit(kluki_copy / "gmina.yaml", "document_date: 2022-06-30", "document_date: 2022-02-30")
    result, out = run_build(kluki_copy, tmp_path)
    assert_rejected(result, out, "gmina.yaml, wiersz 31, klucz document_date: niepoprawna data 2022-02-30")


@pytest.mark.parametrize("literal", [".inf", ".nan", "1e309", "1.0e+400"])
def test_infinite_or_nan_number(kluki_copy, tmp_path, literal):
    edit(kluki_copy / "heat.yaml", "floor_area_m2: 10027", f"floor_area_m2: {literal}")
    result, out = run_build(kluki_copy, tmp_path)
    assert_rejected(result, out, "heat.yaml", "klucz sectors.municipal.floor_area_m2", "oczekiwano liczby skończonej")


def test_duplicate_key(kluki_copy, tmp_path):
    edit(kluki_copy / "gmina.yaml", "population: 4412", "population: 4412\npopulation: 44120")
    result, out = run_build(kluki_copy, tmp_path)
    assert_rejected(result, out, "gmina.yaml", "klucz population: klucz powtórzony – pierwszy raz w wierszu")


def test_control_character_in_free_text(kluki_copy, tmp_path):
    text = (kluki_copy / "text.yaml").read_text(encoding="utf-8")
    (kluki_copy / "text.yaml").write_text(text + 'extra_note: "Uwaga\\x0bdruga linia\\a"\n', encoding="utf-8")
    result, out = run_build(kluki_copy, tmp_path)
    assert_rejected(result, out, "text.yaml", "klucz extra_note: tekst zawiera niedozwolony znak sterujący U+000B")
    assert "druga linia" not in result.output


def test_tab_indentation_explained(kluki_copy, tmp_path):
    edit(kluki_copy / "gmina.yaml", "  nominative:", "\tnominative:")
    result, out = run_build(kluki_copy, tmp_path)
    assert_rejected(result, out, "gmina.yaml", "znak tabulacji")


def test_alias_bomb_in_text_file(kluki_copy, tmp_path):
    bomb = "lol0: &l0 [a, a, a, a, a, a, a, a, a]\n" + "".join(
        f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 9))
    (kluki_copy / "text.yaml").write_text(bomb, encoding="utf-8")
    result, out = run_build(kluki_copy, tmp_path)
    assert_rejected(result, out, "text.yaml", "bomba aliasów")
