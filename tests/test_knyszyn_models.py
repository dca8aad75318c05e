"""content/knyszyn/ validation: the survey-method models accept the example and reject bad input with Polish
messages that name the file, the key path and the line (CSV: line and column)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from helpers import edit

from reportgen.errors import UserError
from reportgen.inputs.loader import load_content
from reportgen.methods.survey import METHOD

ROOT = Path(__file__).resolve().parents[1]
KNYSZYN = ROOT / "content" / "knyszyn"


@pytest.fixture
def copy(knyszyn_copy) -> Path:
    return knyszyn_copy


def messages(folder: Path) -> list[str]:
    with pytest.raises(UserError) as exc:
        load_content(folder)
    return exc.value.messages


def test_example_loads_every_file(knyszyn_content):
    c = knyszyn_content
    assert {a for a, _ in METHOD.files.values()} <= set(c.content.files)
    assert len(c.localities.rows) == 17
    assert {"lhv_coal", "ef_co2", "burn_hours_total", "res_share_grid_electricity"} <= set(c.parameters)


def test_gmina_yaml_has_the_kluki_schema():
    kluki = yaml.safe_load((ROOT / "content" / "kluki" / "gmina.yaml").read_text(encoding="utf-8"))
    ours = yaml.safe_load((KNYSZYN / "gmina.yaml").read_text(encoding="utf-8"))
    assert list(ours) == list(kluki)
    for key in ("forms", "period", "author", "resolution"):
        assert list(ours[key]) == list(kluki[key])


def test_every_file_starts_with_a_polish_source_comment():
    files = sorted(KNYSZYN.glob("*.yaml")) + sorted((KNYSZYN / "parameters").glob("*.yaml")) + sorted(KNYSZYN.glob("*.csv"))
    assert len(files) >= 20
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# ") and ("Źródło" in first or "Knyszyn 2015" in first or "Tożsamość" in first), path.name


def test_every_parameter_has_unit_source_and_date(knyszyn_content):
    c = knyszyn_content
    for pid, entry in c.parameters.items():
        assert entry.unit and entry.source and entry.valid_from, pid


def test_negative_area(copy):
    edit(copy / "municipal_buildings.yaml", "heated_area_m2: 1700", "heated_area_m2: -1700")
    out = messages(copy)
    assert any("municipal_buildings.yaml, wiersz 11, klucz buildings[0].heated_area_m2: wartość musi być ≥ 0" in m for m in out), out


def test_soil_shares_must_sum_to_100(copy):
    edit(copy / "agriculture.yaml", "{class: V, ha: 1602, share_pct: 36.8}", "{class: V, ha: 1602, share_pct: 46.8}")
    out = messages(copy)
    assert any("agriculture.yaml" in m and "soil_classes.arable" in m and "sumują się do 110.00 %" in m for m in out), out


def test_soil_share_must_match_hectares(copy):
    edit(copy / "agriculture.yaml", "{class: VI, ha: 128, share_pct: 4.4}", "{class: VI, ha: 228, share_pct: 4.4}")
    out = messages(copy)
    assert any("soil_classes.grassland" in m and "nie zgadza się z powierzchnią" in m for m in out), out


def test_share_out_of_range(copy):
    edit(copy / "solar_wind.yaml", "suitable_pct: 80", "suitable_pct: 180")
    out = messages(copy)
    assert any("solar_wind.yaml, wiersz 5, klucz solar.suitable_pct: wartość musi być ≤ 100" in m for m in out), out


def test_implausible_year(copy):
    edit(copy / "demography.yaml", "  1995: 5233", "  1895: 5233")
    out = messages(copy)
    assert any("demography.yaml" in m and "population_bdl" in m and "1990" in m for m in out), out


def test_reversed_trend_window(copy):
    edit(copy / "housing.yaml", "window: [2010, 2013]", "window: [2013, 2010]")
    out = messages(copy)
    assert any("housing.yaml" in m and "floor_area_forecast.window" in m and "rok początkowy" in m for m in out), out


def test_trend_window_without_data(copy):
    edit(copy / "electricity_tariffs.yaml", "window: [2012, 2014]", "window: [2014, 2016]")
    out = messages(copy)
    assert any("electricity_tariffs.yaml" in m and "potrzeba co najmniej dwóch" in m for m in out), out


def test_unknown_key(copy):
    edit(copy / "biomass.yaml", "road_km: 97.74", "road_kms: 97.74")
    out = messages(copy)
    assert any("biomass.yaml, wiersz" in m and "road_kms: nieznany klucz" in m for m in out), out
    assert any("biomass.yaml" in m and "road_km: brak wymaganego klucza" in m for m in out), out


def test_efficiency_above_one(copy):
    edit(copy / "heat_costs.yaml", "efficiency: 0.97", "efficiency: 97")
    out = messages(copy)
    assert any("heat_costs.yaml, wiersz" in m and "carriers[2].efficiency: wartość musi być ≤ 1" in m for m in out), out


def test_new_boilers_must_be_better(copy):
    edit(copy / "household_survey.yaml", "boiler_efficiency_new: 0.90", "boiler_efficiency_new: 0.70")
    out = messages(copy)
    assert any("household_survey.yaml" in m and "sprawność nowych kotłów" in m for m in out), out


def test_unavailable_source_needs_a_reason(copy):
    edit(copy / "biomass.yaml", "  reason: brak informacji o zakładach wytwarzających odpady organiczne\n", "")
    out = messages(copy)
    assert any("biomass.yaml" in m and "agro_food_biogas" in m and "podaj powód" in m for m in out), out


def test_fuel_without_emission_row(copy):
    edit(copy / "fuels.yaml", "coal_fines: coal, ", "")
    out = messages(copy)
    assert any("fuels.yaml" in m and "emission_rows: brak wpisu dla paliw coal_fines" in m for m in out), out


def test_bad_season_key(copy):
    edit(copy / "municipal_buildings.yaml", "2011/2012: {coal_t: 62.81}", "2011/2013: {coal_t: 62.81}")
    out = messages(copy)
    assert any("municipal_buildings.yaml" in m and "sezon grzewczy '2011/2013'" in m for m in out), out


def test_csv_errors_name_line_and_column(copy):
    edit(copy / "localities_population.csv", "Guzy,202,200,202,199", "Guzy,202,200,dużo,-5")
    out = messages(copy)
    assert any("localities_population.csv, wiersz 9, kolumna 4 (2013): oczekiwano liczby całkowitej" in m for m in out), out


def test_csv_negative_population(copy):
    edit(copy / "localities_population.csv", "Guzy,202,200,202,199", "Guzy,202,200,202,-5")
    out = messages(copy)
    assert any("localities_population.csv, wiersz 9, kolumna population.2014" in m or
               ("localities_population.csv, wiersz 9" in m and "≥ 0" in m) for m in out), out


def test_csv_missing_base_year(copy):
    text = (copy / "localities_population.csv").read_text(encoding="utf-8")
    lines = [line.rsplit(",", 1)[0] if not line.startswith("#") else line for line in text.splitlines()]
    (copy / "localities_population.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = messages(copy)
    assert any("brak kolumny roku bazowego 2014" in m for m in out), out


def test_parameter_needs_unit_and_one_value(copy):
    edit(copy / "parameters" / "ash.yaml", '  unit: "%"\n', "", )
    edit(copy / "parameters" / "lighting.yaml", "  value: 4087\n", "  value: 4087\n  values: {a: 1}\n")
    out = messages(copy)
    assert any("ash.yaml, wiersz" in m and "ash_content_coal.unit: brak wymaganego klucza" in m for m in out), out
    assert any("lighting.yaml" in m and "dokładnie jedno z pól value" in m for m in out), out


def test_all_problems_reported_together(copy):
    edit(copy / "municipal_buildings.yaml", "heated_area_m2: 1700", "heated_area_m2: -1700")
    edit(copy / "solar_wind.yaml", "suitable_pct: 80", "suitable_pct: 180")
    edit(copy / "gmina.yaml", 'teryt: "2010043"', 'teryt: "201004"')
    out = messages(copy)
    files = {name for m in out for name in ("municipal_buildings.yaml", "solar_wind.yaml", "gmina.yaml") if name in m}
    assert files == {"municipal_buildings.yaml", "solar_wind.yaml", "gmina.yaml"}


def test_core_loader_accepts_the_method_files(copy):
    content = load_content(KNYSZYN)
    assert content.street_lighting.reported_annual_mwh == 188.35
    edit(copy / "street_lighting.yaml", "reported_annual_mwh: 188.35", "reported_annual_mwh: -188.35")
    with pytest.raises(UserError) as exc:
        load_content(copy)
    assert any("street_lighting.yaml, wiersz" in m and "reported_annual_mwh: wartość musi być ≥ 0" in m for m in exc.value.messages)
