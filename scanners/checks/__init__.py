"""Checks: one finding type per module, each a pure function from facts to findings.

Every finding type is declared once, as a ``FindingType`` at the end of its
own module (code, severity, law, Thai and English names, count unit, facts,
check), and collected in :mod:`scanners.checks.registry`; every finding is
built by :func:`scanners.checks.finding_type.make_finding`. The severity
scale is :mod:`scanners.checks.severity`.
"""
