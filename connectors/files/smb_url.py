"""What an ``smb://`` URL names: host, port, share, folder and user — and how it is shown.

A files source whose ``path`` starts with ``smb://`` (:func:`is_smb_url`) is a
folder on an SMB share: ``smb://[user@]host[:port]/share[/sub/path]``, its
path percent-encoded UTF-8. :func:`parse_smb_url` reads it for
:class:`~connectors.files.smb_fs.SmbFS` (a URL that names no share, or a path
that could leave it, is a :class:`~connectors.errors.ConfigError` naming the
URL without its password). A source may write a user name in the URL, never a
password (:func:`smb_user` refuses one: it belongs in ``password_env``), and
:func:`shown_smb_url` is the URL as it may be printed. Nothing here talks to
a server, so the agent can check and show SMB sources without loading
``smbprotocol``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit, urlunsplit

from connectors.errors import ConfigError, SourceError
from connectors.urls import url_holds_secret

SCHEME = "smb://"
DEFAULT_PORT = 445
#: Why a scan refuses an smb:// URL with a password written in it.
PASSWORD_IN_URL = "the smb:// URL holds a password; use password_env instead"


@dataclass(frozen=True)
class SmbUrl:
    """The parts of one ``smb://`` URL, percent-decoded."""

    label: str  # the URL as messages show it: no password, no query
    host: str
    port: int
    share: str
    root: str  # the folder inside the share, "/" separated; "" for the share itself
    username: str | None
    password: str | None = field(default=None, repr=False)  # as written in the URL, if any


def is_smb_url(path: str) -> bool:
    """Whether a files source's ``path`` names an SMB share rather than a local folder."""
    return path.startswith(SCHEME)


def parse_smb_url(url: str) -> SmbUrl:
    """The parts of ``url``; ConfigError (naming the URL without its password) when it is
    not an ``smb://`` URL naming a share on a host, or its path could leave the share."""
    parts = urlsplit(url.strip())
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user_in_url = userinfo.partition(":")[0]
    label = f"smb://{user_in_url + '@' if user_in_url else ''}{hostport}{parts.path}"
    if parts.scheme.lower() != "smb":
        raise ConfigError(f"{label}: not an smb:// URL")
    if parts.query or parts.fragment:
        raise ConfigError(f"{label}: percent-encode '?' and '#' in folder names")
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError:
        raise ConfigError(f"{label}: invalid port") from None
    host = parts.hostname or ""
    if not host or any(c in host for c in "\\/ "):
        raise ConfigError(f"{label}: missing or invalid host name")
    try:
        segments = _segments(parts.path, label)
    except UnicodeDecodeError:
        raise ConfigError(f"{label}: path is not valid percent-encoded UTF-8") from None
    if not segments:
        raise ConfigError(f"{label}: no share name (smb://host/share/...)")
    return SmbUrl(
        label=label,
        host=host,
        port=port,
        share=segments[0],
        root="/".join(segments[1:]),
        username=unquote(parts.username or "") or None,
        password=None if parts.password is None else unquote(parts.password),
    )


def _segments(path: str, what: str) -> list[str]:
    """Percent-decoded, checked path segments; empty ones (``//``, trailing ``/``) dropped."""
    parts = [unquote(part, errors="strict") for part in path.split("/") if part]
    for part in parts:
        if part in (".", "..") or any(c in part for c in "/\\\0"):
            raise ConfigError(f"{what}: invalid path segment {part!r}")
    return parts


def smb_user(url: str) -> str | None:
    """The user name written in ``url`` (percent-decoded; None when it names none).

    Raises SourceError when a password is written in it: the scan takes the
    password from ``password_env`` only.
    """
    if url_holds_secret(url):
        raise SourceError(PASSWORD_IN_URL)
    username = urlsplit(url).username
    return unquote(username) if username else None


def shown_smb_url(url: str) -> str:
    """``url`` as it may be printed: a password written in it shown as ``***``."""
    if not url_holds_secret(url):
        return url
    try:
        parts = urlsplit(url)
        port = f":{parts.port}" if parts.port else ""
    except ValueError:  # never print what might hold a secret
        return "(unparsable URL)"
    user = parts.username or ""
    host = parts.hostname or ""
    return urlunsplit((parts.scheme, f"{user}:***@{host}{port}", parts.path, "", ""))
