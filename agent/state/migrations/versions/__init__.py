"""The state store's migration scripts, one per schema change, in revision order.

Alembic loads each ``NNNN_*.py`` here by path (it skips this file); they are
modules of the package so that an installed agent ships them.
"""
