"""The CLI's commands, one module each: scan, run, detect, subject, findings, access, check-
config.
"""
