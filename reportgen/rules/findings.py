"""Findings: what the rules say about a document. No project imports, so every rule module can use it
without an import cycle (rules/engine imports the rules, the rules import only this)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

SEVERITIES = ("error", "warning", "info")
SEVERITY_PL = {"error": "błąd", "warning": "ostrzeżenie", "info": "informacja"}


@dataclass(frozen=True)
class Finding:
    rule_id: str            # requirement id (PE-19-2…) or quality rule (Q-REF, Q-SUM…)
    severity: str           # error | warning | info
    message: str            # Polish, for a person
    location: str = "cały dokument"
    evidence: str = ""      # what was read from the document (quoted) or looked for
    suggestion: str = ""    # Polish: what to do

    def to_dict(self) -> dict:
        return asdict(self)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then info; document order kept within a level (stable sort)."""
    return sorted(findings, key=lambda f: SEVERITIES.index(f.severity))


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    out = {s: 0 for s in SEVERITIES}
    for f in findings:
        out[f.severity] += 1
    return out
