"""Codes about linting itself (SP9xx): suppressions and rules that failed."""
