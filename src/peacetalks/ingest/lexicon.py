"""Name and term matching built from a case: actors through their names and aliases, issues
through their ``terms``, proposals through their ``terms``.

Matching is on whole words. Actor names are matched with their case as written (so the alias
"US" does not match the pronoun "us"); issue and proposal terms ignore case unless they are
written in capitals (acronyms such as NATO or DMZ), and a lower-case term also matches its plural.
A term that counts points ("20-point plan") also matches with the number in words ("twenty-point
plan") or digits, with or without "peace" before its noun ("10-point formula") and with any noun a
plan goes by ("20-point document"); a term that halts the war on a line ("freeze on the line")
however the line is written ("along the current front line").

A proposal is also recognised by description. A noun proposals go by ("plan", "proposal",
"offer", "scheme", or one of the nouns of its own names: "memorandum", "conditions", "terms") refers to the
proposal of the authors the sentence gives it: "Putin's conditions", "the Chinese-Brazilian
proposal", "the memorandum Moscow handed over", "the plan put forward by Washington", "the
framework Kyiv worked out with the Americans", "the memorandum it handed over", "Russia handed
over its memorandum" (the actor named last before it that the pronoun fits; "their" with the
actors joined to it), "the Coalition of the Willing adopted a declaration" (a noun of its names,
also by a second verb: "Putin went to his Foreign Ministry and set out the terms"); a title and the
name after it are one author ("the terms Russian President Vladimir Putin set out"). Those authors lead the
proposal: none is outside its authors, and its first author is among them or the noun is one
of its names' ("Kyiv's counter-proposal"). Of their proposals with that noun, the one dated
latest on or before the date the article has reached where the noun stands is meant (with no
date, the only one; none when two fit equally). A date written with the noun, or said where it
was laid down ("Ukraine's paper, handed over on 28 May"), picks the proposal of that date
instead ("its memorandum of June 2025"), and so does a place its terms name that no author is,
where an agreement was made ("the ceasefire proposed in Jeddah", "the ceasefire proposal
discussed at talks in Jeddah", "the Minsk ceasefire"), or any place its terms name after a noun
of its names ("the declaration signed in Paris"). A noun in the plural names no document. A
month alone before or after the noun picks the proposals of that month ("the December framework",
"the US draft of November"; the only one of that month when the article's dates are earlier); "of
last June" is the June before the date. On
second mention, where the date leaves several or none, the one the article has named before is
meant ("the US draft" after "the US 28-point plan"), and "first", "earlier" or "original" mean the
first of them ("the Americans' first draft", "the earlier American draft"). Authors may be written
as a plural demonym ("the Americans' November draft"). "Moscow's terms" are what it asks, a document
only with its date or when laid down ("the Kremlin's terms were set out").

A proposal is also named by what it did or offered: an agreement that let happen what a word most
of one proposal's terms share names ("the arrangement that let Ukraine ship grain"), the points a
proposal counts with one of its authors in the sentence ("the six points that China and Brazil had
agreed"), and neutrality in return for guarantees in 2022 (the first proposal of that year whose
names hold the guarantees, unless the sentence names another of that year).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass

from peacetalks.case.types import ActorKind, Case, Proposal
from peacetalks.ingest.dates import reached_date
from peacetalks.ingest.documents import DOCUMENT_NOUNS
from peacetalks.ingest.figures import _WORD_NUMBERS, MONTHS, Figure
from peacetalks.ingest.patterns import AtWordStart, fold, has_any, trie_pattern

#: Nouns a proposal's own names end in: one of them refers only to a proposal named with it
#: ("Moscow's memorandum" is no plan of Moscow's without one in its names).
_HEADS = ("memorandum", "formula", "communiqué", "communique", "protocol", "declaration", "treaty", "conditions",
          "terms", "demands", "joint statement", "understandings", "package")  # fmt: skip
#: … and of those, nouns that name a document only with its date ("Putin's demands of 14 June 2024";
#: "Russia's demands" are what it wants; "the package of 12 February 2015", but "the EU's package").
_DATED_ONLY = frozenset(("demands", "package"))
#: Nouns any proposal goes by once the sentence says whose it is ("the American proposal").
_GENERIC = ("plan", "proposal", "framework", "initiative", "offer", "blueprint", "roadmap", "road map", "paper",
            "draft", "scheme", "counter-proposal", "counterproposal", "counter-plan", "counterplan", "counter-offer",
            "counteroffer", "alternative", "counter-text", "countertext", "counter-draft", "counterdraft")  # fmt: skip
#: Phrases with a proposal term inside that name something else: "the asset freeze proposal".
_NOT_PROPOSALS = ("asset freeze", "assets freeze", *(
    # Kyiv's own offer at Istanbul in May 2025 was a full and unconditional 30 days, not the Jeddah truce
    f"unconditional {form}" for form in ("30-day ceasefire", "30-day truce", "ceasefire of 30 days", "truce of 30 days",
                                                "ceasefire lasting 30 days", "truce lasting 30 days")
))
#: Phrases with an issue term inside that name no case issue: the nuclear plant is no claim on the
#: Zaporizhzhia region, a monitoring group or a human rights monitoring mission watches no ceasefire.
_NOT_ISSUES = (
    *(f"{region} {plant}" for region in ("Zaporizhzhia", "Zaporizhia", "Zaporizhzhya", "Zaporozhye")
      for plant in ("nuclear plant", "nuclear power plant", "nuclear power station", "nuclear station", "NPP",
                    "power plant")),
    "monitoring group", "human rights monitoring", "human rights monitoring mission", "media monitoring",
    "monitoring service", "BBC Monitoring",
)  # fmt: skip
#: Names with an actor's name inside that name someone else: a polling institute in Kyiv is not
#: Ukraine, a newspaper named after a capital is not its government (matched in their case).
_NOT_ACTORS = (
    "Kyiv International Institute of Sociology", "Kyiv School of Economics", "Kyiv Independent", "Kyiv Post",
    "Moscow Times", "Washington Post", "Brussels Times", "Berlin Wall", "Kremlin-watcher", "Kremlin watchers",
)  # fmt: skip
# Matched in fold(text), so in lower case. The nouns are matched with the proposal terms, as terms
# of this id: a noun inside a term ("the 28-point plan") then gives way to it.
_HEAD = re.compile(trie_pattern(_HEADS))
_COUNTER_NAMES = frozenset(("counter-proposal", "counterproposal"))
_GENERIC_ONLY = frozenset(" ".join(n.replace("-", " ").split()) for n in _GENERIC)
#: Plurals of document nouns, for an owner who stands for one of them alone: "on 2 June they handed over
#: memoranda. Moscow's demanded …" (the singular as `_noun` writes it).
_PLURAL_HEADS = {"memoranda": "memorandum", "memorandums": "memorandum", "treaties": "treaty", "protocols": "protocol",
                 "declarations": "declaration", "communiqués": "communique", "communiques": "communique"}  # fmt: skip
_PLURAL_HEAD = re.compile(rf"\b({'|'.join(_PLURAL_HEADS)})\b")  # in fold(text)
_PLURAL_STEMS = ("memorand", "treaties", "protocols", "declarations", "communiq")
# … the owner with no noun after it: "Moscow's demanded", "Moscow's setting out", "Russia's, by contrast"
_NO_NOUN_AFTER = re.compile(r"['’]s(?=\s*[,;:]|\s+(?:[a-z]+ed|[a-z]+ing|was|is|would|had|has|asks|sets|lists)\b)")
#: Nouns for what a side asks, whose owner alone ("its conditions", "Putin's terms") makes them a document
#: only when recent, dated or laid down: "the Kremlin said its conditions have not changed", two years on.
_ASKED = frozenset(("terms", "conditions"))
_OWNED_BEFORE = re.compile(r"(?:['’]s|\b(?:its|their|his|her))\s+(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
_NOUNS = frozenset(" ".join(n.replace("é", "e").replace("-", " ").split()) for n in (*_HEADS, *_GENERIC))
_HEAD_ID = "<noun>"
_NOT_ID = "<none>"
# Whose it is: "Moscow's memorandum" (an actor just before) …
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])\s+(?:[\w-]+\s+){0,2}?$")  # (and "the Europeans' counter-proposal")
# … "the governments behind the counter-proposal" …
_BEHIND = re.compile(r"\s+(?:(?:who|that)\s+(?:are|were|is|was)\s+)?behind\s+(?:the|its|their)\s+")
# … "on Russia's terms" is a manner of speaking, not a document …
_ON_TERMS = re.compile(r"\bon\s+(?:the\s+)?$", re.IGNORECASE)
# … "the Chinese-Brazilian proposal", "a US–Ukrainian ceasefire plan": names as adjectives after a
# determiner, joined by hyphens, dashes, slashes or "and", then at most two words (see _MODIFIERS:
# "the US and Russia agree a plan" names no one's plan), also after "revised", "joint" … and with
# "-drafted", "-backed" …: "the revised American plan", "the US-drafted plan" (whose it is) …
_NAME = r"[A-Z][\w.’']*(?:\s+[A-Z][\w.’']*)?"
_JOINER = r"\s*(?:[-–/]|\band\b)\s*"
_BY_NAME = re.compile(r"-(?:drafted|backed|brokered|led|proposed|authored|sponsored|written)$")
_ATTRIBUTIVE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+"
    r"(?:(new|revised|latest|original|updated|amended|initial|final|joint|earlier|previous|first)\s+)?"
    rf"({_NAME}(?:{_JOINER}{_NAME})*(?:{_BY_NAME.pattern[:-1]})?)\s+(?:[\w-]+\s+){{0,2}}?$"
)
_NAMES_APART = re.compile(_JOINER)
# … "the memorandum Moscow handed over", "the 20-point framework that Kyiv and Washington drafted",
# "the memorandum it handed over" (then the actor named last before it) …
# (a timeline tells it in the present: "the memorandum Russia hands over in Istanbul")
_LAID = (
    r"(?:had\s+|has\s+|have\s+)?(?:hand(?:ed|s)?(?:\s+over)?|present(?:ed|s)?|submit(?:ted|s)?|table[ds]?|"
    r"puts?\s+forward|propose[ds]?|draft(?:ed|s)?|dr[ae]w(?:n|s)?\s+up|wr(?:ote|itten|ites?)|sen[dt]s?|"
    r"deliver(?:ed|s)?|publish(?:ed|es)?|unveil(?:ed|s)?|offer(?:ed|s)?|sets?\s+out|la(?:id|ys?)\s+out|outline[ds]?|"
    r"float(?:ed|s)?|circulate[ds]?|issue[ds]?|agree[ds]?|work(?:ed|s)?\s+out|hammer(?:ed|s)?\s+out|"
    r"produce[ds]?)\b"  # (rules-22: "the framework Kyiv and Washington produced")
)
_THAT = re.compile(r"\s*(?:(?:that|which)\s+)?(?:the\s+)?")
_LAID_AFTER = re.compile(r"\s+" + _LAID, re.IGNORECASE)
_TERMS_LAID = re.compile(r"\s+(?:(?:were|was|had\s+been|have\s+been)\s+)?" + _LAID, re.IGNORECASE)
# Who lays a document down for a state: "the communiqué Ukraine's negotiators present".
_SIDE_NOUNS = r"negotiators|delegation|delegates|team|officials|government|envoys|diplomats"
_SIDE = re.compile(rf"['’]s\s+(?:{_SIDE_NOUNS}|leaders)\b")
# ("the memorandum his negotiators handed over": his)
_LAID_BEFORE = re.compile(
    rf"\s+(?:that\s+|which\s+)?(?:(it|they|he|she)|(his|her|its|their)\s+(?:{_SIDE_NOUNS}))\s+" + _LAID,
    re.IGNORECASE,
)
_THE_BEFORE = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
_DETERMINED = re.compile(r"\b(?:the|a|an)\s+((?:[\w-]+\s+){0,3}?)$", re.IGNORECASE)
# A document with "a" before it ("a peace treaty signed by Ukraine's new authorities", in 2025) is,
# like a generic noun, none of an author's proposals two or more years older than the article's date.
_INDEFINITE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}?$", re.IGNORECASE)
# … "Russia handed over its memorandum", "Trump unveiled his plan" (the actor named last before it) …
_ITS = re.compile(r"\b(its|their|his|her)\s+(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
# … "the Coalition of the Willing adopted a declaration" (a noun of the proposal's own names; not
# "agreed": "the US and Russia agreed a memorandum" is no one's alone)
# (or after another verb joined by "and": "Putin went to his ministry and set out the terms", but not "rejected
# Russia's plan and set out the terms", whose words hold a document; or past words between commas: "Putin,
# speaking to his diplomats on Friday, set out the conditions")
_SUBJECT_LAID = re.compile(
    rf"(?:\s+(?:(?!(?:{DOCUMENT_NOUNS})\b)[\w'’-]+\s+){{1,5}}?and|,(?:\s+(?!(?:{DOCUMENT_NOUNS})\b)[\w'’-]+){{1,12}},)?"
    r"\s+(?!(?:had\s+|has\s+|have\s+)?agree)(?:" + _LAID + r"|(?:had\s+|has\s+|have\s+)?(?:adopt|sign)(?:ed|s)?)"
    r"\s+(?:an?|the)(\s+)"
    r"(?:[\w-]+\s+){0,2}?",
    re.IGNORECASE,
)
_AND_ACTOR = re.compile(r"\s*(?:,|\band\b)\s*(?:the\s+)?")
# … "the plan put forward by Washington", "the offer from Moscow".
_BY = re.compile(
    r"\s+(?:(?:put\s+forward|presented|proposed|drafted|drawn\s+up|written|crafted|authored|tabled|submitted|offered|"
    r"issued|published|unveiled|announced|agreed|signed|backed|outlined|set\s+out|laid\s+out)\s+)?(?:by|from|of)\s+"
    r"(?:the\s+)?(?:(?:President|Prime\s+Minister|Chancellor)\s+(?=[A-Z]))?",
    re.IGNORECASE,
)
_OF = re.compile(r"\s+of\s", re.IGNORECASE)
_ANSWER_TO = re.compile(r"\s+to\s+(?:it|them|this|that|these|those|the)\b")
_OWNS = re.compile(r"['’]s?\b")
# A plan of someone's that is no peace proposal: "the EU's plan to lend", "Ukraine's draft law"
# (but "to" before a pronoun, an article or a name says what it answers: "the Europeans' counter-proposal to it").
_NOT_A_SETTLEMENT_AFTER = re.compile(
    r"\s+(?:to\s+(?!end\b|\d|(?:it|them|this|that|these|those|the|its|their|his|her)\b|[A-Z])|(?:of|on|for)\s+(?:sanctions|aid|loans?)\b|(?:law|bill|resolution|legislation|budget|"
    r"decree)s?\b)"
)
# The words between the author and the noun ("Russia's new peace plan") are words any proposal
# may take, or words of that proposal's names: "Zelensky's victory plan" is none of the case's.
_MODIFIERS = frozenset((
    "peace", "new", "own", "latest", "revised", "original", "draft", "initial", "final", "amended", "updated",
    "full", "proposed", "so-called", "settlement", "formal", "written", "detailed", "secret", "leaked", "reported",
    "earlier", "previous", "first", "rival", "alternative", "broader", "wider", "sweeping", "comprehensive",
    "immediate", "interim", "unconditional", "lasting", "just", "durable", "temporary", "complete", "general", "joint",
    "follow-up",
))  # fmt: skip
# "Russia's proposal for a UN-run transitional administration", "Kyiv's offer of a partial truce": what
# follows "for" or "of" says which proposal it is, and must fit it as the words before the noun do.
# The words up to a verb or a preposition count ("a ceasefire was dismissed": "ceasefire").
# … and of those, words that mean the first the article has named: "the earlier American draft",
# "the Americans' first draft" (before the framework that replaced it).
_EARLIER = frozenset(("earlier", "previous", "first", "original", "initial"))
_COMPLEMENT = re.compile(r"\s+(?:for|of)\s+((?:[\w-]+[^\S\n]*){1,6})")
_DATE_FIRST = re.compile(rf"\d|(?:last\s+)?(?:{trie_pattern(m.capitalize() for m in MONTHS)})\b")
_COMPLEMENT_WORDS = frozenset(("a", "an", "the", "end", "ending", "war", "ukraine", "s"))
# (and the verbs a document's contents follow: "Putin's conditions for a ceasefire include …")
_COMPLEMENT_ENDS = frozenset((
    "was", "were", "is", "are", "has", "had", "have", "would", "will", "could", "in", "at", "on", "with", "that",
    "which", "and", "but", "or", "by", "from", "as", "after", "before", "to", "of", "for", "said", "says",
    "include", "includes", "included", "demand", "demands", "demanded", "require", "requires", "required", "call",
    "calls", "called", "set", "sets", "envisage", "envisages", "envisaged", "foresee", "foresees", "contain",
    "contains", "cover", "covers", "may", "might", "must", "should", "can", "did", "does", "do",
))  # fmt: skip
_WORD = re.compile(r"[\w-]+")
# When: "Putin's conditions of 14 June 2024", "its memorandum of June 2025", "the June 2025 memorandum".
_DATED_AFTER = re.compile(r"\s+(?:of|from|dated)\s+(?:the\s+|last\s+)?", re.IGNORECASE)
# … or when it was laid down, said just after it: "Ukraine's paper, handed over on 28 May", "the
# paper it sent to Moscow last week" (compared by the month: reports of the day differ).
# ("Putin's conditions, as reported in late 2025": conditions of late 2025, not those of June 2024;
# "the protocol signed in Minsk on 5 Sept. 2014")
_LAID_WHEN = re.compile(
    r",?\s+(?:(?:that|which)\s+)?(?:[\w’'-]+\s+){0,2}?"
    + rf"(?:{_LAID}|reported|restated|repeated|spelled\s+out|signed|adopted|initial(?:l)?ed|negotiated)"
    + r"(?:\s+(?:to|in|at)\s+(?:the\s+)?(?:[\w’'-]+\s+)?[\w’'-]+)?\s+(?:(?:on|in)\s+)?(?:(?:early|mid|late)[\s-]+)?$",
    re.IGNORECASE,
)
# "a year later", "two months later": time passed since the date the article has reached
_LATER = re.compile(r"\b(an?|one|two|three|four|five|six|\d{1,2})\s+(year|month)s?\s+later\b", re.IGNORECASE)
# "the December framework", "Kyiv's June memorandum": a month alone before the noun
_MONTH_NAMES = trie_pattern(m.capitalize() for m in MONTHS if len(m) > 3 or m == "may")
_MONTH_BEFORE = re.compile(
    rf"(?:\b[Tt]he|\b[Ii]ts|\b[Tt]heir|['’]s|s['’])\s+({_MONTH_NAMES})\s+(?:(?:peace|draft|new|revised)\s+)?$"
)
# … or after it: "the US draft of November" (of the latest November with one, as before the noun)
_MONTH_AFTER = re.compile(rf"\s+of\s+({_MONTH_NAMES})\b(?!\s+\d|\s+of\b)")
# … or where it was laid down, when no date is read there: "the framework Kyiv and Washington drew up
# in December", "the framework it drew up with Kyiv in December" (in an article without a date)
_MONTH_LAID = re.compile(
    rf"\s+(?:(?:that|which)\s+)?(?:[\w’'-]+\s+){{0,3}}?{_LAID}(?:\s+with\s+(?:the\s+)?[\w’'-]+)?\s+in"
    rf"\s+({_MONTH_NAMES})\b(?!\s+\d|\s+of\b)"
)
_DATED_BEFORE = re.compile(r"\s+(?:(?!(?:the|a|an|its|their)\s)[\w-]+\s+)?", re.IGNORECASE)
# Where: "the 30-day ceasefire proposed in Jeddah", "the Minsk ceasefire": a place in a proposal's
# terms that none of its authors is (Jeddah, Minsk), after a verb that makes an agreement or
# before a noun for one; "the talks in Jeddah" are no proposal.
# ("in the Saudi city of Jeddah": the place after what it is)
_PLACE_OF = r"(?:the\s+(?:[A-Z][a-z]+\s+)?(?:city|port|town|capital|resort)\s+of\s+)?"
_MADE_IN = re.compile(
    r"\b(?:proposed|agreed|signed|drafted|reached|struck|adopted|issued|initialled|initialed|negotiated|"
    r"put\s+forward|tabled|presented|announced|brokered|hammered\s+out)\s+(?:at\s+(?:the\s+)?talks\s+)?"
    rf"(?:in|at)\s+{_PLACE_OF}$",
    re.IGNORECASE,
)
# … or after a noun for a proposal and what was done with it there: "the ceasefire proposal
# discussed at talks in Jeddah", "the truce offer made at the Jeddah talks" (then "talks" follows),
# "a joint statement it agreed with the Americans in the Saudi city of Jeddah".
_NOUN_THERE = (
    r"\b(?:proposals?|plans?|offers?|ceasefire|truce|deal|statement|framework|declaration|memorandum)\s+"
    r"(?:(?:it|they|he|she|we)\s+)?"
    r"(?:[a-z]+ed|made|struck|brought|put\s+forward|drawn\s+up|set\s+out|laid\s+out|hammered\s+out)\s+"
    r"(?:with\s+(?:the\s+)?[\w-]+\s+)?"
)
_NOUN_AT_TALKS = re.compile(
    _NOUN_THERE + rf"(?:(?:at|during)\s+(?:the\s+)?talks\s+)?(?:in|at)\s+{_PLACE_OF}$", re.IGNORECASE
)
# … or right after a noun for a document: "the US-Ukrainian statement in Jeddah".
_DOCUMENT_IN = re.compile(rf"\b(?:statement|declaration|communiqu[ée]|memorandum|protocol)\s+(?:in|at)\s+{_PLACE_OF}$")
_NOUN_AT_THE = re.compile(_NOUN_THERE + r"(?:at|during)\s+the\s+$", re.IGNORECASE)
# "the declaration signed in Paris": a place after a noun of a proposal's own names (see _HEADS)
# (or with no verb: "a declaration in Paris")
_SIGNED_IN = re.compile(
    r"\s+(?:(?:(?:that|which)\s+)?(?:was\s+|were\s+)?(?:signed|adopted|agreed|issued|initialled|initialed|reached|"
    r"drafted|published)\s+(?:at\s+(?:the\s+)?talks\s+)?)?in\s+",
    re.IGNORECASE,
)
_TALKS = re.compile(r"\s+(?:talks|meeting|round|summit)\b")
_PLACE_NOUN = re.compile(
    r"\s+(?:peace\s+)?(?:ceasefire|truce|deals?|agreements?|accords?|proposal|plan|offer|initiative|statement|protocol|memorandum|"
    r"formula|framework|declaration|communiqu[ée])\b",
    re.IGNORECASE,
)
# The first word of "Ukrainian government", "American negotiators": a name as an adjective.
_DEMONYM_ALIAS = re.compile(
    r"((?:[A-Z][a-z]+\s+)?[A-Z][a-z]+(?:an|ese|ish|ch|i))\s+(?:government|governments|side|delegation|negotiators|"
    r"officials|foreign\s+ministry|team|president|leaders|capitals|Federation)$"
)
_POINT_NOUNS = ("plan", "proposal", "framework", "formula", "document", "blueprint", "draft", "initiative", "roadmap",
                "text", "counter-text", "counter-proposal", "paper", "statement", "position")  # fmt: skip
_DEAL = re.compile(r"\s(deal|agreement|accord)$", re.IGNORECASE)
# What an agreement let happen, named by a word of one proposal's terms alone: "the arrangement
# that let Ukraine ship grain" (the grain deal), "the deal which for a year allowed grain out".
_LET_VERBS = (" let ", " allowed ", " enabled ", " kept ")
_WHAT_IT_DID = re.compile(
    r"\b(?:arrangement|deal|agreement|accord|scheme)\s+(?:that|which)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:let|allowed|enabled|kept)\s+((?:[\w’'-]+\s+){0,3}[\w-]+)",
    re.IGNORECASE,
)
# … or a corridor named by that word, when what is done to it is done to an agreement: "an extension
# of the grain corridor", "asked for the grain corridor to be extended", "brokered the grain corridor"
# (a corridor that is only a route, "since the grain corridor closed", is none).
_CORRIDOR_THE = r"the\s+(?:Black\s+Sea\s+)?([\w-]+)\s+corridor\b"
_CORRIDOR_KEPT = re.compile(
    r"\b(?:(?:extension|renewal)\s+of|extend(?:ed|ing|s)?|renew(?:ed|ing|s)?|"
    rf"broker(?:ed|ing|s)?)\s+{_CORRIDOR_THE}"
    rf"|\b{_CORRIDOR_THE}\s+(?:to\s+be\s+|(?:was|were|is|be|would\s+be|will\s+be|had\s+been|has\s+been)\s+)extended\b",
    re.IGNORECASE,
)
# What was offered for what, in the words of a proposal's terms: "permanent neutrality in return for
# international guarantees" (the Istanbul communiqué of 2022, whose terms name the guarantees), in
# the year the proposal was made (in 2025 the same bargain is argued over again).
_EXCHANGE = re.compile(
    r"\bneutral(?:ity)?\b[^.;:]{0,100}?\bin\s+(?:return|exchange)\s+for\s+(?:[\w-]+\s+){0,3}?(guarantees)\b",
    re.IGNORECASE,
)
# "the six points that China and Brazil had agreed": the points a proposal counts, with one of its authors
_COUNTED = re.compile(r"\b(\d{1,2}|[A-Za-z]+(?:-[a-z]+)?)\s+points\b")
_DAYS = re.compile(r"\b(\d{1,2})-day\b")
_NUMBER_NAMES = {int(v): k for k, v in _WORD_NUMBERS.items() if v == int(v) and not k.startswith(("a ", "half"))}
_POINTS = re.compile(
    r"\b(\d{1,2}|[a-z]+(?:[\s-][a-z]+)?)([\s-]points?\b)(?:(\s+)(peace\s+)?(?=plan|formula|proposal|framework))?",
    re.IGNORECASE,
)


# A term that halts the war on a line ("a freeze on the line") names it however the line is written:
# "along the current front line", "at the existing line of contact", "on the contact line".
_ON_LINE = re.compile(
    r"\b(?:on|along|at)\s+the\s+(?:(?:current|existing|present|actual)\s+)?(?:front\s+line|frontline|contact\s+line|line"
    r"(?:\s+of\s+contact)?)$"
)
_LINES = [
    f"{prep} {the}{when}{line}"
    for prep in ("on", "along", "at")
    for when in ("", "current ", "existing ", "present ")
    for the in (("the ", "") if when else ("the ",))  # "at current positions"
    for line in (
        "line",
        "front line",
        "frontline",
        "line of contact",
        "contact line",
        *(("front", "positions") if when else ()),
    )
]


def _variants(term: str) -> list[str]:
    """ "20-point plan" also as "twenty-point plan", "20-point peace plan", "20-pt plan"; "ten-point
    peace formula" also as "10-point peace formula", "10-point formula"; "freeze on the line" also
    as "freeze along the current front line" (see _ON_LINE); "30-day truce" also as "thirty-day
    truce"; "grain corridor deal" also as "grain corridor agreement" or "accord"."""
    if deal := _DEAL.search(term):
        return [term, *(term[: deal.start(1)] + noun for noun in ("deal", "agreement", "accord") if noun != deal[1])]
    if on_line := _ON_LINE.search(term):
        return list(dict.fromkeys([term, *(term[: on_line.start()] + line for line in _LINES)]))
    if (days := _DAYS.search(term)) and int(days[1]) in _NUMBER_NAMES:  # "30-day truce": "thirty-day truce"
        return [term, term[: days.start(1)] + _NUMBER_NAMES[int(days[1])] + term[days.end(1) :]]
    m = _POINTS.search(term)
    if m is None:
        return [term]
    value = _count(m[1])
    if value is None or value not in _NUMBER_NAMES:
        return [term]
    head, tail = term[: m.start()], term[m.end() :]
    # the noun that follows may be any a plan goes by: "the 12-point document", "a six-point proposal"
    nouns = [tail]
    if m[3] and (first := _WORD.match(tail)):
        nouns += [n + tail[first.end() :] for n in _POINT_NOUNS]
    forms = []
    for n in (str(value), _NUMBER_NAMES[value]):
        for peace in ("", "peace ") if m[3] and tail else ("",):
            forms += [f"{head}{n}{m[2]}{m[3] or ''}{peace}{noun}" for noun in nouns]
    if m[2].lower() == "-point" and m[3]:  # "the 28-pt plan", as headlines and notes shorten it
        forms += [f"{head}{value}-pt{m[3]}{noun}" for noun in nouns]
    return list(dict.fromkeys([term, *forms]))


