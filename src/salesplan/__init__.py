"""salesplan: sales plans as YAML files in git, validated, split exactly, linted and rendered."""

__version__ = "0.1.0"
