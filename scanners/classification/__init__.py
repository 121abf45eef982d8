"""Column classification: names, value statistics and column rules deciding a column's types."""
