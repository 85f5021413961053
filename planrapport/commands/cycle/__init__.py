"""The subcommands of the year and the period: uitvragen, verzamelen, nieuw-jaar, indienen, nieuw-plan, evaluatie."""
