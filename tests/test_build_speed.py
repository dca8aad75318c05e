"""What keeps a build fast, checked without timing anything (timings: benchmarks/bench_build.py): syllable
boundaries remembered in the user cache are pyphen's; the command line loads a command only when it is used."""
from reportgen.render.hyphenation import Syllables


def test_boundaries_are_pyphens_and_remembered_between_processes(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path))
    first = Syllables()
    # Ter-mo-mo-der-ni-za-cja: boundaries after 3, 5, 7, 10, 12 and 14 letters
    assert first.positions("Termomodernizacja") == [3, 5, 7, 10, 12, 14]
    first.save()
    later = Syllables()                          # a later build reads the file and needs no pyphen
    assert later.positions("Termomodernizacja") == [3, 5, 7, 10, 12, 14] and later.pyphen is None


def test_a_damaged_cache_file_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path))
    path = Syllables().file
    assert path is not None
    path.write_text('{"Termomodernizacja": [99]}', "utf-8")       # an offset outside the word
    assert Syllables().positions("Termomodernizacja") == [3, 5, 7, 10, 12, 14]


def test_the_command_line_loads_a_command_only_when_it_is_used():
    """`reportgen build` does not import the checker, the procedure commands or the diff (issue #12, speed)."""
    import subprocess
    import sys
    code = ("import sys, reportgen.cli; "
            "print(sorted(m for m in sys.modules if m.startswith(('reportgen.check', 'reportgen.diff', "
            "'reportgen.procedure', 'matplotlib', 'pdfplumber'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    from click.testing import CliRunner

    from reportgen.cli import cli
    listed = CliRunner().invoke(cli, ["--help"]).output
    assert all(name in listed for name in ("build", "check", "diff", "procedure", "revision", "rules"))
