"""Polish syllable boundaries (pyphen), remembered between builds in the user's cache.

Importing pyphen and reading its Polish dictionary took 0,08 s CPU of every build, for the same few hundred
table words each time. The boundaries pyphen gives a word are kept in `hyphenation-pl_PL.json` of the user's cache
(its name carries the dictionary file's size and time, so another pyphen gets its own); pyphen is loaded only
for a word not seen before, and the file is rewritten once, when the process ends. The file holds data only
(word → offsets), checked when read: a damaged or foreign file is ignored."""
from __future__ import annotations

import atexit
import importlib.util
import json
from pathlib import Path
from typing import Any

from reportgen.paths import store_in_cache, user_cache

LANG = "pl_PL"


def _dictionary_file() -> Path | None:
    """pyphen's Polish dictionary, found without importing pyphen."""
    spec = importlib.util.find_spec("pyphen")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "dictionaries" / f"hyph_{LANG}.dic"
    return path if path.is_file() else None


def _valid(known) -> bool:
    return isinstance(known, dict) and all(
        isinstance(w, str) and isinstance(ps, list) and all(isinstance(p, int) and 0 < p < len(w) for p in ps)
        for w, ps in known.items())


class Syllables:
    """`positions(word)` as pyphen.Pyphen(lang="pl_PL").positions(word), remembered in the user cache."""

    def __init__(self) -> None:
        self.pyphen: Any = None      # pyphen.Pyphen, loaded for the first unknown word
        self.known: dict[str, list[int]] = {}
        self.new = False
        dic = _dictionary_file()
        self.file: Path | None = None
        if dic is not None:
            st = dic.stat()
            self.file = user_cache() / f"hyphenation-{LANG}-{st.st_size}-{st.st_mtime_ns}.json"
            try:
                known = json.loads(self.file.read_text("utf-8"))
                if _valid(known):
                    self.known = known
            except (OSError, ValueError):
                pass

    def positions(self, word: str) -> list[int]:
        if word not in self.known:
            if self.pyphen is None:
                import pyphen
                self.pyphen = pyphen.Pyphen(lang=LANG)
            self.known[word] = list(self.pyphen.positions(word))
            if not self.new:
                self.new = True
                atexit.register(self.save)
        return self.known[word]

    def save(self) -> None:
        if self.file is None or not self.new:
            return
        store_in_cache(self.file, json.dumps(self.known, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        self.new = False
