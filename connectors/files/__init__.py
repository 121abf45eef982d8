"""File shares: local or mounted folders and SMB, permissions, and one reader per file format."""
