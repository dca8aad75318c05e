"""Text from a checked file is data: control characters (ESC and CSI start terminal escape sequences, bidi
overrides reorder what a reviewer sees) never reach the terminal or a report."""
from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Everything below 0x20 except tab and newline, DEL, the C1 range and bidi controls removed."""
    return _CONTROL.sub("", text) if text else text
