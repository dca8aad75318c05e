"""Compiled text templates kept between builds: compiling ~130 Jinja templates is a large part of a build.

Jinja's own bytecode cache keys files by name and checks the source; inline templates (from rules/structure.yaml)
get a name from their source's hash. The cache folder's name carries the Jinja version and the environment's
settings, so a changed environment never reuses code compiled for another.
The code lives beside the package's compiled Python (reportgen/__pycache__/), like a .pyc: it is the program's
own text compiled once per installation, not data of a build, so emptying the chart cache does not recompile it.
Where the package folder is read-only, the user's cache folder (REPORTGEN_CACHE or ~/.cache/reportgen) is used.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path


def _folder(env) -> str:
    import jinja2
    settings = (jinja2.__version__, type(env).__name__, env.trim_blocks, env.lstrip_blocks, env.autoescape,
                env.keep_trailing_newline, env.block_start_string, env.variable_start_string, env.comment_start_string,
                env.line_statement_prefix, env.newline_sequence, env.optimized)
    return f"jinja-{hashlib.sha256(repr(settings).encode()).hexdigest()[:16]}"


def _folders(env) -> list[Path]:
    name = _folder(env)
    user = os.environ.get("REPORTGEN_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "reportgen")
    return [Path(__file__).resolve().parents[1] / "__pycache__" / name, Path(user) / "templates" / name]


def enable(env) -> None:
    """Give env a bytecode cache on disk (no cache when no folder can be written: it only costs time)."""
    from jinja2 import FileSystemBytecodeCache
    for folder in _folders(env):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            env.bytecode_cache = FileSystemBytecodeCache(str(folder))
            return


def from_string(env, source: str):
    """env.from_string(source), compiled once per distinct source."""
    cache = env.bytecode_cache
    if cache is None:
        return env.from_string(source)
    name = "inline-" + hashlib.sha256(source.encode("utf-8")).hexdigest()
    bucket = cache.get_bucket(env, name, None, source)
    if bucket.code is None:
        bucket.code = env.compile(source, name)
        try:
            cache.set_bucket(bucket)
        except OSError:
            pass
    return env.template_class.from_code(env, bucket.code, env.make_globals(None), None)
