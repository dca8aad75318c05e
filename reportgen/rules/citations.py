"""Every usual way a plan cites an act, derived from the act's data (its title with the date, and its Dz.U.
position in `source`), so a repealed act is recognised however it is written:
"ustawa o efektywności energetycznej z 2011 r.", "ustawy z 15 kwietnia 2011 r.", "Dz. U. z 2011 r. Nr 94, poz. 551"."""
from __future__ import annotations

import re

from reportgen.rules.docdates import _MONTHS

_DATED = re.compile(r"z\s+dnia\s+(\d{1,2})\s+(\w+)\s+(\d{4})", re.IGNORECASE)
_SUBJECT = re.compile(r"^\s*(ustaw\w*|rozporz\w+)\s+(.*?)\s+z\s+dnia", re.IGNORECASE)
_SUBJECT_AFTER = re.compile(r"\d{4}\s*r\.?\s+(o\s+.+)$", re.IGNORECASE)
_DZU = re.compile(r"Dz\.\s*U\.\s*(?:z\s*)?(\d{4})\s*(?:r\.)?\s*,?\s*(?:nr\s*(\d+)\s*,?\s*)?poz\.\s*(\d+)", re.IGNORECASE)


def _stem(words: str) -> str:
    out = []
    for word in words.split():
        w = re.escape(word.lower())
        out.append(w if len(word) <= 3 else re.escape(word.lower()[: max(4, len(word) - 3)]) + r"\w*")
    return r"\s+".join(out)


def act_patterns(act: str, source: str = "") -> list[str]:
    """Regexes (case-insensitive, whitespace-normalised text) for citations of the act."""
    out: list[str] = []
    m = _DATED.search(act)
    if m:
        day, month_word, year = m.group(1), m.group(2).lower(), m.group(3)
        month = _MONTHS.get(month_word)
        forms = [rf"{day}\s+{re.escape(month_word)}\s+{year}"]
        if month:
            forms.append(rf"0?{day}\.0?{month}\.{year}")
        date_alt = "(?:" + "|".join(forms) + ")"
        out.append(rf"(?:ustaw\w*|rozporz\w+)\s+z\s+(?:dnia\s+)?{date_alt}")
        subject = _SUBJECT.search(act)
        subject_text = subject.group(2) if subject and subject.group(2) else ""
        if not subject_text:
            after = _SUBJECT_AFTER.search(act)
            subject_text = after.group(1) if after else ""
        if subject_text:
            stem = _stem(subject_text)
            out.append(rf"(?:ustaw\w*|rozporz\w+)\s+{stem}\s+z\s+(?:dnia\s+)?(?:\d{{1,2}}\s+\w+\s+|\d{{1,2}}\.\d{{1,2}}\.)?{year}\b")
            out.append(rf"{stem}\s*\((?:[^)]{{0,40}})?Dz\.\s*U\.\s*(?:z\s*)?{year}\b")
    own = re.split(r";|uchylon|zmienion|zast[ąa]pion", source, maxsplit=1, flags=re.IGNORECASE)[0]
    for d in _DZU.finditer(own):   # the act's own position, not that of the act repealing it
        year, nr, poz = d.groups()
        nr_part = rf"\s*,?\s*nr\s*{nr}" if nr else ""
        out.append(rf"Dz\.\s*U\.\s*(?:z\s*)?{year}\s*(?:r\.)?{nr_part}\s*,?\s*poz\.\s*{poz}\b")
    return out
