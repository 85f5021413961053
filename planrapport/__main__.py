"""`python -m planrapport`: the same command line as `planrapport`."""

from planrapport.cli import run

run()
