"""Table layout in the written .docx: column widths that keep numbers on one line, sources kept with their table."""
from __future__ import annotations

import io

import docx
import pytest

from reportgen.render.docx_writer import column_widths_cm
from reportgen.render.typeset import SOFT_HYPHEN, hyphenate_to_fit

# Widths by hand from Carlito's advance widths (thousandths of an em; Calibri has the same metrics): a digit 507,
# a (no-break) space 226; 9 pt = 9 × 2,54/72 cm, times the 1,04 safety margin; cell margins 0,38 cm.
EM9 = 9 * (2.54 / 72) * 1.04 / 1000


def test_numbers_get_their_width_even_beside_a_long_text_column():
    # Knyszyn Tabela 12: a long object name and six numeric columns; "539 316" is 7 characters,
    # so each numeric column needs at least 7 × 0,18 + 0,4 = 1,66 cm
    header = ["Obiekt", "Powierzchnia ogrzewana [m²]", "2012 [kWh]", "2013 [kWh]", "2014 [kWh]", "2014 [kWh/m²]",
              "Wartość referencyjna – oświetlenie [kWh/m²]"]
    body = [["Samodzielny Publiczny Zakład Opieki Zdrowotnej im. dr. E. Jelskiego w Knyszynie",
             "3 535,00", "60 790", "61 557", "63 951", "18,09", "125"],
            ["Razem", "–", "539 316", "520 120", "561 623", "–", "–"]]
    widths = column_widths_cm(header, body, [False] + [True] * 6, total_cm=16.0)
    assert sum(widths) == pytest.approx(16.0)
    # "539 316": 6 × 507 + 226 = 3268 → 3268 × EM9 + 0,38 = 1,459 cm
    assert all(w >= 3268 * EM9 + 0.38 - 1e-9 for w in widths[2:5])
    # the bold header word "Powierzchnia" (5548 thousandths) is not broken: 5548 × EM9 + 0,38 = 2,212 cm
    assert widths[1] >= 5548 * EM9 + 0.38 - 1e-9
    assert widths[0] == max(widths)            # the row label still gets the most room


def test_floors_shared_when_the_page_is_too_narrow():
    header = ["a"] * 4
    body = [["1 000 000 000"] * 4]            # 10 × 507 + 3 × 226 = 5748 → floor 2,28 cm each, 9,1 cm > 8 cm
    widths = column_widths_cm(header, body, [True] * 4, total_cm=8.0)
    assert widths == pytest.approx([2.0] * 4)


def test_last_row_of_every_table_keeps_with_its_source(kluki_build):
    d = docx.Document(io.BytesIO(kluki_build.docx))
    assert len(d.tables) >= 20
    for t in d.tables:
        last = t.rows[-1].cells[0].paragraphs[0]
        assert last.paragraph_format.keep_with_next, t.rows[0].cells[0].text


def test_header_words_may_break_before_body_words_do():
    # eight columns whose bold header words alone need more than the page ("Termomodernizacja", 8291 thousandths:
    # 8 × (8291 × EM9 + 0,38) = 24,9 cm > 16 cm) but whose cells fit: the header words are hyphenated, the body word
    # "ekogroszek" (4566 × EM9 + 0,38 = 1,888 cm) is not broken
    header = ["Termomodernizacja"] * 8
    body = [["ekogroszek"] + ["12,5"] * 7]
    widths = column_widths_cm(header, body, [False] + [True] * 7, total_cm=16.0)
    assert widths[0] >= 4566 * EM9 + 0.38 - 1e-9
    assert sum(widths) == pytest.approx(16.0)


def test_a_word_wider_than_its_cell_gets_soft_hyphens_at_polish_syllables():
    text = hyphenate_to_fit("Termomodernizacja budynku [kWh/(m²·rok)]", 2.0, 9.0, True)
    # Ter-mo-mo-der-ni-za-cja with at least three letters at either end of a line: Ter|mo|mo|der|ni|za|cja
    assert text.split(" ")[0] == SOFT_HYPHEN.join(["Ter", "mo", "mo", "der", "ni", "za", "cja"])
    assert text.split(" ")[1:] == ["budynku", "[kWh/(m²·rok)]"]   # a fitting word and a unit are left alone


