"""rules/policies.yaml: acts, strategies, EU law, planning instruments and funding programmes with validity dates,
sources and verification status. `policies_on(day)` gives the templates the entries in force on the document date."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from reportgen.errors import UserError
from reportgen.rules.requirements import load_validated

Kind = Literal["act", "eu_act", "strategy", "programme", "planning"]
Topic = Literal["acts", "energy_policy", "eu_law", "spatial_planning", "energy_communities",
                "funding_national", "funding_eu"]


def default_policies_path() -> Path:
    from reportgen.paths import rules_dir
    return rules_dir() / "policies.yaml"


class Policy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(min_length=1)
    kind: Kind
    topic: Topic
    act: str | None = None
    title: str = Field(min_length=1)
    genitive: str | None = None
    locative: str | None = None
    short: str | None = None
    source: str = Field(min_length=1)
    valid_from: date
    valid_to: date | None = None
    status: Literal["in_force", "draft_unconfirmed", "announced_unconfirmed"]
    last_verified: date
    verified: bool
    verified_against: str | None = None
    note: str = ""
    plan_text: str | None = None
    uses_act: str | None = None
    updates: str | None = None
    targets: dict[str, int | float] = Field(default_factory=dict)
    population_threshold: int | None = None

    @model_validator(mode="after")
    def _check(self):
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError("valid_to jest wcześniejsze niż valid_from")
        if self.kind == "act" and self.topic == "acts" and not self.act:
            raise ValueError("wpis ustawy (topic: acts) wymaga klucza act")
        if self.verified and not self.verified_against:
            raise ValueError("wpis z verified: true wymaga verified_against (adres lub pozycja Dz.U.)")
        return self

    def in_force(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    @property
    def confirmed(self) -> bool:
        """False for a draft or an announcement whose adoption could not be verified: the text may not claim it."""
        return self.status == "in_force"

    def validity(self) -> str:
        return f"{self.valid_from.isoformat()} – {self.valid_to.isoformat() if self.valid_to else 'nadal'}"


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")
    policies: list[Policy]


def load_policies(path: str | Path | None = None) -> list[Policy]:
    path = Path(path) if path is not None else default_policies_path()
    entries = load_validated(path, _File, "z politykami i aktami prawnymi")[0].policies
    ids = [p.id for p in entries]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise UserError(f"{path}: identyfikatory powtarzają się: {', '.join(dupes)}")
    return entries


class LawOnDate:
    """The entries of rules/policies.yaml in force on one date, as the text templates see them (`law`)."""

    def __init__(self, policies: list[Policy], day: date):
        self.date = day
        self.entries = [p for p in policies if p.in_force(day)]

    def get(self, pid: str) -> Policy | None:
        return next((p for p in self.entries if p.id == pid), None)

    def topic(self, name: str, confirmed: bool | None = True) -> list[Policy]:
        """Entries of a topic in file order; confirmed=True only adopted ones, False only unconfirmed drafts."""
        return [p for p in self.entries if p.topic == name and (confirmed is None or p.confirmed == confirmed)]

    def updates_of(self, pid: str) -> list[Policy]:
        """Unconfirmed drafts updating entry `pid` that are known on the date (the text may say only that they exist)."""
        return [p for p in self.entries if p.updates == pid and not p.confirmed]

    def act(self, key: str) -> Policy:
        """The wording of an act in force on the date (e.g. the title of the thermo-modernisation act)."""
        for p in self.entries:
            if p.act == key and p.topic == "acts":
                return p
        raise UserError(f"rules/policies.yaml: brak ustawy {key!r} obowiązującej {self.date.isoformat()}.")

    def programme_text(self, p: Policy, voivodeship_genitive: str = "") -> str:
        """A programme's plan_text with its two fixed slots filled: {act} (genitive of the act it rests on, as in
        force on the date) and {województwo}. Plain string replacement: policies.yaml is never a template."""
        text = p.plan_text or p.title
        if p.uses_act:
            text = text.replace("{act}", self.act(p.uses_act).genitive or self.act(p.uses_act).title)
        return text.replace("{województwo}", voivodeship_genitive)


def policies_on(day: date, path: str | Path | None = None) -> LawOnDate:
    return LawOnDate(load_policies(path), day)


STATUS_TEXT = {"in_force": "obowiązuje", "draft_unconfirmed": "projekt – przyjęcie niepotwierdzone",
               "announced_unconfirmed": "zapowiedź – niepotwierdzona"}


def list_policies_text(as_of: date | None, path: str | Path | None = None) -> str:
    """`reportgen rules` appendix: acts, policies and programmes (in force on `as_of`, or all), with sources."""
    entries = load_policies(path)
    if as_of is not None:
        entries = [p for p in entries if p.in_force(as_of)]
    header = f"Akty, polityki i programy ({len(entries)})" + (f" obowiązujące {as_of.isoformat()}" if as_of else "")
    lines = ["", header, "=" * len(header)]
    for p in entries:
        lines.append(f"\n{p.id}  [{STATUS_TEXT[p.status]}{'' if p.verified else ' · niezweryfikowane'}]")
        lines.append(f"  {p.title}")
        lines.append(f"  obowiązuje: {p.validity()} · sprawdzono: {p.last_verified.isoformat()}")
        lines.append(f"  źródło: {p.source}")
        if p.note:
            lines.append(f"  uwaga: {p.note}")
    return "\n".join(lines)
