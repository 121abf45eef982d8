"""Checks: one finding type per module, each a pure function from facts to findings.

Every check is listed in :mod:`scanners.checks.catalogue` with its stable
type code, default severity and the PDPA section it serves.
"""
