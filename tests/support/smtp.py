"""A real SMTP server for the e-mail tests (aiosmtpd on 127.0.0.1) and readers of what it got.

``smtp_server`` (a fixture in ``tests/conftest.py``) starts :func:`start_smtp_server`;
:class:`KeepingHandler` keeps every message and can refuse chosen recipients.
"""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes


@dataclass
class KeepingHandler:
    """aiosmtpd handler: keeps every message; refuses the recipients in ``refuse``."""

    refuse: set[str] = field(default_factory=set)
    messages: list[Received] = field(default_factory=list)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(
            Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.content)
        )
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def parse_message(received: Received) -> EmailMessage:
    message = email.message_from_bytes(received.content, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def attachments(message: EmailMessage) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in message.iter_attachments():
        assert isinstance(part, EmailMessage)
        content = part.get_content()
        name = part.get_filename()
        assert name is not None
        out[name] = content if isinstance(content, str) else content.decode("utf-8-sig")
    return out


@contextmanager
def start_smtp_server() -> Iterator[tuple[KeepingHandler, int]]:
    """A running server and its handler, on a free local port; stopped on exit."""
    import aiosmtpd.controller as controller_module  # a test dependency: missing must fail

    handler = KeepingHandler()
    port = free_port()
    controller = controller_module.Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()
