"""Where the default rules and templates are: beside the package in a checkout, inside it when installed."""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    installed = _PACKAGE / "defaults" / name      # wheel: shipped as package data
    checkout = _PACKAGE.parent / name             # editable install / checkout
    if checkout.is_dir():
        return checkout
    return installed


def rules_dir() -> Path:
    return _find("rules")


def templates_dir() -> Path:
    return _find("templates")
