"""Builders of tables and charts, registered by name for rules/structure.yaml."""
from reportgen.blocks.registry import BUILDERS  # noqa: F401
from reportgen.blocks import indicator, scenarios, survey  # noqa: F401  (registers builders)
