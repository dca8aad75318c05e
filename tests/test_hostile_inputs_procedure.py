"""Hostile inputs of round 2's files: the comment sheet uwagi.xlsx, procedure.yaml dates, the gmina's location
map, the update's chain of previous plans, gmina parameters and the files `check -o` writes."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile import memory_limit

from reportgen.cli import cli
from reportgen.errors import UserError

ROOT = Path(__file__).resolve().parents[1]


def _copy(tmp_path: Path, gmina: str) -> Path:
    folder = tmp_path / gmina
    shutil.copytree(ROOT / "content" / gmina, folder)
    return folder


def _rewrite_sheet(xlsx: Path, extra_rows: bytes, filler_mb: int = 0, filler_end: bytes = b"") -> None:
    """Copy the example comment sheet with `extra_rows` added to its sheet data, followed by `filler_mb` MB of "A"
    and `filler_end`. The filler is streamed through a fast deflate level: a bomb of hundreds of MB costs the test
    well under a second instead of holding and compressing it whole in memory."""
    src = zipfile.ZipFile(ROOT / "content" / "knyszyn" / "consultation" / "uwagi.xlsx")
    with zipfile.ZipFile(xlsx, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename != "xl/worksheets/sheet1.xml":
                out.writestr(info, data)
                continue
            head, tail = data.split(b"</sheetData>", 1)
            with out.open(info.filename, "w", force_zip64=True) as member:
                member.write(head + extra_rows)
                chunk = b"A" * (1 << 20)
                for _ in range(filler_mb):
                    member.write(chunk)
                member.write(filler_end + b"</sheetData>" + tail)


def _procedure_messages(folder: Path) -> str:
    from reportgen.procedure.check import check_procedure
    with memory_limit(), pytest.raises(UserError) as err:
        check_procedure(folder, dt.date(2023, 1, 1))
    return "\n".join(err.value.messages)


def test_xlsx_zip_bomb_refused_before_reading(tmp_path):
    """400 MB of one inline string, ~0.4 MB packed: refused by the sizes seen while inflating."""
    folder = _copy(tmp_path, "knyszyn")
    _rewrite_sheet(folder / "consultation" / "uwagi.xlsx", b'<row r="99"><c r="F99" t="inlineStr"><is><t>',
                   filler_mb=400, filler_end=b"</t></is></c></row>")
    text = _procedure_messages(folder)
    assert "uwagi.xlsx" in text and "bomb" in text


def test_xlsx_declared_dimension_and_far_cell_bounded(tmp_path):
    folder = _copy(tmp_path, "knyszyn")
    _rewrite_sheet(folder / "consultation" / "uwagi.xlsx", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    assert "ponad 20000 wierszy" in _procedure_messages(folder)


def test_procedure_date_beyond_calendar(tmp_path):
    """9999-12-31 + 21 days overflowed Python's date (OverflowError)."""
    folder = _copy(tmp_path, "kluki")
    path = folder / "procedure.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("display_start: 2022-07-25", "display_start: 9999-12-31"),
                    encoding="utf-8")
    text = _procedure_messages(folder)
    assert "dates.display_start" in text and "1997–2200" in text and "wiersz" in text


def test_procedure_date_as_number_in_polish(tmp_path):
    folder = _copy(tmp_path, "kluki")
    path = folder / "procedure.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("display_start: 2022-07-25", "display_start: 20220725"),
                    encoding="utf-8")
    assert "oczekiwano daty w formacie RRRR-MM-DD" in _procedure_messages(folder)


@pytest.mark.parametrize("content", ["huge", "damaged"])
def test_location_map_bounded_and_verified(kluki_copy, content):
    image = kluki_copy / "map.png"
    if content == "huge":          # a sparse 3 GB "PNG": python-docx would read it whole
        with open(image, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n")
            f.truncate(3 << 30)
    else:                          # a PNG signature and a header claiming 65 536 × 1 pixels, nothing else
        image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\x00\x00\x00\x00\x00\x01\x08\x02\x00\x00\x00")
    with open(kluki_copy / "gmina.yaml", "a", encoding="utf-8") as f:
        f.write("\nmap: {file: map.png, source: GUGiK}\n")
    out = kluki_copy / "o.docx"
    result = CliRunner().invoke(cli, ["build", str(kluki_copy), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert "map.file" in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_update_chain_cycle_refused(tmp_path):
    """kluki-2026 → b → kluki-2026: the build computed its predecessors for ever."""
    shutil.copytree(ROOT / "content" / "kluki", tmp_path / "kluki")
    update = _copy(tmp_path, "kluki-2026")
    other = tmp_path / "b"
    shutil.copytree(update, other)
    for folder, target in ((update, "../b"), (other, "../kluki-2026")):
        path = folder / "update.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("folder: ../kluki", f"folder: {target}"),
                        encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(update), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 2, result.output
    assert "previous.folder" in result.output and "nawzajem" in result.output


def test_gmina_parameter_out_of_range_names_file_and_key(tmp_path):
    folder = _copy(tmp_path, "knyszyn")
    path = folder / "parameters" / "biomass_coefficients.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("hay: 16,", "hay: 57510984812,"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 2, result.output
    assert "biomass_coefficients.yaml" in result.output and "biomass_moisture" in result.output
    assert "values.hay" in result.output and "maksimum 100" in result.output


def test_missing_emission_factor_names_parameter(tmp_path):
    folder = _copy(tmp_path, "knyszyn")
    path = folder / "parameters" / "emission_factors.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("nox: 60, tsp: 0.5, co: 40", "nox: 60, co: 40"),
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 2, result.output
    assert "emission_factors.yaml" in result.output and "ef_lpg.values" in result.output and "'tsp'" in result.output


def test_check_report_with_users_umask(tmp_path):
    old = os.umask(0o022)
    try:
        out = tmp_path / "raport.txt"
        source = tmp_path / "plan.txt"
        source.write_text("Projekt założeń do planu zaopatrzenia w ciepło\n", encoding="utf-8")
        CliRunner().invoke(cli, ["check", str(source), "-o", str(out)])
        assert out.exists()
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
    finally:
        os.umask(old)


def test_diff_zip_bomb_refused(tmp_path):
    """`diff` read .docx files with python-docx unguarded: 315 MB inflated in memory, then an AttributeError."""
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", "<x/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:   # streamed: 300 MB never held whole
            member.write(b"<w:document>")
            chunk = b" " * (1 << 20)
            for _ in range(300):
                member.write(chunk)
            member.write(b"</w:document>")
    with memory_limit():
        result = CliRunner().invoke(cli, ["diff", str(bomb), str(bomb)])
    assert result.exit_code == 2 and "bomb" in result.output and "Traceback" not in result.output
