"""Numbers in tables: one precision per column decided from its values, no nonzero value printed as zero, the
published precision kept where a table declares it; one word for totals; en dashes in year ranges.

Expected strings are worked out by hand in the comments (m = the smallest nonzero magnitude of the column; two
significant digits of m need 1 − ⌊log₁₀ m⌋ decimals), never taken from running the code.
"""
from __future__ import annotations

import io
import re
import zipfile

import pytest
from conftest import ROOT

from reportgen.document.model import Column, Figure, Paragraph, Table
from reportgen.render.numbers import NBSP
from reportgen.render.typeset import cell_texts, year_ranges
from reportgen.rules.tablelabels import is_total_column, is_total_label


def _column(values, decimals=None, kind="number") -> list[str]:
    table = Table(id="t", caption="T", columns=[Column("x", decimals, kind=kind)], rows=[[v] for v in values])
    return [row[0] for row in cell_texts(table)]


# --- hand-computed cells ----------------------------------------------------------------------------------------

def test_a_column_without_declared_decimals_shows_its_smallest_value():
    # m = 0,00012: log₁₀ m = −3,92, ⌊⌋ = −4 → 1 + 4 = 5 decimals; 0,00012 is exact at 5 → 5 for the whole column
    assert _column([52000.0, 0.00012]) == [f"52{NBSP}000,00000", "0,00012"]
    # only large whole values: m = 52 000 → 1 − 4 < 0 → no decimals ("52 000", not "52 000,00")
    assert _column([52000.0, 230833.0, 0.0, None]) == [f"52{NBSP}000", f"230{NBSP}833", "0", "–"]


def test_emission_factors_as_published_get_no_spurious_decimals():
    # Kluki 2022, Tabela 9, column CO [g/GJ]: m = 26 → 1 − 1 = 0 decimals; 2 466,78 → 2 467, 246,88 → 247
    co = [26.0, 57.0, 0.0, 4600.0, 2000.0, 2466.78, 860.0, 1140.0, 246.88, 4000.0, 5250.0]
    assert _column(co) == ["26", "57", "0", f"4{NBSP}600", f"2{NBSP}000", f"2{NBSP}467", "860", f"1{NBSP}140", "247",
                           f"4{NBSP}000", f"5{NBSP}250"]
    # Knyszyn 2015, Tabela 32, Pył TSP [g/GJ]: m = 0,5 → 1 − (−1) = 2 decimals for two digits, but every value is
    # exact at 1 decimal → 1: 35,0 … 0,5
    assert _column([35.0, 160.0, 3.0, 0.5]) == ["35,0", "160,0", "3,0", "0,5"]
    # Kluki, B(a)P [g/GJ]: m = 0,01 → 3 decimals for two digits, exact at 2 → 2
    assert _column([0.0, 0.23, 0.15, 0.2, 0.08, 0.01]) == ["0,00", "0,23", "0,15", "0,20", "0,08", "0,01"]


def test_declared_decimals_are_kept_unless_a_value_would_read_as_zero():
    # Knyszyn, Tabela 27 (published "5344,0", "20744,0"): declared 1 decimal, nothing rounds to zero → kept
    assert _column([5344.0, 20744.0], 1) == [f"5{NBSP}344,0", f"20{NBSP}744,0"]
    assert _column([7179.639, 3913.541], 3) == [f"7{NBSP}179,639", f"3{NBSP}913,541"]
    # B(a)P emissions [Mg/rok] declared 3: 0,0000185 Mg would print 0,000 → m = 1,85·10⁻⁵, ⌊log₁₀⌋ = −5 → 6 decimals
    # for the whole column: 0,01659562 → 0,016596; 0,0000184829 → 0,000018; 0,00116551 → 0,001166; 0,0177796 → 0,017780
    bap = [0.01659561636, 1.8482928e-05, 0.0011655097, 0.0177796090]
    assert _column(bap, 3) == ["0,016596", "0,000018", "0,001166", "0,017780"]
    # declared 2: 0,0004 → ⌊log₁₀⌋ = −4 → 5 decimals: 0,00040 and 12,50000
    assert _column([0.0004, 12.5], 2) == ["0,00040", "12,50000"]
    assert _column([0.0, 1.5], 2) == ["0,00", "1,50"]                       # a true zero is printed as zero


