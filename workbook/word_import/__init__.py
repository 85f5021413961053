"""Import an existing Word plan (.docx) into a new plan workbook, with an Import sheet of what was unsure."""
