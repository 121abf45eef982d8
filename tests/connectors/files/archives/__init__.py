"""Tests of the archive and mail readers: ZIP, tar, 7z, .eml and .msg under shared budgets."""