def test_percentages_keep_their_declared_precision():
    assert _column([87.8, 12.2], 1, kind="percent") == ["87,8", "12,2"]
    assert _column([60.27, 39.73], 2, kind="percent") == ["60,27", "39,73"]
    # 0,04 % at one decimal would read 0,0: m = 0,04 → 1 − (−2) = 3 decimals for two digits → 0,040
    assert _column([99.96, 0.04], 1, kind="percent") == ["99,960", "0,040"]


def test_beyond_the_cap_a_nonzero_value_still_does_not_read_as_zero():
    # m = 10⁻⁸ would need 9 decimals; the cap is 6, and the cell says how small the value is
    assert _column([1e-8, 1.0]) == [f"<{NBSP}0,000001", "1,000000"]
    assert _column([-1e-8, 1.0]) == [f">{NBSP}\u22120,000001", "1,000000"]


def test_a_table_of_mixed_quantities_has_one_precision_per_row():
    cols = [Column("Wielkość", None, kind="text"), Column("2021", 0), Column("2037", 0), Column("Udział [%]", 1, kind="percent")]
    rows: list[list] = [["Powierzchnia [m²]", 150352.0, 160000.4, 55.0],
            ["Wskaźnik [GJ/m²]", 0.75, 0.0004, 45.0],      # row declared 3: 0,0004 → 0,000 → 5 decimals for the row
            ["Rok budowy", "1981-1990", None, 0.0]]
    table = Table(id="t", caption="T", columns=cols, rows=rows, row_decimals=[0, 3, None])
    assert cell_texts(table) == [["Powierzchnia [m²]", f"150{NBSP}352", f"160{NBSP}000", "55,0"],
                                 ["Wskaźnik [GJ/m²]", "0,75000", "0,00040", "45,0"],
                                 ["Rok budowy", "1981–1990", "–", "0,0"]]


def test_year_ranges_get_an_en_dash_and_addresses_do_not():
    assert year_ranges("lata 2015-2020, 2021 - 2030; ul. 3-go Maja") == "lata 2015–2020, 2021–2030; ul. 3-go Maja"
    assert year_ranges("w latach 2021 – 2036.") == "w latach 2021–2036."
    assert year_ranges("https://bip.example.pl/2015-2020/plan_2015-2020.pdf") == "https://bip.example.pl/2015-2020/plan_2015-2020.pdf"


# --- the example gminas' documents ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def documents(kluki_build, knyszyn_build):
    from reportgen.build import compose_document
    update, _ = compose_document(ROOT / "content" / "kluki-2026")
    return {"kluki": kluki_build.document, "knyszyn": knyszyn_build.document, "kluki-2026": update}


def _numeric_cells(document):
    """(table, column, row index, value, printed text) of every number in a number column."""
    for table in document.tables():
        texts = cell_texts(table)
        for i, row in enumerate(table.rows):
            for j, col in enumerate(table.columns):
                value = row[j] if j < len(row) else None
                if col.kind != "text" and isinstance(value, (int, float)) and not isinstance(value, bool):
                    yield table, col, i, value, texts[i][j]


def _decimals(text: str) -> int:
    m = re.search(r",(\d+)$", text)
    return len(m.group(1)) if m else 0


@pytest.mark.parametrize("gmina", ["kluki", "knyszyn", "kluki-2026"])
def test_no_nonzero_value_prints_as_zero(documents, gmina):
    zeros = [(t.id, c.header, text) for t, c, _, v, text in _numeric_cells(documents[gmina])
             if v and re.fullmatch(r"[−-]?0(,0+)?", text)]
    assert zeros == []


@pytest.mark.parametrize("gmina", ["kluki", "knyszyn", "kluki-2026"])
def test_emission_factors_of_a_thousand_and_more_print_no_zero_decimals(documents, gmina):
    factors = [(t.id, text) for t, c, _, v, text in _numeric_cells(documents[gmina])
               if "[g/GJ]" in c.header and abs(v) >= 1000]
    assert factors, "no emission-factor column found"
    assert [(tid, text) for tid, text in factors if re.search(r",0+$", text)] == []


