"""Methods are declared cheaply and loaded for the folders that use them: every declared model and hook exists, every
builder sits where another method's folder finds it, and a build imports no other method's models or calculators."""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reportgen.blocks import BUILDERS
from reportgen.build import compose_document
from reportgen.errors import UserError
from reportgen.inputs.loader import load_content
from reportgen.methods import declared_methods, load
from reportgen.quantities import Strict

ROOT = Path(__file__).resolve().parents[1]


def test_every_declared_file_has_a_strict_model_and_every_hook_exists():
    for method in declared_methods():
        for file, (attribute, _) in method.files.items():
            assert issubclass(method.model(file), Strict), (method.name, file)
            assert attribute and file.endswith(".yaml")
        assert all(callable(hook) for hook in method.hook_functions())


def test_every_builder_is_in_a_blocks_module_of_a_method_or_the_core():
    load(declared_methods())
    for builder in BUILDERS.values():
        module = builder.fn.__module__
        assert not module.startswith("reportgen.methods.") or module.rsplit(".", 1)[1].endswith("blocks"), module


@pytest.mark.parametrize("gmina, methods", [("kluki", ("indicator",)), ("knyszyn", ("survey",))])
def test_a_folder_uses_its_own_method(gmina, methods):
    assert tuple(m.name for m in load_content(ROOT / "content" / gmina).methods) == methods


def test_a_folder_with_another_methods_file_uses_both(knyszyn_copy):
    (knyszyn_copy / "electrification.yaml").write_text(
        (ROOT / "content" / "kluki-2026" / "electrification.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert [m.name for m in load_content(knyszyn_copy).methods] == ["indicator", "survey"]


IMPORTED = """
import json, sys
from reportgen.build import compose_document
compose_document(sys.argv[1])
print(json.dumps(sorted(m for m in sys.modules if m.startswith("reportgen.methods."))))
"""


@pytest.mark.parametrize("gmina, other", [("kluki", "survey"), ("knyszyn", "indicator")])
def test_a_build_imports_only_the_other_methods_builders(gmina, other):
    out = subprocess.run([sys.executable, "-c", IMPORTED, str(ROOT / "content" / gmina)], capture_output=True,
                         text=True, check=True).stdout
    foreign = [m for m in json.loads(out.splitlines()[-1]) if m.startswith(f"reportgen.methods.{other}.")]
    assert foreign and all(m.endswith("blocks") for m in foreign), foreign


def test_the_same_fact_from_two_methods_files_is_refused_not_overwritten(knyszyn_copy):
    # street lighting is in the survey method's street_lighting.yaml and in the indicator method's electricity.yaml:
    # whichever ran last used to win, silently (and which one did depended on what the process built before)
    text = (ROOT / "content" / "kluki" / "electricity.yaml").read_text(encoding="utf-8")
    (knyszyn_copy / "electricity.yaml").write_text(text.replace("until: 2037", "until: 2030"), encoding="utf-8")
    with pytest.raises(UserError) as exc:
        compose_document(knyszyn_copy)
    (message,) = exc.value.messages
    assert "„Oświetlenie uliczne” można obliczyć z plików dwóch metod: electricity.yaml – metoda wskaźnikowa" in message
    assert "street_lighting.yaml" in message and "– metoda ankietowo-statystyczna" in message


def test_builder_modules_import_no_models_calculators_or_producers():
    # a folder of another method imports these (load_builders): importing a producer there would register it
    # ahead of its own method's, and importing models or calculators would undo the saving
    for path in (ROOT / "reportgen" / "methods").glob("*/*blocks.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("reportgen.methods."):
                assert str(node.module).rsplit(".", 1)[1].endswith("blocks"), f"{path.name}: {node.module}"
