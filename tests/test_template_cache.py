"""Compiled text templates are cached only in the user's own private folder, never in the installed package."""
from __future__ import annotations

import os

import jinja2

from reportgen.render import template_cache


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
    assert env.bytecode_cache is None
    assert template_cache.from_string(env, "{{ 'a' ~ 'b' }}").render() == "ab"


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
        assert docxrender._environment().bytecode_cache is None
    finally:
        docxrender._environment.cache_clear()
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert "Szanowni Państwo, Gmina Kluki" in body
