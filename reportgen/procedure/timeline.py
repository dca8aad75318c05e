"""The procedure's dates: what follows from the recorded ones (display end, last day for comments, update due)
and the checks a reviewer would make (display shorter than 21 days, session before the display ended …)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from reportgen.procedure.calendar import holidays, term_end_days, term_end_years
from reportgen.procedure.comments import Comment
from reportgen.procedure.facts import ProcedureFacts
from reportgen.procedure.law import ProcedureRules


@dataclass
class Finding:
    severity: str      # error | warning
    message: str


@dataclass
class Timeline:
    display_end: date | None = None        # last day of the display = last day for comments (art. 19 ust. 6–7)
    display_days: int | None = None
    update_due: date | None = None         # art. 19 ust. 2: 3 years from the resolution
    mailed: tuple[str, ...] = ()           # comment channels whose day of sending keeps the term (art. 57 § 5 KPA)
    posted: tuple[str, ...] = ()           # of those, the ones that arrive after sending (post)
    mailed_basis: str = ""                 # the citation of that rule

    def load_comments(self, folder):
        """The folder's comment file with lateness judged against this timeline (None when there is none)."""
        from reportgen.procedure.comments import load_comments
        return load_comments(folder, self.display_end, self.mailed, self.posted)

    def get(self, name: str, facts: ProcedureFacts):
        if hasattr(self, name) and getattr(self, name) is not None:
            return getattr(self, name)
        return getattr(facts.p.dates, name, None)


def _fmt(d: date) -> str:
    return d.strftime("%d.%m.%Y")


def _free_day_name(day: date, rules: ProcedureRules) -> str:
    """'sobotę', 'niedzielę' or 'dzień wolny od pracy (name)' – the accusative after 'przypada na'."""
    name = holidays(day.year, rules).get(day)
    if name:
        return f"dzień wolny od pracy ({name})"
    return {5: "sobotę", 6: "niedzielę"}.get(day.weekday(), "dzień wolny od pracy")


def _saturday_rule_cite(day: date, rules: ProcedureRules) -> str:
    """The citation of the rule moving a term off a free day (art. 57 § 4 KPA), from the calendar rules
    (the entry in force on `day` first)."""
    entries = sorted(rules.calendar.saturday_rule, key=lambda r: not r.in_force(day))
    return rules.cite([c for r in entries for c in r.basis][:1], day)


def _basis(rules: ProcedureRules, provision: str, on: date) -> str:
    """' (art. 19 ust. 8 ustawy …)' from rules/procedure.yaml provisions, or '' when none is in force on `on`."""
    cited = rules.cite_provision(provision, on)
    return f" ({cited})" if cited else ""


def compute(facts: ProcedureFacts, rules: ProcedureRules) -> Timeline:
    d = facts.p.dates
    t = Timeline()
    if d.display_start:
        term = rules.term("display_days", d.display_start)
        t.display_days = term.value
        # the notice's own end date wins when given (checked below); otherwise the KPA count
        t.display_end = d.display_end or term_end_days(d.display_start, term.value, rules)
        mailed = rules.provision("mailed_in_time", t.display_end)
        if mailed is not None:
            t.mailed, t.posted = tuple(mailed.channels), tuple(mailed.posted)
            t.mailed_basis = rules.cite(mailed.basis, t.display_end)
    if d.resolution_date:
        years = rules.term("update_years", d.resolution_date).value
        t.update_due = term_end_years(d.resolution_date, years, rules)
    return t


def check(facts: ProcedureFacts, rules: ProcedureRules, timeline: Timeline,
          comments: list[Comment] | None = None) -> list[Finding]:
    """Findings on the procedure's dates, one check per step in the order of the procedure, then on the comments."""
    d = facts.p.dates
    dated = [*_display_term(d, rules), *_step_order(d, timeline, rules), *_replies(d, rules)]
    if d.display_start and d.session is None and d.resolution_date:
        dated.append(("error", "resolution_date", "podano datę uchwały bez daty sesji."))
    out = [Finding(severity, f"{facts.where('dates', key)}: {text}") for severity, key, text in dated]
    if timeline.display_end:
        out += _comment_findings(d, timeline.display_end, timeline.mailed_basis, comments or [])
    return out


DatedProblem = tuple[str, str, str]     # severity, key of dates in procedure.yaml, text


def _display_term(d, rules: ProcedureRules) -> list[DatedProblem]:
    """The display of the draft lasts the statutory term, counted as art. 57 KPA counts it."""
    if not (d.display_start and d.display_end):
        return []
    term = rules.term("display_days", d.display_start)
    required = term_end_days(d.display_start, term.value, rules)
    last_day = d.display_start + timedelta(days=term.value)    # art. 57 § 1: the start day is not counted
    if last_day <= d.display_end < required:
        # long enough, but the last day is free: art. 57 § 4 moves the end to the next working day
        return [("error", "display_end",
                 f"wyłożenie od {_fmt(d.display_start)} do {_fmt(d.display_end)}: {term.value}. dzień "
                 f"({_fmt(last_day)}) przypada na {_free_day_name(last_day, rules)}, więc termin kończy się w najbliższym "
                 f"dniu roboczym ({_saturday_rule_cite(last_day, rules)}) – wyłożenie musi trwać do {_fmt(required)}.")]
    if d.display_end < required:
        return [("error", "display_end",
                 f"wyłożenie od {_fmt(d.display_start)} do {_fmt(d.display_end)} trwa "
                 f"{(d.display_end - d.display_start).days} dni – krócej niż {term.value} dni wymagane przez "
                 f"{rules.cite(term.basis, d.display_start)}; najwcześniejszy dzień zakończenia liczony jak w "
                 f"{rules.cite_provision('term_counting', d.display_start) or 'przepisach o terminach'}: {_fmt(required)}.")]
    return []


