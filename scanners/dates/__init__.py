"""Calendar dates in either era: reading values, clock calendars, retention periods, Thai dates."""
