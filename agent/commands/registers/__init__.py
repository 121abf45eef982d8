"""The DPO's registers on the command line: disclosures to other parties (``disclose``,
``disclosures``, SPEC §10) and breaches (``breach``, SPEC §11)."""
