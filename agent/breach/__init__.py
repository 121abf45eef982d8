"""Breach response (SPEC §11): read the incident, gather its impact from the scans and the
sources, grade it, keep the breach register, write the drafts and remind the DPO.

Sits above ``agent.scan`` (it opens sources the way a scan does) and below
``agent.commands``; the pure logic lives in ``scanners.breach``.
"""
