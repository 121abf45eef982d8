"""The console's pages: one module per area (dashboard, inventory, findings, access, registers)."""
