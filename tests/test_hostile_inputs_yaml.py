"""Hostile and mistaken YAML: every case a Polish message naming file, key (or line/column) – never a traceback,
never unbounded memory. Parser-level cases test reportgen.inputs.yamlio directly; end-to-end cases are in
test_bad_input.py."""
from __future__ import annotations

import pytest
from hostile import MEMORY_LIMIT_MB, memory_limit, run_limited

from reportgen.errors import UserError
from reportgen.inputs.yamlio import MAX_NODES, key_lines, line_for, load_yaml, parse_yaml

# 1 KB "billion laughs": 10 levels of 10 aliases each = 10^10 nodes once expanded
BOMB = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 10))


def refused(text: str) -> str:
    with pytest.raises(UserError) as exc:
        parse_yaml(text, "dane.yaml")
    out = "\n".join(exc.value.messages)
    assert "Traceback" not in out and "Error" not in out
    return out


def test_alias_bomb_refused_within_memory_bound():
    assert len(BOMB) < 1100
    with memory_limit():
        out = refused(BOMB)
    assert "bomba aliasów" in out and f"{MAX_NODES}" in out and "wiersz" in out


def test_alias_bomb_in_content_file_bounded_in_fresh_process(kluki_copy):
    """The whole CLI on a content folder with the bomb, in a process limited to +300 MB: exit 2, a message."""
    (kluki_copy / "heat.yaml").write_text(BOMB, encoding="utf-8")
    proc = run_limited(f"""
        from reportgen.cli import cli
        cli(["build", {str(kluki_copy)!r}, "-o", {str(kluki_copy / 'out.docx')!r}], prog_name="reportgen")
    """)
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "bomba aliasów" in proc.stderr and "heat.yaml" in proc.stderr
    assert "Traceback" not in proc.stderr
    peak_mb = int(proc.stdout.split()[-1])
    # the same command refused for an ordinary YAML error: the program itself (its imports grow with the
    # features); the bomb may cost little on top of it, far below the +300 MB the README promises
    (kluki_copy / "heat.yaml").write_text("a: [\n", encoding="utf-8")
    control = run_limited(f"""
        from reportgen.cli import cli
        cli(["build", {str(kluki_copy)!r}, "-o", {str(kluki_copy / 'out.docx')!r}], prog_name="reportgen")
    """)
    assert control.returncode == 2, control.stderr[-2000:]
    baseline_mb = int(control.stdout.split()[-1])
    assert peak_mb - baseline_mb < MEMORY_LIMIT_MB // 3, (peak_mb, baseline_mb)
    assert peak_mb < MEMORY_LIMIT_MB, peak_mb      # the whole process (its own VmHWM, see hostile.run_limited)


def test_recursive_alias_refused():
    assert "samego siebie" in refused("a: &a [1, *a]\n")


def test_shared_anchor_within_budget_is_fine():
    data, lines = parse_yaml("base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\nlist: [*b, *b]\n", "d.yaml")
    assert isinstance(data, dict)
    assert data["other"] == {"x": 1, "y": 2} and data["list"] == [{"x": 1}, {"x": 1}]
    assert lines[("other", "y")] == 4


def test_too_many_nodes_refused_before_parsing():
    with memory_limit():
        out = refused("[" + "0," * (MAX_NODES + 1) + "0]")
    assert "zbyt wiele elementów" in out


def test_deep_nesting_refused():
    assert "zagnieżdżenie" in refused("- " * 200 + "x\n")
    assert "zagnieżdżenie" in refused("[" * 2000 + "]" * 2000)


def test_duplicate_key_names_both_lines():
    out = refused("name: Kluki\nteryt: '1001042'\nname: Klucze\n")
    assert "dane.yaml, wiersz 3, klucz name: klucz powtórzony – pierwszy raz w wierszu 1" in out


def test_duplicate_key_nested():
    out = refused("sectors:\n  housing:\n    a: 1\n    a: 2\n")
    assert "wiersz 4, klucz sectors.housing.a" in out and "wierszu 3" in out


def test_invalid_date_polish():
    out = refused("name: x\ndocument_date: 2022-02-30\n")
    assert "dane.yaml, wiersz 2, klucz document_date: niepoprawna data 2022-02-30" in out
    assert "RRRR-MM-DD" in out


@pytest.mark.parametrize("literal", [".inf", "-.inf", ".NaN", "1e309", "1.0e+309", "-1e400", "'1e309'", '"nan"'])
def test_non_finite_numbers_refused(literal):
    out = refused(f"a: 1\nvalues:\n  x: {literal}\n")
    assert "wiersz 3, klucz values.x" in out and "oczekiwano liczby skończonej" in out


