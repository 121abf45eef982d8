"""Facts only a source can tell, gathered for the checks: rows past retention, subjects still
present, k-anonymity groups, effective privileges."""
