"""The Excel side of planrapport: the plan model, reading and writing workbooks, the button entry points."""
