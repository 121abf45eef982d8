"""url_holds_secret: one rule for "a password is written in this URL", traps included."""

from __future__ import annotations

import pytest

from connectors.urls import url_holds_secret


@pytest.mark.parametrize(
    ("url", "holds"),
    [
        # written out
        ("postgresql+psycopg2://scanner:S3cret@127.0.0.1:1/db", True),
        ("amqp://guest:guest@rabbit//", True),
        ("redis://:pw@cache:6379/0", True),
        ("smtp://mailer:pw@mail.example:25", True),
        ("smb://alice:pw@nas/pub", True),
        ("smb://CORP;alice:pw@nas/pub", True),
        ("postgresql://u:p%40ss@h/db", True),  # percent-encoded "@"
        ("postgresql://u:p@ss@h/db", True),  # a raw "@" in the password
        # traps where one reading misses the password the other one sees
        ("postgresql://u:pa/ss@h/db", True),  # SQLAlchemy reads past the "/"
        ("postgresql://u:pa#ss@h/db", True),  # ... and past the "#"
        ("postgresql://u:pw@h:notaport/db", True),  # SQLAlchemy refuses the port
        ("postgresql://u:pa${ss@h/db", True),  # "${" that is no reference
        ("postgresql://u:${1PW}@h/db", True),  # not a valid variable name
        # no password
        ("postgresql://scanner@db/hr", False),
        ("postgresql://scanner:@db/hr", False),  # an empty password is none
        ("postgresql://scanner:${PW}@db/hr", False),  # a reference is no secret
        ("postgresql://scanner:${PW}x@db/hr", False),
        ("sqlite:///state.db", False),
        ("sqlite:////srv/a:b@c/file.db", False),  # ":" and "@" in a file path
        ("smb://nas/pub/a:b@c", False),  # ... and in a share path
        ("smb://nas/pub/x?y:z@w", False),
        ("postgresql://h/db?password=x", False),  # a query parameter is not user info
        ("${DATABASE_URL}", False),
        ("user:pw@host", False),  # not a URL
        ("smb://u:p@[::1/s", False),  # malformed: whoever uses it reports it
        ("", False),
        (None, False),
        (42, False),
    ],
)
def test_url_holds_secret(url: object, holds: bool) -> None:
    assert url_holds_secret(url) is holds
