"""The Textual app. Imported only when the TUI opens, so ``briefing list`` never loads Textual."""
