"""No import cycles between the build-side modules (module-level imports; imports inside functions and under
TYPE_CHECKING do not run at import time and are left out)."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "reportgen"
# reportgen/rules and reportgen/check are the checker's (issue 11 removes their cycles)
CHECKED = ("reportgen.methods", "reportgen.inputs", "reportgen.document", "reportgen.results", "reportgen.blocks",
           "reportgen.build", "reportgen.quantities", "reportgen.common_results", "reportgen.explain", "reportgen.paths")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path) -> set[str]:
    out: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("reportgen"):
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("reportgen"))
    return out


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        targets = {t for t in _top_level_imports(path) if t in modules}
        # importing a.b.c runs a/__init__ and a/b/__init__ first
        for t in list(targets):
            parts = t.split(".")
            targets.update(".".join(parts[:i]) for i in range(2, len(parts)) if ".".join(parts[:i]) in modules)
        graph[name] = targets - {name}
    return graph


def _cycle_from(start: str, graph: dict[str, set[str]]) -> list[str] | None:
    stack = [(start, [start])]
    seen = set()
    while stack:
        node, path = stack.pop()
        for nxt in graph.get(node, ()):
            if nxt == start:
                return path + [start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, path + [nxt]))
    return None


def test_no_import_cycles_on_the_build_side():
    graph = _graph()
    cycles = [c for m in sorted(graph) if m.startswith(CHECKED) and (c := _cycle_from(m, graph))]
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)
