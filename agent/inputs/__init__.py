"""Everything a user gives the agent: config, register, access list, erasure requests, overrides."""
