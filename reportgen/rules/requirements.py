"""Statutory requirements (rules/requirements.yaml) as validated pydantic models."""
from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from reportgen.errors import UserError
from reportgen.inputs.yamlio import format_path, line_for, parse_yaml, read_data_text
from reportgen.paths import is_shipped


def default_requirements_path() -> Path:
    from reportgen.paths import rules_dir
    return rules_dir() / "requirements.yaml"


def _compile_all(patterns: list[str]) -> list[str]:
    for p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            raise ValueError(f"niepoprawne wyrażenie regularne {p!r}: {exc}") from None
    return patterns


class Evidence(BaseModel):
    """How an existing plan shows a requirement. Any heading, keyword or table caption suffices;
    when `cites` is given, one of its patterns must also occur (e.g. the act in force)."""
    model_config = ConfigDict(extra="forbid")
    headings: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    tables: list[str] = Field(default_factory=list)
    cites: list[str] = Field(default_factory=list)

    _check = field_validator("headings", "keywords", "tables", "cites")(_compile_all)

    def described(self) -> str:
        parts = []
        if self.headings:
            parts.append("nagłówki: " + ", ".join(f"/{p}/" for p in self.headings))
        if self.keywords:
            parts.append("słowa kluczowe: " + ", ".join(f"/{p}/" for p in self.keywords))
        if self.tables:
            parts.append("podpisy tabel: " + ", ".join(f"/{p}/" for p in self.tables))
        if self.cites:
            parts.append("oraz powołanie: " + ", ".join(f"/{p}/" for p in self.cites))
        return "; ".join(parts) or "brak wzorców"


class Requirement(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1)
    act: str = Field(min_length=1)
    art: int | str | None = None
    ust: int | str | None = None
    pkt: int | str | None = None
    text: str = Field(min_length=1)
    valid_from: date
    valid_to: date | None = None
    severity: Literal["error", "warning", "info"]
    applies_to: Literal["document", "procedure"]
    kind: Literal["requirement", "superseded"] = "requirement"
    superseded_on: date | None = None
    evidence: Evidence = Field(default_factory=Evidence)
    basis: Literal["statute", "interpretation"] = "statute"
    source: str = Field(min_length=1)
    last_verified: date
    verified: bool = True
    verified_against: str | None = None
    note: str = ""

    @model_validator(mode="after")
    def _dates(self):
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError("valid_to jest wcześniejsze niż valid_from")
        if self.kind == "superseded" and not self.evidence.keywords:
            raise ValueError("wpis typu superseded wymaga evidence.keywords (jak rozpoznać powołanie)")
        ev = self.evidence
        if self.applies_to == "procedure" and (ev.headings or ev.keywords or ev.tables or ev.cites):
            raise ValueError("wymaganie proceduralne (applies_to: procedure) spełnia procedura, nie słowa w tekście "
                             "planu – usuń evidence")
        return self

    def in_force(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    @property
    def since(self) -> date:
        """Date from which citing a superseded act is a defect."""
        return self.superseded_on or self.valid_from

    def citation(self) -> str:
        parts = [self.act]
        if self.art is not None:
            parts.append(f"art. {self.art}")
        if self.ust is not None:
            parts.append(f"ust. {self.ust}")
        if self.pkt is not None:
            parts.append(f"pkt {self.pkt}")
        return " ".join([parts[0] + ","] + parts[1:]) if len(parts) > 1 else parts[0]

    def validity(self) -> str:
        return f"{self.valid_from.isoformat()} – {self.valid_to.isoformat() if self.valid_to else 'nadal'}"


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")
    requirements: list[Requirement]


def load_validated(path: Path, model, what: str):
    """Read a rules YAML file and validate it with a pydantic model; every problem becomes a UserError naming the
    file, key and line. Shared by requirements.yaml and policies.yaml."""
    if not os.path.lexists(path):
        raise UserError(f"{path}: nie znaleziono pliku {what}")
    text = read_data_text(path, str(path), Path(os.path.realpath(path)).parent)   # bounded; no FIFO or device
    data, lines = parse_yaml(text, str(path), shipped=is_shipped(path))   # hardened (yamlio), libyaml
    try:
        return model.model_validate(data if data is not None else {}), lines
    except ValidationError as exc:
        messages = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            line = line_for(lines, loc)
            where = f", wiersz {line}" if line else ""
            messages.append(f"{path}{where}: klucz {format_path(loc) or '(plik)'}: {_polish(err)}")
        raise UserError(messages) from None


def load_requirements(path: str | Path | None = None) -> list[Requirement]:
    """Load and validate the requirements file; every problem becomes a UserError naming file, key and line."""
    path = Path(path) if path is not None else default_requirements_path()
    parsed, lines = load_validated(path, _File, "z wymaganiami")
    seen: dict[str, int] = {}
    problems = []
    for i, req in enumerate(parsed.requirements):
        if req.id in seen:
            line = line_for(lines, ("requirements", i, "id"))
            problems.append(f"{path}, wiersz {line}: klucz requirements[{i}].id: identyfikator {req.id!r} "
                            f"powtarza się (pierwszy raz w requirements[{seen[req.id]}])")
        seen.setdefault(req.id, i)
    if problems:
        raise UserError(problems)
    return parsed.requirements


_TYPE_MESSAGES = {
    "missing": "brak wymaganego pola",
    "extra_forbidden": "nieznane pole",
    "date_from_datetime_parsing": "niepoprawna data (oczekiwano RRRR-MM-DD)",
    "date_parsing": "niepoprawna data (oczekiwano RRRR-MM-DD)",
    "date_type": "niepoprawna data (oczekiwano RRRR-MM-DD)",
    "literal_error": "niedozwolona wartość",
    "string_type": "oczekiwano tekstu",
    "list_type": "oczekiwano listy",
    "string_too_short": "pusty tekst",
}


def _polish(err: Mapping[str, Any]) -> str:
    base = _TYPE_MESSAGES.get(err["type"])
    if err["type"] == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"{base} {err.get('input')!r} (dozwolone: {expected})"
    if base:
        return base
    msg = str(err.get("msg", ""))
    return msg.removeprefix("Value error, ")
