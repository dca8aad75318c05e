"""Compiled text templates kept between builds: compiling ~130 Jinja templates is a large part of a build.

Jinja's own bytecode cache keys files by name and checks the source; inline templates (from rules/structure.yaml)
get a name from their source's hash. The cache folder's name carries the Jinja version and the environment's
settings, so a changed environment never reuses code compiled for another.
The code lives in the user's cache folder (REPORTGEN_CACHE or ~/.cache/reportgen), never in the installed package:
compiled code is loaded with marshal, so the folder must be the user's own and writable by nobody else (the same
rule as Jinja's default cache); otherwise templates are compiled in memory.
"""
from __future__ import annotations

import hashlib
import weakref

from reportgen.paths import private_cache_folder


def _folder(env) -> str:
    import jinja2
    settings = (jinja2.__version__, type(env).__name__, env.trim_blocks, env.lstrip_blocks, env.autoescape,
                env.keep_trailing_newline, env.block_start_string, env.variable_start_string, env.comment_start_string,
                env.line_statement_prefix, env.newline_sequence, env.optimized)
    return f"jinja-{hashlib.sha256(repr(settings).encode()).hexdigest()[:16]}"


def enable(env) -> None:
    """Give env a bytecode cache on disk (no cache when no private folder can be had: it only costs time)."""
    from jinja2 import FileSystemBytecodeCache
    folder = private_cache_folder("templates", _folder(env))
    if folder is not None:
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))


# Compiled inline templates kept in the process, per environment (weakly: an environment that is gone takes its
# templates along); past MEMO_PER_ENV sources (a long run of a firm's own templates) an environment starts again
MEMO_PER_ENV = 256
_memo: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def from_string(env, source: str):
    """env.from_string(source), compiled once per process and environment, and once on disk where the environment
    has a bytecode cache (enable). Never calls env.from_string, so an environment may route its own from_string here."""
    memo = _memo.setdefault(env, {})
    template = memo.get(source)
    if template is None:
        if len(memo) >= MEMO_PER_ENV:
            memo.clear()
        template = memo[source] = env.template_class.from_code(env, _code(env, source), env.make_globals(None), None)
    return template


def _code(env, source: str):
    cache = env.bytecode_cache
    if cache is None:
        return env.compile(source)
    name = "inline-" + hashlib.sha256(source.encode("utf-8")).hexdigest()
    bucket = cache.get_bucket(env, name, None, source)
    if bucket.code is None:
        bucket.code = env.compile(source, name)
        try:
            cache.set_bucket(bucket)
        except OSError:
            pass
    return bucket.code
