"""Pure detection and checks: recognizers, column classification, findings.

Scanners never open a connection; they receive plain values from
:mod:`connectors.model` and return plain values. Importing this package
switches the NLP libraries to offline mode first.
"""

from scanners import offline as _offline  # noqa: F401  (must run before NLP imports)
