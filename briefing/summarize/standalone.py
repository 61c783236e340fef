"""Whether a sentence can stand on its own in a brief or as a key point.

A brief sentence and a key point are read without the text around them, so a sentence that
only makes sense next to another one is left out, however well it scores: a question (a hook
for the next sentence), a lead-in that ends on a colon (``文章摘要如下:``, ``Here is what we
know:``, the list after it is the news), a sentence that opens or closes in the middle of a
quotation (``“We will fight.`` — the quote goes on in the next sentence, and a reader cannot
tell who is speaking), and one that only says the headline again (the reader sees the title
right above the brief).

Sentences that lean on the one *before* (``这是…``, ``He said…``) are a separate rule
(:data:`briefing.summarize.features.DANGLING`): a brief may still take them right after that
sentence.
"""

from __future__ import annotations

import re
from typing import Any

from briefing.summarize.features import is_question
from briefing.summarize.rank import containment
from briefing.text.scripts import family

# quotation marks that come in pairs: (opening, closing)
QUOTE_PAIRS: tuple[tuple[str, str], ...] = (("「", "」"), ("『", "』"), ("“", "”"), ("«", "»"))
TITLE_SHARE = 0.8
"""A sentence whose terms are at least this share the title's says nothing more than it."""
MIN_TITLE_TERMS = 3
"""Fewer terms than this (a two-word sentence, an empty title): too little to call a repeat."""


# an opener that carries on from a statement before it (a contrast, a consequence, a next
# step), which no headline is: "中国则…", "但…", "しかし…", "However…", "Mais…". A pronoun or a
# demonstrative ("她的儿子…", "在该北非国家…", "同国では…", "He said…") may point at the title
CONTINUES = {
    "zh": re.compile(
        r"^[^，,。；;：:\s]{0,5}?(?<![规規原法准準细細守否])[则則]|"
        r"^(?:但|而|同时|同時|然而|因此|另外|另一方面|其次|再次|最后|最後|不过|不過|可是|"
        r"只是|而且|并且|並且|于是|於是|因而|从而|從而|所以|甚至|尤其|总之|總之|换言之|"
        r"換言之|也就是说|也就是說|接着|接著|随后|隨後|之后|之後|后来|後來|反之|相反|"
        r"与此同时|與此同時|此外|也|还|還|又|亦|并(?![非不])|並(?![非不])|导致|導致)"
    ),
    "ja": re.compile(
        r"^(?:しかし|また|一方|さらに|だが|ただ|なお|そして|次に|最後に|つまり|ところが|"
        r"とはいえ|加えて|実際)"
    ),
    "en": re.compile(
        r"^[\"'“‘]?(?:But|And|Or|However|Also|Meanwhile|So|Then|Still|Instead|Yet|Moreover|"
        r"Furthermore|Indeed|Second)\b"
    ),
    "fr": re.compile(
        r"^[\"«“]?\s?(?:Mais|Et|Or|Pourtant|Cependant|Aussi|Puis|Néanmoins|Toutefois|Ainsi|"
        r"Donc|D'autant|Par ailleurs|En outre|De plus)\b"
    ),
}


def continues(text: str, lang: str) -> bool:
    """Opens by carrying on from a statement before it: not even the title can be that."""
    pattern = CONTINUES.get(family(lang))
    return bool(pattern and pattern.match(text))


def quotes_balanced(text: str) -> bool:
    """Every quotation the text opens, it closes, in order (and straight ``"`` come in pairs).

    ``“We will fight.`` (the quote goes on in the next sentence) and ``…and win,” he said.``
    (it began in the one before) are not; ``He said “no”.`` is. Single quotes are not
    checked: ``’`` is also the apostrophe.
    """
    for opening, closing in QUOTE_PAIRS:
        depth = 0
        for ch in text:
            if ch == opening:
                depth += 1
            elif ch == closing:
                depth -= 1
                if depth < 0:
                    return False
        if depth:
            return False
    return text.count('"') % 2 == 0


def leads_in(text: str) -> bool:
    """Ends on a colon: it announces what follows (``Summary:``, ``具体如下：``)."""
    return text.rstrip().endswith((":", "："))


def restates_title(terms: frozenset[Any], title_terms: frozenset[Any]) -> bool:
    """Nearly all the sentence's terms are the title's: the headline said again."""
    if len(terms) < MIN_TITLE_TERMS or len(title_terms) < MIN_TITLE_TERMS:
        return False
    return containment(terms, title_terms) >= TITLE_SHARE


def stands_alone(text: str, terms: frozenset[Any], title_terms: frozenset[Any]) -> bool:
    """Fit to be read on its own, next to the title: see the module docstring."""
    return not (
        is_question(text)
        or leads_in(text)
        or not quotes_balanced(text)
        or restates_title(terms, title_terms)
    )