# Two nationalities sharing a plural group noun: "the American and Ukrainian delegations". Written
# with the capital first and the word start checked after it (as "\b([A-Z][a-z]+)\s+and\s+…", which it
# matches as: tests/test_ingest_prechecks.py), so that re skips ahead to capitals.
_PAIRED_GROUPS = re.compile(
    r"([A-Z](?<!\w[A-Z])[a-z]+)\s+and\s+([A-Z][a-z]+)\s+"
    r"(delegations|negotiators|teams|officials|diplomats|governments|leaders|envoys)\b"
)


# Not frozen, but never changed after it is made (hashed and compared by its fields as a frozen one
# would be): a frozen dataclass sets each field through object.__setattr__, and the thousands of
# mentions, figures and referents an article makes cost 3–4 % of extraction that way.
@dataclass(slots=True, unsafe_hash=True)
class Mention:
    start: int
    end: int
    ids: tuple[str, ...]


class _Terms:
    """Several surface forms → ids, matched by two compiled alternations (exact case and any case)."""

    def __init__(self, forms: Iterable[tuple[str, str]], *, exact_case: bool) -> None:
        exact: dict[str, list[str]] = {}
        folded: dict[str, list[str]] = {}
        for form, id_ in forms:
            form = _normal(form)
            if not form:
                continue
            keep_case = exact_case or _is_acronym(form)
            table, key = (exact, form) if keep_case else (folded, form.casefold())
            if id_ not in table.setdefault(key, []):
                table[key].append(id_)
        self._exact = {k: tuple(v) for k, v in exact.items()}
        self._folded = {k: tuple(v) for k, v in folded.items()}
        self._exact_re = _alternation(self._exact, any_case=False)
        # Terms of any case are matched case-sensitively in fold(text), which is twice as fast as
        # IGNORECASE and finds the same wherever fold() copies IGNORECASE, as it does for Latin
        # letters and characters without case; terms with other letters keep IGNORECASE.
        self._fold_text = all(_folds_like_ignorecase(c) for key in self._folded for c in key)
        if self._fold_text:
            self._folded_re = _alternation(dict.fromkeys(map(fold, self._folded)), any_case=True)
        else:
            self._folded_re = _alternation(self._folded, any_case=True, flags=re.IGNORECASE)

    def find(self, text: str, folded: str | None = None) -> list[Mention]:
        """The mentions in ``text``; ``folded`` is fold(text), when the caller has it already."""
        found: list[Mention] = []
        if self._exact_re is not None:
            for m in self._exact_re.finditer(text):
                form = m.group()
                found.append(Mention(m.start(), m.end(), self._exact.get(form) or self._exact[_normal(form)]))
        if self._folded_re is not None:
            in_text = (folded if folded is not None else fold(text)) if self._fold_text else text
            for m in self._folded_re.finditer(in_text):
                ids = _lookup(self._folded, text[m.start() : m.end()].casefold())
                if ids:
                    found.append(Mention(m.start(), m.end(), ids))
        return _longest_first(found)


