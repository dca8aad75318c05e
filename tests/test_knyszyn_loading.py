"""content/knyszyn/ through the engine's own loader: survey files, the locality CSV and the gmina's parameters/
folder reach the build by the same mechanism as the indicator method's files and parameters.yaml overrides."""
from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.errors import UserError
from reportgen.inputs.loader import load_content
from reportgen.inputs.parameters import GminaParameter, load_parameters

ROOT = Path(__file__).resolve().parents[1]
KNYSZYN = ROOT / "content" / "knyszyn"


@pytest.fixture
def copy(knyszyn_copy) -> Path:
    return knyszyn_copy


def test_load_content_accepts_the_survey_folder():
    c = load_content(KNYSZYN)
    assert c.has("household_survey") and c.has("fuels") and c.has("demography")
    assert not c.has("heat") and c.heat is None                         # indicator files absent: None, not an error
    assert sum(c.locality_population.by_year(2014).values()) == 4846    # Tabela 3, Razem 2014
    own = {k: v for k, v in c.parameter_overrides.items() if isinstance(v, GminaParameter)}
    assert "lhv_coal" in own and own["lhv_coal"].origin.endswith("parameters/calorific_values.yaml")


def test_gmina_parameters_join_the_normative_set():
    c = load_content(KNYSZYN)
    p = load_parameters(overrides=c.parameter_overrides)
    assert p.value("lhv_coal") == 20.7                                  # Tabela 20
    assert p.row("ef_co2")["coal"] == 92710                              # Tabela 32
    assert p.value("dhw_days") == 365                                   # normative parameters still there
    assert "lhv_coal" in p.gmina_ids and not p.overrides                # added, not an override
    assert p.files["lhv_coal"].endswith("calorific_values.yaml")


def test_kluki_has_no_gmina_parameters():
    c = load_content(ROOT / "content" / "kluki")
    assert c.locality_population is None
    assert not load_parameters(overrides=c.parameter_overrides or {}).gmina_ids


def test_gmina_parameter_may_not_shadow_a_normative_one(copy):
    (copy / "parameters" / "extra.yaml").write_text(
        "dhw_days:\n  value: 300\n  unit: doby/rok\n  source: dane gminy\n  valid_from: 2015-01-01\n", encoding="utf-8")
    c = load_content(copy)
    with pytest.raises(UserError) as exc:
        load_parameters(overrides=c.parameter_overrides)
    assert any("extra.yaml, klucz dhw_days" in m and "parameters.yaml" in m for m in exc.value.messages), exc.value.messages


def test_gmina_parameter_errors_name_file_key_and_line(copy):
    path = copy / "parameters" / "lighting.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  value: 4087\n", "  value: cztery tysiące\n", 1), encoding="utf-8")
    with pytest.raises(UserError) as exc:
        load_content(copy)
    assert any("lighting.yaml, wiersz" in m and "burn_hours_total.value" in m for m in exc.value.messages), exc.value.messages


def test_parameters_yaml_cannot_redefine_a_gmina_parameter(copy):
    (copy / "parameters.yaml").write_text("lhv_coal:\n  value: 22\n  reason: inny węgiel\n", encoding="utf-8")
    with pytest.raises(UserError) as exc:
        load_content(copy)
    assert any("parameters.yaml, klucz lhv_coal" in m and "calorific_values.yaml" in m for m in exc.value.messages)


def test_missing_locality_csv_is_a_user_error(copy):
    (copy / "localities_population.csv").unlink()
    with pytest.raises(UserError) as exc:
        load_content(copy)
    assert any("localities_population.csv: brak pliku" in m for m in exc.value.messages)


def test_build_refuses_bad_survey_data_without_traceback(copy):
    from reportgen.build import build_document
    path = copy / "fuels.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("coal: 1980.34", "coal: -1980.34", 1), encoding="utf-8")
    with pytest.raises(UserError) as exc:
        build_document(copy)
    assert any("fuels.yaml, wiersz" in m and "sectors.households.coal" in m for m in exc.value.messages), exc.value.messages
