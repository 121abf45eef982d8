"""Keep every NLP library this package uses off the network.

The agent runs on air-gapped servers. PyThaiNLP downloads corpora on demand
and tldextract fetches the public-suffix list; both are told here, before
they are imported anywhere, to use only what ships inside the installed
packages. Import this module first (``scanners/__init__.py`` does).
"""

from __future__ import annotations

import os

OFFLINE_ENVIRONMENT = {
    "PYTHAINLP_OFFLINE": "1",  # never download a corpus
    "PYTHAINLP_READ_ONLY": "1",  # never create ~/pythainlp-data
    "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": "",  # bundled snapshot only
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
}


def enforce_offline() -> None:
    """Set the environment switches that keep NLP libraries offline."""
    for name, value in OFFLINE_ENVIRONMENT.items():
        os.environ[name] = value


enforce_offline()
