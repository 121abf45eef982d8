"""The command line's argument parser: usage errors exit 2 and never echo a value (SPEC §3).

Kept apart from ``agent.cli`` (which builds the commands on it and dispatches)
so that each module stays small.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence

from agent.commands.exit_codes import EXIT_USAGE

_OPTION_NAME = re.compile(r"-{1,2}[A-Za-z][A-Za-z-]*")
_HIDDEN = "…"


def _shown(token: str, known: frozenset[str]) -> str:
    """How a command-line token may appear in a usage error: as is, or hidden."""
    if token in known or _OPTION_NAME.fullmatch(token):
        return token
    option, equals, _value = token.partition("=")
    if equals and _OPTION_NAME.fullmatch(option):
        return f"{option}={_HIDDEN}"
    return _HIDDEN


class Parser(argparse.ArgumentParser):
    """Usage errors exit 2 and never repeat a value from the command line (SPEC §3).

    argparse quotes what it rejects (``invalid choice: 'X'``, ``unrecognized
    arguments: X``); X may be a subject's VALUE or detect's text, so every
    token that is not an option name or one of the parser's choices is hidden.
    """

    given: tuple[str, ...] = ()

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        self.given = tuple(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            known = self.known_words()
            self.error("unrecognized arguments: " + " ".join(_shown(t, known) for t in extras))
        return parsed

    def known_words(self) -> frozenset[str]:
        """Option strings and choices of this parser and its sub-commands."""
        words: set[str] = set()
        for action in self._actions:
            words.update(action.option_strings)
            if isinstance(action.choices, dict):
                for name, sub in action.choices.items():
                    words.add(name)
                    if isinstance(sub, Parser):
                        words |= sub.known_words()
            elif action.choices is not None:
                words.update(str(choice) for choice in action.choices)
        return frozenset(words)

    def error(self, message: str) -> None:  # type: ignore[override]
        known = self.known_words()
        for token in sorted(set(self.given), key=len, reverse=True):
            for part in {token, token.partition("=")[2]}:
                if part and _shown(part, known) == _HIDDEN:
                    message = message.replace(repr(part), repr(_HIDDEN))
                    if len(part) >= 4:
                        message = message.replace(part, _HIDDEN)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")
