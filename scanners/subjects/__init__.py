"""Data subjects of erasure and access requests: normal forms, digests, searches."""
