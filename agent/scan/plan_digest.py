"""A fingerprint of everything that decides a scan's outcome, shared by coordinator and workers.

Celery workers read their own copy of the config, register, access list,
classification overrides and erasure requests (secrets never travel through
the broker). A worker whose copy, tool version or detectors differ from the
coordinator's would produce a different answer, so each task carries this
digest and a worker that computes another refuses the task (reported as a
SCAN_ERROR that says so).
How each machine reaches a source (its URL, mount path, password variable)
and the origins of user-file lines ("file:line") are left out: they may
legitimately differ by machine.
"""

from __future__ import annotations

import hashlib
import json

from agent import __version__
from agent.scan.file_cache import detectors_fingerprint
from agent.scan.plain_codec import to_plain
from agent.scan.work import ScanContext

#: What a source's results depend on; how to reach it (URL, path, secrets) may differ by machine.
SOURCE_RULES = {"name", "kind", "include", "exclude"}


def plan_digest(context: ScanContext) -> str:
    """SHA-256 over the version, detectors, detection settings, sources and user files."""
    config = context.loaded.config
    requests = [
        [r.subject.type, r.subject.digest, r.requested_at.isoformat(), r.kind]
        for r in context.requests
    ]
    document = {
        "version": __version__,
        "detectors": detectors_fingerprint(),
        "detection": config.detection.model_dump(mode="json"),
        "sources": [
            source.model_dump(mode="json", include=SOURCE_RULES) for source in config.sources
        ],
        "register": [_without_origin(to_plain(entry)) for entry in context.register],
        "grants": None
        if context.grants is None
        else [_without_origin(to_plain(grant)) for grant in context.grants],
        "requests": requests,
        "overrides": [_without_origin(to_plain(override)) for override in context.overrides],
        "today": context.today.isoformat(),
    }
    canonical = json.dumps(document, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _without_origin(plain: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in plain.items() if key != "origin"}