@pytest.mark.parametrize("literal", ["1e101", "-2.5e120", "1" + "0" * 45, "9" * 50])
def test_huge_numbers_refused(literal):
    out = refused(f"population: {literal}\n")
    assert "wiersz 1, klucz population" in out


def test_number_like_text_in_quotes_kept():
    # a quoted long digit string (an account number) is text, not an out-of-range number
    data, _ = parse_yaml("konto: '12345678901234567890123456'\nrok: '2030'\n", "d.yaml")
    assert data == {"konto": "12345678901234567890123456", "rok": "2030"}


@pytest.mark.parametrize("escape,code", [("\\a", "0007"), ("\\x0b", "000B"), ("\\x1b[31m", "001B"), ("\\0", "0000")])
def test_control_characters_in_text_refused_without_echo(escape, code):
    secret = "tajny długi tekst " * 50
    out = refused(f'opis: "{secret}{escape}koniec"\n')
    assert f"wiersz 1, klucz opis: tekst zawiera niedozwolony znak sterujący U+{code}" in out
    assert "tajny" not in out and "\x1b" not in out


def test_control_character_in_key_not_echoed():
    out = refused('"\\e[2Jklucz": 1\n')
    assert "\x1b" not in out and "U+001B" in out


@pytest.mark.parametrize("text,polish", [
    ("a:\n\tb: 1\n", "znak tabulacji"),
    ("a: 1\x00\n", "niedozwolony znak sterujący U+0000"),
    ("a: 1\x07\n", "niedozwolony znak sterujący U+0007"),
    ("a: b: c\n", "dwukropek w niedozwolonym miejscu"),
    ("a: [1, 2\n", "niedomknięty nawias"),
    ("a: 'tekst\n", "niedomknięty cudzysłów"),
    ("a: *nic\n", "kotwicy &nazwa"),
    ("a: !!python/object:os.system 1\n", "nieznany znacznik typu"),
    ("--- 1\n--- 2\n", "więcej niż jeden dokument"),
    ("a: 1\nb\n", "brak dwukropka"),
    ('a: "\\q"\n', "nieznana sekwencja"),
    ("a: @x\n", "ujmij wartość w cudzysłów"),
    ("? [1, 2]\n: 3\n", "kluczem musi być tekst lub liczba"),
])
def test_parser_messages_in_polish(text, polish):
    out = refused(text)
    assert polish in out and "wiersz" in out
    for english in ("found", "expected", "while", "mapping values", "cannot"):
        assert english not in out


def test_yaml_file_lines_and_paths(tmp_path):
    p = tmp_path / "d.yaml"
    p.write_text("a:\n  b:\n    - x\n    - {c: 1}\n", encoding="utf-8")
    data, lines = load_yaml(p)
    assert data == {"a": {"b": ["x", {"c": 1}]}}
    assert lines.line_of(("a", "b", 1, "c")) == 4 and lines.line_of(("a", "missing")) == 1


def test_key_lines_for_callers_parsing_themselves():
    lines = key_lines("requirements:\n  - id: A\n  - id: B\n")
    assert line_for(lines, ("requirements", 1, "id")) == 3
    assert line_for(lines, ("requirements", 1, "nope")) == 3


def test_requirements_file_with_bomb_is_a_message(tmp_path):
    from reportgen.rules.requirements import load_requirements
    p = tmp_path / "requirements.yaml"
    p.write_text("requirements: []\n" + BOMB, encoding="utf-8")
    with memory_limit(), pytest.raises(UserError) as exc:
        load_requirements(p)
    assert "bomba aliasów" in exc.value.messages[0]


def test_big_file_without_aliases_is_not_called_a_bomb():
    with memory_limit():
        # a flow set {k0, k1, …}: one comma per two nodes (key and empty value), so the mark count lets it pass
        out = refused("{" + ", ".join(f"k{i}" for i in range(MAX_NODES * 3 // 4)) + "}\n")
    assert "zbyt wiele elementów" in out and "alias" not in out


def test_requirements_file_with_impossible_date_is_a_message(tmp_path):
    from reportgen.rules.requirements import load_requirements
    p = tmp_path / "requirements.yaml"
    p.write_text("requirements:\n  - id: X\n    valid_from: 2022-02-30\n", encoding="utf-8")
    with pytest.raises(UserError) as exc:
        load_requirements(p)
    assert "wiersz 3, klucz requirements[0].valid_from: niepoprawna data 2022-02-30" in exc.value.messages[0]
