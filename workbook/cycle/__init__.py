"""The officer's year: follow-up asked from trekkers, their replies read and merged, a new year, the next plan."""
