"""One writer per report file: findings.json, report.html, CSV, XLSX, access and owner reports."""
