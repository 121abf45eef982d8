"""Principals and effective privileges, one module per database engine."""
