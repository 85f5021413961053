"""Validation, trends and Word documents made from a plan."""
