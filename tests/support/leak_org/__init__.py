"""A synthetic organisation whose every personal value is known, for the no-leak tests.

:mod:`.people` makes the people and every spelling of their values,
:mod:`.databases` and :mod:`.files` spread them over PostgreSQL, MariaDB,
SQLite and a file share, and :mod:`.org` builds the whole organisation with
its register, access list and erasure-request file. Nothing here is a real person.
"""
