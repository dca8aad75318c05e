"""Text as PDF text layers mangle it, repaired before any rule looks at it: ligatures, old fonts' glyph
substitutions of Polish letters (Ŝ for ż, ś for Ż in capitals), combining accents, soft hyphens, and words
hyphenated at line ends."""
from __future__ import annotations

import re
import unicodedata

from reportgen.check.readers.items import Item, LineItem

_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st", "\u00ad": None})
# In capitals an old-font "ś" stands for Ż ("ZUśYCIE"), "Ŝ" for Ż; in lower case "Ŝ"/"ŝ" stand for ż ("zuŜycie").
_CAPS_WORD = re.compile(r"\b[A-ZĄĆĘŁŃÓŚŹŻŜ]*[śŜŝ][A-ZĄĆĘŁŃÓŚŹŻŜśŝ]*\b")
_HYPHEN_END = re.compile(r"([a-ząćęłńóśźż]{2,})-$")
_LOWER_START = re.compile(r"^\s*([a-ząćęłńóśźż]+)([,.;:)]?)(\s+|$)")


def _caps(m: re.Match) -> str:
    word = m.group(0)
    letters = [ch for ch in word if ch.isalpha() and ch not in "śŜŝ"]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return word.replace("ś", "Ż").replace("Ŝ", "Ż").replace("ŝ", "Ż")
    return word


def normalize_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text.translate(_LIGATURES))
    if "ś" in text or "Ŝ" in text or "ŝ" in text:
        text = _CAPS_WORD.sub(_caps, text)
        text = text.replace("Ŝ", "ż").replace("ŝ", "ż")
    return text


def normalize_items(items: list[Item]) -> list[Item]:
    """Normalise every line and join words split by a hyphen at a line end ("energo-" + "chłonności")."""
    lines = [it for it in items if isinstance(it, LineItem)]
    for it in lines:
        it.text = normalize_text(it.text)
    for a, b in zip(lines, lines[1:]):
        if a.page != b.page and a.page is not None and b.page is not None:
            continue
        m = _HYPHEN_END.search(a.text.rstrip())
        if not m:
            continue
        n = _LOWER_START.match(b.text)
        if not n:
            continue
        a.text = a.text.rstrip()[:-1] + n.group(1) + n.group(2)
        b.text = b.text[n.end():] if n.group(3) else ""
    return items
