"""SQL databases through SQLAlchemy 2 Core: the connector, dialects, sampling, grants,
remediation.
"""
