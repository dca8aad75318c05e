"""Report formats: readable text, stable JSON, self-contained escaped HTML; -o writes the file."""
from __future__ import annotations

import json
from datetime import date

from click.testing import CliRunner

from reportgen.check.commands import check
from reportgen.check.report import ReportContext, plural_pl, render
from reportgen.rules.engine import Finding

PLAN = ("Projekt założeń do planu zaopatrzenia w ciepło na lata 2025-2040\n\n"
        "1 Wprowadzenie\n\n"
        "Dane <script>alert(1)</script> przedstawiono w tabeli 9 & na rysunku 2.\n")


def _plan(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_polish_plurals():
    assert [plural_pl(n, "błąd", "błędy", "błędów") for n in (0, 1, 2, 5, 12, 22, 112)] == [
        "0 błędów", "1 błąd", "2 błędy", "5 błędów", "12 błędów", "22 błędy", "112 błędów"]


def test_json_is_stable_and_sorted(tmp_path):
    path = _plan(tmp_path)
    runs = [CliRunner().invoke(check, [str(path), "--as-of", "2025-06-01", "--format", "json"]) for _ in range(2)]
    assert runs[0].exit_code == 1 and runs[0].output == runs[1].output
    data = json.loads(runs[0].output)
    assert list(data) == sorted(data)
    assert data["as_of"] == "2025-06-01" and data["document"]["format"] == "txt"
    refs = [f for f in data["findings"] if f["rule_id"] == "Q-REF"]
    assert [f["location"] for f in refs] == ["rozdz. 1, wiersz 5", "rozdz. 1, wiersz 5"]
    assert all(list(f) == sorted(f) for f in data["findings"])
    assert data["summary"]["error"] == sum(f["severity"] == "error" for f in data["findings"])


def test_html_is_escaped_and_self_contained(tmp_path):
    out = tmp_path / "raport.html"
    result = CliRunner().invoke(check, [str(_plan(tmp_path)), "--as-of", "2025-06-01", "--format", "html", "-o", str(out)])
    assert result.exit_code == 1 and "Raport zapisano" in result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&amp;" in page and "http" not in page.split("<body>")[1].split("reportgen")[0]


def test_text_report_groups_by_severity():
    findings = [Finding("Q-NUM", "warning", "Luka.", "Tabela 3"), Finding("Q-REF", "error", "Brak tabeli 4.", "wiersz 9",
                                                                         "„w tabeli 4”", "Popraw numer.")]
    text = render(findings, "text", ReportContext(file="plan.txt", title="Plan", as_of=date(2025, 1, 1)))
    assert text.index("BŁĘDY") < text.index("Brak tabeli 4.") < text.index("OSTRZEŻENIA") < text.index("Luka.")
    assert "Wynik: 1 błąd, 1 ostrzeżenie, 0 informacji" in text
    assert "Co zrobić: Popraw numer." in text and "Dowód: „w tabeli 4”" in text
