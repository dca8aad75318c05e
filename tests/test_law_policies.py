"""rules/policies.yaml: law and policy as dated data; the same content built on two dates either side of a change in
the law prints the law in force on each date (document-model level, no .docx)."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from reportgen.errors import UserError
from reportgen.law.policies import load_policies, policies_on


def test_every_entry_has_source_dates_and_verification():
    entries = load_policies()
    assert len({p.id for p in entries}) == len(entries)
    for p in entries:
        assert p.source and p.last_verified <= date(2026, 12, 1)
        assert not p.verified or p.verified_against, p.id
        # a draft whose adoption is not confirmed carries a note saying so
        assert p.confirmed or p.note, p.id


@pytest.mark.parametrize("day, in_force, not_in_force", [
    # PEP2040 published in M.P. 2021 poz. 264, replacing PEP2030 from 2021-03-10
    (date(2021, 3, 9), {"PEP2030", "SPATIAL-STUDIUM", "OZE-CLUSTER-2016"}, {"PEP2040"}),
    (date(2021, 3, 10), {"PEP2040"}, {"PEP2030"}),
    # studia lose force after 2026-06-30 (Dz.U. 2025 poz. 527); the plan ogólny is the instrument from 2026-07-01
    (date(2026, 6, 30), {"SPATIAL-STUDIUM"}, {"SPATIAL-PLAN-OGOLNY"}),
    (date(2026, 7, 1), {"SPATIAL-PLAN-OGOLNY", "OZE-CLUSTER-2024", "EED-2023", "EPBD-2024", "RED-III"},
     {"SPATIAL-STUDIUM", "OZE-CLUSTER-2016"}),
    # Prawo energetyczne entered into force on 1997-12-05
    (date(1997, 12, 4), set(), {"ACT-PE"}),
    (date(1997, 12, 5), {"ACT-PE"}, set()),
])
def test_entries_in_force_on_a_date(day, in_force, not_in_force):
    ids = {p.id for p in policies_on(day).entries}
    assert in_force <= ids and not (not_in_force & ids)


def test_unconfirmed_update_is_never_cited_as_adopted():
    law = policies_on(date(2026, 12, 1))
    assert [p.id for p in law.topic("energy_policy")] == ["PEP2040", "KPEIK-2019"]
    assert {p.id for p in law.topic("energy_policy", confirmed=False)} == {"PEP2040-UPDATE", "KPEIK-UPDATE"}
    assert [p.id for p in law.updates_of("KPEIK-2019")] == ["KPEIK-UPDATE"]


def test_act_wording_in_force_and_missing_act():
    assert "o centralnej ewidencji emisyjności" in policies_on(date(2022, 6, 30)).act("thermo").title
    assert "o centralnej ewidencji emisyjności" not in policies_on(date(2015, 7, 1)).act("thermo").title
    with pytest.raises(UserError) as exc:
        policies_on(date(1995, 1, 1)).act("pe")
    assert "brak ustawy 'pe' obowiązującej 1995-01-01" in exc.value.messages[0]


def test_bad_policies_file_names_file_key_and_line(tmp_path):
    path = tmp_path / "policies.yaml"
    path.write_text("policies:\n  - id: X\n    kind: act\n    topic: acts\n    act: x\n    title: T\n    source: S\n"
                    "    valid_from: 2020-01-01\n    status: obowiązuje\n    last_verified: 2026-12-01\n"
                    "    verified: false\n", encoding="utf-8")
    with pytest.raises(UserError) as exc:
        load_policies(path)
    assert f"{path}, wiersz 9: klucz policies[0].status: niedozwolona wartość" in exc.value.messages[0]


# ---------------------------------------------------------------- the same content on two dates ----------------

def _text_on(copy: Path, day: date, monkeypatch) -> str:
    """Build the document model of `copy` dated `day`, without writing the .docx."""
    from reportgen import build
    gmina = copy / "gmina.yaml"
    text = gmina.read_text(encoding="utf-8")
    gmina.write_text(re.sub(r"(?m)^document_date: \S+", f"document_date: {day.isoformat()}", text), encoding="utf-8")
    monkeypatch.setattr(build, "render_docx", lambda *a, **k: b"")
    return build.build_document(copy).document.full_text().replace("\u00a0", " ")


def test_kluki_on_either_side_of_the_planning_reform_and_the_2024_cluster_definition(kluki_copy, monkeypatch):
    before = _text_on(kluki_copy, date(2026, 6, 30), monkeypatch)
    after = _text_on(kluki_copy, date(2026, 12, 1), monkeypatch)
    # art. 18 ust. 2 sentence: studium until 30 June 2026, plan ogólny afterwards
    assert "w studium uwarunkowań i kierunków zagospodarowania przestrzennego gminy, oraz z programem" in before
    assert "z planem ogólnym gminy" not in before
    assert "z planem ogólnym gminy, który po utracie mocy studiów" in after
    assert "z kierunkami rozwoju określonymi w studium" not in after
    # the gmina's own studium (text.yaml policy.spatial_study) is listed only while studia are in force
    own_studium = "Studium uwarunkowań i kierunków zagospodarowania przestrzennego Gminy Kluki (uchwała"
    listed = [t[t.index("uwzględniono następujące dokumenty"):t.index("Projekt założeń jest z nimi zgodny")]
              for t in (before, after)]
    assert own_studium in listed[0] and own_studium not in listed[1]
    # both dates are after the 2023 OZE amendment: the 2024 cluster definition, with the mandatory JST party
    for text in (before, after):
        assert "stroną porozumienia musi być jednostka samorządu terytorialnego" in text
        assert "Projekt aktualizacji KPEiK przedłożono do konsultacji publicznych w październiku 2024 r." in text
        # EED art. 25(6): Kluki (4 412 inhabitants in data) is below the 45 000 threshold
        assert "liczy 4 412 mieszkańców, a więc mniej niż 45 000" in text
    # Mój Prąd ended in 2025 (policies.yaml), Moje Ciepło runs to the end of 2026
    assert "„Mój Prąd”" not in after and "„Moje Ciepło”" in after


def test_kluki_2022_is_a_document_of_its_own_date(kluki_build):
    text = kluki_build.document.full_text().replace("\u00a0", " ")
    assert "z kierunkami rozwoju określonymi w studium" in text and "plan ogólny" not in text
    for later in ("(UE) 2023/1791", "(UE) 2024/1275", "(UE) 2023/2413", "Dz.U. 2023 poz. 1762", "konsultacji publicznych w październiku 2024"):
        assert later not in text, later
    assert "„Mój Prąd”" in text
    # provisions in force in mid-2022: rescaled energy labels, the CEEB declarations, the 2021 consolidated text
    assert "według etykiet w skali A–G" in text and "w centralnej ewidencji emisyjności budynków." in text
    assert "o efektywności energetycznej (Dz.U. z 2021 r. poz. 2166 z późn. zm.)" in text


def test_knyszyn_2015_cites_the_policy_of_2015(knyszyn_build):
    text = knyszyn_build.document.full_text().replace("\u00a0", " ")
    assert "„Polityka energetyczna Polski do 2030 roku”" in text and "PEP2040" not in text
    assert "KPEiK" not in text and "Czyste Powietrze" not in text
    assert "15 kwietnia 2011 r. o efektywności energetycznej" in text
    # the water act of 2001 (Prawo wodne of 2017 in force from 2018), cited with its date
    assert "pozwolenia wodnoprawnego na podstawie ustawy z dnia 18 lipca 2001 r. – Prawo wodne." in text


def test_rules_command_lists_policies_in_force_with_sources():
    from click.testing import CliRunner

    from reportgen.check.commands import rules
    out = CliRunner().invoke(rules, ["--as-of", "2026-12-01"]).output
    assert "Akty, polityki i programy" in out and "obowiązujące 2026-12-01" in out
    assert "\nSPATIAL-PLAN-OGOLNY  [obowiązuje]" in out and "\nSPATIAL-STUDIUM  [" not in out
    assert "\nKPEIK-UPDATE  [projekt – przyjęcie niepotwierdzone · niezweryfikowane]" in out
    assert "źródło: uchwała nr 22/2021 Rady Ministrów z dnia 2 lutego 2021 r.; obwieszczenie" in out
    assert "\nPE-19-7  [informacja · procedura]" in out and "[interpretacja]" in out


@pytest.mark.parametrize("day, in_force, not_in_force", [
    # the 2016 efficiency act from 1 October 2016; the wind act (Dz.U. 2016 poz. 961) from 16 July 2016
    (date(2016, 9, 30), {"ACT-UEE-2011", "ACT-WIND-2016"}, {"ACT-UEE-2016"}),
    (date(2016, 10, 1), {"ACT-UEE-2016"}, {"ACT-UEE-2011"}),
    (date(2016, 7, 15), set(), {"ACT-WIND-2016"}),
    # Prawo wodne of 20 July 2017 (Dz.U. 2017 poz. 1566) replaced that of 18 July 2001 from 1 January 2018
    (date(2017, 12, 31), {"ACT-PW-2001"}, {"ACT-PW-2017"}),
    (date(2018, 1, 1), {"ACT-PW-2017"}, {"ACT-PW-2001"}),
    # rescaled A–G energy labels (Regulation (EU) 2017/1369) from 1 March 2021
    (date(2021, 2, 28), set(), {"EU-ENERGY-LABEL-RESCALED"}),
    (date(2021, 3, 1), {"EU-ENERGY-LABEL-RESCALED", "ACT-TERMO-CEEB"}, {"ACT-TERMO-2008", "CEEB-DECLARATIONS-2021"}),
])
def test_law_in_force_by_entry(day, in_force, not_in_force):
    law = policies_on(day)
    assert all(law.in_force(pid) for pid in in_force) and not any(law.in_force(pid) for pid in not_in_force)


def test_consolidated_text_cited_from_its_day():
    act = policies_on(date(2022, 1, 1)).act("efficiency")
    assert policies_on(date(2022, 1, 1)).consolidated(act) == "Dz.U. z 2021 r. poz. 2166 z późn. zm."
    assert policies_on(date(2021, 12, 31)).consolidated(act) == ""
    # of several consolidated texts, a document cites the latest of its own date
    later = act.model_copy(update={"consolidated": (*act.consolidated, act.consolidated[0].model_copy(
        update={"cited_from": date(2030, 6, 1), "citation": "Dz.U. z 2030 r. poz. 1 (przykład)"}))})
    assert policies_on(date(2030, 5, 31)).consolidated(later) == "Dz.U. z 2021 r. poz. 2166 z późn. zm."
    assert policies_on(date(2030, 6, 1)).consolidated(later) == "Dz.U. z 2030 r. poz. 1 (przykład)"


def test_a_template_asking_for_an_unknown_entry_is_stopped():
    # a misspelt id must not silently read as "not in force"
    with pytest.raises(UserError, match="brak wpisu 'EU-ENERGY-LABEL-RESCALD'"):
        policies_on(date(2026, 12, 1)).in_force("EU-ENERGY-LABEL-RESCALD")


def test_efficiency_chapter_on_either_side_of_the_2016_act(kluki_copy, monkeypatch):
    # art. 19 ust. 3 pkt 3a: the measures of the act in force on the document's date (2011: art. 10, 2016: art. 6)
    before = _text_on(kluki_copy, date(2016, 7, 15), monkeypatch)
    after = _text_on(kluki_copy, date(2016, 10, 1), monkeypatch)
    assert "w rozumieniu ustawy z dnia 15 kwietnia 2011 r. o efektywności energetycznej. Art. 10 tej ustawy" in before
    assert "(art. 10 ust. 2 pkt 5)" in before and "20 maja 2016 r. o efektywności" not in before
    assert "w rozumieniu ustawy z dnia 20 maja 2016 r. o efektywności energetycznej. Zgodnie z art. 6" in after
    assert "(art. 6 ust. 2 pkt 3), także w formule umowy o poprawę efektywności energetycznej" in after
    # neither date cites the 2021 consolidated text nor the 2021 title of the thermo-modernisation act
    for text in (before, after):
        assert "poz. 2166" not in text and "o centralnej ewidencji emisyjności budynków" not in text
        assert "według etykiet w skali A–G" not in text           # rescaled labels from 1 March 2021
        assert "klastra energii lub spółdzielni energetycznej" in text   # OZE amendment in force from 1 July 2016
    # the wind act came into force on 16 July 2016: the day before, the planning rules of before
    assert "o inwestycjach w zakresie elektrowni wiatrowych" not in before
    assert "Lokalizacja elektrowni wiatrowej wymaga ustaleń miejscowego planu" in before
    assert "reguluje ustawa z dnia 20 maja 2016 r. o inwestycjach w zakresie elektrowni wiatrowych:" in after


def test_no_template_compares_the_document_date_with_a_date_of_its_own():
    # when a provision came into force is data (policies.yaml valid_from, asked through law.in_force/law.act/
    # law.topic), never a literal in a text: "(2016, 10)" in a template is a date nobody can source or update
    from reportgen.paths import rules_dir, templates_dir
    files = [*sorted((templates_dir() / "text").glob("*.j2")), rules_dir() / "structure.yaml"]
    literal_date = re.compile(r"\(\s*(?:19|20)\d\d\s*,\s*\d{1,2}\s*\)|date\(\s*(?:19|20)\d\d|document_date[^}%]*[<>]=?")
    offenders = [f"{f.name}: {m.group(0)}" for f in files for m in literal_date.finditer(f.read_text("utf-8"))]
    assert offenders == []
