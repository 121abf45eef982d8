"""Triage of findings (SPEC §9): the decisions people make, checked and recorded."""
