"""OpenFisca-style calculator cases: one runner over tests/cases/<method>/*.yaml.

Schema of a case (checked): `name`, `calculator` ("module:function" inside reportgen/methods/<method>/calc/),
`inputs` (keyword arguments), optional `output` (a dotted path into the result: attributes of dataclasses, keys
of dicts), `expected` (a number, string, bool, list or nested mapping), exactly one of `tolerance_pct` /
`abs_tolerance` when a number is expected, and `source` (the seed table, or a hand calculation written in `why`).
Expected values come from the plans or from hand calculation — never from running the calculators."""
from __future__ import annotations

import dataclasses
import importlib
from pathlib import Path

import pytest
import yaml

CASES_DIR = Path(__file__).parent / "cases"
CASES = sorted(CASES_DIR.glob("*/*.yaml"))


def _yaml(path):
    """libyaml's loader where PyYAML has it: the cases are read by every xdist worker while collecting."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


REQUIRED = {"name", "calculator", "inputs", "expected", "source"}
OPTIONAL = {"output", "tolerance_pct", "abs_tolerance", "why"}


def _load():
    for path in CASES:
        method = path.parent.name
        for case in _yaml(path):
            yield pytest.param(method, case, id=f"{method}/{path.stem}: {case['name']}")


def _get(value, key):
    if isinstance(value, dict):
        for candidate in (key, _maybe(int, key), _maybe(float, key), str(key)):
            if candidate in value:
                return value[candidate]
        raise KeyError(f"{key!r} not in {sorted(map(str, value))}")
    return getattr(value, str(key))


def _maybe(kind, key):
    try:
        return kind(key)
    except (TypeError, ValueError):
        return key


def _walk(value, path: str | None):
    if not path:
        return value
    for part in path.split("."):
        value = _get(value, part)
    if callable(value):           # a method such as LinearTrend.equation_text
        value = value()
    return value


def _numeric(expected) -> bool:
    if isinstance(expected, dict):
        return any(_numeric(v) for v in expected.values())
    if isinstance(expected, list):
        return any(_numeric(v) for v in expected)
    return isinstance(expected, (int, float)) and not isinstance(expected, bool)


def _compare(actual, expected, case, where="result"):
    if isinstance(expected, dict):
        for key, sub in expected.items():
            _compare(_get(actual, key), sub, case, f"{where}.{key}")
        return
    if isinstance(expected, list):
        actual = list(actual)
        assert len(actual) == len(expected), f"{where}: {actual} vs {expected} ({case['source']})"
        for i, (a, e) in enumerate(zip(actual, expected)):
            _compare(a, e, case, f"{where}[{i}]")
        return
    if isinstance(expected, (bool, str)) or expected is None:
        assert actual == expected, f"{where}: {actual!r} vs {expected!r} ({case['source']})"
        return
    if "abs_tolerance" in case:
        ok = abs(actual - expected) <= case["abs_tolerance"]
    else:
        ok = abs(actual - expected) <= abs(expected) * case["tolerance_pct"] / 100
    assert ok, f"{where}: {actual} vs {expected} ({case['source']})"


def test_every_method_has_cases():
    methods = {p.name for p in (Path(__file__).parents[1] / "reportgen" / "methods").iterdir()
               if (p / "__init__.py").exists()}
    assert methods == {p.name for p in CASES_DIR.iterdir() if p.is_dir()}
    assert sum(len(_yaml(p)) for p in CASES) > 150


@pytest.mark.parametrize("method, case", list(_load()))
def test_case(method, case):
    assert REQUIRED <= set(case) <= REQUIRED | OPTIONAL, f"case keys {sorted(case)}"
    if _numeric(case["expected"]):
        assert ("abs_tolerance" in case) != ("tolerance_pct" in case), "a numeric case needs exactly one tolerance"
    module, name = case["calculator"].split(":")
    fn = getattr(importlib.import_module(f"reportgen.methods.{method}.calc.{module}"), name)
    actual = _walk(fn(**case["inputs"]), case.get("output"))
    if dataclasses.is_dataclass(actual) and not isinstance(case["expected"], dict):
        raise AssertionError("output path must select a value, not a whole result")
    _compare(actual, case["expected"], case)
