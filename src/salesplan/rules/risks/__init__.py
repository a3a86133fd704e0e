"""Risk rules (SP3xx): risks at or above a level (default high) are handled."""
