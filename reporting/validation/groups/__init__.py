"""The groups of rules, one module each: structure, text, timing, indicators, budget, follow-up and more."""
