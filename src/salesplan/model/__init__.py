"""Plan format 1: models, value types, checks and the JSON Schema."""