@pytest.mark.parametrize("gmina", ["kluki", "knyszyn", "kluki-2026"])
def test_one_precision_per_column_and_the_declared_one_where_it_shows_every_value(documents, gmina):
    lines: dict = {}
    for t, c, i, v, text in _numeric_cells(documents[gmina]):
        by_row = t.row_decimals and t.row_decimals[i] is not None and c.kind == "number"
        declared = t.row_decimals[i] if by_row else c.decimals
        key = (t.id, "row", i) if by_row else (t.id, "col", c.header)
        lines.setdefault(key, (declared, []))[1].append((v, text))
    assert lines
    for key, (declared, cells) in lines.items():
        assert len({_decimals(text) for _, text in cells}) == 1, (key, [text for _, text in cells])
        smallest = min((abs(v) for v, _ in cells if v), default=None)
        if declared is not None and (smallest is None or smallest >= 0.5 * 10 ** -declared):
            # the seed tables reproduce the published plans' precision: where the declared one shows every value
            assert _decimals(cells[0][1]) == declared, key


@pytest.mark.parametrize("gmina", ["kluki", "knyszyn", "kluki-2026"])
def test_one_word_for_totals(documents, gmina):
    labels = []
    for table in documents[gmina].tables():
        labels += [c.header for c in table.columns if is_total_column(c.header)]
        labels += [cell for row in table.rows for cell in row[:1] if is_total_label(cell)]
    for figure in documents[gmina].figures():
        spec = figure.chart_spec
        labels += [str(x) for x in [*getattr(spec, "categories", []), *[n for n, _ in getattr(spec, "series", [])]]
                   if is_total_label(str(x))]
    assert labels, "no total found"
    total_word = re.compile(r"(?i)razem|łącznie|łączne|suma|sumy|ogółem|podsumowanie|total")
    words = {m.group(0) for m in map(total_word.search, labels) if m}
    assert words <= {"Razem", "razem"}, labels


HYPHEN_RANGE = re.compile(r"(?<![\w/])(?:19|20)\d\d ?[-‐] ?(?:19|20)\d\d(?![\w/])")


def _model_texts(document):
    yield document.title
    for s in document.walk_sections():
        yield s.title
        for b in s.blocks:
            if isinstance(b, Paragraph):
                yield b.text
            elif isinstance(b, Table):
                yield from (b.caption, b.source, b.note, *(c.header for c in b.columns))
                yield from (c for row in b.rows for c in row if isinstance(c, str))
            elif isinstance(b, Figure):
                spec = b.chart_spec
                yield from (b.caption, b.source, *map(str, getattr(spec, "categories", [])))
                yield from (name for name, _ in getattr(spec, "series", []))


@pytest.mark.parametrize("gmina", ["kluki", "knyszyn", "kluki-2026"])
def test_year_ranges_in_the_model_and_its_charts_have_en_dashes(documents, gmina):
    assert [t for t in _model_texts(documents[gmina]) if HYPHEN_RANGE.search(t)] == []


def test_the_knyszyn_periods_are_typeset_in_tables_text_and_chart(documents):
    # the survey's boiler periods are data ("1981-1990" in content/knyszyn); the document sets them with en dashes
    doc = documents["knyszyn"]
    assert any("1981–1990" in str(c) for f in doc.figures() for c in getattr(f.chart_spec, "categories", []))
    assert any(row[0] == "1981–1990" for t in doc.tables() for row in t.rows)


@pytest.mark.parametrize("build", ["kluki_build", "knyszyn_build"])
def test_year_ranges_in_the_docx_have_en_dashes(build, request):
    # everything written: headings, lists of tables, sources, title page (the .docx of the shared session build)
    xml = zipfile.ZipFile(io.BytesIO(request.getfixturevalue(build).docx)).read("word/document.xml").decode("utf-8")
    text = re.sub(r"<[^>]+>", "", xml)
    assert HYPHEN_RANGE.findall(text) == []
