"""Codes reported by the loader (SP0xx), documented here like every lint rule."""
