"""The plan's texts take the statutory periods (art. 19 ust. 2 and 6 PE: at least 15 years, updated at least every
3 years, displayed for 21 days) from rules/procedure.yaml as in force on the document date – a changed law is a
changed line of data, not a hunt through the templates."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reportgen.procedure.law import terms_on

ROOT = Path(__file__).resolve().parents[1]


def test_periods_in_force_today():
    # art. 19 ust. 2 (15 years, update every 3 years; wording since 3 March 2005) and ust. 6 (21 days) PE
    terms = terms_on(dt.date(2026, 12, 1))
    assert (terms["horizon_years"], terms["update_years"], terms["display_days"]) == (15, 3, 21)


@pytest.fixture(scope="module")
def text_under_another_law():
    """Kluki 2026 (an update of the 2022 plan) built as if the statute said 20 years, every 4 years, 30 days."""
    import reportgen.build as build

    def law_of_the_document_date(day):        # the other law only on the document's date, today's law otherwise
        other = {"horizon_years": 20, "update_years": 4, "display_days": 30}
        return other if day == dt.date(2026, 12, 1) else terms_on(day)
    mp = pytest.MonkeyPatch()
    mp.setattr(build, "terms_on", law_of_the_document_date)
    try:
        document, ctx = build.compose_document(ROOT / "content" / "kluki-2026")
    finally:
        mp.undo()
    return document.full_text().replace("\u00a0", " "), ctx.content.gmina.document_date   # typeset: no-break spaces


def test_legal_basis_states_the_periods_in_force(text_under_another_law):
    text, _ = text_under_another_law
    assert "co najmniej na okres 20 lat i aktualizuje co najmniej raz na 4 lata (art. 19 ust. 2)" in text
    assert "wyłożeniu do publicznego wglądu na okres 30 dni" in text
    assert "co najmniej na okres 15" not in text and "21 dni" not in text and "raz na 3 lata" not in text


def test_next_update_is_due_after_the_period_in_force(text_under_another_law):
    text, day = text_under_another_law
    assert f"kolejny raz nie później niż w {day.year + 4} r." in text
    assert "aktualizuje się co najmniej raz na 4 lata" in text     # the update chapter of a plan update
