"""Breach response: incident, impact, grade and clock (SPEC §11)."""
