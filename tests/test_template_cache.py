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
