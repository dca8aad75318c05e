"""Errors a user can cause: reported as Polish messages, exit status 2, never a traceback."""
from __future__ import annotations


class UserError(Exception):
    """One or more problems with the user's input; each message names the file, key path and line."""

    def __init__(self, messages: list[str] | str):
        if isinstance(messages, str):
            messages = [messages]
        self.messages = list(messages)
        super().__init__("\n".join(self.messages))