# (rules-22) "provisions of a treaty on …": a noun after "of a/the" is what the document is about, not what it is
_OF_A = re.compile(r"\bof\s+(?:a|the)\s+(?:[\w'’-]+\s+){0,2}$")


def _own_heads(form: str) -> Iterator[str]:
    """The nouns of _HEADS that say what the proposal named ``form`` is (a communiqué, not the treaty
    whose provisions it holds)."""
    folded = fold(form)
    for m in _HEAD.finditer(folded):
        if not _OF_A.search(folded, 0, m.start()):
            yield m.group().replace("é", "e")


def _normal(form: str) -> str:
    """Hyphens and runs of blanks count as one space: "all-for-all" is "all for all"."""
    return " ".join(form.replace("-", " ").split())


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _folds_like_ignorecase(c: str) -> bool:
    return (c < "\u0250" and c != "µ") or c.lower() == c.upper() == c


def _alternation(
    table: Mapping[str, object], *, any_case: bool, flags: int = 0
) -> re.Pattern[str] | AtWordStart | None:
    """Any key of ``table`` as a whole word; ``any_case`` terms also in the plural."""
    if not table:
        return None
    if not any_case:
        # Terms whose case counts mostly begin with capitals: checking the character before
        # after the first one lets re skip ahead to those (twice as fast).
        words = trie_pattern(table, not_after=r"\w")
        return re.compile(rf"(?:{words})(?![\w-])", flags)
    # In lower-case text (or with IGNORECASE) checking it first rules out most positions at once,
    # and searching from the character before (see AtWordStart) a quarter of the rest.
    return AtWordStart(re.compile(rf"(?<!\w)(?:{trie_pattern(table)})(?:e?s)?(?![\w-])", flags), r"\w")


