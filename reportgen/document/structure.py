"""rules/structure.yaml: the chapter tree. Validated here; no chapter list lives in Python."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from reportgen.errors import UserError
from reportgen.inputs.messages import pydantic_messages
from reportgen.inputs.yamlio import load_yaml


class BlockSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str | None = None          # template name: templates/text/<text>.md.j2
    para: str | None = None          # inline Jinja paragraph(s)
    table: str | None = None         # builder name (reportgen.blocks)
    chart: str | None = None         # builder name (reportgen.blocks)
    id: str | None = None
    caption: str | None = None
    source: str | None = None        # overrides the builder's "Źródło" line
    args: dict[str, Any] = {}
    when: list[str] = []             # results ("<result>", or "<result>.<field>" not None) or files ("file:<name>")
    keys: list[str] = []             # in a `foreach` section: only in the copies for these keys (roles or ids)

    @model_validator(mode="after")
    def _one_kind(self):
        kinds = [k for k in ("text", "para", "table", "chart") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError("blok musi mieć dokładnie jedno z pól: text, para, table, chart")
        if kinds[0] in ("table", "chart") and (not self.id or not self.caption):
            raise ValueError("tabela i rysunek wymagają pól id i caption")
        return self

    @property
    def kind(self) -> str:
        return next(k for k in ("text", "para", "table", "chart") if getattr(self, k) is not None)


class SectionSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    title: str
    satisfies: list[str] = []
    when: list[str] = []
    # one copy of the section per item of a result (its value's `each()`: (key, item) pairs, e.g. the gmina's
    # scenarios keyed by role or id); templates see `key` and `item`, ids get "_<key>", args "{key}" → key
    foreach: str | None = None
    blocks: list[BlockSpec] = []
    sections: list[SectionSpec] = []


class StructureSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str
    chapters: list[SectionSpec] = Field(min_length=1)
    annex: dict[str, Any] = {}

    @model_validator(mode="after")
    def _unique_ids(self):
        seen: set[str] = set()

        def walk(sections):
            for s in sections:
                for i in [s.id] + [b.id for b in s.blocks if b.id]:
                    if i in seen:
                        raise ValueError(f"identyfikator {i!r} występuje więcej niż raz")
                    seen.add(i)
                walk(s.sections)
        walk(self.chapters)
        return self


def load_structure(path: Path) -> StructureSpec:
    data, lines = load_yaml(path)
    try:
        return StructureSpec.model_validate(data)
    except ValidationError as exc:
        raise UserError(pydantic_messages(exc, str(path), lines, data)) from None
