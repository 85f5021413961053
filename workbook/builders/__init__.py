"""Builders of the committed files: the plan template, the example workbooks and the workbook with buttons."""
