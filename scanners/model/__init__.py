"""Plain values the checks and reports share: the scan result, register entries, approved grants."""
