"""One module per planrapport subcommand: HELP, add_arguments(parser), run(args)."""
