"""Data files that are not what they seem (symlinks out of the folder, devices, FIFOs, huge files) and CSV files
as Polish Excel saves them."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile import memory_limit

from reportgen.cli import cli
from reportgen.errors import UserError
from reportgen.inputs.csvio import parse_number, read_csv
from reportgen.inputs.loader import load_content
from reportgen.inputs.yamlio import MAX_INPUT_BYTES, read_data_bytes, read_data_text
from reportgen.methods.survey.inputs import load_locality_csv

CSV = "localities_population.csv"


def messages_of(call) -> str:
    with pytest.raises(UserError) as exc:
        call()
    return "\n".join(exc.value.messages)


# --- data files ------------------------------------------------------------------------------------------------

def test_symlink_to_system_file_refused_without_echo(kluki_copy):
    (kluki_copy / "gmina.yaml").unlink()
    (kluki_copy / "gmina.yaml").symlink_to("/etc/passwd")
    out = messages_of(lambda: load_content(kluki_copy))
    assert "gmina.yaml: jest dowiązaniem symbolicznym do pliku spoza katalogu danych" in out
    assert "root:x:" not in out


def test_symlink_to_dev_zero_and_urandom_refused(kluki_copy):
    for name, device in (("heat.yaml", "/dev/zero"), ("carriers.yaml", "/dev/urandom")):
        (kluki_copy / name).unlink()
        (kluki_copy / name).symlink_to(device)
    with memory_limit(50):
        out = messages_of(lambda: load_content(kluki_copy))
    assert "heat.yaml: jest dowiązaniem symbolicznym" in out and "carriers.yaml: jest dowiązaniem" in out


def test_device_inside_allowed_folder_is_not_read():
    with memory_limit(50):
        out = messages_of(lambda: read_data_bytes(Path("/dev/zero"), root=Path("/dev")))
    assert "to nie jest zwykły plik" in out


def test_fifo_does_not_hang(kluki_copy):
    (kluki_copy / "heat.yaml").unlink()
    os.mkfifo(kluki_copy / "heat.yaml")     # nobody writes to it: a blocking open would hang forever
    out = messages_of(lambda: load_content(kluki_copy))
    assert "heat.yaml: to nie jest zwykły plik" in out


def test_directory_named_like_a_data_file(kluki_copy):
    (kluki_copy / "heat.yaml").unlink()
    (kluki_copy / "heat.yaml").mkdir()
    assert "heat.yaml: to nie jest zwykły plik" in messages_of(lambda: load_content(kluki_copy))


def test_symlink_inside_folder_is_fine(kluki_copy, tmp_path):
    (kluki_copy / "real").mkdir()
    (kluki_copy / "heat.yaml").rename(kluki_copy / "real" / "heat.yaml")
    (kluki_copy / "heat.yaml").symlink_to(kluki_copy / "real" / "heat.yaml")
    assert load_content(kluki_copy).heat is not None


def test_symlink_loop(kluki_copy):
    (kluki_copy / "heat.yaml").unlink()
    (kluki_copy / "heat.yaml").symlink_to(kluki_copy / "heat.yaml")
    assert "zapętlone" in messages_of(lambda: load_content(kluki_copy))


def test_csv_symlink_leaving_the_folder_refused(knyszyn_copy):
    (knyszyn_copy / CSV).unlink()
    (knyszyn_copy / CSV).symlink_to("/etc/passwd")
    out = messages_of(lambda: load_content(knyszyn_copy))
    assert f"{CSV}: jest dowiązaniem symbolicznym do pliku spoza katalogu danych" in out and "root:x:" not in out


def test_oversized_file_read_only_up_to_limit(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as f:
        f.truncate(50 * MAX_INPUT_BYTES)          # sparse: 250 MB on paper, nothing on disk
    with memory_limit(50):                        # reading it whole would need 250 MB
        out = messages_of(lambda: read_data_text(big))
    assert "zbyt duży" in out


def test_utf16_and_cp1250_yaml_explained(tmp_path):
    p = tmp_path / "gmina.yaml"
    p.write_bytes("name: Łódź\n".encode("utf-16"))
    assert "UTF-16" in messages_of(lambda: read_data_text(p))
    p.write_bytes("name: Łódź\n".encode("cp1250"))
    assert "Windows-1250" in messages_of(lambda: read_data_text(p)) and "zapisz plik w UTF-8" in messages_of(
        lambda: read_data_text(p))


def test_utf8_bom_yaml_read(tmp_path):
    p = tmp_path / "gmina.yaml"
    p.write_bytes(b"\xef\xbb\xbf" + "name: Łódź\n".encode())
    assert read_data_text(p) == "name: Łódź\n"


# --- CSV as Polish Excel saves it -------------------------------------------------------------------------------

def write_csv(folder: Path, text: str, encoding: str = "utf-8", bom: bool = False) -> Path:
    p = folder / CSV
    p.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding))
    return p


def test_excel_polish_semicolons_crlf_and_bom(tmp_path):
    p = write_csv(tmp_path, "locality;2011;2012\r\nKnyszyn;2832;2811\r\nŁaźnie;1 202;200\r\n", bom=True)
    table = load_locality_csv(p)
    assert [(r.locality, r.population[2011], r.population[2012]) for r in table.rows] == [
        ("Knyszyn", 2832, 2811), ("Łaźnie", 1202, 200)]


def test_decimal_comma_read_in_numbers(tmp_path):
    p = write_csv(tmp_path, "# komentarz; z średnikiem\nname;value\nA;12,5\nB;\"1 234,75\"\nC;0,001\n")
    table = read_csv(p)
    assert table.separator == ";" and table.header == ["name", "value"] and table.header_line == 2
    assert [table.number(r, 2) for r in table.rows] == [12.5, 1234.75, 0.001]
    assert [r.line for r in table.rows] == [3, 4, 5]


def test_hash_at_the_start_of_a_line_inside_a_quoted_cell_is_text(tmp_path):
    """A comment of several lines (uwagi.csv) whose second line starts with "#" keeps it; a "" inside the cell
    does not end the quoting. Only a "#" line outside any cell is a comment."""
    p = write_csv(tmp_path, 'nr;uwaga\n# komentarz pliku\n1;"Dotyczy działek:\n#12 i #13, tzw. ""stara"" kotłownia\n#14"\n'
                            '# drugi komentarz\n2;"krótka"\n')
    table = read_csv(p)
    assert [r.cells for r in table.rows] == [["1", 'Dotyczy działek:\n#12 i #13, tzw. "stara" kotłownia\n#14'],
                                             ["2", "krótka"]]
    assert [r.line for r in table.rows] == [3, 7]


def test_comma_separated_with_quoted_decimal_comma(tmp_path):
    p = write_csv(tmp_path, 'name,value\nA,"12,5"\n')
    table = read_csv(p)
    assert table.separator == "," and table.number(table.rows[0], 2) == 12.5


def test_decimal_comma_where_integer_expected_names_row_and_column(tmp_path):
    p = write_csv(tmp_path, "locality;2011;2012\nKnyszyn;2832;2811,5\n")
    out = messages_of(lambda: load_locality_csv(p))
    assert f"{CSV}, wiersz 2, kolumna 3 (2012): oczekiwano liczby całkowitej (podano '2811,5')" in out


@pytest.mark.parametrize("cell,reason", [("1.234,5", "niejednoznaczny"), ("1e400", "poza wszelkim zakresem"),
                                         ("nan", "oczekiwano liczby"), ("inf", "oczekiwano liczby"),
                                         ("", "pusta komórka"), ("12 kWh", "oczekiwano liczby")])
def test_bad_numbers(cell, reason):
    with pytest.raises(ValueError) as exc:
        parse_number(cell)
    assert reason in str(exc.value)


def test_cp1250_csv_says_save_in_utf8(tmp_path):
    p = write_csv(tmp_path, "locality;2011\nŁaźnie;12\n", encoding="cp1250")
    out = messages_of(lambda: load_locality_csv(p))
    assert f"{CSV}, wiersz 2: plik zapisano najpewniej w kodowaniu Windows-1250" in out
    assert "zapisz plik w UTF-8" in out and "CSV UTF-8" in out
    assert "nagłówka" not in out          # not the old, wrong claim that the header is wrong


def test_semicolon_header_is_understood(tmp_path):
    # the old reader split on ',' only and blamed a visibly right ';' header; a wrong one is still named
    assert load_locality_csv(write_csv(tmp_path, "locality;2011\nA;1\n")).rows[0].population == {2011: 1}
    p = write_csv(tmp_path, "miejscowość;2011\nA;1\n")
    assert f"{CSV}, wiersz 1: pierwsza kolumna nagłówka musi się nazywać „locality”" in messages_of(
        lambda: load_locality_csv(p))


def test_wrong_column_count_names_row(tmp_path):
    p = write_csv(tmp_path, "locality;2011;2012\nA;1\n")
    assert f"{CSV}, wiersz 2: 2 kolumn zamiast 3" in messages_of(lambda: load_locality_csv(p))


def test_control_characters_in_csv_refused(tmp_path):
    p = write_csv(tmp_path, "locality;2011\nA\x1b[2J;1\n")
    out = messages_of(lambda: load_locality_csv(p))
    assert "wiersz 2" in out and "U+001B" in out and "\x1b" not in out


def test_unclosed_quote_and_huge_cell(tmp_path):
    p = write_csv(tmp_path, 'locality;2011\n"A;1\n')
    with pytest.raises(UserError):
        load_locality_csv(p)
    p = write_csv(tmp_path, "locality;2011\n" + "A" * 200_000 + ";1\n")
    assert "zbyt długa" in messages_of(lambda: load_locality_csv(p))


def test_too_many_cells_refused_before_parsing(tmp_path):
    p = write_csv(tmp_path, "a;b\n" + "1;2\n" * 150_000)
    with memory_limit(100):
        assert "zbyt wiele komórek" in messages_of(lambda: read_csv(p))


def test_knyszyn_builds_from_excel_csv(knyszyn_copy, tmp_path):
    """The shipped CSV re-saved as Polish Excel does (';', CRLF, BOM): same loaded table."""
    original = load_content(knyszyn_copy).locality_population
    p = knyszyn_copy / CSV
    text = p.read_text(encoding="utf-8").replace(",", ";").replace("\n", "\r\n")
    p.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert load_content(knyszyn_copy).locality_population == original


def test_cli_reports_csv_problem_exit_2(knyszyn_copy, tmp_path):
    write_csv(knyszyn_copy, "locality;2011\nŁaźnie;12\n", encoding="cp1250")
    result = CliRunner().invoke(cli, ["build", str(knyszyn_copy), "-o", str(tmp_path / "k.docx")])
    assert result.exit_code == 2 and "zapisz plik w UTF-8" in result.output
    assert not (tmp_path / "k.docx").exists()
