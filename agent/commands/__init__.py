"""The CLI's commands, one module each: scan and access, run, demo, detect, subject, findings,
check-config, worker; their exit codes and the scan summary.
"""
