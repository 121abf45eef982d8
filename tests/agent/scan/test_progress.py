"""Progress: a status line on a terminal, nothing at all when not attached to one."""

from __future__ import annotations

import io

from agent.scan.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_and_silence_elsewhere() -> None:
    terminal = Terminal()
    progress = Progress(terminal)
    progress.update(3, 10, "hr", "public.employees")
    progress.finish()
    assert "[3/10] hr: public.employees" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r")
    pipe = io.StringIO()
    quiet = Progress(pipe)
    quiet.update(3, 10, "hr", "public.employees")
    quiet.finish()
    assert pipe.getvalue() == ""
