"""Statutory requirements as data and the engine that turns a document model into findings.

    from reportgen.rules.requirements import load_requirements
    from reportgen.rules.engine import statutory_findings, quality_findings, check_document, has_errors
"""
