"""Frozen dataclasses to JSON-ready values and back, for messages between processes.

Celery messages are JSON (never pickle: a broker that can be written to must
not be able to run code on the workers). :func:`to_plain` turns a dataclass
tree into dicts, lists and scalars; :func:`from_plain` rebuilds it from the
dataclass's type hints (nested dataclasses, ``tuple[X, ...]``, fixed tuples,
``X | None``, ``date``). Anything it does not recognise is a ``ValueError``:
a malformed message is refused, never half-read.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def to_plain(value: object) -> Any:
    """``value`` as dicts, lists, strings, numbers, booleans and None."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise ValueError(f"cannot encode a {type(value).__name__}")


def from_plain(cls: type[T], data: Any) -> T:
    """The ``cls`` instance that :func:`to_plain` produced ``data`` from."""
    return _decode(cls, data)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@cache
def _required(cls: type) -> frozenset[str]:
    return frozenset(
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )


def _decode(hint: Any, data: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if data is None and type(None) in options:
            return None
        errors = []
        for option in options:
            if option is type(None):
                continue
            try:
                return _decode(option, data)
            except ValueError as exc:
                errors.append(str(exc))
        raise ValueError("; ".join(errors) or "no type matched")
    if origin is tuple:
        args = typing.get_args(hint)
        if not isinstance(data, list):
            raise ValueError(f"expected a list, got {type(data).__name__}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], item) for item in data)
        if len(args) != len(data):
            raise ValueError(f"expected {len(args)} items, got {len(data)}")
        return tuple(_decode(arg, item) for arg, item in zip(args, data, strict=True))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if not isinstance(data, dict):
            raise ValueError(f"expected an object for {hint.__name__}")
        hints = _hints(hint)
        names = {f.name for f in dataclasses.fields(hint)}
        unknown = set(data) - names
        if unknown:
            raise ValueError(f"{hint.__name__}: unknown field(s) {sorted(unknown)}")
        missing = sorted(_required(hint) - set(data))
        if missing:
            raise ValueError(f"{hint.__name__}: missing field(s) {missing}")
        return hint(**{name: _decode(hints[name], value) for name, value in data.items()})
    if hint is date:
        if not isinstance(data, str):
            raise ValueError("expected an ISO date")
        return date.fromisoformat(data)
    if hint is float and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    if hint in (str, int, bool) and type(data) is hint:
        return data
    if hint is object or hint is Any:
        return data
    raise ValueError(f"expected {getattr(hint, '__name__', hint)}, got {type(data).__name__}")
