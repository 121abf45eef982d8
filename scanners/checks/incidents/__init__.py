"""Incident checks: duties with a clock of their own once data has left (SPEC §8).

Disclosures to third parties that are due a follow-up, and breaches that
are due a notice to the PDPC office. Their finding types are declared here
so the reports, due dates and configuration know them; no check raises
them yet (``check`` is None).
"""
