"""Table layout in the written .docx: column widths that keep numbers on one line, sources kept with their table."""
from __future__ import annotations

import io

import docx
import pytest

from reportgen.render.docx_writer import column_widths_cm


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
    assert all(w >= 1.66 - 1e-9 for w in widths[2:5])
    # the header word "Powierzchnia" (12 letters) is not broken: 12 × 0,18 + 0,4 = 2,56 cm
    assert widths[1] >= 2.56 - 1e-9
    assert widths[0] == max(widths)            # the row label still gets the most room


def test_floors_shared_when_the_page_is_too_narrow():
    header = ["a"] * 4
    body = [["1 000 000 000"] * 4]            # 13 characters: floor 13 × 0,18 + 0,4 = 2,74 cm each
    widths = column_widths_cm(header, body, [True] * 4, total_cm=8.0)
    assert widths == pytest.approx([2.0] * 4)


def test_last_row_of_every_table_keeps_with_its_source(kluki_build):
    d = docx.Document(io.BytesIO(kluki_build.docx))
    assert len(d.tables) >= 20
    for t in d.tables:
        last = t.rows[-1].cells[0].paragraphs[0]
        assert last.paragraph_format.keep_with_next, t.rows[0].cells[0].text


def test_header_words_may_break_before_body_words_do():
    # eight columns whose header words alone need more than the page (8 × "Termomodernizacja", 17 letters:
    # 8 × (17 × 0,18 + 0,4) = 27,7 cm > 16 cm) but whose cells fit: each column gets the width of its cell
    # words, "ekogroszek" (10 letters: 10 × 0,18 + 0,4 = 2,2 cm) is not broken
    header = ["Termomodernizacja"] * 8
    body = [["ekogroszek"] + ["12,5"] * 7]
    widths = column_widths_cm(header, body, [False] + [True] * 7, total_cm=16.0)
    assert widths[0] >= 2.2 - 1e-9
    assert sum(widths) == pytest.approx(16.0)
