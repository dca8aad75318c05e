"""Text from the public (comments, names) made safe for a .docx and for publication.

XML 1.0 forbids most control characters; bidirectional overrides can make a printed text read differently
from what was submitted. Both are removed. The text is never rendered as a template (docxtpl receives it
as a value, escaped by autoescape).
"""
from __future__ import annotations

import re

# C0 controls except TAB/LF/CR, DEL and C1 controls, surrogates, non-characters
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# LRM/RLM, ALM, embeddings/overrides, isolates
_BIDI = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"[ \t\r\n\u00a0]+")


def clean(text: object) -> str:
    """One line of printable text: control and bidi characters removed, runs of whitespace collapsed."""
    s = "" if text is None else str(text)
    s = _CONTROL.sub("", s)
    s = _BIDI.sub("", s)
    return _SPACE.sub(" ", s).strip()


# the lookbehind starts a match only at the beginning of an address-like run: without it a long word with no "@"
# is re-scanned from every position (quadratic: a 100 000-letter comment took minutes)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\d)(?:\+48[ -]?)?\d{3}[ -]?\d{3}[ -]?\d{3}(?!\d)")
_PESEL = re.compile(r"(?<!\d)\d{11}(?!\d)")


def strip_contact_data(text: str) -> str:
    """Remove e-mail addresses, phone numbers and PESEL-like numbers from a published text."""
    text = _EMAIL.sub("[adres e-mail usunięty]", text)
    text = _PESEL.sub("[numer usunięty]", text)
    return _PHONE.sub("[numer telefonu usunięty]", text)
