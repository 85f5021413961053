"""The subcommands for the municipal pc: zelftest (with its Excel and security parts) and bundel."""
