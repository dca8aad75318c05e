"""rules/requirements.yaml as validated models; errors name the file, the key and the line; `rules` lists them."""
from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from reportgen.check.commands import rules
from reportgen.errors import UserError
from reportgen.rules.requirements import default_requirements_path, load_requirements

GOOD = """requirements:
  - id: A-1
    act: Prawo energetyczne
    art: 19
    ust: 2
    text: "Co najmniej 15 lat."
    valid_from: 2005-03-03
    valid_to: null
    severity: error
    applies_to: document
    evidence:
      keywords: ['na lata \\d{4}']
    source: "Dz.U. 1997 nr 54 poz. 348"
    last_verified: 2026-12-01
"""


def _write(tmp_path, text):
    path = tmp_path / "req.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_default_file_loads_with_all_statutory_entries():
    reqs = {r.id: r for r in load_requirements()}
    expected = {"PE-19-1", "PE-19-2", "PE-19-3-1", "PE-19-3-2", "PE-19-3-3", "PE-19-3-3a-2011", "PE-19-3-3a",
                "PE-19-3-4", "PE-19-4", "PE-19-5", "PE-19-6", "PE-19-8", "PE-18", "PE-20", "UEE-2016-6",
                "OBS-UEE-2011", "OBS-PEP2030"}
    assert expected <= set(reqs)
    old, new = reqs["PE-19-3-3a-2011"], reqs["PE-19-3-3a"]
    assert old.in_force(date(2016, 9, 30)) and not old.in_force(date(2016, 10, 1))
    assert new.in_force(date(2016, 10, 1)) and not new.in_force(date(2016, 9, 30))
    assert reqs["PE-19-3-3a"].citation() == "Prawo energetyczne, art. 19 ust. 3 pkt 3a"
    assert reqs["OBS-PEP2030"].kind == "superseded" and reqs["OBS-PEP2030"].since == date(2021, 3, 10)
    assert default_requirements_path().name == "requirements.yaml"


def test_good_minimal_file(tmp_path):
    [req] = load_requirements(_write(tmp_path, GOOD))
    assert req.id == "A-1" and req.evidence.keywords == [r"na lata \d{4}"]


@pytest.mark.parametrize("old,new,key,words", [
    ("valid_from: 2005-03-03", "valid_from: 3 marca 2005", "requirements[0].valid_from", "niepoprawna data"),
    ("severity: error", "severity: fatal", "requirements[0].severity", "niedozwolona wartość 'fatal'"),
    ("    applies_to: document\n", "", "requirements[0].applies_to", "brak wymaganego pola"),
    ("    art: 19\n", "    art: 19\n    artykul: 5\n", "requirements[0].artykul", "nieznane pole"),
    ("keywords: ['na lata \\d{4}']", "keywords: ['na lata (']", "requirements[0].evidence.keywords",
     "niepoprawne wyrażenie regularne"),
])
def test_validation_errors_name_file_key_and_line(tmp_path, old, new, key, words):
    path = _write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(UserError) as exc:
        load_requirements(path)
    [message] = exc.value.messages
    assert message.startswith(f"{path}, wiersz ") and f"klucz {key}" in message and words in message


def test_line_number_points_at_the_key(tmp_path):
    path = _write(tmp_path, GOOD.replace("severity: error", "severity: fatal"))
    with pytest.raises(UserError) as exc:
        load_requirements(path)
    assert ", wiersz 9:" in exc.value.messages[0]          # "severity:" is on line 9 of GOOD


def test_duplicate_ids_and_yaml_syntax(tmp_path):
    twice = GOOD + GOOD.split("requirements:\n", 1)[1]
    with pytest.raises(UserError) as exc:
        load_requirements(_write(tmp_path, twice))
    assert "powtarza się" in exc.value.messages[0]
    with pytest.raises(UserError) as exc:
        load_requirements(_write(tmp_path, "requirements:\n  - id: [niezamknięta\n"))
    assert "błędny zapis YAML" in exc.value.messages[0] and "wiersz" in exc.value.messages[0]
    with pytest.raises(UserError) as exc:
        load_requirements(tmp_path / "brak.yaml")
    assert "nie znaleziono" in exc.value.messages[0]


def test_rules_command_lists_requirements():
    result = CliRunner().invoke(rules, [])
    assert result.exit_code == 0
    for rid in ("PE-19-2", "PE-19-3-3a", "PE-20", "UEE-2016-6", "OBS-PEP2030"):
        assert f"\n{rid}  [" in result.output
    assert "Prawo energetyczne, art. 19 ust. 2" in result.output and "obowiązuje: 2005-03-03 – nadal" in result.output


def test_rules_command_as_of_filter_and_json():
    result = CliRunner().invoke(rules, ["--as-of", "2015-06-01", "--format", "json"])
    ids = {r["id"] for r in json.loads(result.output)}
    assert "PE-19-3-3a-2011" in ids and "PE-19-3-3a" not in ids and "OBS-PEP2030" not in ids
    result = CliRunner().invoke(rules, ["--as-of", "2024-01-01"])
    assert "PE-19-3-3a  [" in result.output and "PE-19-3-3a-2011" not in result.output


def test_rules_command_bad_file_exits_two(tmp_path):
    path = _write(tmp_path, GOOD.replace("severity: error", "severity: fatal"))
    result = CliRunner().invoke(rules, ["--requirements", str(path)])
    assert result.exit_code == 2 and result.stderr.startswith("Błąd: ") and "Traceback" not in result.output