def _lookup(table: dict[str, tuple[str, ...]], key: str) -> tuple[str, ...] | None:
    if key in table:  # most mentions are written as the term is: no hyphen, single spaces
        return table[key]
    key = _normal(key)
    for candidate in (key, key[:-1], key[:-2]):
        if candidate in table:
            return table[candidate]
    return None


def _longest_first(found: list[Mention]) -> list[Mention]:
    """Drop mentions inside longer ones ("NATO" inside "NATO membership"); order by start."""
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for m in found:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


class Lexicon:
    """Everything a case lets ingestion recognise. Build once per case, reuse for every document."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self.actor_names = {a.id: a.name for a in case.actors}
        self.issue_names = {i.id: i.name for i in case.issues}
        self.proposal_names = {p.id: p.name for p in case.proposals}
        actors = ((form, a.id) for a in case.actors for form in (a.name, *a.aliases))
        self._actors = _Terms([*actors, *((n, _NOT_ID) for n in _NOT_ACTORS)], exact_case=True)
        issues = ((t, i.id) for i in case.issues for t in i.terms)
        self._issues = _Terms([*issues, *((n, _NOT_ID) for n in _NOT_ISSUES)], exact_case=False)
        terms = [(v, p.id) for p in case.proposals for t in p.terms for v in _variants(t)]
        nouns = ((h, _HEAD_ID) for h in (*_HEADS, *_GENERIC))
        self._proposals = _Terms([*terms, *nouns, *((n, _NOT_ID) for n in _NOT_PROPOSALS)], exact_case=False)
        self._party = {a.id: self._resolve(a.id) for a in case.actors}
        self._persons = frozenset(a.id for a in case.actors if a.kind is ActorKind.PERSON)
        #: The parties that wrote each proposal (persons resolved to their state), first author first.
        self.proposal_parties = {p.id: tuple(dict.fromkeys(self._party[a] for a in p.authors)) for p in case.proposals}
        self._proposal_list = case.proposals
        # the nouns of each proposal's own names ("memorandum", "conditions" …)
        self._heads = {
            p.id: frozenset(h for form in (p.name, *p.terms) for h in _own_heads(form)) for p in case.proposals
        }
        self._words = {p.id: frozenset(_WORD.findall(fold(" ".join((p.name, *p.terms))))) for p in case.proposals}
        # a word most of whose terms repeat, of one proposal only: what it is about ("grain")
        term_words = {p.id: [set(_WORD.findall(fold(t))) for t in p.terms] for p in case.proposals}
        owners: dict[str, set[str]] = {}
        for pid, words in term_words.items():
            for w in set().union(*words):
                owners.setdefault(w, set()).add(pid)
        self._own_word: dict[str, str] = {}
        for w, ids in owners.items():
            if len(ids) == 1:
                (pid,) = ids
                if 2 * sum(w in words for words in term_words[pid]) > len(term_words[pid]):
                    self._own_word[w] = pid
        # the points each proposal counts ("six-point plan": 6), for "the six points China and Brazil agreed"
        self._counts = {
            p.id: {_count(pt[1]) for t in p.terms if (pt := _POINTS.search(t)) and pt[2].lower() == "-point"} - {None}
            for p in case.proposals
        }
        # places its terms name that none of its authors is: "Jeddah" of the Jeddah statement
        places: dict[str, list[Proposal]] = {}
        for p in case.proposals:
            authors = set(self.proposal_parties[p.id])
            for term in p.terms:
                for m in self.actors(term):
                    if not {self._party[i] for i in m.ids} & authors and p not in places.get(term[m.start : m.end], []):
                        places.setdefault(term[m.start : m.end], []).append(p)
        self._places = places
        # any actor its terms name, author or not: "the declaration signed in Paris" (see _SIGNED_IN)
        self._term_actors = {
            p.id: frozenset(t[m.start : m.end] for t in p.terms for m in self.actors(t)) for p in case.proposals
        }
        # "Ukrainian" of the alias "Ukrainian government": a name as an adjective, of one party only
        demonyms: dict[str, set[str]] = {}
        for a in case.actors:
            for alias in a.aliases:
                if d := _DEMONYM_ALIAS.fullmatch(alias):
                    demonyms.setdefault(d[1], set()).add(self._party[a.id])
        self._demonyms = {name: parties.pop() for name, parties in demonyms.items() if len(parties) == 1}

    def _resolve(self, actor_id: str) -> str:
        """A person speaks for the state (or body) it is a member of; states stay themselves."""
        seen: set[str] = set()
        current = self.case.actor(actor_id)
        while current.kind is ActorKind.PERSON and current.member_of and current.id not in seen:
            seen.add(current.id)
            current = self.case.actor(current.member_of)
        return current.id

    def party(self, actor_id: str) -> str:
        return self._party[actor_id]

    def actors(self, text: str) -> list[Mention]:
        found = _named(self._actors.find(text))
        if " and " not in text:
            return found
        # "the American and Ukrainian delegations": each adjective is the actor its group noun makes it
        extra = []
        for m in _PAIRED_GROUPS.finditer(text):
            for adjective, start, end in ((m[1], m.start(1), m.end(1)), (m[2], m.start(2), m.end())):
                named = self._actors.find(f"{adjective} {m[3]}") or self._actors.find(f"{adjective} {m[3][:-1]}")
                if named and not any(f.start <= start < f.end for f in found):
                    extra.append(Mention(start, end, named[0].ids))
        return sorted([*found, *extra], key=lambda a: a.start) if extra else found

    def issues(self, text: str, folded: str | None = None) -> list[Mention]:
        return _named(self._issues.find(text, folded))

    def proposals(self, text: str) -> list[Mention]:
        return self.proposals_and_nouns(text)[0]

    def proposals_and_nouns(self, text: str, folded: str | None = None) -> tuple[list[Mention], list[Mention]]:
        """The proposal mentions in ``text``, and the nouns proposals are named by ("memorandum",
        "plan" …) outside them, without ids (for :meth:`references`). ``folded`` is fold(text), when
        the caller has it already (as for :meth:`issues`)."""
        proposals: list[Mention] = []
        nouns: list[Mention] = []
        for m in self._proposals.find(text, folded):
            if m.ids != (_NOT_ID,):
                (nouns if m.ids == (_HEAD_ID,) else proposals).append(m)
        return proposals, [Mention(m.start, m.end, ()) for m in nouns]

    def references(
        self,
        sentence: str,
        actors: list[Mention],
        proposals: list[Mention],
        heads: list[Mention],
        figures: Iterable[Figure] = (),
        context: str | None = None,
        earlier: Collection[str] = (),
        published: str | None = None,
        plural: str | None = None,
    ) -> list[Mention]:
        """Proposals ``sentence`` refers to by description (see the module docstring) outside the
        ``proposals`` it names: a noun of ``heads`` (see :meth:`proposals_and_nouns`) with its
        authors or date, or a place where it was made. ``actors`` are the actors the sentence
        names, ``figures`` its figures (its dates count) and ``context`` the date the article
        has reached (ISO day, month or year), which picks among an author's proposals the latest
        on or before it; ``earlier`` are the proposals the article named before the sentence, one
        of which a description that fits several, or none by that date, means on second mention
        ("the US draft" after "the US 28-point plan", in a piece gone back to 2023), and ``published``
        the article's date (ISO), whose author's document of the weeks before it an undated
        description that fits none by ``context`` means; ``plural`` is a document noun the sentence
        before gave in the plural (see `_PLURAL_HEADS`), which an owner alone stands for. Offsets are
        relative to the sentence; at most one reference per proposal, and none to one the sentence
        names."""
        places = [a for a in actors if sentence[a.start : a.end] in self._places] if self._places else []
        did: list[tuple[re.Match[str], str]] = []
        if any(v in sentence for v in _LET_VERBS):  # (rare: the pattern is not searched for otherwise)
            own = self._own_word
            did = [(m, w) for m in _WHAT_IT_DID.finditer(sentence) for w in _WORD.findall(fold(m[1])) if w in own]
        if " corridor" in sentence:
            did += [(m, w) for m in _CORRIDOR_KEPT.finditer(sentence) if (w := fold(m[1] or m[2])) in self._own_word]
        counted = [
            (c, [p for p in self._proposal_list if n in self._counts[p.id]])
            for c in (_COUNTED.finditer(sentence) if actors and " points" in sentence else ())
            if (n := _count(c[1])) is not None
        ]
        exchange = _EXCHANGE.search(sentence) if "neutral" in sentence else None
        alone = []  # "… memoranda. Moscow's demanded …": owners standing for a plural's document
        for a in actors if "'s" in sentence or "’s" in sentence else ():
            if _NO_NOUN_AFTER.match(sentence, a.end) and (noun := plural_head(fold(sentence[: a.start])) or plural):
                alone.append((a, noun))
        if not heads and not places and not did and not counted and not exchange and not alone:
            return []  # most sentences
        named = {p.ids[0] for p in proposals}
        found = []
        dates = [f for f in figures if f.rule == "date" and isinstance(f.value, str)]
        parties = self._parties(actors)
        for c, counting in counted:  # by one of its authors the sentence names
            by = [p for p in counting if parties & set(self.proposal_parties[p.id])]
            if len(by) == 1 and by[0].id not in named and not any(p.start <= c.start() < p.end for p in proposals):
                named.add(by[0].id)
                found.append(Mention(c.start(), c.end(), (by[0].id,)))
        for d, word in did:
            if (pid := self._own_word[word]) not in named:
                named.add(pid)
                found.append(Mention(d.start(), d.end(), (pid,)))
        # where the article is: not at a date that labels a document ("Moscow's memorandum of 2 June 2025")
        labels = [n.end for n in (*heads, *proposals)]
        reached_at = [d for d in dates if not any(_DATED_AFTER.fullmatch(sentence, end, d.start) for end in labels)]
        for a, noun in alone:
            owners = self._parties([a])
            fitting = [p for p in self._proposal_list if noun in self._heads[p.id] and self._led_by(p, owners, noun)]
            reached = _reached(reached_at, a.start, context, sentence)
            pick = _latest(fitting, reached) or (_recent(fitting, published) if published else None)
            if pick is not None and pick.id not in named:
                named.add(pick.id)
                found.append(Mention(a.start, a.end + 2, (pick.id,)))
        for m, after in zip(heads, [*heads[1:], None], strict=False):
            if any(p.start <= m.start < p.end for p in proposals):
                continue
            if (
                after is not None
                and all(w in _MODIFIERS for w in _WORD.findall(fold(sentence[m.end : after.start])))
                and _noun(sentence, after) != "demands"
            ):
                # "its draft memorandum", "the US draft peace plan": the last noun says what it is
                # ("Kyiv's formula demands": a verb)
                continue
            noun = _noun(sentence, m)
            if noun not in _NOUNS:
                continue  # "the Ukrainian delegation's proposals" are what it asks, not one document
            owned = self._owners(sentence, actors, m, noun)
            # "the December framework": a month alone says which month, not which year
            month = _MONTH_BEFORE.search(sentence, max(0, m.start - 40), m.start) or _MONTH_AFTER.match(sentence, m.end)
            if month is None and (laid := _MONTH_LAID.match(sentence, m.end)):
                month = None if any(d.start == laid.start(1) for d in dates) else laid
            when = _dated(sentence, [d for d in dates if not month or d.start != month.start(1)], m)
            month = None if when else month
            place = None
            if owned is None and when is None and noun in _HEADS and (signed := _SIGNED_IN.match(sentence, m.end)):
                # "the declaration signed in Paris": a noun of its names and a place its terms name
                place = next((sentence[a.start : a.end] for a in actors if a.start == signed.end()), None)
            if when is None and month is None and place is None and (owned is None or noun in _DATED_ONLY):
                continue
            fitting = [p for p in self._proposal_list if noun not in _HEADS or noun in self._heads[p.id]]
            if place is not None:
                fitting = [p for p in fitting if place in self._term_actors[p.id]]
            if owned is None and (the := _DETERMINED.search(sentence, max(0, m.start - 40), m.start)):
                # "the bilateral offer outlined on 28 December": with no author, the words before the
                # noun must still fit the proposal its date picks
                between = [w for w in _WORD.findall(fold(the[1])) if w not in MONTHS and not w.isdigit()]
                fitting = [p for p in fitting if all(w in _MODIFIERS or w in self._words[p.id] for w in between)]
            if owned is None and noun.startswith("counter"):
                # "their counter-proposal of November 2025", with no author in the sentence: a counter-noun
                # is one of the proposals its names call a counter-proposal
                fitting = [p for p in fitting if not _COUNTER_NAMES.isdisjoint(self._words[p.id])]
            if owned:
                owners, modifiers = owned
                fitting = [
                    p
                    for p in fitting
                    if self._led_by(p, owners, noun)
                    and all(w in _MODIFIERS or w in self._words[p.id] or w in MONTHS for w in modifiers)
                ]
            if month is not None:
                fitting = [p for p in fitting if p.date.month == MONTHS[month[1].lower()]]
            if when is not None:
                dated = [p for p in fitting if p.date.isoformat().startswith(when)]
                if not dated and len(when) == 7 and _guessed_year(dates, when):
                    # "the counter-proposal they drafted in November", in a text without a date: the
                    # month was written, its year the nearest guess (a year either side of it)
                    year, month_of = int(when[:4]), int(when[5:7])
                    dated = [p for p in fitting if p.date.month == month_of and abs(p.date.year - year) == 1]
                pick = dated[0] if len(dated) == 1 else None
            else:
                # (an answer to a proposal named before it is no older than its date: "the 28-point plan of
                # November 2025 and the Europeans' counter-proposal to it")
                answer = noun.startswith("counter") and _ANSWER_TO.match(sentence, m.end)
                reached_here = [d for d in dates if d in reached_at or (answer and d.end <= m.start)]
                reached = _reached(reached_here, _clause_end(sentence, m, reached_here), context, sentence)
                first = owned and not month and not _EARLIER.isdisjoint(owned[1]) and _first_named(fitting, earlier)
                pick = first or (_in_latest_year if month else _latest)(fitting, reached)
                if (
                    pick is not None
                    and not first
                    and not month
                    and (
                        noun in _GENERIC_ONLY
                        or (
                            noun in _ASKED
                            and _OWNED_BEFORE.search(sentence, max(0, m.start - 40), m.start)
                            and not _TERMS_LAID.match(sentence, m.end)
                        )
                        or _INDEFINITE.search(sentence, max(0, m.start - 40), m.start)
                    )
                    and reached
                    and int(reached[:4]) - pick.date.year >= 2
                ):
                    pick = None
                if pick is None and earlier:
                    pick = self._named_before(fitting, earlier, owned[0] if owned else None)
                if pick is None and owned and not month and published:
                    # "The declaration comes less than four weeks after Putin set out his conditions", after a
                    # paragraph on 2023: with no date of its own, an author's document just before the article
                    pick = _recent(fitting, published)
            if pick is not None and pick.id not in named:
                named.add(pick.id)
                found.append(Mention(m.start, m.end, (pick.id,)))
        for a in places:
            if any(p.start <= a.start < p.end for p in proposals):
                continue
            made = (
                _MADE_IN.search(sentence, max(0, a.start - 40), a.start)
                or _NOUN_AT_TALKS.search(sentence, max(0, a.start - 80), a.start)
                or _DOCUMENT_IN.search(sentence, max(0, a.start - 40), a.start)
            )
            if made is None and _TALKS.match(sentence, a.end):
                made = _NOUN_AT_THE.search(sentence, max(0, a.start - 80), a.start)
            kind = None if made else _PLACE_NOUN.match(sentence, a.end)  # "the Minsk ceasefire"
            reached = _reached(reached_at, _clause_end(sentence, a, reached_at), context, sentence)
            pick = _latest(self._places[sentence[a.start : a.end]], reached) if made or kind else None
            if pick is not None and pick.id not in named:
                named.add(pick.id)
                found.append(Mention(made.start() if made else a.start, kind.end() if kind else a.end, (pick.id,)))
        if exchange and (reached := _reached(dates, exchange.start(), context, sentence)):
            # the first made that year (by then): the Istanbul communiqué, not the draft treaty after it;
            # beside another proposal of that year, the bargain is what that one holds ("… and the draft treaty")
            offered = [p for p in self._proposal_list if exchange[1] in self._words[p.id]]
            year = int(reached[:4])
            that_year = [p for p in offered if p.date.year == year and p.date.isoformat() <= reached + "-99"]
            years = {self.case.proposal(n.ids[0]).date.year for n in (*proposals, *found)}
            earliest = min(that_year, key=lambda p: p.date) if that_year else None
            if earliest is not None and earliest.id not in named and earliest.date.year not in years:
                found.append(Mention(exchange.start(), exchange.end(), (earliest.id,)))
        return sorted(found, key=lambda r: r.start)

    def _named_before(
        self, fitting: list[Proposal], earlier: Collection[str], owners: frozenset[str] | None
    ) -> Proposal | None:
        """The one of ``fitting`` the article named before, if only one is; of several, the one
        whose authors are just ``owners`` ("the US draft": the US 28-point plan, not the 20 points
        the US wrote with Ukraine)."""
        named = [p for p in fitting if p.id in earlier]
        if len(named) > 1 and owners:
            named = [p for p in named if set(self.proposal_parties[p.id]) == owners]
        return named[0] if len(named) == 1 else None

    def _led_by(self, proposal: Proposal, parties: frozenset[str], noun: str) -> bool:
        """Whether ``parties`` are the authors of ``proposal``: none of them outside its authors, and
        its first author among them ("Russia's plan" is none of the Istanbul draft treaty, which
        Ukraine put first) or the noun one of its names' ("Kyiv's counter-proposal" is the
        European–Ukrainian counter-proposal, "Zelensky's plan" late in December 2025 the 20-point plan)."""
        authors = self.proposal_parties[proposal.id]
        if not authors or not parties <= set(authors):
            return False
        # any counter-noun is the answer its names call a counter-proposal ("Kyiv's counter-draft")
        names = {"counter-proposal", "counterproposal"} if noun.startswith("counter") else {noun.replace(" ", "-")}
        return authors[0] in parties or not names.isdisjoint(self._words[proposal.id])

    def _owners(
        self, sentence: str, actors: list[Mention], m: Mention, noun: str
    ) -> tuple[frozenset[str], tuple[str, ...]] | None:
        """The parties whose proposal the noun at ``m`` says it is, and the words between them and
        the noun, or None."""
        before = [a for a in actors if a.end <= m.start]
        owners: frozenset[str] | None = None
        between = m.start
        before_name: tuple[str, ...] = ()
        if before and (possessive := _POSSESSIVE.fullmatch(sentence, before[-1].end, m.start)):
            owner = before[-1]
            if noun in ("terms", "conditions") and _ON_TERMS.search(sentence, max(0, owner.start - 8), owner.start):
                return None  # "on Russia's terms"
            if noun == "terms" and not _TERMS_LAID.match(sentence, m.end):
                # "the Kremlin's terms stay the same": what it asks, a document only with its date
                # ("Moscow's terms of June 2024") or when laid down ("the Kremlin's terms were set out")
                return None
            owners, between = self._parties([owner]), possessive.start()
        elif before and _BEHIND.fullmatch(sentence, before[-1].end, m.start):
            owners = self._parties([before[-1]])  # "the European governments behind the counter-proposal"
        elif attributive := _ATTRIBUTIVE.search(sentence, max(0, m.start - 60), m.start):
            names = _BY_NAME.sub("", attributive[2])
            parties = {self.adjective_party(name) for name in _NAMES_APART.split(names)}
            end = attributive.end(2)
            if None in parties and " " in names:  # "the Americans' November draft": a capital after the name
                names = names.rsplit(" ", 1)[0]
                end = attributive.start(2) + len(names)
                parties = {self.adjective_party(name) for name in _NAMES_APART.split(names)}
            if None not in parties:
                owners, between = frozenset(p for p in parties if p is not None), end
                before_name = (attributive[1],) if attributive[1] else ()  # "the earlier American draft"
        by_of = False
        if owners is None and (after := self._named_after(sentence, actors, m)):
            owners = self._parties(after)
            by_of = _OF.match(sentence, m.end) is not None  # "the memorandum of the Russian Federation on …"
        if owners is None and before:
            if its := _ITS.search(sentence, max(0, m.start - 40), m.start):  # "Russia handed over its memorandum"
                if noun in ("terms", "conditions") and _ON_TERMS.search(sentence, max(0, its.start() - 8), its.start()):
                    return None  # "a ceasefire only on its own conditions", as "on Russia's terms"
                owners, between = self._pronoun_owners(sentence, before, its[1]), its.end(1)
            elif _THE_BEFORE.search(sentence, max(0, m.start - 30), m.start) and (
                laid := _LAID_BEFORE.match(sentence, m.end)
            ):
                owners = self._pronoun_owners(sentence, before, laid[1] or laid[2])
            elif noun in _HEADS and (subject := _SUBJECT_LAID.fullmatch(sentence, before[-1].end, m.start)):
                # "the Coalition of the Willing adopted a declaration": the document its subject laid down
                owners, between = self._parties([before[-1]]), subject.end(1)
        if owners is None or _NOT_A_SETTLEMENT_AFTER.match(sentence, m.end):
            return None
        words = [*before_name, *(w for w in _WORD.findall(fold(sentence[between : m.start])) if w not in ("s", "the"))]
        complement = None if by_of else _COMPLEMENT.match(sentence, m.end)
        if complement and not _DATE_FIRST.match(complement[1]):  # "the US draft of November 2025": a date
            for w in _WORD.findall(fold(complement[1])):
                if w in _COMPLEMENT_ENDS:
                    break
                if w not in _COMPLEMENT_WORDS:
                    words.append(w)
        return owners, tuple(words)

    def _pronoun_owners(self, sentence: str, before: list[Mention], pronoun: str) -> frozenset[str] | None:
        """Whom "its", "his", "their" … before a noun stand for: the last actor named before it that
        the pronoun fits ("it" no person, "he" and "she" a person), for "their" with the actors
        joined to it ("Ukraine and Russia each put their terms": both)."""
        pronoun = pronoun.lower()
        if pronoun in ("it", "its"):
            before = [a for a in before if a.ids[0] not in self._persons]
        elif pronoun in ("he", "his", "she", "her"):
            before = [a for a in before if a.ids[0] in self._persons]
        if not before:
            return None
        named = before[-1:]
        if pronoun in ("they", "their"):
            for a in reversed(before[:-1]):
                if not _AND_ACTOR.fullmatch(sentence, a.end, named[0].start):
                    break
                named.insert(0, a)
            if len(named) == 1 and named[0].ids[0] in self._persons:
                return None  # "Putin's spokesman said their initiative …": "their" is no one person
        return self._parties(named)

    def _parties(self, named: list[Mention]) -> frozenset[str]:
        return frozenset(self._party[i] for a in named for i in a.ids)

    def _named_after(self, sentence: str, actors: list[Mention], m: Mention) -> list[Mention] | None:
        """The actors after the noun at ``m`` who laid it down: "the memorandum Moscow handed
        over", "the framework that Kyiv and Washington drafted", "the plan put forward by Washington"."""
        by = _BY.match(sentence, m.end)
        at = by.end() if by else _THAT.match(sentence, m.end).end()  # type: ignore[union-attr]  # always matches
        starts = {a.start: a for a in actors}
        named: list[Mention] = []
        while (actor := starts.get(at)) is not None:
            # a list ends at its "and": "… of the United States and Ukraine, Jeddah, 11 March"
            last = bool(named) and "and" in sentence[named[-1].end : actor.start].split()
            named.append(actor)
            # a title and the name after it are one author: "the terms Russian President Vladimir Putin set out"
            titled = starts.get(actor.end + 1)
            if titled and sentence[actor.end] == " " and self._parties([titled]) == self._parties([actor]):
                named.append(actor := titled)
            joined = _AND_ACTOR.match(sentence, actor.end)
            at = joined.end() if joined and not last else -1
        if not named:
            return None
        if _OF.match(sentence, m.end) and _OWNS.match(sentence, named[-1].end):
            return None  # "the terms of Moscow's memorandum"
        side = _SIDE.match(sentence, named[-1].end)  # "the communiqué Ukraine's negotiators present"
        if not (by or _LAID_AFTER.match(sentence, side.end() if side else named[-1].end)):
            return None
        return named

    def adjective_party(self, name: str) -> str | None:
        """The party ``name`` written as an adjective stands for ("Chinese", "US", "Kremlin"), or None."""
        if name in self._demonyms:
            return self._demonyms[name]
        if name[-2:] in ("s'", "s’") and name[:-2] in self._demonyms:  # "the Americans' draft"
            return self._demonyms[name[:-2]]
        found = self.actors(name)
        if len(found) == 1 and found[0].start == 0 and found[0].end == len(name):
            return self._party[found[0].ids[0]]
        return None


