"""The web console (SPEC §12): ``pdpa-agent serve`` shows the state store to people, by role.

Server-rendered pages (Starlette, Jinja2 with autoescape, inline SVG charts,
no JavaScript, every style shipped in the package) over the state store:
the dashboard, the inventory, findings with their triage and history, the
access review, the disclosure log and the breach register, in Thai and
English. :func:`agent.console.app.create_app` builds the application.
"""
