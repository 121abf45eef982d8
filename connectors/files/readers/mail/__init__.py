"""Saved e-mail (.eml, Outlook .msg): the message text, and every attachment read as a member
(a dataset of its own, like a ZIP member)."""
