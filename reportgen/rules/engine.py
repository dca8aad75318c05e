"""Runs the statutory and quality rules on a document (the same model for generated and read plans)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from reportgen.document.model import Document
from reportgen.rules.findings import SEVERITIES, SEVERITY_PL, Finding, counts, has_errors, sort_findings

__all__ = ["SEVERITIES", "SEVERITY_PL", "Finding", "counts", "has_errors", "sort_findings", "check_document",
           "statutory_findings", "quality_findings"]


def statutory_findings(doc: Document, requirements: Iterable, as_of: date,
                       adopted: date | None = None, generated: bool = False) -> list[Finding]:
    """Statutory findings. Generated documents: a requirement in force at `as_of` is met iff a section
    declares it in `satisfies` (procedure requirements give info only). Read documents: evidence patterns,
    the 15-year horizon, the 3-year update and superseded acts, judged at the document's date and at `as_of`."""
    from reportgen.rules import statutory
    return statutory.findings(doc, list(requirements), as_of, adopted, generated)


def quality_findings(doc: Document, config=None) -> list[Finding]:
    """Caption numbering, cross-references, lists of tables/figures, caption kinds, totals, shares, units,
    template fields — each rule's level and on/off from rules/quality.yaml and the firm's config."""
    from reportgen.rules.quality import captions, fields, lists, references, sums, units
    from reportgen.rules.quality_config import apply
    out: list[Finding] = []
    out += captions.findings(doc)
    out += references.findings(doc)
    out += lists.findings(doc)
    out += sums.findings(doc)
    out += units.findings(doc)
    out += fields.findings(doc)
    return _capped(apply(out, config))


MAX_PER_RULE = 200      # a broken document should give a readable report, not thousands of lines


def _capped(findings: list[Finding]) -> list[Finding]:
    kept: list[Finding] = []
    seen: dict[str, int] = {}
    dropped: dict[str, int] = {}
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
                   adopted: date | None = None, generated: bool = False, config=None) -> list[Finding]:
    """All findings, one per problem. A read file that is not a plan at all gets one finding saying so
    instead of a list of every missing chapter."""
    from reportgen.rules.plan_detect import not_a_plan
    if not generated:
        verdict = not_a_plan(doc)
        if verdict is not None:
            return [verdict]
    findings = statutory_findings(doc, requirements, as_of, adopted, generated) + quality_findings(doc, config)
    if doc.meta.get("ocr"):
        findings = [replace(f, evidence=f"{f.evidence} [{OCR_MARK}]".strip()) for f in findings]
    return sort_findings(findings)


OCR_MARK = "tekst odczytany przez OCR — sprawdź w oryginale"
