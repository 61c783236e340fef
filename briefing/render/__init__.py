"""Turning documents and briefs into text for people: terminal, Markdown, JSON."""
