"""Exact hierarchical breakdown of targets."""
