"""Documentation of the roll-up codes (SP090–SP099), one module each."""
