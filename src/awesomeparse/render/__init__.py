"""Renderers: results as text for people and machines."""
