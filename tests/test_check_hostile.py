"""Hostile and broken input: a clear Polish message naming the file, exit status 2, never a traceback."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "check"))
import check_builders as build  # noqa: E402

from reportgen.check.commands import check  # noqa: E402
from reportgen.check.readers import limits, read_document  # noqa: E402
from reportgen.errors import UserError  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def _run(path: Path, *args: str):
    return CliRunner().invoke(check, [str(path), "--as-of", "2025-06-01", *args])


def _assert_refused(result, path: Path, *words: str):
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    err = result.stderr
    assert err.startswith("Błąd: ") and str(path) in err
    for word in words:
        assert word in err
    assert "Traceback" not in result.output


def test_corrupt_docx(tmp_path):
    path = build.corrupt_zip(tmp_path / "plan.docx")
    _assert_refused(_run(path), path, "uszkodzone archiwum")


def test_not_a_zip_at_all(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_text("to jest zwykły tekst, nie dokument Word", encoding="utf-8")
    _assert_refused(_run(path), path, "to nie jest plik .docx")


def test_zip_bomb_is_refused_before_reading(tmp_path):
    path = build.zip_bomb(tmp_path / "bomba.docx", megabytes=40)
    assert path.stat().st_size < 200_000               # 40 MB of zeros compress ~1000×
    _assert_refused(_run(path), path, "bomb")


def test_encrypted_docx(tmp_path):
    path = build.encrypted_docx(tmp_path / "tajny.docx")
    _assert_refused(_run(path), path, "zaszyfrowany")


def test_docx_with_broken_xml(tmp_path):
    import zipfile
    path = tmp_path / "zepsuty.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types><broken")
        zf.writestr("word/document.xml", "<w:document")
    _assert_refused(_run(path), path, "nie można odczytać dokumentu .docx")


def test_pdf_without_text_layer(tmp_path):
    path = build.pdf_without_text(tmp_path / "skan.pdf")
    _assert_refused(_run(path), path, "warstwy tekstowej")


def test_damaged_pdf(tmp_path):
    path = tmp_path / "zly.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF")
    result = _run(path)
    assert result.exit_code == 2 and "Traceback" not in result.output and str(path) in result.stderr


def test_non_utf8_text(tmp_path):
    path = build.non_utf8_text(tmp_path / "plan.txt")
    _assert_refused(_run(path), path, "UTF-8", "Windows-1250")


def test_binary_file_named_txt(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(b"\x00\x01\x02\x03" * 5000)
    _assert_refused(_run(path), path, "znaki sterujące")


def test_cp1250_text_is_read_with_a_note(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes("Projekt założeń do planu zaopatrzenia w ciepło\n\nW tabeli 3 pokazano zużycie.\n".encode("cp1250"))
    doc = read_document(path)
    assert doc.meta["encoding"] == "cp1250"
    assert doc.title == "Projekt założeń do planu zaopatrzenia w ciepło"
    result = _run(path)
    assert result.exit_code == 1                         # readable; "tabeli 3" does not exist
    assert "Windows-1250" in result.output


def test_file_over_the_size_limit(tmp_path, monkeypatch):
    path = tmp_path / "duzy.txt"
    path.write_text("Projekt założeń\n" * 200, encoding="utf-8")
    monkeypatch.setitem(limits.MAX_BYTES, ".txt", 1000)
    _assert_refused(_run(path), path, "za duży")


def test_empty_missing_and_unsupported_files(tmp_path):
    empty = tmp_path / "pusty.txt"
    empty.write_bytes(b"")
    _assert_refused(_run(empty), empty, "pusty")
    missing = tmp_path / "nie_ma.docx"
    _assert_refused(_run(missing), missing, "nie ma takiego pliku")
    sheet = tmp_path / "dane.xlsx"
    sheet.write_bytes(b"PK")
    _assert_refused(_run(sheet), sheet, "nieobsługiwany typ pliku")


def test_bad_call_exits_two(tmp_path):
    path = build.correct_docx(tmp_path / "plan.docx")
    result = CliRunner().invoke(check, [str(path), "--as-of", "2025-13-40"])
    assert result.exit_code == 2 and "niepoprawna data" in result.output
    result = CliRunner().invoke(check, [str(path), "--format", "xml"])
    assert result.exit_code == 2


def test_report_never_overwrites_the_checked_file(tmp_path):
    path = build.correct_docx(tmp_path / "plan.docx")
    before = path.read_bytes()
    _assert_refused(_run(path, "-o", str(path)), path, "nadpisałby")
    assert path.read_bytes() == before


def test_reader_raises_user_error_not_library_errors(tmp_path):
    path = build.zip_bomb(tmp_path / "b.docx", megabytes=5)
    with pytest.raises(UserError) as exc:
        read_document(path)
    assert "bomb" in exc.value.messages[0]


def test_no_traceback_in_a_real_process(tmp_path):
    path = build.corrupt_zip(tmp_path / "plan.docx")
    proc = subprocess.run([sys.executable, "-m", "reportgen.check", "check", str(path)], cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.startswith("Błąd: ") and "Traceback" not in proc.stderr + proc.stdout


# ---------------------------------------------------------------- bounded in memory and time (#7) -------------

def _patch_docx_xml(src: Path, dst: Path, edit) -> Path:
    import zipfile
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = edit(data.decode("utf-8")).encode("utf-8")
            zout.writestr(info, data)
    return dst


@pytest.mark.parametrize("edit", [
    lambda xml: xml.replace("<w:tcPr>", '<w:tcPr><w:gridSpan w:val="2000000000"/>', 1),
    lambda xml: xml.replace("<w:tr>", '<w:tr><w:trPr><w:gridBefore w:val="999999999"/></w:trPr>', 1),
], ids=["gridSpan", "gridBefore"])
def test_huge_grid_span_is_refused_before_cells_are_expanded(tmp_path, edit):
    import time
    base = build.correct_docx(tmp_path / "ok.docx")
    bad = _patch_docx_xml(base, tmp_path / "span.docx", edit)
    start = time.monotonic()
    result = _run(bad)
    _assert_refused(result, bad, "kolumn", "limit 63")
    assert time.monotonic() - start < 5


def test_zip_headers_lying_about_sizes(tmp_path):
    """document.xml inflates to 60 MB while both headers claim 1 000 bytes: reading stops, a message, exit 2."""
    import struct
    import zipfile
    path = tmp_path / "klamstwo.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as fh:
            for _ in range(60):
                fh.write(b"<w:p/>" * 174_763)
    data = bytearray(path.read_bytes())
    name = b"word/document.xml"
    local = data.index(b"PK\x03\x04")
    while data[local + 30: local + 30 + len(name)] != name:
        local = data.index(b"PK\x03\x04", local + 4)
    struct.pack_into("<I", data, local + 22, 1000)
    central = data.index(b"PK\x01\x02")
    while data[central + 46: central + 46 + len(name)] != name:
        central = data.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", data, central + 24, 1000)
    path.write_bytes(bytes(data))
    _assert_refused(_run(path), path, "archiwum")


def test_two_thousand_page_pdf_is_refused_at_once(tmp_path):
    import io
    import time

    from pypdf import PdfWriter
    writer = PdfWriter()
    for _ in range(2000):
        writer.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    writer.write(buf)
    path = tmp_path / "gruby.pdf"
    path.write_bytes(buf.getvalue())
    start = time.monotonic()
    _assert_refused(_run(path), path, "za dużo stron", "2000")
    assert time.monotonic() - start < 5


def test_terminal_escape_sequences_never_reach_the_terminal(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("Projekt założeń do planu zaopatrzenia w ciepło \x1b]0;przejęty\x07na lata 2025-2040\n\n"
                    "1 Wprowadzenie\n\nDane \x1b[2J\x1b[31mprzedstawiono\u202e w tabeli 9.\x9b6n\n", encoding="utf-8")
    for fmt in ("text", "json", "html", "csv"):
        result = _run(path, "--format", fmt)
        assert result.exit_code == 1, result.output
        assert not any(ch in result.output for ch in "\x1b\x07\x9b\u202e"), fmt
        assert "przedstawiono" in result.output


def test_thousands_of_aligned_numbers_are_not_taken_for_a_table(tmp_path, monkeypatch):
    """Three rows of 3 000 numbers (27 KB): far more columns than a table can have (Word's 63), so the rows stay
    text and no cell is ever placed into a column (this took 35 s when every cell scanned every column)."""
    from reportgen.check.readers import layout
    placed = []
    real_cells = layout._cells
    def counting_cells(text, cols):
        placed.append(len(cols))
        return real_cells(text, cols)

    monkeypatch.setattr(layout, "_cells", counting_cells)
    path = tmp_path / "liczby.txt"
    row = "  ".join(str(100 + k) for k in range(3_000))
    path.write_text("Plan zaopatrzenia\n\n" + "\n".join(f"w{r}  {row}" for r in range(3)) + "\n", encoding="utf-8")
    doc = read_document(path)
    assert placed == []
    assert not any(b.__class__.__name__ == "Table" for s in doc.sections for b in s.blocks)
    result = _run(path)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


def test_cells_go_to_the_overlapping_column_or_the_nearest_on_the_left():
    from reportgen.check.readers.layout import _cells
    cols = [(0, 6), (10, 14), (20, 24)]
    #        "Wiersz" at 0-6, "12" at 12-14 (inside column 1), "7" at 17-18 (a gap: column 1 on its left)
    assert _cells("Wiersz      12   7", cols) == ["Wiersz", "12 7", ""]
    #        a header cell 8-22 overlaps column 1 by 4 and column 2 by 2: column 1
    assert _cells("        Zużycie energii", cols) == ["", "Zużycie energii", ""]


@pytest.mark.parametrize("option", ["--config", "--requirements"])
def test_config_and_requirements_that_are_a_pipe_or_a_device_are_refused_without_reading(tmp_path, option):
    """A FIFO would block and /dev/zero never ends: both are refused before a byte is read."""
    import os
    plan = tmp_path / "plan.txt"
    plan.write_text("Projekt założeń do planu zaopatrzenia w ciepło\n\nTekst planu.\n", encoding="utf-8")
    fifo = tmp_path / "potok.yaml"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        result = _run(plan, option, str(path))
        _assert_refused(result, path, "to nie jest zwykły plik")


def test_config_with_an_alias_bomb_is_refused(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text("Projekt założeń do planu zaopatrzenia w ciepło\n\nTekst planu.\n", encoding="utf-8")
    bomb = tmp_path / "bomba.yaml"
    levels = ["a0: &a0 [warning, warning, warning, warning, warning, warning, warning, warning, warning]"]
    levels += [f"a{k}: &a{k} [*a{k - 1}, *a{k - 1}, *a{k - 1}, *a{k - 1}, *a{k - 1}, *a{k - 1}]" for k in range(1, 12)]
    bomb.write_text("\n".join(levels) + "\nrules: *a11\n", encoding="utf-8")
    result = _run(plan, "--config", str(bomb))
    assert result.exit_code == 2 and str(bomb) in result.stderr and "Traceback" not in result.output
