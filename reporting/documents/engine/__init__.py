"""Rendering a Word template with docxtpl: the sandboxed environment, the body as it is written, the package."""
