"""Self-relative Windows security descriptors for the SMB permission tests (a helper).

Built with smbprotocol's own structures (``SMB2CreateSDBuffer``, ``AclPacket``,
``AccessAllowedAce``, ``AccessDeniedAce``, ``SIDPacket``), so the parser is
tested against what the library writes, and sent to Samba by
:meth:`tests.support.samba.SambaServer.set_security`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from smbprotocol.security_descriptor import (
    AccessAllowedAce,
    AccessDeniedAce,
    AceFlags,
    AclPacket,
    SDControl,
    SIDPacket,
    SMB2CreateSDBuffer,
)

READ = 0x001200A9  # FILE_GENERIC_READ | FILE_EXECUTE: what Windows calls "Read & execute"
MODIFY = 0x001301BF  # read, write, append, delete: "Modify"
FULL = 0x001F01FF
READ_CONTROL = 0x00020000
INHERIT = AceFlags.OBJECT_INHERIT_ACE | AceFlags.CONTAINER_INHERIT_ACE
INHERIT_ONLY = AceFlags.INHERIT_ONLY_ACE

#: (kind "allow" | "deny", SID, access mask, ACE flags), or a raw ACE of another type.
AceSpec = tuple[str, str, int, int] | bytes


def sid(text: str) -> Any:
    packet = SIDPacket()
    packet.from_string(text)
    return packet


def descriptor_bytes(owner: str | None, group: str | None, aces: Sequence[AceSpec] | None) -> bytes:
    """``aces`` None is a NULL DACL (DACL_PRESENT, no DACL); [] an empty DACL."""
    descriptor = SMB2CreateSDBuffer()
    descriptor["control"].set_flag(SDControl.SELF_RELATIVE)
    if owner:
        descriptor.set_owner(sid(owner))
    if group:
        descriptor.set_group(sid(group))
    descriptor["control"].set_flag(SDControl.DACL_PRESENT)
    if aces is None:
        return bytes(descriptor.pack())
    entries: list[Any] = []
    for entry in aces:
        if isinstance(entry, bytes):
            entries.append(entry)
            continue
        kind, trustee, mask, flags = entry
        ace = AccessAllowedAce() if kind == "allow" else AccessDeniedAce()
        ace["mask"] = mask
        ace["ace_flags"] = flags
        ace["sid"] = sid(trustee)
        entries.append(ace)
    acl = AclPacket()
    acl["aces"] = entries
    descriptor.set_dacl(acl)
    return bytes(descriptor.pack())


def raw_ace(ace_type: int, flags: int, mask: int, body: bytes) -> bytes:
    """An ACE of a type the library has no structure for (object, callback…)."""
    size = 8 + len(body)
    return bytes([ace_type, flags]) + size.to_bytes(2, "little") + mask.to_bytes(4, "little") + body
