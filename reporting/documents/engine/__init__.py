"""Rendering a Word template with docxtpl (its internals in one adapter), the charts and the package."""
