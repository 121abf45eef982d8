"""A small Compound File Binary writer ([MS-CFB], version 3), to make ``.msg`` files in tests.

No library with a licence compatible with Apache-2.0 writes Outlook messages,
so the tests write the container themselves: 512-byte sectors, streams under
4096 bytes in the mini stream (64-byte mini sectors, a mini FAT), larger ones
in sectors of their own, one FAT (at most 109 FAT sectors: no DIFAT), and the
directory's siblings as balanced binary trees in the Compound File order
(shorter names first, then by upper-cased name), coloured as a valid
red-black tree (the nodes of an incomplete last level red). Storages are
implied by the stream paths (``storage/sub/stream``).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

SECTOR, MINI, CUTOFF = 512, 64, 4096
FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ROOT, STORAGE, STREAM = 5, 1, 2
RED, BLACK = 0, 1


@dataclass
class _Node:
    name: str
    kind: int
    data: bytes = b""
    children: dict[str, _Node] = field(default_factory=dict)
    sid: int = 0
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM
    color: int = BLACK
    start: int = END
    size: int = 0


def _tree(streams: dict[str, bytes]) -> _Node:
    root = _Node("Root Entry", ROOT)
    for path, data in streams.items():
        node = root
        *storages, name = path.split("/")
        for part in storages:
            node = node.children.setdefault(part, _Node(part, STORAGE))
        node.children[name] = _Node(name, STREAM, data)
    return root


def _flatten(root: _Node) -> list[_Node]:
    nodes: list[_Node] = []
    queue = [root]
    while queue:
        node = queue.pop(0)
        node.sid = len(nodes)
        nodes.append(node)
        queue.extend(node.children.values())
    return nodes


def _order(name: str) -> tuple[int, str]:
    return len(name.encode("utf-16-le")), name.upper()


def _link(parent: _Node) -> None:
    """Siblings as a balanced binary search tree, red-black coloured."""
    kids = sorted(parent.children.values(), key=lambda n: _order(n.name))
    depths: dict[int, int] = {}

    def build(low: int, high: int, depth: int) -> int:
        if low >= high:
            return NOSTREAM
        middle = (low + high) // 2
        node = kids[middle]
        depths[node.sid] = depth
        node.left = build(low, middle, depth + 1)
        node.right = build(middle + 1, high, depth + 1)
        return node.sid

    parent.child = build(0, len(kids), 0)
    deepest = max(depths.values(), default=0)
    full = len(kids) == 2 ** (deepest + 1) - 1
    for node in kids:
        node.color = RED if depths[node.sid] == deepest and deepest > 0 and not full else BLACK


def _entry(node: _Node | None) -> bytes:
    if node is None:
        return (
            b"\x00" * 64
            + struct.pack("<HBBIII", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM)
            + bytes(16 + 4 + 16)
            + struct.pack("<IQ", 0, 0)
        )
    name = node.name.encode("utf-16-le") + b"\x00\x00"
    assert len(name) <= 64, node.name
    return (
        name.ljust(64, b"\x00")
        + struct.pack(
            "<HBBIII", len(name), node.kind, node.color, node.left, node.right, node.child
        )
        + bytes(16 + 4 + 16)
        + struct.pack("<IQ", node.start if node.kind != STORAGE else 0, node.size)
    )


def _chain(fat: list[int], first: int, count: int) -> None:
    for index in range(first, first + count):
        fat[index] = index + 1 if index + 1 < first + count else END


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A Compound File holding ``streams`` (``/``-separated paths; storages implied)."""
    root = _tree(streams)
    nodes = _flatten(root)
    for node in nodes:
        if node.kind != STREAM:
            _link(node)
    small = [n for n in nodes if n.kind == STREAM and len(n.data) < CUTOFF]
    large = [n for n in nodes if n.kind == STREAM and len(n.data) >= CUTOFF]
    mini = bytearray()
    minifat: list[int] = []
    for node in small:
        node.size = len(node.data)
        count = -(-len(node.data) // MINI)
        if count == 0:
            node.start = END
            continue
        node.start = len(minifat)
        minifat.extend([0] * count)
        _chain(minifat, node.start, count)
        mini += node.data.ljust(count * MINI, b"\x00")
    dir_sectors = -(-len(nodes) // 4)
    minifat_sectors = -(-len(minifat) * 4 // SECTOR)
    mini_sectors = -(-len(mini) // SECTOR)
    large_sectors = [-(-len(n.data) // SECTOR) for n in large]
    body = dir_sectors + minifat_sectors + mini_sectors + sum(large_sectors)
    fat_sectors = 1
    while fat_sectors * (SECTOR // 4) < body + fat_sectors:
        fat_sectors += 1
    assert fat_sectors <= 109, "too large for a header-only DIFAT"
    fat = [FREE] * (fat_sectors * (SECTOR // 4))
    _chain(fat, 0, dir_sectors)
    first_minifat = dir_sectors if minifat_sectors else END
    _chain(fat, dir_sectors, minifat_sectors)
    at = dir_sectors + minifat_sectors
    root.start, root.size = (at, len(mini)) if mini else (END, 0)
    _chain(fat, at, mini_sectors)
    at += mini_sectors
    for node, count in zip(large, large_sectors, strict=True):
        node.start, node.size = at, len(node.data)
        _chain(fat, at, count)
        at += count
    fat_at = at
    for index in range(fat_at, fat_at + fat_sectors):
        fat[index] = FATSECT
    directory = b"".join(_entry(n) for n in nodes)
    directory += b"".join(_entry(None) for _ in range(dir_sectors * 4 - len(nodes)))
    minifat_bytes = struct.pack(f"<{len(minifat)}I", *minifat) if minifat else b""
    minifat_bytes += struct.pack("<I", FREE) * (minifat_sectors * SECTOR // 4 - len(minifat))
    sectors = directory + minifat_bytes + bytes(mini).ljust(mini_sectors * SECTOR, b"\x00")
    for node, count in zip(large, large_sectors, strict=True):
        sectors += node.data.ljust(count * SECTOR, b"\x00")
    sectors += struct.pack(f"<{len(fat)}I", *fat)
    difat = [fat_at + i for i in range(fat_sectors)] + [FREE] * (109 - fat_sectors)
    header = (
        MAGIC
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack(
            "<IIIIIIIII", 0, fat_sectors, 0, 0, CUTOFF, first_minifat, minifat_sectors, END, 0
        )
        + struct.pack("<109I", *difat)
    )
    assert len(header) == SECTOR
    return header + sectors
