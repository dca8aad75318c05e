"""The diff as text (terminal) or a self-contained HTML page a Rada Gminy member can read."""
from __future__ import annotations

import difflib
import html

from reportgen.diff.compare import DiffResult

KINDS = [("akapit", "Zmienione akapity"), ("komórka", "Zmienione komórki tabel"), ("tabela", "Tabele dodane lub usunięte"),
         ("rysunek", "Zmienione rysunki")]


def _inline(old: str, new: str) -> str:
    """Word-level marking: deleted words struck through, added words underlined (escaped)."""
    a, b = old.split(), new.split()
    out = []
    for op, a0, a1, b0, b1 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html.escape(" ".join(a[a0:a1])))
        if op in ("delete", "replace"):
            out.append(f"<del>{html.escape(' '.join(a[a0:a1]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{html.escape(' '.join(b[b0:b1]))}</ins>")
    return " ".join(out)


def to_html(result: DiffResult, old_name: str, new_name: str) -> str:
    parts = ["<!DOCTYPE html><html lang=\"pl\"><head><meta charset=\"utf-8\"><title>Porównanie wersji</title>",
             "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}del{background:#fdd}"
             "ins{background:#dfd;text-decoration:none}td,th{border:1px solid #ccc;padding:4px;vertical-align:top}"
             "table{border-collapse:collapse}</style></head><body>",
             f"<h1>Porównanie wersji dokumentu</h1><p>Poprzednia: {html.escape(old_name)}<br>Nowa: {html.escape(new_name)}</p>"]
    counts = {k: sum(c.kind == k for c in result.changes) for k, _ in KINDS}
    parts.append("<p>" + "; ".join(f"{title}: {counts[k]}" for k, title in KINDS) + ".</p>")
    if not result.changes:
        parts.append("<p>Dokumenty nie różnią się treścią.</p>")
    for kind, title in KINDS:
        items = [c for c in result.changes if c.kind == kind]
        if not items:
            continue
        parts.append(f"<h2>{title}</h2><table><tr><th>Gdzie</th><th>Zmiana</th></tr>")
        for c in items:
            parts.append(f"<tr><td>{html.escape(c.where)}</td><td>{_inline(c.old, c.new)}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


def to_text(result: DiffResult) -> str:
    if not result.changes:
        return "Dokumenty nie różnią się treścią."
    lines = []
    for kind, title in KINDS:
        items = [c for c in result.changes if c.kind == kind]
        if items:
            lines.append(f"{title} ({len(items)}):")
            lines += [f"  {c.where}: „{c.old}” → „{c.new}”" for c in items]
    return "\n".join(lines)
