"""Findings: what the rules say about a document (the same model for generated and read plans)."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Iterable

from reportgen.document.model import Document

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


def statutory_findings(doc: Document, requirements: Iterable, as_of: date,
                       adopted: date | None = None, generated: bool = False) -> list[Finding]:
    """Statutory findings. Generated documents: a requirement in force at `as_of` is met iff a section
    declares it in `satisfies` (procedure requirements give info only). Read documents: evidence patterns,
    the 15-year horizon, the 3-year update and superseded acts, judged at the document's date and at `as_of`."""
    from reportgen.rules import statutory
    return statutory.findings(doc, list(requirements), as_of, adopted, generated)


def quality_findings(doc: Document) -> list[Finding]:
    """Caption numbering, cross-references, lists of tables/figures, caption kinds, totals and shares."""
    from reportgen.rules.quality import captions, lists, references, sums
    out: list[Finding] = []
    out += captions.findings(doc)
    out += references.findings(doc)
    out += lists.findings(doc)
    out += sums.findings(doc)
    return _capped(out)


MAX_PER_RULE = 200      # a broken document should give a readable report, not thousands of lines


def _capped(findings: list[Finding]) -> list[Finding]:
    kept, seen, dropped = [], {}, {}
    for f in findings:
        seen[f.rule_id] = seen.get(f.rule_id, 0) + 1
        if seen[f.rule_id] <= MAX_PER_RULE:
            kept.append(f)
        else:
            dropped[f.rule_id] = dropped.get(f.rule_id, 0) + 1
    for rule_id, n in dropped.items():
        kept.append(Finding(rule_id, "info", f"Pominięto kolejne {n} uwag tej reguły (pokazano pierwsze {MAX_PER_RULE}).",
                            "cały dokument", "", "Popraw wskazane miejsca i uruchom kontrolę ponownie."))
    return kept


def check_document(doc: Document, requirements: Iterable, as_of: date,
                   adopted: date | None = None, generated: bool = False) -> list[Finding]:
    return sort_findings(statutory_findings(doc, requirements, as_of, adopted, generated) + quality_findings(doc))


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