def plural_head(folded: str) -> str | None:
    """The document noun of the last plural of `_PLURAL_HEADS` in ``folded`` (a text as `fold` gives it:
    "memoranda" gives "memorandum"), or None."""
    found = _PLURAL_HEAD.findall(folded) if has_any(folded, _PLURAL_STEMS) else ()
    return _PLURAL_HEADS[found[-1]] if found else None


def _count(number: str) -> int | None:
    """ "6", "six", "Six" as a whole number of points, or None."""
    value = int(number) if number.isdigit() else _WORD_NUMBERS.get(number.lower().replace("-", " "))
    return int(value) if value is not None and value == int(value) else None


def _named(found: list[Mention]) -> list[Mention]:
    """``found`` without the phrases that name nothing of the case (the longest match has won)."""
    return [m for m in found if m.ids != (_NOT_ID,)] if found else found


def _noun(sentence: str, m: Mention) -> str:
    return " ".join(fold(sentence[m.start : m.end]).replace("é", "e").replace("-", " ").split())


def _guessed_year(dates: list[Figure], when: str) -> bool:
    """Whether the month ``when`` (ISO) was written without its year, which was taken from the
    text's own dates (see :func:`peacetalks.ingest.dates.relative_dates`)."""
    return any(
        str(d.value)[:7] == when and d.extra and d.extra.get("inferred_from") == "text" and len(str(d.value)) == 7
        for d in dates
    )


