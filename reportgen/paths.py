"""Where the default rules and templates are: reportgen/defaults/ (symbolic links to the repository's rules/ and
templates/, shipped as package data by pyproject.toml), the same in a checkout and in an installed package."""
from __future__ import annotations

from functools import cache
from pathlib import Path

_DEFAULTS = Path(__file__).resolve().parent / "defaults"


def rules_dir() -> Path:
    return _DEFAULTS / "rules"


def templates_dir() -> Path:
    return _DEFAULTS / "templates"


@cache
def _shipped_folders() -> tuple[Path, ...]:
    return tuple(folder.resolve() for folder in (rules_dir(), templates_dir()))


def is_shipped(path: Path | str) -> bool:
    """Whether a file is one of the installation's own rules or templates (not a gmina's or a firm's file)."""
    try:
        real = Path(path).resolve()
        return any(real.is_relative_to(folder) for folder in _shipped_folders())
    except (OSError, RuntimeError, ValueError):
        return False


def installation_cache_folder(*parts: str) -> Path | None:
    """Where Python keeps reportgen's bytecode (reportgen/__pycache__/, or under PYTHONPYCACHEPREFIX): what is
    compiled from the installation's own rules and templates (parsed YAML, compiled text templates) is kept there,
    once per installation as its .pyc files are, and trusted as they are – who can write there can already plant
    bytecode Python runs. The folder is not created here (nor written to when Python writes no bytecode:
    store_in_installation_cache); None for an interpreter without a bytecode cache tag."""
    from importlib.util import cache_from_source
    try:
        return Path(cache_from_source(__file__)).parent.joinpath(*parts)
    except (NotImplementedError, ValueError):       # no cache tag (an unusual interpreter)
        return None


def store_in_installation_cache(path: Path, data: bytes) -> bool:
    """store_in_cache, unless Python writes no bytecode (PYTHONDONTWRITEBYTECODE, -B): then nothing is written
    into the installation either."""
    import sys
    return not sys.dont_write_bytecode and store_in_cache(path, data)


def user_cache() -> Path:
    """The user's own cache folder (drawn charts, compiled templates, parsed YAML): REPORTGEN_CACHE or
    ~/.cache/reportgen."""
    import os
    return Path(os.environ.get("REPORTGEN_CACHE") or Path.home() / ".cache" / "reportgen")


def private_cache_folder(*parts: str) -> Path | None:
    """A folder of the user's cache that only the user can write to, created if needed; None when there is none
    to be had. Caches that load code or objects from disk (compiled templates, parsed YAML) use only such a
    folder: what is loaded must not have been planted by another user."""
    import os
    folder = user_cache().joinpath(*parts)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        st = folder.stat()
    except OSError:
        return None
    getuid = getattr(os, "getuid", None)      # not on Windows, where a user's profile folder is private already
    if (getuid is not None and st.st_uid != getuid()) or st.st_mode & 0o022 or not os.access(folder, os.W_OK):
        return None
    return folder


def store_in_cache(path: Path, data: bytes) -> bool:
    """Write a cache file all at once: a temporary beside it, then renamed (a reader never sees a part; of two
    processes writing the same entry the last one wins). False when it cannot be written: a cache only saves time."""
    import os
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        return True
    except OSError:
        return False
