"""Structure engine: references by id, absent chapters without data, explain."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.build import build_document
from reportgen.cli import cli
from reportgen.errors import UserError

ROOT = Path(__file__).resolve().parents[1]


def test_unknown_reference_stops_the_build(tmp_path):
    text = (ROOT / "rules" / "structure.yaml").read_text(encoding="utf-8")
    broken = text.replace("tabeli {{ ref('t_ek_norms') }}", "tabeli {{ ref('t_no_such_table') }}", 1)
    assert broken != text
    path = tmp_path / "structure.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(UserError) as err:
        build_document(ROOT / "content" / "kluki", structure_path=path)
    assert "t_no_such_table" in str(err.value) and "nieistniejącego bloku" in str(err.value)


def test_chapter_without_data_is_absent(kluki_copy):
    (kluki_copy / "renewables.yaml").unlink()
    (kluki_copy / "public_buildings.yaml").unlink()
    result = build_document(kluki_copy)
    ids = {s.id for s in result.document.walk_sections()}
    assert "s_res_solar" not in ids and "s_heat_public" not in ids
    assert "s_res_wind" in ids                      # narrative sections stay
    assert not any(t.id in ("t_res", "t_public_buildings") for t in result.document.tables())
    numbers = [t.number for t in result.document.tables()]
    assert numbers == list(range(1, len(numbers) + 1))   # numbering closes the gaps


def test_duplicate_block_id_rejected(tmp_path):
    text = (ROOT / "rules" / "structure.yaml").read_text(encoding="utf-8")
    path = tmp_path / "structure.yaml"
    path.write_text(text.replace("id: t_wt_limits", "id: t_ek_norms", 1), encoding="utf-8")
    with pytest.raises(UserError) as err:
        build_document(ROOT / "content" / "kluki", structure_path=path)
    assert "t_ek_norms" in str(err.value)


def test_explain_shows_formula_and_inputs():
    result = CliRunner().invoke(cli, ["explain", str(ROOT / "content" / "kluki"), "t_heat_calc"])
    assert result.exit_code == 0, result.output
    assert "Q = V·F·c_w·ρ_w·(t_c − t_z)·k·t_uz" in result.output
    assert "heat.yaml" in result.output
    bad = CliRunner().invoke(cli, ["explain", str(ROOT / "content" / "kluki"), "nie_ma"])
    assert bad.exit_code == 2 and "Nie ma w dokumencie bloku" in bad.output


def test_every_result_has_a_polish_description(kluki_build, knyszyn_build):
    """`reportgen explain` describes each result from rules/vocabulary.yaml (results: name → description)."""
    for build in (kluki_build, knyszyn_build):
        described = build.context.vocabulary["results"]
        missing = sorted(set(build.context.results) - set(described))
        assert not missing, f"results without a description in rules/vocabulary.yaml: {missing}"
