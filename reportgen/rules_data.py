"""The statutory requirements as plain dicts for the build (the checker validates them fully)."""
from __future__ import annotations

from reportgen.errors import UserError
from reportgen.inputs.yamlio import load_yaml
from reportgen.paths import rules_dir


def load_requirements_for_build() -> list[dict]:
    path = rules_dir() / "requirements.yaml"
    data, _ = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("requirements"), list):
        raise UserError(f"{path}: oczekiwano klucza requirements z listą wymagań.")
    return data["requirements"]
