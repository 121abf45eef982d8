"""Console accounts (SPEC §12): who may log in, with which role, and the login rate limit.

An account (``pdpa_users``) has a name, a role (``scanners.model.roles``), an
optional e-mail (an owner's, as the register's ``owner`` writes it) and its
password only as an argon2id hash (argon2-cffi's :class:`PasswordHasher`:
memory-hard, salted; verification is the library's constant-time compare; a
hash made with older parameters is replaced on the next successful login).
``pdpa-agent user disable`` keeps the account (its decisions name it) but ends
its sessions and refuses it from then on.

The rate limit counts failed logins (``pdpa_login_failures``) per account
name and per client address over the last :data:`WINDOW`: after
:data:`FREE_FAILURES` of them, each further attempt must wait
``2 ** (n - FREE_FAILURES)`` seconds after the latest failure (at most
:data:`MAX_WAIT`). :func:`login_wait` says how long is left; while it is not
zero a login is refused without the password being checked, and the refused
attempt counts as a failure too: ten wrong passwords typed in a row leave a
wait of 2^5 s however fast or slow they came. A successful login clears the
failures of its name. Every function takes ``now`` so that
the limit can be tested without waiting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, select
from sqlalchemy.engine import Engine

from agent.state.records import iso_utc
from agent.state.tables import CONSOLE_SESSIONS, LOGIN_FAILURES, USERS
from connectors.errors import PdpaAgentError
from scanners.model.roles import OWNER, ROLES

#: Shortest password accepted for an account.
MIN_PASSWORD = 10
#: Failures counted for the rate limit are those of the last WINDOW.
WINDOW = timedelta(minutes=15)
#: Failures allowed before attempts must wait.
FREE_FAILURES = 5
#: The longest wait between two attempts.
MAX_WAIT = timedelta(minutes=15)
_MAX_NAME = 500  # the column's width
_MAX_CLIENT = 100

_HASHER = PasswordHasher()  # argon2id, the library's recommended parameters
#: A hash verified for unknown names, so they take as long as known ones.
_DUMMY_HASH = _HASHER.hash("not a password of any account")


class AccountError(PdpaAgentError):
    """An account that cannot be added, found or changed; the message says why."""


@dataclass(frozen=True)
class Account:
    """One console account, without its password hash."""

    name: str
    role: str
    email: str | None
    created_at: str
    disabled: bool


def _account(row: Any) -> Account:
    values = row._mapping
    return Account(
        name=values["name"],
        role=values["role"],
        email=values["email"],
        created_at=values["created_at"],
        disabled=bool(values["disabled"]),
    )


_PUBLIC = (USERS.c.name, USERS.c.role, USERS.c.email, USERS.c.created_at, USERS.c.disabled)


def check_password(password: str) -> None:
    """Refuse an empty or short password (AccountError)."""
    if not password:
        raise AccountError("the password is empty")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password is too short: use at least {MIN_PASSWORD} characters")


def add_account(
    engine: Engine,
    name: str,
    role: str,
    password: str,
    now: datetime,
    email: str | None = None,
) -> Account:
    """Create an account; AccountError for a taken name, unknown role or weak password."""
    name = name.strip()
    if not name or len(name) > _MAX_NAME or any(c.isspace() for c in name):
        raise AccountError("an account name is one word of at most 500 characters")
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
    email = (email or "").strip() or None
    if role == OWNER and email is None:
        raise AccountError("an owner account needs --email (the register's owner value)")
    check_password(password)
    values = {
        "name": name,
        "role": role,
        "email": email,
        "password_hash": _HASHER.hash(password),
        "created_at": iso_utc(now),
        "disabled": 0,
    }
    with engine.begin() as conn:
        taken = conn.execute(select(USERS.c.name).where(USERS.c.name == name)).first()
        if taken is not None:
            raise AccountError(f"an account named {name!r} already exists")
        conn.execute(USERS.insert().values(**values))
    return Account(name, role, email, values["created_at"], False)


def list_accounts(engine: Engine) -> list[Account]:
    """Every account, by name."""
    with engine.connect() as conn:
        return [_account(row) for row in conn.execute(select(*_PUBLIC).order_by(USERS.c.name))]


def get_account(engine: Engine, name: str) -> Account | None:
    """The account called ``name`` (enabled or not), or None."""
    with engine.connect() as conn:
        row = conn.execute(select(*_PUBLIC).where(USERS.c.name == name)).first()
    return None if row is None else _account(row)


def disable_account(engine: Engine, name: str) -> None:
    """Disable the account and end all its sessions, in one transaction."""
    with engine.begin() as conn:
        done = conn.execute(USERS.update().where(USERS.c.name == name).values(disabled=1))
        if done.rowcount == 0:
            raise AccountError(f"no account named {name!r}")
        conn.execute(delete(CONSOLE_SESSIONS).where(CONSOLE_SESSIONS.c.user_name == name))


def verify_login(engine: Engine, name: str, password: str) -> Account | None:
    """The enabled account when ``password`` is its password, else None.

    An unknown or disabled name, or one without a password (single sign-on
    only), still costs one verification, so timing does not tell them apart.
    """
    with engine.connect() as conn:
        row = conn.execute(
            select(*_PUBLIC, USERS.c.password_hash).where(USERS.c.name == name)
        ).first()
    stored = row.password_hash if row is not None and row.password_hash else None
    try:
        _HASHER.verify(stored or _DUMMY_HASH, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if row is None or stored is None or row.disabled:
        return None
    if _HASHER.check_needs_rehash(stored):
        with engine.begin() as conn:
            conn.execute(
                USERS.update()
                .where(USERS.c.name == name)
                .values(password_hash=_HASHER.hash(password))
            )
    return _account(row)


def password_hash_of(engine: Engine, name: str) -> str | None:
    """The stored hash (for tests and audits: it never leaves the store otherwise)."""
    with engine.connect() as conn:
        found: str | None = conn.execute(
            select(USERS.c.password_hash).where(USERS.c.name == name)
        ).scalar_one_or_none()
    return found


def _delay(failures: int) -> timedelta:
    if failures < FREE_FAILURES:
        return timedelta(0)
    seconds = 2 ** min(failures - FREE_FAILURES, 20)
    return min(timedelta(seconds=seconds), MAX_WAIT)


def login_wait(engine: Engine, name: str, client: str, now: datetime) -> timedelta:
    """How long this name or client must still wait before a login may be tried (0: none)."""
    since = iso_utc(now - WINDOW)
    wait = timedelta(0)
    with engine.connect() as conn:
        for column, value in (
            (LOGIN_FAILURES.c.name, name[:_MAX_NAME]),
            (LOGIN_FAILURES.c.client, client[:_MAX_CLIENT]),
        ):
            count, latest = conn.execute(
                select(func.count(), func.max(LOGIN_FAILURES.c.at)).where(
                    column == value, LOGIN_FAILURES.c.at >= since
                )
            ).one()
            if not latest:
                continue
            until = datetime.fromisoformat(latest) + _delay(int(count))
            wait = max(wait, until - now)
    return wait


def record_failure(engine: Engine, name: str, client: str, now: datetime) -> None:
    """Remember one failed login; failures older than a day are forgotten."""
    with engine.begin() as conn:
        conn.execute(
            LOGIN_FAILURES.delete().where(LOGIN_FAILURES.c.at < iso_utc(now - 96 * WINDOW))
        )
        conn.execute(
            LOGIN_FAILURES.insert().values(
                name=name[:_MAX_NAME], client=client[:_MAX_CLIENT], at=iso_utc(now)
            )
        )


def clear_failures(engine: Engine, name: str) -> None:
    """Forget the failures of ``name`` (after it logged in)."""
    with engine.begin() as conn:
        conn.execute(delete(LOGIN_FAILURES).where(LOGIN_FAILURES.c.name == name[:_MAX_NAME]))


def enabled_account(engine: Engine, name: str) -> Account | None:
    """The account called ``name`` when it exists and is not disabled."""
    account = get_account(engine, name)
    return account if account is not None and not account.disabled else None


__all__ = [
    "Account",
    "AccountError",
    "add_account",
    "clear_failures",
    "disable_account",
    "enabled_account",
    "get_account",
    "list_accounts",
    "login_wait",
    "record_failure",
    "verify_login",
]
