"""Methods are declared cheaply and loaded for the folders that use them: every declared model and hook exists, every
builder sits where another method's folder finds it, and a build imports no other method's models or calculators."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reportgen.blocks import BUILDERS
from reportgen.inputs.loader import load_content
from reportgen.methods import all_methods, declared_methods
from reportgen.quantities import Strict

ROOT = Path(__file__).resolve().parents[1]


def test_every_declared_file_has_a_strict_model_and_every_hook_exists():
    for method in declared_methods():
        for file, (attribute, _) in method.files.items():
            assert issubclass(method.model(file), Strict), (method.name, file)
            assert attribute and file.endswith(".yaml")
        assert all(callable(hook) for hook in method.hook_functions())


def test_every_builder_is_in_a_blocks_module_of_a_method_or_the_core():
    all_methods()
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