def _dated(sentence: str, dates: list[Figure], m: Mention) -> str | None:
    """The date written with the noun at ``m`` ("conditions of 14 June 2024", "the June 2025
    memorandum"), ISO, or None."""
    after = _DATED_AFTER.match(sentence, m.end) if dates else None
    for d in dates:
        before = d.end < m.start and _DATED_BEFORE.fullmatch(sentence, d.end, m.start)
        if (after and d.start == after.end()) or before:
            return str(d.value)
    for d in dates:
        if m.end < d.start <= m.end + 60 and _LAID_WHEN.fullmatch(sentence, m.end, d.start):
            return str(d.value)[:7]
    return None


#: Where the clause of a noun ends: a later date past it says when something else happened ("the
#: US draft of November before it — provides …, and Kyiv's Peace Formula has since 2022 asked …").
_CLAUSE_END = re.compile(r"\s[—–]\s|;|,\s+and\s")


def _clause_end(sentence: str, m: Mention, dates: list[Figure]) -> int:
    """Up to where the sentence's dates say when the noun at ``m`` stands: its start, if a date
    comes before it ("On 15 June 2024, the day after Putin set out his conditions, … of April
    2024"), else the end of its clause ("the joint statement they issued in Jeddah in March 2025")."""
    if any(d.end <= m.start for d in dates):
        return m.start
    end = _CLAUSE_END.search(sentence, m.end)
    return end.start() if end else len(sentence)


