"""Reports of a disclosure to another party (PDPA s.37(2), SPEC §10).

``assessment_report`` renders the pre-disclosure assessment (``assessment.json``
and its bilingual HTML page), ``notice`` the recipient's notice of their duties
as a controller of the copy (``notice.th.html`` / ``notice.en.html``),
``disclosure_json`` the ``disclosure.json`` entry and ``log_workbook`` the
disclosure log for the s.39 record of processing; ``extract_file`` streams the
extract itself to CSV or XLSX. ``treatment_text`` holds the Thai and English
words they share; ``page`` the Jinja2 environment of the templates. Apart from
``extract_file``, nothing here writes files: every function returns a value.
"""
