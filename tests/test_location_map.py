"""A location map supplied in gmina.yaml (`map: {file, source}`) is a numbered figure shown as supplied; without
one there is no map figure; a bad map entry is a Polish message naming gmina.yaml: map.file."""
from __future__ import annotations

import io

import pytest

from reportgen.build import compose_document
from reportgen.document.model import Figure
from reportgen.errors import UserError
from reportgen.render.charts import ChartPool


def _png() -> bytes:
    from PIL import Image
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 220, 240)).save(buf, format="PNG")
    return buf.getvalue()


def _with_map(folder, file="mapa.png", data: bytes | None = None):
    if data is not None:
        (folder / file).write_bytes(data)
    with (folder / "gmina.yaml").open("a", encoding="utf-8") as f:
        f.write(f'\nmap:\n  file: {file}\n  source: "Mapa testowa wygenerowana w teście"\n')


def _figures(document):
    def walk(sections):
        for s in sections:
            yield from (b for b in s.blocks if isinstance(b, Figure))
            yield from walk(s.children)
    return list(walk(document.sections))


def test_map_is_a_numbered_figure_with_its_source_and_bytes(knyszyn_copy):
    png = _png()
    _with_map(knyszyn_copy, data=png)
    document, _ = compose_document(knyszyn_copy)
    figures = _figures(document)
    m = next(f for f in figures if f.id == "f_location_map")
    assert m.number == 1 and m.source == "Mapa testowa wygenerowana w teście"
    assert m.caption == "Położenie Gminy Knyszyn"
    text = " ".join(p.text for s in document.sections for p in s.blocks if hasattr(p, "text") and not isinstance(p, Figure))
    assert "Położenie Gminy Knyszyn przedstawia rysunek 1." in text
    with ChartPool(use_cache=False, workers=0) as pool:
        assert pool.render([m.chart_spec])() == [png]


def test_no_map_no_figure(knyszyn_build):
    assert all(f.id != "f_location_map" for f in _figures(knyszyn_build.document))


@pytest.mark.parametrize("file, data, says", [
    ("brak.png", None, "brak pliku mapy"),
    ("mapa.png", b"not an image", "nie jest obrazem PNG ani JPEG"),
    ("../poza.png", None, "musi leżeć w katalogu danych gminy"),
])
def test_bad_map_is_a_polish_message(knyszyn_copy, file, data, says):
    _with_map(knyszyn_copy, file, data)
    with pytest.raises(UserError) as e:
        compose_document(knyszyn_copy)
    assert "gmina.yaml: map.file" in str(e.value) and says in str(e.value)
