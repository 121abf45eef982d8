"""Register checks: retention, minimisation, sensitive data, erasure, anonymisation."""
