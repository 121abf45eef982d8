"""E-mail each data owner their own report (SPEC §4 ``[reports.email]``).

:func:`send_owner_reports` takes the per-owner report files written by
:func:`reports.formats.owner_reports.write_owner_reports` and sends one message per
owner through the SMTP server of ``smtp_url``:

* ``smtp://host[:port]`` (default port 25) uses :class:`smtplib.SMTP` and
  upgrades with STARTTLS (certificate verified) when the server offers it;
* ``smtps://host[:port]`` (default port 465) uses :class:`smtplib.SMTP_SSL`;
* the client logs in only when a password is given, as the user named in
  the URL (``smtp://user@host``) or else as ``sender``.

The subject and body are in the report language (``th`` or ``en``). The
body holds only counts per severity — never a dataset name, value or other
personal data; the owner's ``report.html`` and ``findings.csv`` are
attached. Each owner gets a fresh connection, so a failure for one owner (a
refused recipient, an unreachable server, a timeout) is logged on one line,
without the password, and the next owner is still tried.

It returns ``(sent, failed)``: the owners whose message the server accepted
and those it did not, each in the order given. Nothing is raised for a
failed owner; a bad ``smtp_url`` or language raises ``ValueError``.
"""

from __future__ import annotations

import csv
import json
import logging
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from urllib.parse import unquote, urlsplit

from agent.inputs.config import EmailSettings
from reports.text.labels import TRIAGE_STATUS_NAMES, check_language, severity_name
from scanners.checks.severity import SEVERITY_ORDER
from scanners.model.triage import SET_ASIDE

__all__ = ["DEFAULT_TIMEOUT", "build_message", "send_owner_reports"]

log = logging.getLogger(__name__)

#: Seconds to wait on connect and on each SMTP command.
DEFAULT_TIMEOUT = 30.0

#: Report files attached to an owner's message: (file name, MIME type).
ATTACHMENTS: tuple[tuple[str, str, str], ...] = (
    ("report.html", "text", "html"),
    ("findings.csv", "text", "csv"),
)

_SUBJECT = {
    "th": "[pdpa-agent] รายงานข้อมูลส่วนบุคคลในความรับผิดชอบของคุณ: {total} ประเด็น",
    "en": "[pdpa-agent] Personal-data findings for your datasets: {total}",
}
_INTRO = {
    "th": (
        "เรียน เจ้าของข้อมูล\n\n"
        "pdpa-agent ตรวจพบ {total} ประเด็นตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล "
        "ในชุดข้อมูลที่คุณรับผิดชอบ\n"
    ),
    "en": (
        "Dear data owner,\n\npdpa-agent found {total} PDPA finding(s) in the datasets you own.\n"
    ),
}
_BY_SEVERITY = {"th": "จำนวนประเด็นตามระดับความรุนแรง:", "en": "Findings by severity:"}
_UNKNOWN_COUNTS = {
    "th": "(ไม่พบไฟล์ findings.json หรือ findings.csv จึงนับจำนวนไม่ได้)",
    "en": "(no findings.json or findings.csv, so no counts)",
}
_OUTRO = {
    "th": (
        "\nรายละเอียดอยู่ในไฟล์แนบ (report.html และ findings.csv) "
        "โปรดส่งต่ออย่างระมัดระวัง\n\n-- pdpa-agent (ข้อความอัตโนมัติ)\n"
    ),
    "en": (
        "\nDetails are in the attached report.html and findings.csv; "
        "please share them with care.\n\n-- pdpa-agent (automatic message)\n"
    ),
}


