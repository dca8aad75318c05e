# mypy: disable-error-code="union-attr,var-annotated"
"""The generated Kluki document: numbering, captions, lists, fields, references, compliance annex."""
from __future__ import annotations

import io
import re

import docx
import pytest

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def d(kluki_build):
    return docx.Document(io.BytesIO(kluki_build.docx))


def texts(d):
    return [p.text for p in d.paragraphs]


def test_title_page(d):
    head = "\n".join(texts(d)[:30])
    assert "dla Gminy Kluki" in head
    assert "na lata 2022–2025 z perspektywą do 2037 roku" in head
    # gmina.yaml has no resolution yet (a draft): no blank "Nr ………… z dnia …………" for the checker to flag
    assert "Załącznik do uchwały" not in head and "…………" not in head
    assert "Ecovidi Piotr Stańczuk" in head


def test_captions_numbered_in_order(d, kluki_build):
    # body captions are in the Caption style; the same texts repeat in Spis tabel / Spis rysunków
    body = [p.text for p in d.paragraphs if p.style.name == "Caption"]
    tables = [int(re.match(r"Tabela (\d+)", c).group(1)) for c in body if c.startswith("Tabela")]
    figures = [int(re.match(r"Rysunek (\d+)", c).group(1)) for c in body if c.startswith("Rysunek")]
    assert tables == list(range(1, len(kluki_build.document.tables()) + 1))
    assert figures == list(range(1, len(kluki_build.document.figures()) + 1))
    assert len(figures) >= 5   # carriers, heat by sector, scenarios, emissions, electricity


def test_lists_match_captions(d, kluki_build):
    entries = [p.text for p in d.paragraphs if p.style.name == "table of figures"]
    expected = [f"Tabela {t.number}. {t.caption}" for t in kluki_build.document.tables()]
    expected += [f"Rysunek {f.number}. {f.caption}" for f in kluki_build.document.figures()]
    assert entries == expected


def test_real_fields(d, kluki_build):
    instr = [e.text.strip() for e in d.element.body.iter(f"{W}instrText")]
    assert any(i.startswith("TOC \\o") for i in instr)
    assert instr.count("SEQ Tabela \\* ARABIC") == len(kluki_build.document.tables())
    assert instr.count("SEQ Rysunek \\* ARABIC") == len(kluki_build.document.figures())


def test_every_table_and_figure_has_source(d):
    paras = texts(d)
    for i, t in enumerate(paras):
        if re.match(r"^Rysunek \d+\. ", t) and d.paragraphs[i].style.name == "Caption":
            assert any(p.startswith("Źródło: ") for p in paras[i + 1:i + 4]), t
    assert len([p for p in paras if p.startswith("Źródło: ")]) >= len(d.tables)


def test_references_resolved(d, kluki_build):
    body = "\n".join(texts(d)).replace("\u00a0", " ")   # typographic no-break spaces after one-letter words
    assert "{{" not in body and "}}" not in body
    # the paragraph on the heat balance points to the right numbers
    balance = next(t for t in kluki_build.document.tables() if t.id == "t_heat_balance")
    assert f"tabela {balance.number} i rysunek" in body


def test_polish_numbers_in_tables(d):
    cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
    assert "107\u00a0624" in cells or any(re.fullmatch(r"107\u00a06\d\d", c) for c in cells)
    assert not any(re.fullmatch(r"\d+\.\d+", c) for c in cells)   # no decimal points


def test_compliance_annex(kluki_build):
    annex = kluki_build.document.sections[-1]
    assert annex.id == "annex_compliance"
    table = annex.blocks[0]
    assert [c.header for c in table.columns] == ["Przepis", "Wymaganie ustawowe", "Gdzie spełnione w projekcie założeń"]
    provisions = [row[0].replace("\u00a0", " ") for row in table.rows]
    art19_3 = [f"Prawo energetyczne, art. 19 ust. 3 pkt {p}" for p in ("1", "2", "3", "3a", "4")]
    assert set(art19_3 + ["Prawo energetyczne, art. 19 ust. 2"]) <= set(provisions)
    assert provisions.count("Prawo energetyczne, art. 19 ust. 3 pkt 3a") == 1   # the superseded 2011 wording is not listed
    art19_3_rows = [row for row, p in zip(table.rows, provisions) if p.startswith("Prawo energetyczne, art. 19 ust. 3")]
    assert len(art19_3_rows) == 5
    for row in art19_3_rows:
        assert row[2].startswith(("rozdz.\u00a0", "podrozdz.\u00a0")), row   # chapter or numbered subsection
    # placed as an unnumbered annex; its table numbered on from the chapters' by the same numbering
    assert annex.annex and annex.number == ""
    chapter_tables = [t for s in kluki_build.document.sections[:-1] for sub in s.walk() for t in sub.blocks if hasattr(t, "columns")]
    assert table.number == len(chapter_tables) + 1


def test_figures_carry_their_images_and_alt_text(kluki_build):
    for figure in kluki_build.document.figures():
        assert figure.image_png and figure.image_png.startswith(b"\x89PNG"), figure.id
        assert figure.alt_text == figure.caption


def test_no_placeholder_sections(kluki_build):
    for section in kluki_build.document.walk_sections():
        assert section.blocks or section.children, section.id


def test_heat_pump_measure_counts_fuel_heated_municipal_buildings(d):
    # Plan Tabela 4, by hand: oil in 5 buildings (Urząd, SP Kaszewice, SP Parzno, GOK, ośrodek zdrowia), coal in 8
    # (2 świetlice, 5 OSP, budynek gospodarczy); Zespół Szkół already has a heat pump and is not counted – the text
    # says so, so that 13 here and the 14 buildings of the table are not read as a contradiction.
    body = "\n".join(texts(d)).replace("\u00a0", " ")
    assert ("w 13 z 14 budynków gminnych – ogrzewanych olejem opałowym lub węglem, bez budynku ogrzewanego już "
            "częściowo pompą ciepła") in body


def test_dominant_carrier_is_named_from_the_data(kluki_copy):
    """The summary names the carrier with the largest final energy, not always coal: with the housing shares of
    coal (78,32 %) and electricity (1,42 %) swapped, electricity has ≈ 78 % of housing, which is most of the total."""
    from helpers import edit

    from reportgen.build import compose_document
    edit(kluki_copy / "carriers.yaml", "coal: 78.32, biomass: 8.70, oil: 3.59, electricity: 1.42",
         "coal: 1.42, biomass: 8.70, oil: 3.59, electricity: 78.32")
    document, _ = compose_document(kluki_copy)
    text = " ".join(p.text for _, p in document.blocks() if hasattr(p, "text"))
    assert "Dominującym nośnikiem jest energia elektryczna" in text
    assert "Dominującym nośnikiem jest węgiel" not in text
    assert "energia elektryczna (" in text and "spalany w większości" not in text.split("Dominującym nośnikiem")[1][:120]
