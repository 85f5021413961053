"""The subcommands that write documents: jaarrapport (also for a folder), beleidsplan, what they share."""
