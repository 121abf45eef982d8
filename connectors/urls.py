"""Whether a source URL has a password written out in it, and how to print it without one.

Sources are reached through URLs (a database, the state store, a Celery broker,
an SMB share, an SMTP server), and a password belongs in the environment
(``password_env`` or a ``${NAME}`` reference), never in the URL itself. The
config loader warns about a world-readable config holding one,
``check-config`` warns about a database URL holding one, the scan refuses an
``smb://`` URL holding one, and printed URLs mask it — all through
:func:`url_holds_secret`, so they can never disagree.

A URL's user info is read two ways, and a password found by either counts:
as RFC 3986 reads it (:func:`urllib.parse.urlsplit`: the authority ends at the
first ``/``, ``?`` or ``#``) and as SQLAlchemy reads a database URL
(:func:`sqlalchemy.engine.make_url`: the password runs to the first ``@``,
``/`` included). A password holding a ``${NAME}`` reference is no secret (the
environment is where it belongs); a malformed URL holds none here (whoever
uses it reports it).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from sqlalchemy.engine import make_url

#: A reference to an environment variable (``${NAME}``, SPEC §4), as the config loader
#: substitutes it.
ENV_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")  # group 1: the name


def url_holds_secret(url: object) -> bool:
    """Whether ``url`` carries a password written out (a ``${NAME}`` reference is no secret)."""
    if not isinstance(url, str) or "://" not in url:
        return False
    return any(
        password and not ENV_REFERENCE.search(password)
        for password in (_rfc_password(url), _sqlalchemy_password(url))
    )


def _rfc_password(url: str) -> str | None:
    """The password of ``url``'s user info as RFC 3986 reads it, percent-encoded as written."""
    try:
        return urlsplit(url).password
    except ValueError:  # a malformed URL is reported by whoever uses it
        return None


def _sqlalchemy_password(url: str) -> str | None:
    """The password as SQLAlchemy reads it (the way a database connector will use it)."""
    try:
        password = make_url(url).password
    except Exception:  # ArgumentError and friends: the connector reports the bad URL
        return None
    return None if password is None else str(password)


def shown_url(url: str, unparsable: str | None = None) -> str:
    """``url`` as it may be printed: its password, if any, shown as ``***``.

    A URL SQLAlchemy cannot read may hold anything: it is shown as
    ``unparsable`` when given, else as ``(unparsable URL)`` when it could hold
    a secret, else as written.
    """
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # never print what might hold a secret
        if unparsable is not None:
            return unparsable
        return "(unparsable URL)" if url_holds_secret(url) or "@" in url else url
