# mypy: disable-error-code="union-attr,var-annotated"
"""An accepted comment's data change reaches every table, figure and sentence that depends on it; a rejected
comment's change reaches none (issue #10).

Method: the document model (no .docx) of content/kluki is composed before and after applying one comment's
change; blocks are compared one by one (tables by caption, rows and note; figures by caption and chart data;
paragraphs by text, identified by section id and position). The dependent blocks come from provenance: a table or
figure names its results (`provenance`), a result names its inputs (`Result.inputs`, "wynik: X" = another result),
so the closure over results gives every block whose numbers come from the changed file and key.

Where provenance is too coarse it is said below: a result's input names a whole subtree ("electricity.yaml:
network"), so a block that shows only part of that subtree depends on the changed key according to provenance
but cannot change. Those blocks are listed per change with the reason (COARSE), and the test asserts
changed == dependent − COARSE. Paragraphs carry no provenance: for them the test asserts on the sections we can
name (the section where the changed quantity is described changes, no paragraph changes for a rejected comment).
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from reportgen.build import compose_document
from reportgen.document.model import Figure, Table
from reportgen.procedure.changes import apply_changes
from reportgen.procedure.facts import load_procedure
from reportgen.procedure.law import load_procedure_rules
from reportgen.procedure.revision import accepted_changes
from reportgen.procedure.timeline import compute

ROOT = Path(__file__).resolve().parents[1]
KLUKI = ROOT / "content" / "kluki"

# Blocks that provenance says depend on the change but that do not show the changed quantity (hand-checked
# against the block definitions: what each table's columns are).
COARSE = {
    # t_network lists line lengths per voltage and t_mv_lines the MV lines; the station count is only in text
    2: {"t_network": "pokazuje długości linii, nie liczbę stacji",
        "t_mv_lines": "pokazuje linie SN, nie liczbę stacji"},
    # EK tables are the norms/indices per building type; t_thermo_opt the thermomodernisation options in
    # kWh/m² – both read the `heat` result but none of its floor-area totals
    7: {"t_ek_housing": "wskaźniki EK na m² (nie zależą od powierzchni)",
        "t_ek_business": "wskaźniki EK na m² (nie zależą od powierzchni)",
        "t_thermo_opt": "warianty termomodernizacji na m²"},
}
# The section where each accepted change's quantity is described in words (rules/structure.yaml ids).
SENTENCES = {1: "s_res_solar", 2: "s_el_network", 4: "ch_cooperation", 6: "s_rat_el", 7: "s_heat_housing"}


def fingerprint(document) -> dict:
    out: dict = {}
    for section in document.walk_sections():
        for i, block in enumerate(section.blocks):
            if isinstance(block, Table):
                out[block.id] = repr((block.caption, block.rows, block.note))
            elif isinstance(block, Figure):
                out[block.id] = repr((block.caption, block.chart_spec))
            else:
                out[(section.id, i)] = block.text
    return out


def dependent_blocks(document, results, change) -> set[str]:
    """Tables and figures whose provenance (closed over "wynik: X" inputs) includes the changed file and key."""
    key = ".".join(str(k) for k in change.path)

    def touches(entry: str) -> bool:
        file, _, where = (part.strip() for part in entry.partition(":"))
        return file == change.file and (not where or key == where or key.startswith(where + ".")
                                        or key.startswith(where + "["))

    hit = {name for name, r in results.items() if any(touches(i) for i in r.inputs)}
    grown = True
    while grown:            # a result built on a hit result is hit too
        more = {name for name, r in results.items()
                if any(i.startswith("wynik:") and i.split(":", 1)[1].strip() in hit for i in r.inputs)}
        grown = not more <= hit
        hit |= more
    return {b.id for _, b in document.blocks() if isinstance(b, (Table, Figure))
            and hit & {n.strip() for n in b.provenance.split(",")}}


def compose_with(changes) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "kluki"
        apply_changes(KLUKI, copy, changes)
        return fingerprint(compose_document(copy)[0])


@pytest.fixture(scope="module")
def base():
    document, ctx = compose_document(KLUKI)
    return document, ctx.results, fingerprint(document)


@pytest.fixture(scope="module")
def comments():
    facts = load_procedure(KLUKI)
    return compute(facts, load_procedure_rules()).load_comments(KLUKI).comments


def changed(before: dict, after: dict) -> set:
    assert after.keys() == before.keys()          # no block appears or disappears for a data change
    return {k for k in before if before[k] != after[k]}


@pytest.fixture(scope="module")
def per_comment(base, comments):
    """Changed blocks for each accepted comment with data changes, applied alone."""
    return {c.number: changed(base[2], compose_with(c.changes)) for c in comments if c.accepted and c.changes}


def test_the_example_has_accepted_and_rejected_changes(comments):
    # content/kluki/consultation/uwagi.csv: comments 1, 2, 4, 6, 7 accepted with data changes, 5 rejected with one
    assert sorted(c.number for c in comments if c.accepted and c.changes) == [1, 2, 4, 6, 7]
    assert [c.number for c in comments if not c.accepted and c.changes] == [5]


@pytest.mark.parametrize("number", [1, 2, 4, 6, 7])
def test_accepted_change_reaches_every_dependent_table_and_figure(base, comments, per_comment, number):
    document, results, _ = base
    comment = next(c for c in comments if c.number == number)
    dependent = set().union(*(dependent_blocks(document, results, ch) for ch in comment.changes))
    blocks = {k for k in per_comment[number] if isinstance(k, str)}
    assert blocks <= dependent, f"zmiana dotarła do bloków bez tej zależności: {blocks - dependent}"
    assert blocks == dependent - set(COARSE.get(number, {}))
    # the sentence describing the quantity changes too
    assert any(isinstance(k, tuple) and k[0] == SENTENCES[number] for k in per_comment[number])


def test_floor_area_reaches_the_whole_chain(per_comment):
    # housing floor area → heat demand → carriers → emissions → scenarios → RES (heat share): by hand from the
    # results' inputs (heat ← heat.yaml: sectors; carriers ← wynik: heat; emissions ← wynik: carriers;
    # scenarios ← wynik: heat/carriers/emissions; renewables ← wynik: heat)
    blocks = {k for k in per_comment[7] if isinstance(k, str)}
    assert {"t_floor_area", "t_heat_balance", "f_heat_sector", "t_carriers", "f_carriers", "t_emissions",
            "f_emissions", "t_sc_heat_recommended", "f_sc_traj_baseline", "f_sc_em", "t_res"} <= blocks


def test_rejected_change_reaches_nothing_and_the_revision_is_the_sum_of_accepted(base, comments, per_comment):
    revised = compose_with([ch for _, ch in accepted_changes(comments)])
    in_revision = changed(base[2], revised)
    assert in_revision == set().union(*per_comment.values())
    # comment 5 (rejected) proposed renewables.yaml: heat_pumps.households = 300: applied alone it would change
    # the heat-pump sentence; in the revision that sentence is as before
    rejected = next(c for c in comments if c.number == 5)
    alone = changed(base[2], compose_with(rejected.changes))
    geo = {k for k in alone if isinstance(k, tuple) and k[0] == "s_res_geo"}
    assert geo and not geo & in_revision
