"""Small text helpers shared by the update, local-context and transition results (no producers here): counts in
running text and the notices `reportgen build` prints for the user."""
from __future__ import annotations

from dataclasses import dataclass


def in_words(vocabulary: dict, n: int, case: str) -> str:
    """A count in running text: 1–9 in words in the grammatical case the sentence needs (rules/vocabulary.yaml,
    numerals), other numbers in digits (Polish style: "w dwóch scenariuszach", "minęły cztery lata", "12 lat")."""
    if 1 <= n <= 9:
        return vocabulary["numerals"][case][n - 1]
    return str(n)


@dataclass(frozen=True)
class BuildNotice:
    """Polish lines `reportgen build` prints for the user (results `plausibility_warnings`, `data_to_collect`)."""
    lines: tuple[str, ...]

    def __iter__(self):
        return iter(self.lines)
