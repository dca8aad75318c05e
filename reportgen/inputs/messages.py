"""Pydantic validation errors as Polish messages naming file, key path and line."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from reportgen.inputs.yamlio import LineMap, format_path

_TYPE_MESSAGES = {
    "missing": "brak wymaganego klucza",
    "extra_forbidden": "nieznany klucz (literówka?)",
    "float_parsing": "oczekiwano liczby",
    "float_type": "oczekiwano liczby",
    "int_parsing": "oczekiwano liczby całkowitej",
    "int_type": "oczekiwano liczby całkowitej",
    "int_from_float": "oczekiwano liczby całkowitej",
    "string_type": "oczekiwano tekstu",
    "list_type": "oczekiwano listy",
    "dict_type": "oczekiwano słownika (klucz: wartość)",
    "model_type": "oczekiwano słownika (klucz: wartość)",
    "bool_parsing": "oczekiwano wartości tak/nie (true/false)",
    "date_from_datetime_parsing": "oczekiwano daty w formacie RRRR-MM-DD",
    "date_parsing": "oczekiwano daty w formacie RRRR-MM-DD",
    "date_type": "oczekiwano daty w formacie RRRR-MM-DD",
    "date_from_datetime_inexact": "oczekiwano daty w formacie RRRR-MM-DD",
    "too_short": "lista nie może być pusta",
    "string_pattern_mismatch": "niepoprawny format",
    "finite_number": "oczekiwano liczby skończonej (nie .inf ani .nan)",
    "int_parsing_size": "liczba poza dopuszczalnym zakresem",
    "bool_type": "oczekiwano wartości tak/nie (true/false)",
    "tuple_type": "oczekiwano listy",
    "too_long": "za dużo elementów",
}


def _quoted(value: Any, limit: int = 80) -> str:
    """The offending input as a message may quote it: its repr, cut to `limit` characters (a 20 000-character
    value pasted into a key must not fill the terminal)."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit - 1]}… ({len(str(value))} znaków)"


def describe_error(err: Mapping[str, Any]) -> str:
    """One pydantic error in Polish, without its location."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "greater_than_equal":
        return f"wartość musi być ≥ {ctx.get('ge')} (podano {_quoted(err.get('input'))})"
    if kind == "greater_than":
        return f"wartość musi być > {ctx.get('gt')} (podano {_quoted(err.get('input'))})"
    if kind == "less_than_equal":
        return f"wartość musi być ≤ {ctx.get('le')} (podano {_quoted(err.get('input'))})"
    if kind == "less_than":
        return f"wartość musi być < {ctx.get('lt')} (podano {_quoted(err.get('input'))})"
    if kind in ("literal_error", "enum"):
        return f"niedozwolona wartość {_quoted(err.get('input'))}; dozwolone: {ctx.get('expected')}"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if kind == "union_tag_invalid" or kind == "union_tag_not_found":
        return "nieznana metoda obliczeń"
    base = _TYPE_MESSAGES.get(kind)
    if base and kind not in ("missing", "extra_forbidden"):
        return f"{base} (podano {_quoted(err.get('input'))})"
    return base or err["msg"]


def _user_loc(loc: tuple, data: object) -> tuple:
    """The user's key path of an error: pydantic adds names of its own to the location (a discriminated union's
    tag such as `indicator`, validator and type names); keep only the parts that exist in the user's data, and the
    last part (a missing key)."""
    out: list = []
    node = data
    for i, part in enumerate(loc):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif i < len(loc) - 1 and (isinstance(node, (dict, list)) or (isinstance(part, str) and "[" in part)):
            continue                        # pydantic's own name (union member, validator, type)
        else:
            node = None
        out.append(part)
    return tuple(p for p in out if not (isinstance(p, str) and p.startswith("function-")))


def pydantic_messages(exc: ValidationError, label: str, lines: LineMap, data: object = None) -> list[str]:
    """One Polish message per problem (deduplicated: a union reports one error per member)."""
    seen: set[str] = set()
    out: list[str] = []
    for err in exc.errors(include_url=False):
        loc = _user_loc(tuple(err["loc"]), data)
        line = lines.line_of(loc)
        where = f", wiersz {line}" if line else ""
        msg = f"{label}{where}, klucz {format_path(loc)}: {describe_error(err)}."
        if msg not in seen:
            seen.add(msg)
            out.append(msg)
    return out


_describe = describe_error   # the name reportgen/inputs/parameters.py imports
