"""The generated document passes its own checker: `reportgen check` on the built Kluki .docx finds no error on the
document date, and finds the overdue update (art. 19 ust. 2: at least every 3 years) four years later. The
build's statutory self-check stops a structure that drops a requirement."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from reportgen.check.readers import read_document
from reportgen.errors import UserError
from reportgen.rules.engine import check_document
from reportgen.rules.requirements import load_requirements

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def read_back(kluki_build, tmp_path_factory):
    path = tmp_path_factory.mktemp("roundtrip") / "kluki.docx"
    path.write_bytes(kluki_build.docx)
    return read_document(path)


def test_generated_document_has_no_errors_on_its_date(read_back):
    findings = check_document(read_back, load_requirements(), as_of=dt.date(2022, 6, 30))
    errors = [f"{f.rule_id}: {f.message} [{f.location}]" for f in findings if f.severity == "error"]
    assert errors == []


def test_generated_document_is_read_back_whole(read_back, kluki_build):
    # every table and figure of the build comes back with the same number and caption
    built = [(type(b).__name__, b.number, b.caption) for _, b in kluki_build.document.blocks()
             if type(b).__name__ in ("Table", "Figure")]
    read = [(type(b).__name__, b.number, b.caption) for _, b in read_back.blocks()
            if type(b).__name__ in ("Table", "Figure")]
    assert [(k, n) for k, n, _ in read] == [(k, n) for k, n, _ in built]
    assert [" ".join(c.split()) for _, _, c in read] == [" ".join(c.split()) for _, _, c in built]


def test_generated_document_is_overdue_four_years_later(read_back):
    # document date June 2022 → update due by June 2025 (art. 19 ust. 2)
    findings = check_document(read_back, load_requirements(), as_of=dt.date(2026, 11, 22))
    overdue = [f for f in findings if f.rule_id == "PE-19-2" and f.severity == "error"]
    assert len(overdue) == 1 and "2025-06" in overdue[0].message


def test_build_stops_when_structure_drops_a_requirement(tmp_path):
    from reportgen.build import build_document
    structure = yaml.safe_load((ROOT / "rules" / "structure.yaml").read_text(encoding="utf-8"))

    def strip(sections):
        for s in sections:
            s["satisfies"] = [r for r in s.get("satisfies", []) if r != "PE-19-3-4"]
            strip(s.get("sections", []))
    strip(structure["chapters"])
    path = tmp_path / "structure.yaml"
    path.write_text(yaml.safe_dump(structure, allow_unicode=True), encoding="utf-8")
    with pytest.raises(UserError) as exc:
        build_document(ROOT / "content" / "kluki", structure_path=path)
    assert any("PE-19-3-4" in m for m in exc.value.messages)
