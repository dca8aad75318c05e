"""Dated parameter values (OpenFisca-like) and declared constraints on overrides (#7, #9)."""
from __future__ import annotations

import datetime as dt

import pytest
from helpers import edit

from reportgen.errors import UserError
from reportgen.inputs.parameters import load_parameters, resolve_dated

ENTRY = {"unit": "h/rok", "source": "domyślne", "valid_from": dt.date(2015, 1, 1), "dated_by": "document_date",
         "values": {dt.date(2015, 1, 1): 1985, dt.date(2023, 1, 1): {"value": 1900, "source": "nowelizacja"}}}


@pytest.mark.parametrize("day, value, source", [
    (dt.date(2015, 1, 1), 1985, "domyślne"),
    (dt.date(2022, 12, 31), 1985, "domyślne"),
    (dt.date(2023, 1, 1), 1900, "nowelizacja"),
])
def test_value_in_force_on_the_document_date(day, value, source):
    e = resolve_dated(ENTRY, day, None)
    assert (e["value"], e["source"]) == (value, source)


def test_statistical_factor_follows_the_base_year_not_the_document_date():
    # KOBiZE CO2 factor for electricity at end users (consumption side): 708 kg/MWh (2021), 597 kg/MWh (2023) as stored
    # in rules/parameters (values not confirmed by search: verified false, carried into the resolved entry)
    late = load_parameters(as_of=dt.date(2026, 12, 1), base_year=2021).entry("electricity_co2_kobize")
    assert (late["value"], late["value_date"]) == (708, dt.date(2021, 1, 1))      # latest year ≤ 2021 is 2021
    assert late["verified"] is False and "odbiorców końcowych" in late["label"]
    assert load_parameters(as_of=dt.date(2022, 6, 30), base_year=2024).value("electricity_co2_kobize") == 597


def test_no_value_before_the_first_published_year_is_an_error_only_when_used():
    params = load_parameters(as_of=dt.date(2015, 7, 1), base_year=2014)          # builds without it
    with pytest.raises(UserError) as exc:
        params.value("electricity_co2_kobize")
    assert "electricity_co2_kobize: brak wartości obowiązującej w roku bazowym 2014" in exc.value.messages[0]


def test_existing_single_values_keep_working():
    assert load_parameters().value("heating_full_load_hours") == 1985


@pytest.mark.parametrize("value, message", [
    ("0", "wartość 0 musi być większa niż 0"),                 # a divisor: 107 596 GJ / (0 h) is undefined
    ("-1985", "wartość -1985 musi być większa niż 0"),
    ("9000", "wartość 9000 jest większa niż dopuszczalne maksimum 8760"),
    ("true", "oczekiwano liczby, jest True"),
    ("'1985'", "oczekiwano liczby, jest '1985'"),
])
def test_override_breaking_a_declared_constraint_names_file_key_and_line(tmp_path, value, message):
    path = tmp_path / "parameters.yaml"
    path.write_text(f"# zmiany\nheating_full_load_hours:\n  reason: inny czas\n  value: {value}\n", encoding="utf-8")
    with pytest.raises(UserError) as exc:
        load_parameters(overrides={"heating_full_load_hours": {"reason": "inny czas", "value": _yaml_value(value)}},
                        overrides_label=str(path))
    [msg] = exc.value.messages
    assert msg.startswith(f"{path}, wiersz 4, klucz heating_full_load_hours.value: {message}"), msg


def _yaml_value(text):
    import yaml
    return yaml.safe_load(text)


def test_build_refuses_a_zero_divisor_override(kluki_copy):
    from click.testing import CliRunner

    from reportgen.cli import cli
    (kluki_copy / "parameters.yaml").write_text("heating_full_load_hours:\n  value: 0\n  reason: test\n", encoding="utf-8")
    out = kluki_copy.parent / "out.docx"
    result = CliRunner().invoke(cli, ["build", str(kluki_copy), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert "parameters.yaml, wiersz 2, klucz heating_full_load_hours.value: wartość 0 musi być większa niż 0" in result.output
    assert "Traceback" not in result.output and not out.exists()


def test_base_year_before_the_first_kobize_point_builds_with_the_gminas_own_factor(kluki_copy):
    # the end-user KOBiZE factor starts with the data for 2019: a plan with base year 2018 has no normative value.
    # With content/kluki/parameters.yaml (831 kg/MWh, the 2022 plan's own value) it builds: the override of a
    # dated parameter without a value on this date is accepted, and the electric-heating row uses it
    # (831 · 1000 / 3,6 = 230 833 g/GJ). Without the override the build stops with a Polish message naming it.
    from reportgen.build import compose_document
    edit(kluki_copy / "gmina.yaml", "base_year: 2021", "base_year: 2018")
    _, ctx = compose_document(kluki_copy)
    row = ctx.params.entry("emission_factors")["rows"]["electricity"]
    assert row["values"][2] == pytest.approx(230833.3, abs=0.1)
    (kluki_copy / "parameters.yaml").unlink()
    with pytest.raises(UserError) as err:
        compose_document(kluki_copy)
    assert "electricity_co2_kobize" in str(err.value) and "2018" in str(err.value)
