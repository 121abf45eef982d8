"""``pdpa-agent demo``: build the demo organisation and scan it, as the README's first command."""

from __future__ import annotations

import argparse
from pathlib import Path

from agent.commands.scan import ScanRequest, scan_session
from agent.demo import build_demo
from agent.inputs.config_loader import load_config


def demo_command(args: argparse.Namespace) -> int:
    """Write the demo organisation under ``--out``/demo-org, then scan it into ``--out``."""
    out = Path(args.out)
    paths = build_demo(out / "demo-org")
    print(f"demo organisation written to {paths.root}")
    return scan_session(load_config(paths.config), ScanRequest(out_dir=out))
