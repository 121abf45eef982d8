"""Delivering results to people: per-owner reports and e-mail."""
