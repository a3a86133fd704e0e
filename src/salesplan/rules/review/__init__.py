"""Codes reported by `salesplan review` on the actuals file (SP060–SP079), documented here like every lint rule."""
