"""Reading a messy multilingual folder into clean :class:`~briefing.model.Document` values."""
