"""Reading a plan workbook (a file or Excel's open workbook) into the model, with notes on what was not read."""
