"""Decisions people make, kept in the state store: triage (SPEC §9) and console accounts (§12)."""
