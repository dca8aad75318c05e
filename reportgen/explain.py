"""`reportgen explain`: how a table or figure of the document was obtained."""
from __future__ import annotations

import importlib
import inspect

from reportgen.errors import UserError


def _doc_of(dotted: str) -> str:
    module, _, name = dotted.rpartition(".")
    fn = getattr(importlib.import_module(module), name, None)
    return inspect.getdoc(fn) or "" if fn else ""


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
