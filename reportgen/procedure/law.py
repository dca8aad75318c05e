"""rules/procedure.yaml: the procedure's steps, terms, acts and calendar as dated data."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from reportgen.errors import UserError
from reportgen.inputs.messages import pydantic_messages
from reportgen.inputs.yamlio import load_yaml
from reportgen.paths import rules_dir


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)   # schema built on first use: a build without procedure.yaml never needs it


class Dated(_Strict):
    valid_from: date
    valid_to: date | None = None

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


class Act(_Strict):
    policy: str | None = None        # id in rules/policies.yaml: the title is taken from there
    title: str | None = None         # genitive, as cited after "art. N" (when no policy entry)
    dz_u: str | None = None
    cite_from: date | None = None
    eurlex: str | None = None
    verified: bool
    verified_by: str | None = None
    checked: date | None = None
    note: str | None = None


class Citation(_Strict):
    act: str
    art: str
    ust: str | None = None
    pkt: str | None = None
    par: str | None = None


class Provision(Dated):
    """A dated rule the procedure applies that is not a period: its basis, and the channels it concerns."""
    basis: list[Citation]
    channels: list[str] = []
    posted: list[str] = []           # of `channels`: those received later than sent (by post)
    verified: bool = False
    note: str | None = None


class Term(Dated):
    value: int
    basis: list[Citation]
    note: str | None = None


class Product(_Strict):
    template: str
    file: str
    per: str | None = None          # energy_company | neighbour | sea_body
    audience: str = "public"        # public | internal


class Step(Dated):
    id: str
    title: str
    basis: list[Citation]
    needs: list[str | dict[str, str]]
    date: str
    after: str | None = None
    when: str | None = None
    products: list[Product]

    def needed_facts(self) -> list[str]:
        return [n for n in self.needs if isinstance(n, str)]


class FixedHoliday(Dated):
    month: int
    day: int
    name: str
    source: str | None = None
    verified: bool = False


class EasterHoliday(Dated):
    offset: int
    name: str


class SaturdayRule(Dated):
    saturday_moves: bool
    basis: list[Citation]
    source: str
    verified: bool = False


class Calendar(_Strict):
    fixed_holidays: list[FixedHoliday]
    easter_holidays: list[EasterHoliday]
    saturday_rule: list[SaturdayRule]


class ProcedureRules(_Strict):
    acts: dict[str, Act]
    terms: dict[str, Term]
    steps: list[Step]
    calendar: Calendar
    provisions: dict[str, Provision] = {}

    def provision(self, name: str, on: date) -> Provision | None:
        """The provision in force on `on`, or None (then the rule does not apply)."""
        p = self.provisions.get(name)
        return p if p is not None and p.in_force(on) else None

    def cite_provision(self, name: str, on: date) -> str:
        """'art. 19 ust. 8 ustawy …' for the provision in force on `on`; '' when none is."""
        p = self.provision(name, on)
        return self.cite(p.basis, on) if p is not None and p.basis else ""

    def term(self, name: str, on: date) -> Term:
        term = self.terms[name]
        if not term.in_force(on):
            raise UserError(f"rules/procedure.yaml, terms.{name}: brak brzmienia obowiązującego w dniu {on.isoformat()}.")
        return term

    def step(self, step_id: str) -> Step:
        return next(s for s in self.steps if s.id == step_id)

    def cite(self, citations: list[Citation], on: date | None = None) -> str:
        """'art. 19 ust. 6 i 7 ustawy … (Dz.U. z 2024 r. poz. 266)': citations grouped by act, in order."""
        parts = []
        by_act: dict[str, list[Citation]] = {}
        for c in citations:
            by_act.setdefault(c.act, []).append(c)
        for key, cites in by_act.items():
            act = self.acts[key]
            current = on is None or act.cite_from is None or on >= act.cite_from
            where = f" ({act.dz_u}, z późn. zm.)" if act.verified and act.dz_u and current and key != "RODO" else ""
            parts.append(f"{_join(_refs(cites))} {act.title}{where}")
        return " oraz ".join(parts)


def _ref(c: Citation) -> str:
    s = f"art. {c.art}"
    if c.par:
        s += f" § {c.par}"
    if c.ust:
        s += f" ust. {c.ust}"
    if c.pkt:
        s += f" pkt {c.pkt}"
    return s


def _refs(cites: list[Citation]) -> list[str]:
    """art. 19 ust. 6, art. 19 ust. 7 → 'art. 19 ust. 6 i 7' (same article, paragraphs without pkt)."""
    out: list[str] = []
    i = 0
    while i < len(cites):
        c = cites[i]
        group = [c]
        while (i + len(group) < len(cites) and c.ust and not c.pkt and not c.par
               and cites[i + len(group)].art == c.art and cites[i + len(group)].ust
               and not cites[i + len(group)].pkt):
            group.append(cites[i + len(group)])
        out.append(f"art. {c.art} ust. {_join([g.ust or '' for g in group])}" if len(group) > 1 else _ref(c))
        i += len(group)
    return out


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " i " + items[-1]


@lru_cache(maxsize=4)
def _load(path: Path) -> ProcedureRules:
    data, lines = load_yaml(path)
    try:
        rules = ProcedureRules.model_validate(data)
    except ValidationError as exc:
        raise UserError(pydantic_messages(exc, str(path), lines)) from None
    _titles_from_policies(rules, path)
    for step in rules.steps:
        for c in step.basis:
            if c.act not in rules.acts:
                raise UserError(f"{path}, krok {step.id}: nieznany akt {c.act!r} w podstawie prawnej.")
    for name, provision in rules.provisions.items():
        for c in provision.basis:
            if c.act not in rules.acts:
                raise UserError(f"{path}, provisions.{name}: nieznany akt {c.act!r} w podstawie prawnej.")
    return rules


def _titles_from_policies(rules: ProcedureRules, path: Path) -> None:
    """Acts also listed in rules/policies.yaml take their title from there (one place for an act's name)."""
    wanted = {key: act.policy for key, act in rules.acts.items() if act.policy}
    if not wanted:
        return
    from reportgen.law.policies import load_policies
    policies = {p.id: p for p in load_policies()}
    for key, pid in wanted.items():
        policy = policies.get(pid)
        if policy is None:
            raise UserError(f"{path}, acts.{key}: nie ma wpisu {pid!r} w rules/policies.yaml.")
        rules.acts[key].title = policy.genitive or policy.title
    missing = [key for key, act in rules.acts.items() if not act.title]
    if missing:
        raise UserError(f"{path}: akty bez tytułu (podaj title albo policy): {', '.join(missing)}.")


def load_procedure_rules(path: Path | None = None) -> ProcedureRules:
    return _load(Path(path or rules_dir() / "procedure.yaml").resolve())


def terms_on(day: date) -> dict[str, int]:
    """The statutory periods in force on `day` (display_days → 21, horizon_years → 15, update_years → 3): what
    the plan's texts say of the procedure comes from rules/procedure.yaml, never from a number in a template."""
    return {name: term.value for name, term in load_procedure_rules().terms.items() if term.in_force(day)}
