"""Windows security descriptors of SMB files and folders: read, parsed, turned into rights.

:func:`query_descriptor` asks the server for one object's OWNER, GROUP and
DACL (an SMB2 QUERY_INFO of ``SMB2_0_INFO_SECURITY``, sent with the open and
the close as one compound request, the handle opened for ``READ_CONTROL``
only and never following a reparse point). :func:`parse_descriptor` reads the
self-relative descriptor with smbprotocol's structures (``SMB2CreateSDBuffer``,
``AclPacket``, ``AccessAllowedAce``, ``AccessDeniedAce``) after checking every
offset, so hostile bytes raise :class:`DescriptorError` with a one-line reason.

:func:`sid_access` says which SIDs can READ or WRITE the object itself:

* READ is any of FILE_READ_DATA, GENERIC_READ, GENERIC_ALL, MAXIMUM_ALLOWED;
  WRITE any of FILE_WRITE_DATA, FILE_APPEND_DATA, GENERIC_WRITE, GENERIC_ALL,
  MAXIMUM_ALLOWED;
* each SID is evaluated as Windows evaluates a token holding only that SID:
  the ACEs in order, the first allow or deny ACE that speaks of a right
  decides it. A deny ACE therefore takes the right from that SID; a deny for
  Everyone takes it from every SID (every token holds Everyone); a deny for
  any other group does not take it from a member that holds it under its own
  SID (group membership is not known here);
* OWNER RIGHTS (S-1-3-4) ACEs apply to the owner; CREATOR OWNER / CREATOR
  GROUP ACEs (templates for new children) and inherit-only ACEs do not apply
  to the object; ACE types other than allow and deny (object, callback,
  audit…) are ignored;
* a NULL DACL (none present) gives Everyone full access; an empty DACL
  gives nobody anything. The owner's implicit READ_CONTROL / WRITE_DAC is
  not a READ or WRITE right.
"""

from __future__ import annotations

import functools
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from smbclient._io import SMBFileTransaction, SMBRawIO  # smbclient's own compound helpers
from smbprotocol.file_info import InfoType
from smbprotocol.open import (
    CreateOptions,
    InfoAdditionalInformation,
    SMB2QueryInfoRequest,
    SMB2QueryInfoResponse,
)
from smbprotocol.security_descriptor import (
    AccessAllowedAce,
    AccessDeniedAce,
    AccessMask,
    AceFlags,
    AclPacket,
    SDControl,
    SIDPacket,
    SMB2CreateSDBuffer,
)

EVERYONE = "S-1-1-0"
CREATOR_OWNER, CREATOR_GROUP, OWNER_RIGHTS = "S-1-3-0", "S-1-3-1", "S-1-3-4"
FILE_READ_DATA, FILE_WRITE_DATA, FILE_APPEND_DATA = 0x1, 0x2, 0x4
_ANY = AccessMask.GENERIC_ALL | AccessMask.MAXIMUM_ALLOWED
READ_BITS = FILE_READ_DATA | AccessMask.GENERIC_READ | _ANY
WRITE_BITS = FILE_WRITE_DATA | FILE_APPEND_DATA | AccessMask.GENERIC_WRITE | _ANY
WANTED = (
    InfoAdditionalInformation.OWNER_SECURTIY_INFORMATION  # (sic: smbprotocol's spelling)
    | InfoAdditionalInformation.GROUP_SECURITY_INFORMATION
    | InfoAdditionalInformation.DACL_SECURITY_INFORMATION
)
#: One credit's worth (a larger answer needs a multi-credit request smbprotocol does not
#: charge for); every descriptor short of a DACL filling its whole 64 KiB fits.
MAX_DESCRIPTOR_BYTES = 1 << 16
_HEADER = 20  # a self-relative SECURITY_DESCRIPTOR's fixed part
_CACHED_BYTES = 4096  # descriptors up to this size are kept parsed (4 MiB at most)
_PLACEHOLDERS = frozenset({CREATOR_OWNER, CREATOR_GROUP})


class DescriptorError(ValueError):
    """The bytes are not a well-formed self-relative security descriptor."""


@dataclass(frozen=True)
class Ace:
    """One DACL entry: ``kind`` "allow", "deny" or "other" (a type not evaluated)."""

    kind: str
    ace_type: int
    flags: int
    mask: int
    sid: str  # "" for an ACE type whose SID is not read

    @property
    def inherit_only(self) -> bool:
        return bool(self.flags & AceFlags.INHERIT_ONLY_ACE)


@dataclass(frozen=True)
class Descriptor:
    """Owner, group and DACL of one object; ``dacl`` None is a NULL DACL (full access)."""

    owner: str | None
    group: str | None
    dacl: tuple[Ace, ...] | None

    def sids(self) -> tuple[str, ...]:
        """Every SID it names: owner, group, then ACE trustees (inherit-only ones too)."""
        found = [self.owner, self.group, *(a.sid for a in self.dacl or ())]
        return tuple(dict.fromkeys(s for s in found if s))


@dataclass(frozen=True)
class SidAccess:
    """What one SID can do with the object's data; ``owner`` when the SID owns it."""

    sid: str
    read: bool
    write: bool
    owner: bool


