"""I/O layer: everything that talks to a database or a file share.

Connectors know nothing about personal data. They list datasets, describe
their columns, sample values and count rows, and hand back the neutral value
objects of :mod:`connectors.model`.
"""
