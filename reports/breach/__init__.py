"""Reports of a personal data breach (PDPA s.37(4), SPEC §11).

``breach_json`` turns one assessment (incident, impact, grade, the 72-hour
clock) into ``breach.json``; every draft is written from that document alone,
so a stored assessment can be drafted again. ``drafts`` renders the drafts as
HTML (Jinja2 templates in ``templates/``, autoescape on), ``docx_drafts`` the
same drafts as Word documents for officers to edit: the notice to the PDPC
office (drafted whatever the grade), the notice to data subjects (grade
``high``) and the internal record (every case). The words are in
``office_text``, ``subjects_text`` and ``record_text`` over the shared
``wording``, ``facts`` and ``advice`` (likely consequences, what people can
do); ``draft_model`` is the structure both renderers lay out, ``docx_fonts``
sets Thai in a font with Thai glyphs. ``files`` stages the whole set for
:func:`reports.staging.write_all_or_nothing`. Nothing here reads data values:
the document holds names, counts, grades and factors only.
"""
