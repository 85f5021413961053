"""The hidden records in a workbook: what was submitted (Ingediend) and what was asked (Uitgevraagd)."""
