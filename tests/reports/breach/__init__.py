"""Tests of the breach reports: ``breach.json``, the drafts in HTML and DOCX, the staged files."""
