"""The 3-year currency review (art. 19 ust. 2 PE) of an adopted plan: what changed since its date, from the dated
rules files (policies, parameters, requirements), and whether the update is due."""
from __future__ import annotations

import datetime as dt

from reportgen.procedure.law import load_procedure_rules
from reportgen.procedure.review import parameter_changes, policy_changes, requirement_changes

# Knyszyn: uchwała X/73/15 of 29.09.2015, base year 2014, reviewed on 30.11.2026 (content/knyszyn)
SINCE, ON = dt.date(2015, 9, 29), dt.date(2026, 11, 30)


def test_policies_that_started_or_ended_after_the_plan():
    changes = policy_changes(SINCE, ON)
    text = "\n".join(changes)
    # rules/policies.yaml by hand: PEP2030 ended 09.03.2021 and PEP2040 started 10.03.2021; the 2011 energy
    # efficiency act ended 30.09.2016 and the 2016 one started 01.10.2016; the PEP2040 update is only a draft
    assert any(c.startswith("do 09.03.2021 r.: Polityka energetyczna Polski do 2030") for c in changes), text
    assert any(c.startswith("od 10.03.2021 r.: Polityka energetyczna Polski do 2040") for c in changes), text
    assert any(c.startswith("do 30.09.2016 r.: ustawa z dnia 15 kwietnia 2011 r. o efektywności") for c in changes)
    assert any(c.startswith("od 01.10.2016 r.: ustawa z dnia 20 maja 2016 r. o efektywności") for c in changes)
    assert any("przyjęcie niepotwierdzone" in c and c.startswith("od 01.01.2025 r.") for c in changes), text
    # nothing in force before the plan and still in force (Prawo energetyczne itself, 1997) is listed
    assert not any("10 kwietnia 1997" in c for c in changes)
    assert [c[3:13] for c in changes] == sorted([c[3:13] for c in changes], key=lambda d: d[6:] + d[3:5] + d[:2])


def test_nothing_changed_in_an_empty_window():
    assert policy_changes(ON, ON) == []
    assert parameter_changes(ON, ON, 2025) == []


def test_newer_emission_factor_than_the_plan_used():
    # electricity_co2_kobize (end users) is dated by base year: values for 2019–2023, 2021: 708, 2023: 597 kg/MWh.
    # A 2014 base year had no value; a 2021 base year used 708 (2021) and 597 (2023) is newer.
    (knyszyn,) = parameter_changes(SINCE, ON, 2014)
    assert "w planie brak wartości" in knyszyn and "nowsza wartość 597 kg/MWh (wg stanu z 01.01.2023 r.)" in knyszyn
    (later,) = parameter_changes(dt.date(2022, 9, 28), ON, 2021)
    assert "w planie 708 kg/MWh (wg stanu z 01.01.2021 r.)" in later and "597 kg/MWh" in later
    # a 2022 base year reviewed before the 2023 value existed in the data: nothing newer
    assert parameter_changes(dt.date(2022, 9, 28), dt.date(2022, 12, 31), 2022) == []


def test_requirement_changes_are_dated_within_the_window():
    changes = requirement_changes(SINCE, ON, load_procedure_rules())
    for c in changes:
        day = dt.datetime.strptime(c[3:13], "%d.%m.%Y").date()
        assert SINCE <= day <= ON, c
