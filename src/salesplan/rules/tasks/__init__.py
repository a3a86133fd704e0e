"""Task rules (SP4xx): the execution plan is owned, dated, ordered and tied to strategies."""
