"""Console sessions (SPEC §12): a random token in a cookie, only its SHA-256 in the store.

:func:`create_session` makes a 32-byte random token (the cookie's value, shown
to nobody else) and stores its SHA-256 with the account's name, a CSRF token
for the session's forms, and when it was made, last used and must end
(``session_hours`` after it began). :func:`find_session` looks a token up,
ends the session when it has been idle for longer than ``idle_minutes`` or
is past its end, and otherwise notes that it was used now. Every function
takes ``now`` so that expiry can be tested without waiting.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine

from agent.state.records import iso_utc
from agent.state.tables import CONSOLE_SESSIONS

TOKEN_BYTES = 32


@dataclass(frozen=True)
class Session:
    """One console session (never its token: only the token's hash is kept)."""

    token_hash: str
    user_name: str
    csrf_token: str
    created_at: str
    last_seen_at: str
    expires_at: str


def token_hash(token: str) -> str:
    """The SHA-256 (hex) under which a session token is stored."""
    return hashlib.sha256(token.encode("utf-8", "surrogateescape")).hexdigest()


def _session(row: Any) -> Session:
    values = row._mapping
    return Session(
        token_hash=values["token_hash"],
        user_name=values["user_name"],
        csrf_token=values["csrf_token"],
        created_at=values["created_at"],
        last_seen_at=values["last_seen_at"],
        expires_at=values["expires_at"],
    )


def create_session(
    engine: Engine, user_name: str, now: datetime, lifetime: timedelta
) -> tuple[str, Session]:
    """A new session for ``user_name``: (the cookie's token, the stored session)."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    at = iso_utc(now)
    session = Session(
        token_hash=token_hash(token),
        user_name=user_name,
        csrf_token=secrets.token_urlsafe(TOKEN_BYTES),
        created_at=at,
        last_seen_at=at,
        expires_at=iso_utc(now + lifetime),
    )
    with engine.begin() as conn:
        conn.execute(CONSOLE_SESSIONS.delete().where(CONSOLE_SESSIONS.c.expires_at < at))
        conn.execute(
            CONSOLE_SESSIONS.insert().values(
                token_hash=session.token_hash,
                user_name=session.user_name,
                csrf_token=session.csrf_token,
                created_at=session.created_at,
                last_seen_at=session.last_seen_at,
                expires_at=session.expires_at,
            )
        )
    return token, session


def find_session(engine: Engine, token: str, now: datetime, idle: timedelta) -> Session | None:
    """The live session of ``token`` (touched: last used now), or None; an expired one ends."""
    if not token:
        return None
    key = token_hash(token)
    at = iso_utc(now)
    with engine.begin() as conn:
        row = conn.execute(
            select(CONSOLE_SESSIONS).where(CONSOLE_SESSIONS.c.token_hash == key)
        ).first()
        if row is None:
            return None
        session = _session(row)
        idle_since = datetime.fromisoformat(session.last_seen_at)
        if at >= session.expires_at or now - idle_since > idle:
            conn.execute(delete(CONSOLE_SESSIONS).where(CONSOLE_SESSIONS.c.token_hash == key))
            return None
        conn.execute(
            CONSOLE_SESSIONS.update()
            .where(CONSOLE_SESSIONS.c.token_hash == key)
            .values(last_seen_at=at)
        )
    return Session(
        session.token_hash,
        session.user_name,
        session.csrf_token,
        session.created_at,
        at,
        session.expires_at,
    )


def end_session(engine: Engine, token: str) -> None:
    """End the session of ``token`` (logout); nothing when there is none."""
    with engine.begin() as conn:
        conn.execute(
            delete(CONSOLE_SESSIONS).where(CONSOLE_SESSIONS.c.token_hash == token_hash(token))
        )


def end_sessions_of(engine: Engine, user_name: str) -> int:
    """End every session of ``user_name``; how many there were."""
    with engine.begin() as conn:
        done = conn.execute(
            delete(CONSOLE_SESSIONS).where(CONSOLE_SESSIONS.c.user_name == user_name)
        )
    return int(done.rowcount or 0)
