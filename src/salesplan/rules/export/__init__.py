"""Codes reported by `salesplan export` (SP080–SP089), documented here like every lint rule."""
