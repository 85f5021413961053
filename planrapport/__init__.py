"""The front ends: the planrapport command line and the workbook buttons, orchestrating the library."""