def _step_order(d, timeline: Timeline, rules: ProcedureRules) -> list[DatedProblem]:
    """Notice before display, session after it, the opinion between request and session, the adoption notice after
    the resolution."""
    out: list[DatedProblem] = []
    if d.display_notice and d.display_start and d.display_notice > d.display_start:
        out.append(("error", "display_notice", f"obwieszczenie ({_fmt(d.display_notice)}) ogłoszono po rozpoczęciu wyłożenia "
                    f"({_fmt(d.display_start)}) – mieszkańcy nie zostali powiadomieni przed wyłożeniem."))
    if d.session and timeline.display_end and d.session <= timeline.display_end:
        out.append(("error", "session", f"sesja Rady ({_fmt(d.session)}) przed końcem wyłożenia ({_fmt(timeline.display_end)}) – "
                    f"Rada rozpatruje uwagi zgłoszone podczas wyłożenia{_basis(rules, 'council_considers_comments', d.session)}, "
                    f"więc sesja musi być później."))
    if d.session and d.opinion_received and d.opinion_received > d.session:
        out.append(("error", "opinion_received", f"opinia Zarządu Województwa ({_fmt(d.opinion_received)}) wpłynęła po sesji "
                    f"({_fmt(d.session)}) – projekt podlega opiniowaniu przed uchwaleniem"
                    f"{_basis(rules, 'opinion_before_adoption', d.session)}."))
    if d.opinion_requested and d.opinion_received and d.opinion_received < d.opinion_requested:
        out.append(("error", "opinion_received",
                    f"opinia ({_fmt(d.opinion_received)}) datowana przed wnioskiem ({_fmt(d.opinion_requested)})."))
    if d.session and d.resolution_date and d.resolution_date != d.session:
        out.append(("warning", "resolution_date",
                    f"data uchwały ({_fmt(d.resolution_date)}) różni się od daty sesji ({_fmt(d.session)})."))
    if d.adoption_notice_sent and d.resolution_date and d.adoption_notice_sent < d.resolution_date:
        out.append(("error", "adoption_notice_sent", f"zawiadomienie o uchwaleniu ({_fmt(d.adoption_notice_sent)}) przed uchwałą "
                    f"({_fmt(d.resolution_date)})."))
    return out


def _replies(d, rules: ProcedureRules) -> list[DatedProblem]:
    """Every reply after the letter it answers; the SEA notice after both SEA bodies agreed."""
    out: list[DatedProblem] = []
    for key in ("sea_reply_rdos", "sea_reply_ppis"):
        reply = getattr(d, key)
        if reply and d.sea_letters_sent and reply < d.sea_letters_sent:
            out.append(("error", key, f"odpowiedź ({_fmt(reply)}) datowana przed wystąpieniem ({_fmt(d.sea_letters_sent)})."))
    if d.sea_notice and any(getattr(d, key) is None or getattr(d, key) > d.sea_notice
                            for key in ("sea_reply_rdos", "sea_reply_ppis")):
        out.append(("error", "sea_notice", f"obwieszczenie o odstąpieniu od strategicznej oceny wymaga wcześniejszego "
                    f"uzgodnienia z RDOŚ i PPIS{_basis(rules, 'sea_agreement', d.sea_notice)} – brak daty odpowiedzi "
                    f"lub odpowiedź późniejsza."))
    for field_, sent in (("energy_replies", d.energy_requests_sent), ("neighbour_replies", d.neighbour_letters_sent)):
        for key, reply in getattr(d, field_).items():
            if sent is None or reply < sent:
                out.append(("error", field_, f"odpowiedź {key} ({_fmt(reply)}) bez wcześniejszego pisma "
                            f"(data wysłania: {_fmt(sent) if sent else 'brak'})."))
    return out


def _comment_findings(d, display_end: date, mailed_basis: str, comments: list[Comment]) -> list[Finding]:
    """Comments after the last day (late, or to check by the date of posting) or before the display was announced."""
    out: list[Finding] = []
    for c in comments:
        if c.sent_unknown:
            out.append(Finding("warning", f"uwaga nr {c.number} ({c.channel}) wpłynęła {_fmt(c.received)}, po "
                               f"ostatnim dniu składania uwag ({_fmt(display_end)}); sprawdź datę nadania: "
                               f"pismo nadane przed upływem terminu w polskiej placówce pocztowej operatora "
                               f"wyznaczonego jest złożone w terminie ({mailed_basis}). Wpisz ją w kolumnie "
                               f"data_nadania; do tego czasu uwaga nie jest w wykazie oznaczona jako złożona po terminie."))
        elif c.late and c.sent is not None:
            out.append(Finding("warning", f"uwaga nr {c.number} ({c.channel}) nadana {_fmt(c.sent)}, po ostatnim "
                               f"dniu składania uwag ({_fmt(display_end)}); w wykazie oznaczona jako złożona po terminie."))
        elif c.late:
            out.append(Finding("warning", f"uwaga nr {c.number} wpłynęła {_fmt(c.received)}, po ostatnim dniu "
                               f"składania uwag ({_fmt(display_end)}); w wykazie oznaczona jako złożona po terminie."))
        if d.display_start and c.received < d.display_start and d.display_notice and c.received < d.display_notice:
            out.append(Finding("warning", f"uwaga nr {c.number} wpłynęła {_fmt(c.received)}, przed ogłoszeniem wyłożenia."))
    return out
