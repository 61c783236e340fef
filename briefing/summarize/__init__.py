"""Extractive briefs and key points, per language, offline."""
