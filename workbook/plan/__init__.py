"""The plan model: dataclasses that remember their source cells, the sheet definitions, codes, numbers, timing."""
