"""Recognizers for Thai identifiers, names, phones and addresses."""
