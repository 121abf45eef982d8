"""Breach response under PDPA s.37(4): the incident, its impact from the scans, the risk grade
by the PDPC notification's factors, and the 72-hour clock — pure logic.

The agent (``agent.breach``) reads the incident file, gathers the impact from the
state store and the sources, and keeps the breach register.
"""
