"""The 3-year currency review (art. 19 ust. 2 PE): for an adopted plan, what has changed since its date and
whether the update is due and by when.

Everything comes from the dated rules files, never from sentences in code:
- acts, policies and programmes of rules/policies.yaml (read through reportgen.law) that came into force, were
  announced, or stopped being in force between the plan's date and the review date;
- parameters of rules/parameters/ (emission factors and other dated values) with a value dated after the one the
  plan used (the plan's base year for statistics, its date for norms);
- statutory requirements (rules/requirements.yaml) and procedure steps (rules/procedure.yaml) that changed;
- the age of the plan's data (its base year).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reportgen.procedure.law import ProcedureRules
from reportgen.procedure.timeline import Timeline


@dataclass
class CurrencyReview:
    since: dt.date                       # the plan's resolution date
    on: dt.date                          # the review date
    due: dt.date                         # the last day of the statutory update term
    policy_changes: list[str] = field(default_factory=list)
    parameter_changes: list[str] = field(default_factory=list)
    law_changes: list[str] = field(default_factory=list)

    @property
    def overdue(self) -> bool:
        return self.on > self.due

    @property
    def any_change(self) -> bool:
        return bool(self.policy_changes or self.parameter_changes or self.law_changes)


def _short(d: dt.date) -> str:
    return d.strftime("%d.%m.%Y") + " r."


def policy_changes(since: dt.date, on: dt.date) -> list[str]:
    """Entries of rules/policies.yaml that started or ended in (since, on], in date order. An unconfirmed entry
    (draft, announcement) is said to be one: the review may not claim more than the data."""
    from reportgen.law.policies import STATUS_TEXT, load_policies
    dated = []
    for p in load_policies():
        status = "" if p.confirmed else f" ({STATUS_TEXT[p.status]})"
        if since < p.valid_from <= on:
            dated.append((p.valid_from, f"od {_short(p.valid_from)}: {p.title}{status} – {p.source}"))
        if p.valid_to is not None and since <= p.valid_to < on:
            dated.append((p.valid_to, f"do {_short(p.valid_to)}: {p.title} – koniec obowiązywania"))
    return [text for _, text in sorted(dated, key=lambda x: x[0])]


def parameter_changes(since: dt.date, on: dt.date, base_year: int) -> list[str]:
    """Dated parameters of rules/parameters/ with a value newer than the one the plan used (resolved as the plan's
    build resolved it: reportgen.inputs.parameters.resolve_dated) and dated on or before the review."""
    from reportgen.inputs.parameters import resolve_dated
    from reportgen.inputs.yamlio import load_yaml
    from reportgen.paths import rules_dir
    out = []
    for path in sorted((rules_dir() / "parameters").glob("*.yaml")):
        data, _ = load_yaml(path)
        for pid, entry in (data if isinstance(data, dict) else {}).items():
            values = entry.get("values") if isinstance(entry, dict) else None
            if not (isinstance(values, dict) and values and all(isinstance(k, dt.date) for k in values)):
                continue
            try:
                used = resolve_dated(entry, since, base_year)
            except KeyError:
                used = None
            newer = sorted(d for d in values if (used is None or d > used["value_date"]) and d <= on)
            if not newer:
                continue
            latest = resolve_dated(entry, newer[-1], None)
            was = f"{used['value']} {entry.get('unit', '')} (wg stanu z {_short(used['value_date'])})" if used \
                else "brak wartości"
            out.append(f"{entry.get('label', pid)} ({path.name}): w planie {was.strip()}, nowsza wartość "
                       f"{latest['value']} {entry.get('unit', '')} (wg stanu z {_short(latest['value_date'])}) – "
                       f"{latest['source']}")
    return out


def requirement_changes(since: dt.date, on: dt.date, rules: ProcedureRules) -> list[str]:
    """Statutory requirements of the projekt założeń and steps of its procedure that started or ended in the window
    (a requirement ended and replaced by a newer wording the next day is reported once, as the new wording)."""
    from reportgen.rules.requirements import load_requirements
    requirements = [r for r in load_requirements() if r.kind == "requirement"]
    starts = {(r.act, r.art, r.ust, r.pkt, r.valid_from) for r in requirements}
    dated = []
    for r in requirements:
        where = f"{r.act}" + (f", art. {r.art}" if r.art else "") + (f" ust. {r.ust}" if r.ust else "") + \
            (f" pkt {r.pkt}" if r.pkt else "")
        if since < r.valid_from <= on:
            dated.append((r.valid_from, f"od {_short(r.valid_from)}: {where} – {r.text}"))
        replaced = r.valid_to and (r.act, r.art, r.ust, r.pkt, r.valid_to + dt.timedelta(days=1)) in starts
        if r.valid_to and since <= r.valid_to < on and not replaced:
            dated.append((r.valid_to, f"do {_short(r.valid_to)}: {where} – wymaganie przestało obowiązywać"))
    for s in rules.steps:
        if since < s.valid_from <= on:
            dated.append((s.valid_from, f"od {_short(s.valid_from)}: w procedurze – {s.title} ({rules.cite(s.basis, on)})"))
    return [text for _, text in sorted(dated, key=lambda x: x[0])]


def currency_review(since: dt.date, on: dt.date, t: Timeline, rules: ProcedureRules, base_year: int) -> CurrencyReview:
    return CurrencyReview(since, on, t.update_due, policy_changes(since, on),  # type: ignore[arg-type]   # due is set once adopted
                          parameter_changes(since, on, base_year), requirement_changes(since, on, rules))
