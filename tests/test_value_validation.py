"""Values a content folder may not hold (issue 7, value types in reportgen/quantities.py): each is a Polish message
naming file, key and line, exit status 2 from the CLI, never a traceback and never a silent build."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import edit

from reportgen.build import compose_document
from reportgen.cli import cli
from reportgen.errors import UserError
from reportgen.inputs.loader import load_content


def problems(folder: Path) -> list[str]:
    with pytest.raises(UserError) as exc:
        compose_document(folder)
    return exc.value.messages


@pytest.mark.parametrize("file, old, new, expected", [
    ("heat.yaml", "floor_area_m2: 150351.5", "floor_area_m2: .inf",
     r"heat\.yaml, wiersz 7, klucz sectors\.housing\.floor_area_m2: oczekiwano liczby skończonej"),
    ("heat.yaml", "floor_area_m2: 150351.5", "floor_area_m2: .nan",
     r"heat\.yaml, wiersz 7, klucz sectors\.housing\.floor_area_m2: oczekiwano liczby skończonej"),
    ("heat.yaml", "floor_area_m2: 150351.5", "floor_area_m2: 1.0e+20",
     r"heat\.yaml, wiersz 7, klucz sectors\.housing\.floor_area_m2: wartość musi być ≤"),
    ("gmina.yaml", "population: 4412", "population: 1.0e+30", r"gmina\.yaml, wiersz 20, klucz population"),
    ("gmina.yaml", "population: 4412", "population: true", r"gmina\.yaml, wiersz 20, klucz population: oczekiwano liczby"),
    ("heat.yaml", "system_efficiency: 0.750", "system_efficiency: true",
     r"heat\.yaml, wiersz 22, klucz sectors\.housing\.system_efficiency: oczekiwano liczby"),
    ("heat.yaml", "system_efficiency: 0.750", "system_efficiency: 1.2",
     r"heat\.yaml, wiersz 22, klucz sectors\.housing\.system_efficiency: wartość musi być ≤ 1"),
    # -10 + 20 keeps the sum at 100: the sum check alone would pass it
    ("carriers.yaml", "lpg: 6.11, coal: 78.32", "lpg: -3.89, coal: 88.32",
     r"carriers\.yaml, wiersz \d+, klucz shares_pct: udział nośnika lpg w sektorze housing jest ujemny"),
    ("electricity.yaml", "  - {until: 2025, rate_pct_per_year: 0.6}\n  - {until: 2037, rate_pct_per_year: 0.3}",
     "  - {until: 2037, rate_pct_per_year: 0.3}\n  - {until: 2025, rate_pct_per_year: 0.6}",
     r"electricity\.yaml, wiersz 11, klucz growth: kroki wzrostu muszą następować po sobie latami rosnąco"),
    ("scenarios.yaml", "housing:   {2025: 1.0645, 2037: 1.2410}", "housing:   {2025: 1.0645}",
     r"scenarios\.yaml, klucz area_growth\.housing: brak roku 2037"),
])
def test_kluki_value_is_refused(kluki_copy, file, old, new, expected):
    edit(kluki_copy / file, old, new)
    out = problems(kluki_copy)
    assert any(re.search(expected, m) for m in out), out


def test_survey_counts_all_zero(knyszyn_copy):
    path = knyszyn_copy / "household_survey.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  count:\n")
    end = text.index("  area_m2:")
    zeroed = re.sub(r"\b\d+\b", "0", text[start:end].replace('"1981-1990"', "§A").replace('"1991-2000"', "§B")
                    .replace('"2001-2010"', "§C").replace('"po 2010"', "§D").replace('"do 1980"', "§E"))
    for k, v in {"§A": '"1981-1990"', "§B": '"1991-2000"', "§C": '"2001-2010"', "§D": '"po 2010"', "§E": '"do 1980"'}.items():
        zeroed = zeroed.replace(k, v)
    path.write_text(text[:start] + zeroed + text[end:], encoding="utf-8")
    with pytest.raises(UserError) as exc:
        load_content(knyszyn_copy)
    assert any("household_survey.yaml, wiersz" in m and "boilers.count" in m and "równe 0" in m
               for m in exc.value.messages), exc.value.messages


def test_cli_exit_2_without_traceback(kluki_copy, tmp_path):
    edit(kluki_copy / "heat.yaml", "floor_area_m2: 150351.5", "floor_area_m2: .inf")
    result = CliRunner().invoke(cli, ["build", str(kluki_copy), "-o", str(tmp_path / "out.docx")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "wiersz 7" in result.output
    assert not (tmp_path / "out.docx").exists()


def test_scenarios_named_otherwise_build_the_same_document(kluki_copy, kluki_build):
    """The document describes scenarios by role (the first listed is recommended, the last is do-nothing), never
    by one gmina's ids."""
    path = kluki_copy / "scenarios.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: optimistic", "id: zielony")
                    .replace("id: do_nothing", "id: bez_zmian"), encoding="utf-8")
    document, _ = compose_document(kluki_copy)
    same = [p.text for _, p in document.blocks() if hasattr(p, "text")]
    expected = [p.text for _, p in kluki_build.document.blocks() if hasattr(p, "text")]
    assert same == expected


def test_one_scenario_is_not_enough(kluki_copy):
    path = kluki_copy / "scenarios.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("  - id: do_nothing")], encoding="utf-8")
    out = problems(kluki_copy)
    assert any("scenarios.yaml, wiersz" in m and "klucz scenarios" in m for m in out), out


def test_heat_without_housing_is_a_message(kluki_copy):
    path = kluki_copy / "heat.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("  housing:"), text.index("  municipal:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    out = problems(kluki_copy)
    assert any("heat.yaml" in m and "klucz sectors" in m and "brak sektora housing" in m for m in out), out


def test_fuels_without_households_is_a_message(knyszyn_copy):
    edit(knyszyn_copy / "fuels.yaml", "  households: {", "  other_sector_removed_by_test: {")
    path = knyszyn_copy / "fuels.yaml"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if "other_sector_removed_by_test" not in ln]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(UserError) as exc:
        load_content(knyszyn_copy)
    assert any("fuels.yaml, wiersz" in m and "brak sektora households" in m for m in exc.value.messages), exc.value.messages


def test_missing_number_in_a_template_is_a_message_not_a_type_error():
    from reportgen.document.text import make_environment, render_template
    with pytest.raises(UserError) as exc:
        render_template(make_environment(None), "{{ r.missing | num }}", None, {"r": {}}, "rules/structure.yaml, rozdział x")
    assert "rozdział x" in exc.value.messages[0] and "brak wartości" in exc.value.messages[0]
