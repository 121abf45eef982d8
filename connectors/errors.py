"""The root of every exception the product raises on purpose.

All packages derive their errors from :class:`PdpaAgentError`, so the CLI can
turn any of them into a one-line message and exit code 2 or 3 without a
traceback. Messages must never contain raw sample values.
"""

from __future__ import annotations


class PdpaAgentError(Exception):
    """Base class of all expected errors."""


class ConfigError(PdpaAgentError):
    """A user-supplied file (config, register, access list) is wrong."""


class SourceError(PdpaAgentError):
    """A source could not be reached or listed."""


class DatasetError(PdpaAgentError):
    """One dataset could not be described or sampled."""
