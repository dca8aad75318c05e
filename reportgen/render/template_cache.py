"""Compiled text templates kept between builds: compiling ~130 Jinja templates is a large part of a build.

Template files are keyed by name and checked against their source (Jinja's bucket checksum); inline templates
(from rules/structure.yaml) get a name from their source's hash. The cache folders' name carries the Jinja version
and the environment's settings, so a changed environment never reuses code compiled for another.
Compiled code is loaded with marshal, so it is read only from folders as trusted as the code that runs it:
- the installation's own template files are compiled once per installation and kept beside its bytecode
  (paths.installation_cache_folder: reportgen/__pycache__/ or under PYTHONPYCACHEPREFIX, not written when Python
  writes no bytecode), trusted as its .pyc files are;
- everything else (inline templates, a firm's own files, and the installation's where its bytecode folder cannot
  be written) in the user's cache folder (REPORTGEN_CACHE or ~/.cache/reportgen), used only when writable by
  nobody else (the same rule as Jinja's default cache); with neither, templates are compiled in memory.
"""
from __future__ import annotations

import hashlib
import weakref
from pathlib import Path

from jinja2.bccache import Bucket, BytecodeCache

from reportgen.paths import installation_cache_folder, is_shipped, private_cache_folder, store_in_cache, store_in_installation_cache


def _folder(env) -> str:
    import jinja2
    settings = (jinja2.__version__, type(env).__name__, env.trim_blocks, env.lstrip_blocks, env.autoescape,
                env.keep_trailing_newline, env.block_start_string, env.variable_start_string, env.comment_start_string,
                env.line_statement_prefix, env.newline_sequence, env.optimized)
    return f"jinja-{hashlib.sha256(repr(settings).encode()).hexdigest()[:16]}"


class TwoFolderCache(BytecodeCache):
    """Jinja's bytecode cache over two folders: the installation's for its own template files (read first,
    written there where Python writes bytecode) and the user's private one (everything else)."""

    def __init__(self, installed: Path | None, user: Path | None):
        self.installed, self.user = installed, user
        self._shipped: dict[str, bool] = {}        # bucket key -> compiled from one of the installation's files

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        self._shipped[self.get_cache_key(name, filename)] = filename is not None and is_shipped(filename)
        return super().get_bucket(environment, name, filename, source)

    def load_bytecode(self, bucket: Bucket) -> None:
        for folder in (self.installed if self._shipped.get(bucket.key) else None, self.user):
            if folder is None:
                continue
            try:
                with open(folder / f"{bucket.key}.cache", "rb") as f:
                    bucket.load_bytecode(f)      # checks Jinja's magic and the source's checksum
            except OSError:
                continue
            except Exception:                    # a damaged file: compiled again (and overwritten)
                bucket.reset()
                continue
            if bucket.code is not None:
                return

    def dump_bytecode(self, bucket: Bucket) -> None:
        data = bucket.bytecode_to_string()
        if (self.installed is not None and self._shipped.get(bucket.key)
                and store_in_installation_cache(self.installed / f"{bucket.key}.cache", data)):
            return
        if self.user is not None:
            store_in_cache(self.user / f"{bucket.key}.cache", data)    # a read-only cache only costs time


def enable(env) -> None:
    """Give env a bytecode cache on disk (none when neither folder can be had: it only costs time)."""
    installed = installation_cache_folder(_folder(env))
    user = private_cache_folder("templates", _folder(env))
    if installed is not None or user is not None:
        env.bytecode_cache = TwoFolderCache(installed, user)


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
