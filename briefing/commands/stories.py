"""``briefing stories``: how outlets in different languages covered the same event.

Text output shows each story told by several articles (label, date span, languages, members with
their duplicates, the anchors that joined them, and the facts they share side by side), then
one line per article nobody else covered. ``--json`` gives all of it, single-outlet points
included, as one document.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping

from briefing.commands.common import briefs, load, print_json, stories
from briefing.commands.story_options import add_arguments
from briefing.exitcodes import ExitCode
from briefing.model import Brief, Document
from briefing.render.dates import short_date
from briefing.render.safe import one_line
from briefing.render.stories import (
    clip,
    story_json,
    story_lines,
    timeline_json,
    timeline_lines,
)
from briefing.stories import StoryIndex
from briefing.stories.align import Alignment, align_story
from briefing.stories.dates import with_estimated_dates
from briefing.stories.timeline import build_timeline

__all__ = ["add_arguments", "alignments", "cmd_stories"]


def alignments(
    index: StoryIndex,
    documents: Mapping[str, Document],
    brief_of: Callable[[Document], Brief],
) -> dict[str, Alignment]:
    """The aligned rows of every story told by several articles, by story id."""
    return {s.id: align_story(s, documents, brief_of, index) for s in index.shared}


def cmd_stories(args: argparse.Namespace) -> int:
    lib = load(args)
    docs = lib.documents
    if not docs:
        sys.stderr.write("briefing: no documents to group\n")
        return ExitCode.NOTHING
    documents = {d.id: d for d in docs}
    index = stories(lib, docs)
    documents = {d.id: d for d in with_estimated_dates(docs, index)}
    # briefs only for the articles shown side by side: one batch, from the cache when it can
    shown = [documents[i] for s in index.shared for i in s.documents if i in documents]
    aligned = alignments(index, documents, briefs(lib, shown))
    timelines = (
        {s.id: build_timeline(s, documents, aligned.get(s.id)) for s in index.shared}
        if getattr(args, "timeline", False)
        else {}
    )
    if args.json:
        out = []
        for s in index.stories:
            item = story_json(s, aligned.get(s.id))
            if s.id in timelines:
                item["timeline"] = timeline_json(timelines[s.id])
            out.append(item)
        print_json({"articles": len(docs), "stories": out})
    elif timelines:
        print(f"{len(timelines)} stories told by several articles, oldest report first")
        for story in index.shared:
            print()
            for line in timeline_lines(timelines[story.id], documents):
                print(line)
    else:
        shared = index.shared
        dups = len(index.duplicates)
        print(
            f"{len(index.stories)} stories in {len(docs)} articles: {len(shared)} told by "
            f"several articles, {dups} duplicate{'s' if dups != 1 else ''} shown once"
        )
        for story in shared:
            print()
            for line in story_lines(story, documents, aligned.get(story.id), singles=args.singles):
                print(line)
        alone = [s for s in index.stories if s.size == 1]
        if alone:
            print()
            print(f"told by one article ({len(alone)}):")
            for story in alone:
                lead = documents[story.lead]
                date = short_date(lead, "undated")
                also = [one_line(d.doc_id) for d in story.duplicates]
                tail = f"  (also in: {', '.join(also)})" if also else ""
                print(f"  {story.id}  {date:<10}  {lead.lang:<5}  {clip(lead.title, 70)}{tail}")
    return ExitCode.done(lib.problems)
