"""The detection engine: Presidio wired to the offline Thai and English NLP engine."""
