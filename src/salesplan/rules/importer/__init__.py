"""Codes reported by `salesplan import` (SP600–SP629), documented here like every lint rule."""