def query_descriptor(unc: str, session: Mapping[str, object]) -> bytes:
    """The raw security descriptor of file or folder ``unc``; smbprotocol errors propagate."""
    raw = SMBRawIO(
        unc,
        mode="r",
        share_access="rwd",
        desired_access=AccessMask.READ_CONTROL,
        create_options=CreateOptions.FILE_OPEN_REPARSE_POINT,
        **session,
    )
    connection = raw.fd.connection
    request = SMB2QueryInfoRequest()
    request["info_type"] = InfoType.SMB2_0_INFO_SECURITY
    request["additional_information"] = WANTED
    request["output_buffer_length"] = min(MAX_DESCRIPTOR_BYTES, connection.max_transact_size)
    request["file_id"] = raw.fd.file_id  # the compound's related open

    def receive(sent: object) -> bytes:
        response = SMB2QueryInfoResponse()
        response.unpack(connection.receive(sent)["data"].get_value())
        return bytes(response["buffer"].get_value())

    with SMBFileTransaction(raw) as transaction:
        transaction += (request, receive)
    results = transaction.results or (b"",)
    return bytes(results[0])


def parse_descriptor(data: bytes) -> Descriptor:
    """Owner, group and DACL of a self-relative descriptor; DescriptorError when malformed.
    Files of one folder mostly share one descriptor: small ones are parsed once."""
    return _parse_small(data) if len(data) <= _CACHED_BYTES else _parse(data)


@functools.lru_cache(maxsize=1024)
def _parse_small(data: bytes) -> Descriptor:
    return _parse(data)


def _parse(data: bytes) -> Descriptor:
    if len(data) < _HEADER:
        raise DescriptorError(f"security descriptor too short ({len(data)} bytes)")
    try:
        sd = SMB2CreateSDBuffer()
        sd.unpack(data)
        if sd["revision"].get_value() != 1:
            raise DescriptorError("security descriptor of an unknown revision")
        owner = _sid_at(data, sd["offset_owner"].get_value())
        group = _sid_at(data, sd["offset_group"].get_value())
        dacl_at = sd["offset_dacl"].get_value()
        if not sd["control"].has_flag(SDControl.DACL_PRESENT) or dacl_at == 0:
            return Descriptor(owner, group, None)
        _check_offset(data, dacl_at, 8)
        (size,) = struct.unpack_from("<H", data, dacl_at + 2)
        if size < 8 or dacl_at + size > len(data):
            raise DescriptorError("security descriptor with a DACL past its end")
        acl = AclPacket()
        acl.unpack(data[dacl_at : dacl_at + size])
        return Descriptor(owner, group, tuple(_ace(a) for a in acl["aces"].get_value()))
    except DescriptorError:
        raise
    except Exception as exc:  # the library's parsers on hostile bytes
        raise DescriptorError(f"malformed security descriptor ({type(exc).__name__})") from None


def _check_offset(data: bytes, offset: int, need: int) -> None:
    if offset < _HEADER or offset + need > len(data):
        raise DescriptorError("security descriptor with an offset past its end")


def _sid_at(data: bytes, offset: int) -> str | None:
    if offset == 0:
        return None
    _check_offset(data, offset, 8)
    count = data[offset + 1]
    if data[offset] != 1 or count > 15:
        raise DescriptorError("security descriptor with a malformed SID")
    _check_offset(data, offset, 8 + 4 * count)
    sid = SIDPacket()
    sid.unpack(data[offset : offset + 8 + 4 * count])
    return str(sid)


def _ace(entry: Any) -> Ace:
    """An ACE parsed by the library (allow, deny, audit) or left as bytes (other types)."""
    if isinstance(entry, bytes | bytearray):
        ace_type, flags, _, mask = struct.unpack("<BBHI", bytes(entry[:8]).ljust(8, b"\0"))
        return Ace("other", ace_type, flags, mask, "")
    kind = {AccessAllowedAce: "allow", AccessDeniedAce: "deny"}.get(type(entry), "other")
    return Ace(
        kind,
        int(entry["ace_type"].get_value()),
        int(entry["ace_flags"].get_value()),
        int(entry["mask"].get_value()),
        str(entry["sid"].get_value()),
    )


def rights(mask: int) -> tuple[bool, bool]:
    """(READ, WRITE) that an access mask speaks of."""
    return bool(mask & READ_BITS), bool(mask & WRITE_BITS)


def sid_access(descriptor: Descriptor) -> list[SidAccess]:
    """The SIDs that can READ or WRITE the object itself (see the module doc), in ACL order.
    Linear in the ACL's size, so a hostile ACL of thousands of entries stays cheap."""
    owner = descriptor.owner
    if descriptor.dacl is None:  # NULL DACL: no protection at all
        return [SidAccess(EVERYONE, True, True, owner == EVERYONE)]
    by_sid: dict[str, list[tuple[int, Ace]]] = {}  # trustee → its entries, in ACL order
    everyone_denies: dict[int, int] = {}  # right (0 READ, 1 WRITE) → first Everyone deny
    for at, ace in enumerate(a for a in descriptor.dacl if a.kind in ("allow", "deny")):
        if ace.inherit_only or ace.sid in _PLACEHOLDERS:
            continue
        trustee = owner if ace.sid == OWNER_RIGHTS else ace.sid
        if trustee:
            by_sid.setdefault(trustee, []).append((at, ace))
        if ace.kind == "deny" and ace.sid == EVERYONE:
            for right, speaks in enumerate(rights(ace.mask)):
                if speaks:
                    everyone_denies.setdefault(right, at)
    found: list[SidAccess] = []
    for sid, entries in by_sid.items():
        decided: dict[int, bool] = {}  # right → allowed, by the first entry speaking of it
        for at, ace in entries:
            for right, speaks in enumerate(rights(ace.mask)):
                if speaks and right not in decided:
                    denied_before = everyone_denies.get(right, at) < at
                    decided[right] = ace.kind == "allow" and not denied_before
        read, write = decided.get(0, False), decided.get(1, False)
        if read or write:
            found.append(SidAccess(sid, read, write, sid == owner))
    return found
