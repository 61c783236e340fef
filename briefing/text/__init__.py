"""The text layer: what every other layer needs to know about text, defined once.

Scripts and folding (:mod:`.scripts`), words and stems per language (:mod:`.words`), dates
written in text (:mod:`.dates`), terminal width (:mod:`.width`) and patterns of page furniture
(:mod:`.patterns`). It imports nothing else of briefing's, so corpus, summarize, themes, stories
and render all build on it without import circles.
"""