def test_formula_markup_gives_a_word_equation_and_real_subscripts():
    from reportgen.render.docx_writer import add_text
    d = docx.Document()
    p = add_text(d, r"\[ Q_{cwu} = V · F · ρ_w · t_{uz} / 3600 [kWh/rok] \],")
    xml = p._p.xml
    assert "<m:oMathPara>" in xml and xml.count("<m:sSub>") == 3            # Q_cwu, ρ_w, t_uz
    assert "<m:t xml:space=\"preserve\">cwu</m:t>" in xml and p.text.strip() == ","
    p = add_text(d, r"gdzie \(V\) – zużycie wody, \(t_{uz}\) – czas użytkowania.")
    runs = [(r.text, r.italic, r.font.subscript) for r in p.runs]
    assert ("V", True, None) in runs and ("t", True, None) in runs and ("uz", None, True) in runs
    assert p.text == "gdzie V – zużycie wody, tuz – czas użytkowania."


def test_control_characters_and_long_properties_never_break_the_package(kluki_build):
    import copy

    from reportgen.document.model import Paragraph
    from reportgen.paths import templates_dir
    from reportgen.render.docx_writer import render_docx
    document = copy.deepcopy(kluki_build.document)
    document.sections[0].blocks.insert(0, Paragraph("dzwonek\x07 i tabulator\x0bpionowy"))
    document.sections[0].title += "\x1b"
    document.meta["author"] = "Autor " * 60                          # 360 characters
    document.meta["title_page"] = {**document.meta["title_page"], "author": "Firma\x07 sp. z o.o."}
    d = docx.Document(io.BytesIO(render_docx(document, templates_dir() / "docx" / "reportgen.docx")))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "dzwonek i tabulator pionowy" in text and "Firma sp. z o.o." in text
    assert len(d.core_properties.author) == 255 and d.core_properties.author.endswith("…")


def test_chapter_starts_a_page_only_after_a_used_page():
    """A chapter breaks the page only when the page it ends holds ≥ MIN_LINES_ENDED estimated lines: a short
    chapter's page is not left with three lines. Hand estimate: heading 3 lines; a 190-character paragraph
    2 lines + 0,45 spacing → chapter 1 = 3 + 10 · 2,45 = 27,5 lines (≥ 20: chapter 2 breaks); chapter 2 =
    3 + 1,45 = 4,45 lines (< 20: chapter 3 runs on); the annex (no number) always starts a page."""
    from reportgen.document.model import Paragraph, Section
    from reportgen.render.page_estimate import MIN_LINES_ENDED, chapter_breaks, section_lines

    long = Section("a", "A", number="1", blocks=[Paragraph("x" * 190) for _ in range(10)])
    short = Section("b", "B", number="2", blocks=[Paragraph("x" * 50)])
    third = Section("c", "C", number="3", blocks=[Paragraph("x" * 50)])
    annex = Section("z", "Załącznik", number="", blocks=[Paragraph("x")])
    assert MIN_LINES_ENDED == 20
    assert section_lines(long) == pytest.approx(27.5) and section_lines(short) == pytest.approx(4.45)
    assert chapter_breaks([long, short, third, annex]) == [True, True, False, True]


@pytest.mark.parametrize("n,ticks", [
    (9, [0, 1, 2, 3, 4, 5, 6, 7, 8]),            # nine categories: every one labelled
    (18, [0, 2, 4, 6, 8, 10, 12, 14, 17]),       # 2025…2042 by 2 would end at 2041: 2039 gives way to 2042
    (22, [0, 3, 6, 9, 12, 15, 18, 21]),          # 2021…2042 by 3 ends at 2042 anyway
    (40, [0, 5, 10, 15, 20, 25, 30, 35, 39]),    # the last 4 after the one before: both stay
    (27, [0, 3, 6, 9, 12, 15, 18, 21, 26]),      # 2016…2042: nine labels already, 2040 gives way to 2042
])
def test_time_axis_labels_its_first_and_last_year(n, ticks):
    from reportgen.render.charts import tick_positions
    assert tick_positions(n) == ticks
