"""YAML texts parsed before are remembered (yaml_cache): same data, fresh objects, never a problem skipped, and
nothing but plain data loaded from the user's private cache folder."""
from __future__ import annotations

import datetime
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from reportgen.errors import UserError
from reportgen.inputs import yaml_cache
from reportgen.inputs.yamlio import parse_yaml

ROOT = Path(__file__).resolve().parents[1]
TEXT = "a:\n  b: [1, 2.5]\n  when: 2026-12-01\nc: tekst\n"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(yaml_cache, "_memory", type(yaml_cache._memory)())
    return tmp_path / "cache" / "yaml"


def test_second_parse_gives_the_same_data_as_fresh_objects(cache):
    data, lines = parse_yaml(TEXT, "t.yaml")
    assert isinstance(data, dict)
    data["a"]["b"].append(99)                      # a caller changes what it got
    again, lines_again = parse_yaml(TEXT, "t.yaml")
    assert again == {"a": {"b": [1, 2.5], "when": datetime.date(2026, 12, 1)}, "c": "tekst"}
    assert lines_again == lines and lines_again.line_of(("a", "when")) == 3
    assert len(list(cache.glob("*.pickle"))) == 1


def test_from_disk_in_a_new_process(cache):
    parse_yaml(TEXT, "t.yaml")
    yaml_cache._memory.clear()                     # as a new process finds it
    assert parse_yaml(TEXT, "t.yaml")[0] == {"a": {"b": [1, 2.5], "when": datetime.date(2026, 12, 1)}, "c": "tekst"}


def test_a_text_with_a_problem_is_refused_every_time(cache):
    bad = "a: 1\na: 2\n"
    for _ in range(2):
        with pytest.raises(UserError, match="klucz powtórzony"):
            parse_yaml(bad, "bad.yaml")
    assert not list(cache.glob("*.pickle"))


class _Planted:
    def __init__(self, path):
        self.path = str(path)

    def __reduce__(self):
        return (os.mkdir, (self.path,))


def test_a_planted_pickle_is_not_run_and_the_text_is_parsed_again(cache, tmp_path):
    parse_yaml(TEXT, "t.yaml")
    yaml_cache._memory.clear()
    (entry,) = cache.glob("*.pickle")
    entry.write_bytes(pickle.dumps(_Planted(tmp_path / "planted")))
    assert parse_yaml(TEXT, "t.yaml")[0] == {"a": {"b": [1, 2.5], "when": datetime.date(2026, 12, 1)}, "c": "tekst"}
    assert not (tmp_path / "planted").exists()


def test_a_folder_others_can_write_to_is_not_used(cache):
    cache.mkdir(parents=True)
    os.chmod(cache, 0o777)
    parse_yaml(TEXT, "t.yaml")
    assert not list(cache.iterdir())


def test_a_folder_read_before_is_read_without_pyyaml(cache):
    # a rebuild finds every text remembered: PyYAML (and the parser's checks) are not even imported
    from reportgen.inputs.loader import load_content
    load_content(ROOT / "content" / "kluki")                      # fills the cache folder of this test
    code = ("import sys; from reportgen.inputs.loader import load_content; "
            f"load_content({str(ROOT / 'content' / 'kluki')!r}); print(sorted(m for m in sys.modules if m.startswith('yaml')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "REPORTGEN_CACHE": str(cache.parent)}).stdout
    assert out.strip() == "[]"


@pytest.fixture
def installation(cache, tmp_path, monkeypatch):
    """The installation's bytecode folder in tmp_path, Python writing bytecode."""
    folder = tmp_path / "pycache" / "reportgen-yaml"
    monkeypatch.setattr(yaml_cache, "_installation_folder", lambda: folder)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return folder


def test_installation_files_are_parsed_once_for_every_user(installation, cache, tmp_path, monkeypatch):
    from reportgen.inputs import yaml_parse
    from reportgen.inputs.yamlio import load_yaml
    from reportgen.paths import rules_dir
    data, _ = load_yaml(rules_dir() / "vocabulary.yaml")
    assert len(list(installation.glob("*.pickle"))) == 1 and not list(cache.glob("*.pickle"))
    yaml_cache._memory.clear()                                     # another process
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "other-user"))
    monkeypatch.setattr(yaml_parse, "parse_checked", lambda *a: pytest.fail("parsed again"))

    def not_the_owner(*args, **kwargs):                             # another user may read the entry, not touch it
        raise PermissionError(1, "Operation not permitted")
    monkeypatch.setattr(os, "utime", not_the_owner)
    assert load_yaml(rules_dir() / "vocabulary.yaml")[0] == data


def test_a_gminas_files_stay_in_the_users_folder(installation, cache):
    from reportgen.inputs.yamlio import load_yaml
    load_yaml(ROOT / "content" / "kluki" / "gmina.yaml")
    assert not installation.exists() and len(list(cache.glob("*.pickle"))) == 1


def test_nothing_written_into_the_installation_when_python_writes_no_bytecode(installation, cache, monkeypatch):
    from reportgen.inputs.yamlio import load_yaml
    from reportgen.paths import rules_dir
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    load_yaml(rules_dir() / "vocabulary.yaml")
    assert not installation.exists() and len(list(cache.glob("*.pickle"))) == 1


def test_a_planted_pickle_in_the_installation_is_not_run(installation, tmp_path):
    from reportgen.inputs.yamlio import load_yaml
    from reportgen.paths import rules_dir
    data, _ = load_yaml(rules_dir() / "vocabulary.yaml")
    yaml_cache._memory.clear()
    (entry,) = installation.glob("*.pickle")
    entry.write_bytes(pickle.dumps(_Planted(tmp_path / "planted")))
    assert load_yaml(rules_dir() / "vocabulary.yaml")[0] == data
    assert not (tmp_path / "planted").exists()
