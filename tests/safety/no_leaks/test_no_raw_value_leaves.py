"""Nothing raw leaves the tool: every output of real CLI runs is searched for every planted value.

Remediation SQL holds no raw value, and neither does any output of the runs
of the package's ``runs`` fixture: stdout and stderr, every report (the owner
reports included), every file inside the XLSX/DOCX/ZIP outputs, and the state
stores cell by cell and byte by byte. A failure names the output and the kind
of value, never the value itself.

Assertions compare booleans computed beforehand: pytest would otherwise print
the compared text, which is exactly what must not be shown if a value did leak.
"""

from __future__ import annotations

from tests.safety.no_leaks.outputs import Output, Runs, all_outputs, find_leaks, findings_report


def test_remediation_sql_holds_no_raw_value(runs: Runs) -> None:
    report = findings_report(runs, "out-1")
    remediations = [
        Output(f"remediation of {f['type']} {f['source']}/{f['dataset']}", f["remediation"] or "")
        for f in report["findings"]
    ]
    statements = [r.where for r in remediations if r.text.startswith(("DELETE", "UPDATE"))]
    assert len(statements) >= 3, "no remediation SQL was produced"
    assert find_leaks(runs, remediations) == []


def test_no_planted_value_in_any_output(runs: Runs) -> None:
    outputs = all_outputs(runs)
    files = {o.where.split("!")[0].split(" (")[0] for o in outputs}
    owners = {f.split("/")[2] for f in files if f.startswith("out-2/owners/")}
    assert owners == {
        "hr-owner_at_example.org",
        "crm-owner_at_example.org",
        "clinic-owner_at_example.org",
    }
    assert {"out-2/report.html", "out-2/findings.xlsx", "out-1/findings.csv"} <= files
    assert {"out-access-2/access.xlsx", "state-1.db", "state-2.db"} <= files
    leaks = find_leaks(runs, outputs)
    assert leaks == [], "\n".join(leaks)
