"""Compiled text templates are cached in the user's own private folder; the installation's own template files
beside its bytecode (once per installation), and only where Python writes bytecode."""
from __future__ import annotations

import os
import sys

import jinja2
import pytest

from reportgen.paths import templates_dir
from reportgen.render import template_cache


def _user_folder(cache):
    assert cache is None or isinstance(cache, template_cache.TwoFolderCache)
    return cache.user if cache is not None else None


def test_cache_in_the_users_private_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    env = jinja2.Environment()
    template_cache.enable(env)
    assert env.bytecode_cache is not None
    folder = tmp_path / "cache" / "templates" / template_cache._folder(env)
    assert folder.is_relative_to(tmp_path / "cache")
    assert folder.stat().st_mode & 0o077 == 0            # created private (0700)
    assert template_cache.from_string(env, "{{ 2 + 3 }}").render() == "5"
    assert any(folder.iterdir())                          # the compiled code went there, not into the package


def test_folder_others_can_write_to_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    env = jinja2.Environment()
    folder = tmp_path / "cache" / "templates" / template_cache._folder(env)
    folder.mkdir(parents=True)
    os.chmod(folder, 0o777)                               # anyone could plant code here
    template_cache.enable(env)
    assert _user_folder(env.bytecode_cache) is None
    assert template_cache.from_string(env, "{{ 'a' ~ 'b' }}").render() == "ab"
    assert not any(folder.iterdir())                      # nothing written where others could change it


def test_letters_are_rendered_without_a_cache_folder_too(tmp_path, monkeypatch):
    # no private folder to be had: the letters' environment compiles in memory (it routes docxtpl's from_string
    # through template_cache, which must then not call from_string back)
    import datetime as dt
    import io
    import zipfile

    import docx

    from reportgen.procedure import docxrender
    template = tmp_path / "pismo.docx"
    letter = docx.Document()
    letter.add_paragraph("Szanowni Państwo, {{ gmina }}")
    letter.save(str(template))
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("a file where the cache folder would be")
    monkeypatch.setenv("REPORTGEN_CACHE", str(not_a_folder))
    docxrender._environment.cache_clear()
    try:
        data = docxrender.render_template(template, {"gmina": "Gmina Kluki"}, dt.date(2026, 12, 1), "Urząd Gminy")
        cache = docxrender._environment().bytecode_cache
        assert _user_folder(cache) is None
    finally:
        docxrender._environment.cache_clear()
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert "Szanowni Państwo, Gmina Kluki" in body


@pytest.fixture
def installation(tmp_path, monkeypatch):
    """The installation's bytecode folder in tmp_path, Python writing bytecode, the user's cache beside it."""
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(template_cache, "installation_cache_folder", lambda *parts: tmp_path.joinpath("pycache", *parts))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return tmp_path


def _file_environment(folder):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)))
    template_cache.enable(env)
    return env


def _cached_files(folder):
    return sorted(p.name for p in folder.rglob("*.cache")) if folder.exists() else []


def test_installation_template_compiled_once_for_every_user(installation, monkeypatch):
    shipped = templates_dir() / "text"
    name = sorted(p.name for p in shipped.glob("*.md.j2"))[0]
    _file_environment(shipped).get_template(name)
    assert len(_cached_files(installation / "pycache")) == 1
    assert _cached_files(installation / "cache") == []            # not in this user's folder
    # another user (another cache folder), another process: the code is loaded, not compiled
    monkeypatch.setenv("REPORTGEN_CACHE", str(installation / "other-user"))
    env = _file_environment(shipped)
    monkeypatch.setattr(env, "compile", lambda *a, **k: pytest.fail("compiled again"))
    assert env.get_template(name) is not None


def test_no_bytecode_written_into_the_installation_when_python_writes_none(installation, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)            # PYTHONDONTWRITEBYTECODE, python -B
    shipped = templates_dir() / "text"
    name = sorted(p.name for p in shipped.glob("*.md.j2"))[0]
    _file_environment(shipped).get_template(name)
    assert _cached_files(installation / "pycache") == []
    assert len(_cached_files(installation / "cache")) == 1         # the user's folder has it instead


def test_a_firms_own_template_goes_to_the_users_folder(installation):
    own = installation / "szablony"
    own.mkdir()
    (own / "wstep.md.j2").write_text("Gmina {{ gmina }}", encoding="utf-8")
    assert _file_environment(own).get_template("wstep.md.j2").render(gmina="Kluki") == "Gmina Kluki"
    assert _cached_files(installation / "pycache") == []
    assert len(_cached_files(installation / "cache")) == 1


def test_damaged_or_stale_code_is_compiled_again(installation):
    own = installation / "szablony"
    own.mkdir()
    (own / "a.md.j2").write_text("{{ 1 + 1 }}", encoding="utf-8")
    _file_environment(own).get_template("a.md.j2")
    [entry] = (installation / "cache").rglob("*.cache")
    entry.write_bytes(entry.read_bytes()[:40])                     # cut short
    assert _file_environment(own).get_template("a.md.j2").render() == "2"
    (own / "a.md.j2").write_text("{{ 2 + 2 }}", encoding="utf-8")  # changed source: checksum differs
    assert _file_environment(own).get_template("a.md.j2").render() == "4"
