"""SMART rules (SP1xx): one per letter, checked on every target."""