def _reached(dates: list[Figure], at: int, context: str | None, sentence: str = "") -> str | None:
    """The date the article has reached at offset ``at`` of the sentence: its last date before
    ``at``, if it gives one ("on 15 June 2024, the day after Putin set out his conditions; … in
    April 2024" has reached June 2024 at the conditions), else ``context`` (the sentence's), moved
    on by the years or months the sentence says have passed ("the memorandum Russia handed over a
    year later")."""
    before = [d for d in dates if d.end <= at]
    if before:  # (a day without a year read against the published date moves it on, not back: see reached_date)
        return reached_date(before, context)
    later = _LATER.search(sentence) if context and "later" in sentence else None
    if later is None or context is None or not context[:4].isdigit():
        return context
    n = _WORD_NUMBERS.get(later[1].lower()) or (int(later[1]) if later[1].isdigit() else 1)
    months = int(n) * (12 if later[2].lower() == "year" else 1)
    if len(context) == 4:
        return f"{int(context) + months // 12:04d}"
    index = int(context[:4]) * 12 + int(context[5:7]) - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _in_latest_year(proposals: list[Proposal], context: str | None) -> Proposal | None:
    """Of proposals of one month, the one of the latest year on or before ``context``, if only one
    is ("the November plan" late in 2025 is none: the 28 points and the European answer). With
    none by then, the only one of that month: an article gone back to 2022 may still speak of
    "the December framework" it was written after."""
    before = [p for p in proposals if context is None or p.date.isoformat()[: len(context)] <= context]
    if not before:
        return proposals[0] if len(proposals) == 1 else None
    year = max(p.date.year for p in before)
    last = [p for p in before if p.date.year == year]
    return last[0] if len(last) == 1 else None


