"""Quality rules as data (rules/quality.yaml) and a firm's overrides (.reportgen.yaml / --config).

Config file format (YAML):

    rules:
      Q-NUM: warning     # report this rule at most as a warning
      Q-LIST: off        # do not run this rule

A level caps the rule: a finding keeps its own level when that is lower (a doubtful "warning" of a rule set to
"error" stays a warning)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from reportgen.errors import UserError
from reportgen.inputs.yamlio import decode_text, parse_yaml, read_data_bytes
from reportgen.paths import is_shipped
from reportgen.rules.findings import SEVERITIES, Finding

LEVELS = SEVERITIES
CONFIG_NAMES = (".reportgen.yaml", "reportgen.yaml")
MAX_CONFIG_BYTES = 200_000


@dataclass(frozen=True)
class QualityRule:
    id: str
    level: str
    message: str
    description: str
    link: str


@dataclass
class QualityConfig:
    levels: dict[str, str] = field(default_factory=dict)      # rule id -> level
    off: set[str] = field(default_factory=set)
    source: str = ""


def default_rules_path() -> Path:
    from reportgen.paths import rules_dir
    return rules_dir() / "quality.yaml"


def _load_yaml(path: Path) -> object:
    """A rules or config file, read bounded (never blocks on a FIFO nor reads a device) and parsed with the
    hardened YAML reader (limits on nodes, nesting and aliases). A file named on the command line may be a
    symlink anywhere: the folder it resolves to is its root."""
    root = Path(os.path.realpath(path)).parent
    raw = read_data_bytes(path, str(path), root, limit=MAX_CONFIG_BYTES)
    return parse_yaml(decode_text(raw, str(path)), str(path), shipped=is_shipped(path))[0]


def load_rules(path: Path | None = None) -> list[QualityRule]:
    path = path or default_rules_path()
    data = _load_yaml(path)
    entries = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise UserError(f"{path}: oczekiwano klucza „rules” z listą reguł.")
    out = []
    for i, entry in enumerate(entries):
        try:
            rule = QualityRule(**{k: str(entry[k]) for k in ("id", "level", "message", "description", "link")})
        except (KeyError, TypeError) as exc:
            raise UserError(f"{path}: reguła nr {i + 1}: brak pola {exc} (wymagane: id, level, message, "
                            "description, link).") from None
        if rule.level not in LEVELS:
            raise UserError(f"{path}: reguła {rule.id}: poziom „{rule.level}” — dozwolone: {', '.join(LEVELS)}.")
        out.append(rule)
    return out


def find_config(explicit: Path | None, *near: Path) -> Path | None:
    """--config if given, else the first .reportgen.yaml / reportgen.yaml beside the checked file or in the cwd."""
    if explicit is not None:
        if not os.path.lexists(explicit):       # a pipe or device is refused when read (read_data_bytes)
            raise UserError(f"{explicit}: nie ma takiego pliku konfiguracji.")
        return explicit
    for folder in [*near, Path.cwd()]:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


def load_config(path: Path | None, rules: list[QualityRule] | None = None) -> QualityConfig:
    if path is None:
        return QualityConfig()
    known = {r.id for r in (rules or load_rules())}
    data = _load_yaml(path)
    section = data.get("rules", {}) if isinstance(data, dict) else None
    if not isinstance(section, dict):
        raise UserError(f"{path}: oczekiwano klucza „rules” z mapą „ID reguły: poziom lub off”.")
    config = QualityConfig(source=str(path))
    for rule_id, value in section.items():
        if rule_id not in known:
            raise UserError(f"{path}: nieznana reguła „{rule_id}” — znane: {', '.join(sorted(known))}.")
        level = "off" if value is False else str(value).strip().lower()   # YAML reads a bare off as false
        if level == "off":
            config.off.add(rule_id)
        elif level in LEVELS:
            config.levels[rule_id] = level
        else:
            raise UserError(f"{path}: reguła {rule_id}: poziom „{value}” — dozwolone: {', '.join(LEVELS)} lub off.")
    return config


def _lower(a: str, b: str) -> str:
    return max(a, b, key=LEVELS.index)


def apply(findings: list[Finding], config: QualityConfig | None) -> list[Finding]:
    """Drop switched-off rules and cap levels; rules/quality.yaml's own levels cap first."""
    defaults = {r.id: r.level for r in _default_rules()}
    out = []
    for f in findings:
        if config is not None and f.rule_id in config.off:
            continue
        level = f.severity
        for cap in (defaults.get(f.rule_id), config.levels.get(f.rule_id) if config else None):
            if cap:
                level = _lower(level, cap)
        out.append(f if level == f.severity else replace(f, severity=level))
    return out


_CACHE: list[QualityRule] | None = None


def _default_rules() -> list[QualityRule]:
    global _CACHE
    if _CACHE is None:
        _CACHE = load_rules()
    return _CACHE
