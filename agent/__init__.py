"""Wiring: CLI, configuration, runner, demo. The only package that imports all others."""

__version__ = "0.1.0"
