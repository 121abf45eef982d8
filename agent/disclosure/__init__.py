"""Disclosure to another party (SPEC §10): read a request, assess it against the source and
the register, and produce the minimised extract, the notices and the log entry.

Sits above ``agent.scan`` (it opens sources the way a scan does) and below
``agent.commands``; the pure logic lives in ``scanners.disclosure``.
"""
