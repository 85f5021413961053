"""Seeded synthetic plans: their word lists, sentences, sizes and rows."""