def _server(smtp_url: str) -> tuple[bool, str, int, str | None]:
    """``(use_ssl, host, port, user)`` of ``smtp_url``; ``ValueError`` if it is not one."""
    parts = urlsplit(smtp_url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise ValueError(
            "reports.email.smtp_url must look like smtp://host:port or smtps://host:port"
        )
    use_ssl = parts.scheme == "smtps"
    try:
        port = parts.port or (465 if use_ssl else 25)
    except ValueError as exc:  # a non-numeric or out-of-range port
        raise ValueError(f"reports.email.smtp_url has a bad port: {exc}") from None
    user = unquote(parts.username) if parts.username else None
    return use_ssl, parts.hostname, port, user


def _severity_counts(paths: Sequence[Path]) -> dict[str, int] | None:
    """Findings per severity from the owner's findings.json (or findings.csv), leaving out those
    set aside by triage (accepted, false positive: SPEC §9); None if neither file is there."""
    by_name = {Path(p).name: Path(p) for p in paths}
    severities: list[str]
    if "findings.json" in by_name:
        document = json.loads(by_name["findings.json"].read_text(encoding="utf-8"))
        severities = [
            str(f.get("severity", ""))
            for f in document.get("findings", [])
            if (f.get("triage") or {}).get("status") not in SET_ASIDE
        ]
    elif "findings.csv" in by_name:
        aside = {TRIAGE_STATUS_NAMES[s][lang] for s in SET_ASIDE for lang in ("th", "en")}
        with by_name["findings.csv"].open(encoding="utf-8-sig", newline="") as handle:
            severities = [
                row.get("severity") or ""
                for row in csv.DictReader(handle)
                if (row.get("triage_status") or "") not in aside
            ]
    else:
        return None
    counts = {name: 0 for name in SEVERITY_ORDER}
    for severity in severities:
        counts[severity] = counts.get(severity, 0) + 1
    return counts


def build_message(sender: str, owner: str, paths: Sequence[Path], language: str) -> EmailMessage:
    """The message for one owner: counts per severity in the body, reports attached."""
    check_language(language)
    counts = _severity_counts(paths)
    total = sum(counts.values()) if counts is not None else 0
    lines = [_INTRO[language].format(total=total), _BY_SEVERITY[language]]
    if counts is None:
        lines.append(_UNKNOWN_COUNTS[language])
    else:
        lines += [f"  {severity_name(name, language)}: {count}" for name, count in counts.items()]
    lines.append(_OUTRO[language])

    message = EmailMessage()
    message["Subject"] = _SUBJECT[language].format(total=total)
    message["From"] = sender
    message["To"] = owner
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content("\n".join(lines), charset="utf-8")

    by_name = {Path(p).name: Path(p) for p in paths}
    for file_name, maintype, subtype in ATTACHMENTS:
        path = by_name.get(file_name)
        if path is not None and path.is_file():
            message.add_attachment(
                path.read_bytes(),
                maintype=maintype,
                subtype=subtype,
                filename=file_name,
                params={"charset": "utf-8"},
            )
    return message


def _connect(
    use_ssl: bool, host: str, port: int, timeout: float, context: ssl.SSLContext
) -> smtplib.SMTP:
    if use_ssl:
        return smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
    client = smtplib.SMTP(host, port, timeout=timeout)
    try:
        client.ehlo()
        if client.has_extn("starttls"):
            client.starttls(context=context)
            client.ehlo()
    except BaseException:
        client.close()
        raise
    return client


def _one_line(exc: BaseException, password: str | None) -> str:
    text = f"{type(exc).__name__}: {exc}"
    if password:
        text = text.replace(password, "***")
    return " ".join(text.split())


def send_owner_reports(
    settings: EmailSettings,
    per_owner: Mapping[str, Sequence[Path]],
    language: str,
    password: str | None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    ssl_context: ssl.SSLContext | None = None,
) -> tuple[list[str], list[str]]:
    """Send each owner one message with their reports; return ``(sent, failed)`` owners.

    ``per_owner`` maps an owner's e-mail address to the report files written
    for them. ``password`` (normally read from ``settings.password_env`` by
    the caller) is used to log in; ``None`` or empty means no login.
    ``ssl_context`` defaults to a verifying :func:`ssl.create_default_context`.
    """
    check_language(language)
    context = ssl_context or ssl.create_default_context()
    sent: list[str] = []
    failed: list[str] = []
    for owner, paths in per_owner.items():
        try:
            message = build_message(settings.sender, owner, list(paths), language)
        except ValueError as exc:
            log.warning("report e-mail to %s not built: %s", owner, exc)
            failed.append(owner)
            continue
        if send_message(settings, message, owner, password, timeout=timeout, ssl_context=context):
            sent.append(owner)
        else:
            failed.append(owner)
    return sent, failed


def send_message(
    settings: EmailSettings,
    message: EmailMessage,
    recipient: str,
    password: str | None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    ssl_context: ssl.SSLContext | None = None,
) -> bool:
    """Send ``message`` to ``recipient``; False (and a warning) when it could not be sent."""
    use_ssl, host, port, user = _server(settings.smtp_url)
    context = ssl_context or ssl.create_default_context()
    try:
        if "@" not in recipient or any(ch in recipient for ch in "\r\n<>,;"):
            raise ValueError("not a single e-mail address")
        with _connect(use_ssl, host, port, timeout, context) as client:
            if password:
                client.login(user or settings.sender, password)
            client.send_message(message, from_addr=settings.sender, to_addrs=[recipient])
    except (OSError, smtplib.SMTPException, ValueError) as exc:
        log.warning(
            "e-mail to %s via %s:%d failed: %s", recipient, host, port, _one_line(exc, password)
        )
        return False
    log.info("e-mail sent to %s", recipient)
    return True
