"""Helpers shared by the tests: test organisations, servers, synthetic identifiers, files."""
