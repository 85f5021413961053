"""Benchmarks: synthetic plan workbooks of every size and the timing of each step of the year report."""
