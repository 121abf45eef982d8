"""Executors: where the tasks of a scan run (this process, a local process pool, Celery).

Every executor takes the same tasks (:mod:`agent.scan.tasks`) and yields each
task with its outcome as it completes; the coordinator (:mod:`agent.scan.runner`)
decides the order of the report, gathers the results and records them.
"""
