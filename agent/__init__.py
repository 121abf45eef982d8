"""Wiring: the CLI and its commands, user inputs, scans, the state store, delivery, the demo.

The only package that imports all the others (see docs/architecture.md).
"""

__version__ = "0.1.0"
