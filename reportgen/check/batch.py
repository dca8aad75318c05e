"""Many plans at once (a województwo reviewing its gminas): every plan in a folder checked in parallel on the
machine's cores (one process per plan, concurrent.futures), one row per plan and finding."""
from __future__ import annotations

import csv
import html
import io
import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportgen import __version__
from reportgen.check.readers import SUFFIXES
from reportgen.check.sanitize import clean
from reportgen.errors import UserError
from reportgen.rules.findings import SEVERITY_PL, Finding, counts, has_errors, sort_findings

MAX_PLANS = 5_000
COLUMNS = ["plik", "tytuł", "reguła", "poziom", "miejsce", "opis", "dowód", "co_zrobić"]


@dataclass
class PlanResult:
    file: str
    title: str = ""
    findings: list[Finding] = field(default_factory=list)
    error: str = ""              # the file could not be read (Polish message)
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.error) or has_errors(self.findings)


def plan_files(folder: Path) -> list[Path]:
    """Plans in the folder and its subfolders (hidden files and reportgen's own reports left out), sorted."""
    out = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or path.is_symlink() or not path.is_file():
            continue
        if path.suffix.lower() in SUFFIXES:
            out.append(path)
    if len(out) > MAX_PLANS:
        raise UserError(f"{folder}: folder zawiera {len(out)} plików planów (limit {MAX_PLANS}).")
    return out


def check_one(path: str, requirements_file: str | None, as_of: date, adopted: date | None,
              config_file: str | None) -> PlanResult:
    """Read and check one plan; a file that cannot be read becomes a result with its message (never raises)."""
    from reportgen.check.readers import read_document
    from reportgen.rules.engine import check_document
    from reportgen.rules.quality_config import load_config
    from reportgen.rules.requirements import load_requirements
    try:
        requirements = load_requirements(Path(requirements_file) if requirements_file else None)
        config = load_config(Path(config_file) if config_file else None)
        doc = read_document(path)
        findings = check_document(doc, requirements, as_of, adopted, config=config)
        return PlanResult(path, doc.title, findings, notes=list(doc.meta.get("notes", [])))
    except UserError as exc:
        return PlanResult(path, error=" ".join(exc.messages))
    except Exception as exc:       # one broken plan must not stop a folder of fifty; say which and why
        return PlanResult(path, error=f"{path}: nieoczekiwany błąd odczytu ({type(exc).__name__}).")


def check_folder(folder: Path, *, requirements_file: Path | None, as_of: date, adopted: date | None,
                 config_file: Path | None, jobs: int | None = None) -> list[PlanResult]:
    files = plan_files(folder)
    if not files:
        raise UserError(f"{folder}: w folderze nie ma plików planów ({', '.join(SUFFIXES)}).")
    args = (str(requirements_file) if requirements_file else None, as_of, adopted,
            str(config_file) if config_file else None)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(files)))
    if workers == 1:
        return [check_one(str(p), *args) for p in files]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(check_one, str(p), *args) for p in files]
        return [f.result() for f in futures]


def rows(results: list[PlanResult]) -> list[dict[str, str]]:
    """One row per plan and finding; a plan without findings gets one row saying so; an unreadable plan one row
    with the reason."""
    out = []
    for r in results:
        base = {"plik": r.file, "tytuł": r.title}
        if r.error:
            out.append(base | {"reguła": "ODCZYT", "poziom": SEVERITY_PL["error"], "miejsce": "cały plik",
                               "opis": r.error, "dowód": "", "co_zrobić": "Sprawdź plik i uruchom kontrolę ponownie."})
            continue
        if not r.findings:
            out.append(base | {"reguła": "", "poziom": "", "miejsce": "", "opis": "Nie znaleziono uchybień.",
                               "dowód": "", "co_zrobić": ""})
        for f in sort_findings(r.findings):
            out.append(base | {"reguła": f.rule_id, "poziom": SEVERITY_PL[f.severity], "miejsce": f.location,
                               "opis": f.message, "dowód": f.evidence, "co_zrobić": f.suggestion})
    return [{k: clean(v) for k, v in row.items()} for row in out]


def render_batch(results: list[PlanResult], fmt: str, as_of: date) -> str:
    table = rows(results)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=COLUMNS, delimiter=";", lineterminator="\n")   # Polish Excel
        writer.writeheader()
        writer.writerows(table)
        return buf.getvalue()
    if fmt == "json":
        data = {"tool": f"reportgen {__version__}", "as_of": as_of.isoformat(),
                "plans": [{"file": r.file, "title": clean(r.title), "error": clean(r.error),
                           "summary": counts(r.findings), "notes": [clean(n) for n in r.notes]} for r in results],
                "rows": table}
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if fmt == "html":
        e = html.escape
        head = "".join(f"<th>{e(c.replace('_', ' '))}</th>" for c in COLUMNS)
        body = "".join("<tr>" + "".join(f"<td>{e(row[c])}</td>" for c in COLUMNS) + "</tr>" for row in table)
        return ('<!DOCTYPE html>\n<html lang="pl"><head><meta charset="utf-8"><title>Kontrola projektów założeń</title>'
                "<style>body{font-family:Arial,sans-serif;margin:2em}table{border-collapse:collapse;font-size:.9em}"
                "th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}th{background:#eee}"
                f"</style></head><body><h1>Kontrola projektów założeń ({len(results)} plików, stan prawny na "
                f"{e(as_of.isoformat())})</h1><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
                f"<p><small>Wygenerowano przez reportgen {e(__version__)}.</small></p></body></html>\n")
    lines = [f"Kontrola {len(results)} plików (stan prawny na {as_of.isoformat()})", ""]
    for r in results:
        if r.error:
            lines.append(clean(f"{r.file}: NIE ODCZYTANO — {r.error}"))
        else:
            c = counts(r.findings)
            lines.append(clean(f"{r.file}: błędy {c['error']}, ostrzeżenia {c['warning']}, informacje {c['info']}"
                               f" — {r.title[:80] or '(bez tytułu)'}"))
    return "\n".join(lines) + "\n"
