"""Budget rules (SP5xx): allocations, strategies and tasks stay within what they are given."""
