"""Bringing an edited workbook back into its plan: reading it and writing the plan's YAML."""
