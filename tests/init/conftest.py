"""Fixtures of the init tests. init's plans are held to the real lint engine (`salesplan.lint`)."""
