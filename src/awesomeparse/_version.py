"""The package version, in one place (read by the facade, the CLI and SARIF output)."""

__version__ = "0.1.0"
