"""Builds the Word templates of reporting/templates (the .docx files are committed)."""
