"""Formulas in the running text are typeset equations with every symbol defined, unit and value included.
Expected values: Kluki 2022, rozdz. 7.2 (V = 1,4 dm³/(m²·doba), k = 0,9, t_c = 55 °C, t_z = 10 °C, t_uz = 365,
c_w = 4,19 kJ/(kg·K), ρ_w = 1 000 kg/m³) and rozdz. 7.4 (V = 0,6 dm³/(m²·doba) for business)."""
from __future__ import annotations

from reportgen.document.model import Paragraph, Table


def _paragraphs(document):
    for s in document.walk_sections():
        yield from (b for b in s.blocks if isinstance(b, Paragraph))


def _texts(document) -> list[str]:
    """Paragraph texts with the writer's non-breaking spaces read as spaces."""
    return [p.text.replace("\u00a0", " ") for p in _paragraphs(document)]


def test_dhw_formula_is_a_display_equation_with_every_symbol_defined(kluki_build):
    texts = _texts(kluki_build.document)
    eq = next(i for i, t in enumerate(texts) if t.startswith("\\[ Q_{cwu}"))
    assert texts[eq] == "\\[ Q_{cwu} = V · F · c_w · ρ_w · (t_c − t_z) · k · t_{uz} / (1000 · 3600) \\],"
    where = texts[eq + 1]
    assert where.startswith("gdzie \\( Q_{cwu} \\)")
    for symbol in ("V", "F", "c_w", "ρ_w", "t_c", "t_z", "k", "t_{uz}"):
        assert f"\\( {symbol} \\) –" in where
    for value in ("1,4 dm³/(m²·doba) dla sektora mieszkaniowego", "0,6 dm³/(m²·doba) dla sektora działalności gospodarczej",
                  "4,19 kJ/(kg·K)", "1 000 kg/m³", "55 °C", "10 °C", ", 0,9,", "365 "):
        assert value in where, value


def test_trend_equations_are_typeset(knyszyn_build):
    text = " ".join(_texts(knyszyn_build.document))
    assert "\\( y = −20,844x + 5217,6 \\)" in text            # Knyszyn 2015, równanie (1)
    assert "\\[ y = 1409,5x + 135932 \\]," in text            # Tabela 7: 1 409,5 m²/rok, 2014 → 142 979,5 m² at x = 5


def test_boiler_efficiency_formula_in_the_table_note(knyszyn_build):
    t = next(b for s in knyszyn_build.document.walk_sections() for b in s.blocks
             if isinstance(b, Table) and b.id == "t_boiler_savings")
    assert "\\( ΔQ = Q · u · (1 − η_{st} / η_{n}) \\)" in t.note
