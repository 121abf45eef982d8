"""``/``: open findings (not set aside by triage) by severity, type, source and owner, the
trend over the last 30 scans, and how many findings triage set aside; an owner sees theirs."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from agent.console.auth import authenticate
from agent.console.charts import bar_chart, trend_chart
from agent.console.context import TRIAGE_WORDS, console_of, language, render
from agent.console.text import words
from agent.console.totals import dashboard
from reports.text.labels import finding_type_name, severity_name


async def dashboard_page(request: Request) -> Response:
    viewer = authenticate(request)
    console = console_of(request)
    lang = language(request)
    numbers = dashboard(console.store.engine, console.today(), console.scope(viewer))
    severities = {code: severity_name(code, lang) for code, _ in numbers.by_severity}
    types = {code: finding_type_name(code, lang) for code, _ in numbers.by_type}
    owners = {"": words(lang)["no_owner"]}
    charts = {
        "open_by_severity": bar_chart(numbers.by_severity, severities, "bar", by_key=True),
        "open_by_type": bar_chart(numbers.by_type, types),
        "open_by_source": bar_chart(numbers.by_source),
        "open_by_owner": bar_chart(numbers.by_owner, owners),
        "set_aside": bar_chart(numbers.set_aside, dict(TRIAGE_WORDS[lang]), "bar-aside"),
    }
    latest = console.store.last_scans(1)
    return render(
        request,
        "dashboard.html",
        viewer,
        numbers=numbers,
        charts=charts,
        trend=trend_chart(numbers.trend),
        latest=latest[0] if latest else None,
    )
