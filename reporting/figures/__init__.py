"""Indicator figures: trends and verdicts per indicator, in Dutch words and Belgian number formatting."""
