"""Click's own words (usage, help headings, usage errors) in Polish.

Click marks its user-facing strings for gettext (`_()` / `ngettext()` imported into each of its modules) but
ships no Polish catalog. `install()` puts a translating `_` and `ngettext` into those modules; it must run before
commands are declared, because click translates some words (type names such as "path") at declaration.
A string missing here stays English: tests/test_hostile_inputs_cli.py runs the common errors and help screens.
"""
from __future__ import annotations

import importlib

from reportgen.render.numbers import plural_form

_MODULES = ("core", "exceptions", "formatting", "parser", "types", "decorators", "termui", "utils")

POLISH = {
    "Usage:": "Użycie:",
    "Options": "Opcje",
    "Commands": "Polecenia",
    "Positional arguments": "Argumenty",
    "Error: {message}": "Błąd: {message}",
    "Try '{command} {option}' for help.": "Pomoc: '{command} {option}'.",
    "Show this message and exit.": "Pokazuje ten opis i kończy działanie.",
    "Show the version and exit.": "Pokazuje wersję programu i kończy działanie.",
    "%(prog)s, version %(version)s": "%(prog)s, wersja %(version)s",
    "Aborted!": "Przerwano.",
    "Missing argument": "Brak argumentu",
    "Missing option": "Brak opcji",
    "Missing parameter": "Brak parametru",
    "Missing command.": "Brak polecenia.",
    "Missing {param_type}": "Brak: {param_type}",
    "Missing parameter: {param_name}": "Brak parametru: {param_name}",
    "No such command {name!r}.": "Nie ma polecenia {name!r}.",
    "No such option {name!r}.": "Nie ma opcji {name!r}.",
    "Option {name!r} does not take a value.": "Opcja {name!r} nie przyjmuje wartości.",
    "Invalid value: {message}": "Niepoprawna wartość: {message}",
    "Invalid value for {param_hint}: {message}": "Niepoprawna wartość {param_hint}: {message}",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} wymaga {nargs} wartości.",
    "Could not open file {filename!r}: {message}": "Nie można otworzyć pliku {filename!r}: {message}",
    "unknown error": "nieznany błąd",
    "default: {default}": "domyślnie: {default}",
    "required": "wymagane",
    "env var: {var}": "zmienna środowiskowa: {var}",
    "(dynamic)": "(zmienna)",
    "deprecated": "przestarzałe",
    "file": "plik",
    "directory": "katalog",
    "path": "ścieżka",
    "{name} {filename!r} does not exist.": "{name} {filename!r} nie istnieje.",
    "{name} {filename!r} is a file.": "{name} {filename!r} jest plikiem, a nie katalogiem.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} jest katalogiem, a nie plikiem.",
    "{name} {filename!r} is not readable.": "{name} {filename!r}: brak prawa odczytu.",
    "{name} {filename!r} is not writable.": "{name} {filename!r}: brak prawa zapisu.",
    "{name} {filename!r} is not executable.": "{name} {filename!r}: brak prawa wykonania.",
    "{value!r} is not a valid {number_type}.": "{value!r} nie jest poprawną liczbą ({number_type}).",
    "integer": "całkowita",
    "float": "zmiennoprzecinkowa",
    "{value} is not in the range {range}.": "{value} nie mieści się w zakresie {range}.",
    "Choose from:\n\t{choices}": "Wybierz jedno z:\n\t{choices}",
    "{value!r} is not a valid UUID.": "{value!r} nie jest poprawnym UUID.",
    "Value must be an iterable.": "Wartość musi być listą.",
    "Error: invalid input": "Błąd: niepoprawna wartość",
    "Do you want to continue?": "Czy kontynuować?",
}

# singular msgid -> (one, few, many)
POLISH_PLURAL = {
    "Got unexpected extra argument ({args})": ("Nieoczekiwany dodatkowy argument ({args})",
                                               "Nieoczekiwane dodatkowe argumenty ({args})",
                                               "Nieoczekiwane dodatkowe argumenty ({args})"),
    "Option {name!r} requires an argument.": ("Opcja {name!r} wymaga wartości.",
                                              "Opcja {name!r} wymaga {nargs} wartości.",
                                              "Opcja {name!r} wymaga {nargs} wartości."),
    "Did you mean {possibility}?": ("Czy chodziło o {possibility}?", "(Czy chodziło o jedno z: {possibilities}?)",
                                    "(Czy chodziło o jedno z: {possibilities}?)"),
    "{value!r} is not {choice}.": ("{value!r} nie jest dozwoloną wartością ({choice}).",
                                   "{value!r} nie jest żadną z wartości: {choices}.",
                                   "{value!r} nie jest żadną z wartości: {choices}."),
    "{value!r} does not match the format {format}.": ("{value!r} nie pasuje do formatu {format}.",
                                                      "{value!r} nie pasuje do żadnego z formatów {formats}.",
                                                      "{value!r} nie pasuje do żadnego z formatów {formats}."),
    "Takes {nargs} values but 1 was given.": ("Wymaga {nargs} wartości, podano 1.",
                                              "Wymaga {nargs} wartości, podano {len}.",
                                              "Wymaga {nargs} wartości, podano {len}."),
}


def gettext(message: str) -> str:
    return POLISH.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    forms = POLISH_PLURAL.get(singular)
    if forms is None:
        return singular if n == 1 else plural
    return plural_form(n, *forms)


def install() -> None:
    """Make click speak Polish (idempotent)."""
    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = gettext   # type: ignore[attr-defined]   # click modules bind _ at import
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext   # type: ignore[attr-defined]
