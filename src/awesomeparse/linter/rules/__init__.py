"""Lint rules, one per module; each module's docstring is its documentation page."""
