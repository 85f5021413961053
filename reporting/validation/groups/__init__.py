"""The groups of rules, one module each: settings, structure, text, timing, indicators, budget, follow-up and more."""
