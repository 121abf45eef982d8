"""The agent's own state store: schema, migrations, recording scans and findings."""
