"""The words of the reports in Thai and English: labels, law, reasons, remediation, dates."""
