"""Recognizers for formats that are not specific to Thailand."""
