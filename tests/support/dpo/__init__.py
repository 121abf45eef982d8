"""Organisations built for the DPO registers: disclosures (SPEC §10) and breaches (§11)."""
