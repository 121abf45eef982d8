"""The bundled demo organisation that ``pdpa-agent demo`` builds and scans."""

from __future__ import annotations

from agent.demo.build import DemoPaths, build_demo

__all__ = ["DemoPaths", "build_demo"]
