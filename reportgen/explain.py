"""`reportgen explain`: how a table or figure of the document was obtained."""
from __future__ import annotations

import importlib
import inspect

from reportgen.errors import UserError


def _doc_of(dotted: str) -> str:
    """The docstring of a recorded calculator: a module-level function or a method (`module.Class.method`)."""
    parts = dotted.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            obj = getattr(obj, name, None)
        return inspect.getdoc(obj) or "" if obj is not None else ""
    return ""


def explain_block(result, block_id: str) -> str:
    doc = result.document
    block = next((b for _, b in doc.blocks() if getattr(b, "id", None) == block_id), None)
    if block is None:
        ids = ", ".join(b.id for _, b in doc.blocks() if getattr(b, "id", None))
        raise UserError(f"Nie ma w dokumencie bloku o id {block_id!r}. Dostępne: {ids}.")
    label = "Tabela" if hasattr(block, "columns") else block.kind
    lines = [f"{label} {block.number}. {block.caption}", f"Źródło: {block.source}", ""]
    for name in [n.strip() for n in block.provenance.split(",") if n.strip()]:
        res = result.context.results.get(name)
        if res is None:
            continue
        described = result.context.vocabulary.get("results", {}).get(name, {})
        lines.append(res.describe(described.get("description", "")))
        for calc in res.calculators:
            text = _doc_of(calc)
            if text:
                lines.append(f"\n{calc}:\n  " + text.replace("\n", "\n  "))
        lines.append("")
    return "\n".join(lines).rstrip()
