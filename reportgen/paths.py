"""Where the default rules and templates are: reportgen/defaults/ (symbolic links to the repository's rules/ and
templates/, shipped as package data by pyproject.toml), the same in a checkout and in an installed package."""
from __future__ import annotations

from pathlib import Path

_DEFAULTS = Path(__file__).resolve().parent / "defaults"


def rules_dir() -> Path:
    return _DEFAULTS / "rules"


def templates_dir() -> Path:
    return _DEFAULTS / "templates"


def user_cache() -> Path:
    """The user's own cache folder (drawn charts, compiled templates): REPORTGEN_CACHE or ~/.cache/reportgen."""
    import os
    return Path(os.environ.get("REPORTGEN_CACHE") or Path.home() / ".cache" / "reportgen")
