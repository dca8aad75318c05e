"""Assemble the document model from rules/structure.yaml and the results.

Pass 1 builds tables and figures whose data exist (absent otherwise) and drops empty sections.
Pass 2 numbers sections, tables and figures in document order.
Pass 3 renders the text, where `ref('id')` gives a block's number and an unknown id stops the build.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportgen.blocks import find_builder
from reportgen.document.model import Document, Figure, Section, Table
from reportgen.document.structure import BlockSpec, SectionSpec, StructureSpec
from reportgen.document.text import make_environment, render_template, to_paragraphs
from reportgen.errors import UserError
from reportgen.results import Context


@dataclass
class PendingText:
    """A text block waiting for numbers to exist (pass 3)."""
    spec: BlockSpec
    where: str
    item_context: dict = field(default_factory=dict)     # `key` and `item` in a copy of a `foreach` section


@dataclass
class Assembly:
    document: Document
    pending: dict[int, list] = field(default_factory=dict)


def _available(ctx: Context, needs) -> bool:
    """Every need is met: a content file (`file:<name>`), a result (`<result>`) or a result's field that is not
    None (`<result>.<field>`: one result name for both methods, a part only one method has)."""
    for n in needs:
        if n.startswith("file:"):
            if not ctx.content.has(n[5:]):
                return False
            continue
        name, _, part = n.partition(".")
        if not ctx.has(name) or (part and getattr(ctx.value(name), part, None) is None):
            return False
    return True


def _for_item(spec: BlockSpec, key: str) -> BlockSpec:
    """A block of a `foreach` section for one item: id suffixed with the key, "{key}" in args replaced."""
    args = {k: (key if v == "{key}" else v) for k, v in spec.args.items()}
    return spec.model_copy(update={"id": f"{spec.id}_{key}" if spec.id else None, "args": args})


def _build_block(ctx: Context, spec: BlockSpec, where: str, env, context: dict, item_context: dict):
    if spec.kind in ("text", "para"):
        return PendingText(spec, where, item_context)
    name = spec.table or spec.chart or ""
    builder = find_builder(spec.kind, name)
    if builder is None:
        raise UserError(f"{where}: nieznany {'generator tabeli' if spec.kind == 'table' else 'generator wykresu'} {name!r}.")
    if not _available(ctx, builder.needs):
        return None
    data = builder.fn(ctx, **spec.args)
    if data is None:
        return None
    caption = render_template(env, spec.caption, None, context, where).strip()
    block_id = spec.id or ""          # tables and figures have an id (checked by document.structure.BlockSpec)
    provenance = ", ".join(data.provenance)
    if spec.kind == "table":
        return Table(id=block_id, caption=caption, columns=data.columns, rows=data.rows, source=spec.source or data.source,
                     total_rows=data.total_rows, note=data.note, provenance=provenance,
                     row_decimals=list(data.row_decimals) if data.row_decimals is not None else None)
    # the chart is rendered to PNG later by reportgen.render.charts (in parallel, cached)
    return Figure(id=block_id, caption=caption, source=spec.source or data.source, provenance=provenance,
                  chart_spec=data.spec, alt_text=caption)


def _build_sections(ctx: Context, spec: SectionSpec, level: int, env, context: dict, label: str) -> list[Section]:
    """The section, or for a `foreach` section one copy per item (none when the result is absent)."""
    if not _available(ctx, spec.when):
        return []
    if spec.foreach is None:
        section = _build_section(ctx, spec, level, env, context, label, {})
        return [section] if section is not None else []
    if not ctx.has(spec.foreach):
        return []
    copies = []
    for key, item in ctx.value(spec.foreach).each():
        section = _build_section(ctx, spec, level, env, {**context, "key": key, "item": item}, label,
                                 {"key": key, "item": item})
        if section is not None:
            copies.append(section)
    return copies


def _build_section(ctx: Context, spec: SectionSpec, level: int, env, context: dict, label: str,
                   item_context: dict) -> Section | None:
    key = item_context.get("key")
    section_id = f"{spec.id}_{key}" if key else spec.id
    where = f"{label}, rozdział {section_id}"
    section = Section(id=section_id, title=render_template(env, spec.title, None, context, where).strip(), level=level,
                      satisfies=list(spec.satisfies))
    for b in spec.blocks:
        if not _available(ctx, b.when) or (b.keys and key not in b.keys):
            continue
        block = _build_block(ctx, _for_item(b, key) if key else b, where, env, context, item_context)
        if block is not None:
            section.blocks.append(block)
    for child in spec.sections:
        section.children.extend(_build_sections(ctx, child, level + 1, env, context, label))
    has_content = any(not isinstance(b, PendingText) for b in section.blocks) or section.children
    only_text = section.blocks and all(isinstance(b, PendingText) for b in section.blocks)
    if not has_content and not only_text:
        return None   # a section whose tables have no data is absent, not a heading over nothing
    return section


def number_document(document: Document) -> dict[str, Section | Table | Figure]:
    """Pass 2: chapters and sections "7.2", tables and figures 1, 2, … in document order; an annex keeps no
    number, its tables and figures continue the count. Returns id → numbered element."""
    registry: dict[str, Section | Table | Figure] = {}
    counters = {"Tabela": 0, "Rysunek": 0}

    def walk(sections, prefix):
        i = 0
        for s in sections:
            if s.annex:
                s.number = ""
            else:
                i += 1
                s.number = f"{prefix}{i}"
            registry[s.id] = s
            for b in s.blocks:
                if isinstance(b, Table):
                    counters["Tabela"] += 1
                    b.number = counters["Tabela"]
                    registry[b.id] = b
                elif isinstance(b, Figure):
                    counters["Rysunek"] += 1
                    b.number = counters["Rysunek"]
                    registry[b.id] = b
            walk(s.children, f"{s.number}.")
    walk(document.sections, "")
    return registry


def _render_texts(document: Document, env, context: dict) -> None:
    for section in document.walk_sections():
        rendered = []
        for b in section.blocks:
            if isinstance(b, PendingText):
                text = render_template(env, b.spec.para, b.spec.text, {**context, **b.item_context}, b.where)
                rendered.extend(to_paragraphs(text))
            else:
                rendered.append(b)
        section.blocks = rendered


def assemble(ctx: Context, structure: StructureSpec, structure_label: str, templates_dir: Path, extra_context: dict,
             on_numbered=None) -> Document:
    """`on_numbered(document)`: called once tables and figures exist and are numbered, before the text is
    rendered (the build starts drawing the charts then)."""
    env = make_environment(templates_dir)
    context = dict(extra_context)
    context["ref"] = lambda _id: (_ for _ in ()).throw(RuntimeError("ref() used before numbering"))
    document = Document(title=render_template(env, structure.title, None, context, structure_label).strip())
    for chapter in structure.chapters:
        document.sections.extend(_build_sections(ctx, chapter, 1, env, context, structure_label))
    registry = number_document(document)
    if on_numbered is not None:
        on_numbered(document)

    def ref(block_id: str) -> str:
        target = registry.get(block_id)
        if target is None:
            raise UserError(f"{structure_label}: odwołanie do nieistniejącego bloku {block_id!r} "
                            f"(brak takiego id albo blok nie ma danych w tej gminie).")
        return str(target.number)

    context["ref"] = ref
    context["has"] = lambda block_id: block_id in registry
    _render_texts(document, env, context)
    return document


def place_annex(document: Document, section: Section) -> None:
    """An annex made from the finished document (the compliance matrix) goes last, unnumbered; its tables and
    figures take the next numbers by the same numbering as the chapters'."""
    section.annex = True
    document.sections.append(section)
    number_document(document)
