"""Codes reported by the split engine (SP040–SP059), documented here like every lint rule.

`salesplan lint` reports them through SP203 (split-fails), under their own codes.
"""
