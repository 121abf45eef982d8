"""Access-review checks: effective privileges against the approved access list."""
