"""``/findings`` (filters and pages, in SQL), ``/findings/{id}`` (the finding, its due date,
triage and full history) and ``POST /findings/{id}/triage`` (a decision, recorded through
``agent.triage.decide`` with ``via="console"``, so it joins the same audit trail).

A finding the viewer may not see, or may not decide on, answers 404; a
refused decision shows why on the page (400).
"""

from __future__ import annotations

from datetime import date
from urllib.parse import quote, urlencode

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from agent.console.auth import authenticate, require_form
from agent.console.context import Viewer, console_of, language, render
from agent.console.queries import STATUS_CHOICES, Filters, choices, list_findings
from agent.inputs.user_dates import read_user_date
from agent.state.decisions.triage import current_triage, triage_history
from agent.state.records import FindingRecord
from agent.triage.decide import TriageRefused, TriageRequest, decide
from connectors.errors import PdpaAgentError
from reports.due_dates import due_for
from reports.text.dates import bangkok_date
from scanners.checks.registry import FINDING_TYPES
from scanners.checks.severity import SEVERITY_ORDER
from scanners.model.roles import may_see_finding, may_triage
from scanners.model.triage import effective

_TEXT_LIMIT = 5000


async def findings_page(request: Request) -> Response:
    viewer = authenticate(request)
    console = console_of(request)
    filters = Filters.read(request.query_params)
    engine = console.store.engine
    scope = console.scope(viewer)
    page = list_findings(engine, filters, console.today(), scope)
    options = choices(engine, scope)
    options["type"] = sorted(set(options["type"]) | set(FINDING_TYPES))
    links = {
        "previous": "?" + urlencode(filters.query_items(page.page - 1)) if page.page > 1 else "",
        "next": "?" + urlencode(filters.query_items(page.page + 1))
        if page.page < page.pages
        else "",
    }
    return render(
        request,
        "findings.html",
        viewer,
        filters=filters,
        page=page,
        options=options,
        statuses=STATUS_CHOICES,
        severities=SEVERITY_ORDER,
        links=links,
    )


def _assignee(field: str) -> str | None:
    """The form's assignee: empty leaves it as it is, ``-`` unassigns (the empty name)."""
    if field == "-":
        return ""
    return field or None


def _visible_record(request: Request, viewer: Viewer) -> FindingRecord:
    record = console_of(request).store.finding(request.path_params["finding_id"])
    if record is None or not may_see_finding(viewer.role, viewer.email, record.owner):
        raise HTTPException(404)
    return record


def _finding_response(
    request: Request,
    viewer: Viewer,
    record: FindingRecord,
    status: int = 200,
    error: str = "",
    form: dict[str, str] | None = None,
) -> Response:
    console = console_of(request)
    engine = console.store.engine
    today = console.today()
    stored = current_triage(engine, [record.id]).get(record.id)
    first_seen = bangkok_date(record.first_seen_at) or today
    policy = console.loaded.config.reports.due_policy()
    due = due_for(record.to_finding(), first_seen, policy) if record.status == "open" else None
    lang = language(request)
    return render(
        request,
        "finding.html",
        viewer,
        status,
        record=record,
        message=record.message_th if lang == "th" else record.message_en,
        triage=effective(stored, today) if stored else None,
        history=triage_history(engine, record.id),
        due=due,
        overdue=due is not None and due < today,
        can_triage=may_triage(viewer.role, viewer.email, record.type, record.owner),
        error=error,
        form=form or {},
    )


async def finding_page(request: Request) -> Response:
    viewer = authenticate(request)
    return _finding_response(request, viewer, _visible_record(request, viewer))


def _until(text: str) -> date | None:
    if not text:
        return None
    try:
        return read_user_date(text)
    except ValueError as exc:
        raise TriageRefused(f"until: {exc}") from None


async def triage_post(request: Request) -> Response:
    viewer = authenticate(request)
    form = await require_form(request, viewer)
    record = _visible_record(request, viewer)
    if not may_triage(viewer.role, viewer.email, record.type, record.owner):
        raise HTTPException(404)
    console = console_of(request)
    fields = {key: form.get(key, "").strip()[:_TEXT_LIMIT] for key in _FIELDS}
    try:
        register = console.register()
    except PdpaAgentError:
        register = ()
    try:
        decide(
            console.store,
            TriageRequest(
                finding_id=record.id,
                by=viewer.name,
                via="console",
                status=fields["status"] or None,
                reason=fields["reason"],
                until=_until(fields["until"]),
                assignee=_assignee(fields["assignee"]),
                comment=fields["comment"] or None,
            ),
            register,
            console.today(),
            console.now(),
        )
    except TriageRefused as exc:
        return _finding_response(request, viewer, record, 400, str(exc), fields)
    return RedirectResponse(f"/findings/{quote(record.id, safe='')}", status_code=303)


_FIELDS = ("status", "reason", "until", "assignee", "comment")
