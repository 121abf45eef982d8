"""Running a scan: planning, tasks, workers and executors, fact gathering, connector
construction.
"""