def _latest(proposals: list[Proposal], context: str | None) -> Proposal | None:
    """The proposal dated latest on or before ``context`` (an ISO day, month or year), if only
    one is; without a context, the only one."""
    if context is None:
        return proposals[0] if len(proposals) == 1 else None
    before = [p for p in proposals if p.date.isoformat()[: len(context)] <= context]
    if not before:
        return None
    last = max(p.date for p in before)
    latest = [p for p in before if p.date == last]
    return latest[0] if len(latest) == 1 else None


#: How long before an article a document it describes without a date may be: news of it.
_RECENT = dt.timedelta(days=42)


def _recent(proposals: list[Proposal], published: str) -> Proposal | None:
    """The one of ``proposals`` dated in the weeks up to the ISO day ``published``, if only one is."""
    day = dt.date.fromisoformat(published)
    recent = [p for p in proposals if day - _RECENT <= p.date <= day]
    return recent[0] if len(recent) == 1 else None


def _first_named(proposals: list[Proposal], earlier: Collection[str]) -> Proposal | None:
    """Of ``proposals``, the one dated first among those the article named before, if only one is:
    what "the original American plan" means after the 28 points and the 20 that replaced them
    (or after the 28 points alone, of which a later version is discussed)."""
    named = [p for p in proposals if p.id in earlier]
    if not named:
        return None
    first = min(p.date for p in named)
    firsts = [p for p in named if p.date == first]
    return firsts[0] if len(firsts) == 1 else None
