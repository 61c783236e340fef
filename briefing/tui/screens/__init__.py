"""One screen per module: library (browse), reader, compare, note (modal) and help (modal)."""
