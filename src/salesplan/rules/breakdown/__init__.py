"""Breakdown rules (SP2xx): the numbers of a target's split are consistent and would split."""
