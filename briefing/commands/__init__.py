"""The CLI's subcommands, one module each; :mod:`briefing.cli` parses and dispatches."""
