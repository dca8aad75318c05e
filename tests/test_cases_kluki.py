"""OpenFisca-style calculator cases (tests/cases/kluki_*.yaml): inputs, expected, tolerance, seed source."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import yaml

CASES = sorted((Path(__file__).parent / "cases").glob("kluki_*.yaml"))


def _load():
    for path in CASES:
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


def _close(actual: float, expected: float, case: dict) -> bool:
    if "abs_tolerance" in case:
        return abs(actual - expected) <= case["abs_tolerance"]
    return abs(actual - expected) <= abs(expected) * case["tolerance_pct"] / 100


@pytest.mark.parametrize("case", list(_load()))
def test_case(case):
    module, name = case["calculator"].split(":")
    fn = getattr(importlib.import_module(module), name)
    inputs = dict(case["inputs"])
    if "steps" in inputs:
        inputs["steps"] = [tuple(s) for s in inputs["steps"]]
    actual = fn(**inputs)
    expected = case["expected"]
    if isinstance(expected, dict):
        for key, value in expected.items():
            assert _close(actual[key], value, case), f"{key}: {actual[key]} vs {value} ({case['source']})"
    else:
        assert _close(actual, expected, case), f"{actual} vs {expected} ({case['source']})"
