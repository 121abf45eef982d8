"""Change keys: what tells a scan a table has not changed since the last one."""
