"""`salesplan review`: actuals against targets (达成率, pacing, alerts)."""
