"""Writing files safely: atomic replacement, backups, lock files, permissions, one writer at a time."""
