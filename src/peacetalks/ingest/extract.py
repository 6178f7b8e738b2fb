"""Rule-based extraction of evidence from cleaned text, offline and deterministic.

Per sentence: actors (case names and aliases), issues (case terms) and proposals (case terms)
are found first; then

- a **stance** is a stance cue (a verb or noun from :data:`peacetalks.ingest.cues.STANCE_CUES`) with an actor before it
  in the same clause, not governed by a preposition ("support *for* Ukraine" has no speaker) —
  or, failing that, a pronoun standing for the subject of an earlier sentence of the paragraph, a
  speaker named after the statement ("…, Peskov said"), or a passive's agent — and an issue or
  proposal after it in that clause (before it, for a passive or a relative clause).
  A negation just before the cue makes the polarity negative ("does not accept"); a condition
  after it ("provided", "in exchange for", "only if" …) marks it conditional, and a conditional
  acceptance is recorded as a conditional offer;
- **across sentences** (``stance/anaphor``, at a lower confidence, ``extra.across`` saying whether the
  speaker, the object or a quote came from elsewhere): "he", "she" and titles ("the president") stand
  for the last person who was a subject or spoke; "the idea", "the demands" for the one plan named
  up to four sentences before when the sentence before named nothing ("it", "them" up to two); a
  quote of several sentences speaks for whoever is named where it closes;
- by the sentence's **structure** (rules-8): a passive's agents after a phrase of time or place
  and joined by "and" ("signed on 5 September 2014 by Ukraine, Russia and the OSCE"), a list of
  actors speaking as one ("France, Germany and Britain", "neither … nor", negative), "…, as did
  the EU" and "agreed with Washington on …" for a second actor, and one with the verb left out
  ("…, Moscow on sanctions relief") for what follows it, "For Moscow, … is a red line", a
  relative clause said of the head of the noun phrase it follows, an aside between commas
  (", though not in law,") not ending the clause, the items a colon opens and "…, and that …"
  staying with the cue before them, and an actor inside a longer term ("NATO membership") no
  speaker;
- rules that **carry over** to genres the tuning sets did not use (rules-9): the signers of a case
  proposal named just before "signed (for …) by A, B and C" or ", which A and B endorsed" accept it
  (``stance/signed``; "endorsed": support) and hold the contents the next sentences give ("It
  promised …"); a document's parts in order as its subjects ("The first describes …", "The second
  part offers …"); a list after a colon running over its semicolons; a sentence that only refers to
  the document ("Only its first pages …") keeping it as the subject; a label the line opens with (a
  dateline, a timeline's date, a fact box's figure, a heading: "June 2025 – ", "Context: ") neither
  hiding the document's sentence nor, for a place, speaking; and a relative clause said of the issue
  its phrases of place qualify ("the truce in the air and at sea that France and Britain floated");
- rules for the **genres of the training sets** (rules-11): the writers a clause after a document
  names ("the framework that Kyiv and Washington drafted", "worked out between …") propose it, and
  the document the sentence ends on is the next "It"; a case proposal presented "as a joint draft
  of A and B" keeps both authors; "Its memorandum …" is put forward by the owner "its" stands for;
  headings ("THE ARMY.") and a post's number ("4/ ") keep the document; the parties a provision
  names do not speak in it; "co-signed", "signs with A and B"; nothing for what an object is
  "modelled on", for a noun its own clause defines, or for "any of the occupied territories";
- rules for the **classes of heldout20/21** (rules-12): no stance where the cue states none of
  the actor before it (a package "close to Russia's demands", "has not said whether it will
  accept", "almost as soon as", an actor inside brackets closed before the cue, a relative clause
  closed before it, "gave no sign"); not signing is no stance ("Neither China nor Brazil signed"),
  refusing to sign is; a list entry "Signed by A, that is B and C" signs the document the line
  before named; a document compared with ("It follows the 28-point plan in places") stays out of
  the current one; a co-author presenting a joint text keeps both authors; "Beijing, …" is no
  opening participle;
- rules for **document conventions** the annotation guide states (rules-13): a joint name right
  before a proposal ("the US–Ukraine 20-point framework") gives it to both authors the case holds;
  its writers may be a state's negotiators ("the communiqué Ukraine's negotiators presented"), writers
  who "put together" it, or the partner a pronoun drew it up with ("it drew up with Kyiv"); a group
  that signs signs for the members named after it ("the Contact Group, in which Ukraine, Russia and the
  OSCE sat"), two documents joined by "and" are signed together, and a status entry goes on over its
  next clause ("…; backed by a declaration of the leaders of France and Germany"); "The paper says …"
  gives its contents, and "could be a starting point" supports;
- the **authors** of a named plan its name says is theirs ("Washington's 28-point plan", "the US
  28-point plan", "the Russian memorandum", "the Paris Declaration of the coalition", "in its
  Paris Declaration") propose it (``stance/author``), when the case lists them among its authors;
- a **proposal** item is every mention of a case proposal;
- a **figure** is every number :mod:`peacetalks.ingest.figures` recognises;
- an **event** is an event phrase (talks, exchanges, strikes, signed agreements, truces) with a
  sign that it happened or is scheduled: a past-tense or scheduling verb, or a date. A sentence
  with at most one date gives at most one event of each type: naming a meeting twice ("held a
  round of talks … on 19 March") does not make two meetings, while talks and an exchange stay two.

Confidence is a fixed score per rule, lowered for hedges (might, could, potentially) and for
actors far from their cue; it orders evidence for review and is not a calibrated probability.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from peacetalks.case.types import ActorRole
from peacetalks.errors import PeacetalksError
from peacetalks.ingest import documents
from peacetalks.ingest.cues import CONDITION, CUE, CUE_STANCE, MODAL, NEGATION, OBJECT_BEFORE, SAYS
from peacetalks.ingest.dates import latest_date, reached_date, text_present, with_relative_dates
from peacetalks.ingest.events import MakeItem, distinct_events, events
from peacetalks.ingest.figures import Figure, find_figures
from peacetalks.ingest.lexicon import _DATED_AFTER, Lexicon, Mention, plural_head
from peacetalks.ingest.patterns import AtWordStart, fold, has_any
from peacetalks.ingest.sentences import sentences
from peacetalks.ingest.types import Document, Evidence, evidence_of

# Where a clause ends: a stance's actor and issue must lie between two of these. Searched in
# fold(sentence), case-sensitively, which finds what IGNORECASE found in the sentence (where [A-Z]
# took any letter) twice as fast. Written by its first character (a blank, a comma, ";" or a full
# stop, then what may follow each), so that re skips ahead to those: twice as fast again as
# ";|\s[–—]\s|,\s+and\s+(?=[a-z])|,?\s+(?:while|…)\b|\.\s|,\s+where\b|\s+and\s+(?=(?:said|…)\b)",
# which it matches as (tests/test_ingest_prechecks.py).
# (not "accept in practice, though not in law, Russian control of …": an aside between commas)
_CONTRAST = r"(?:while|whereas|but|however|yet|(?:al)?though(?!\s+not\s+[^,;.]{0,40},))\b"
_BOUNDARY = re.compile(
    rf"[;\s,.](?:(?<=\s)(?:[–—]\s|\s*{_CONTRAST}|\s*and\s+(?=(?:said|says|added|adds|warned|warns|told|tells)\b))|"
    rf"(?<=,)\s+(?:and\s+(?=[a-z])|{_CONTRAST}|where\b)|(?<=;)|(?<=\.)\s)"
)
# A clause that begins with one of these shares the subject of the clause before it.
_COORDINATED = re.compile(r"(?:,?\s+(?:but|yet|and|while)|\s+and\s+(?:said|says|added|warned|told))\s*$", re.IGNORECASE)
# "an adviser to Zelenskyy said …": the adviser speaks for the one named.
_SPOKESPERSON = re.compile(
    r"\b(?:advis[eo]rs?|aides?|spokes(?:wo)?m[ae]n|spokespersons?|envoys?|officials?|ministers?|negotiators?|"
    r"leaders?|heads?|chiefs?|representatives?|delegations?|delegates?)\s+"
    r"(?:to|for|of)\s+(?:the\s+)?$|(?<![\w,] )\b(?:officials|diplomats|sources)\s+in\s+$",  # "Officials in Kyiv said …"
    re.IGNORECASE,
)
_SAID_MUST = re.compile(
    r"\b(?:said|says|say|stated|states|argued|argues|insisted|insists|told|tells|added|adds|stressed|stresses|"
    r"noted|notes|repeated|repeats|maintained|maintains|saying)\s+(?:that\s+)?(?:[^,;.]{0,100}?\s)?"
    r"(must|should|has\s+to|have\s+to|had\s+to|needs?\s+to)\b"
)  # in fold(sentence), like _BOUNDARY (lower case, no IGNORECASE)
_HEDGE = re.compile(
    r"\b(?:might|may|could|would|potentially|possibly|reportedly|perhaps|talk\s+of|expected\s+to|said\s+to\s+be)\b"
)  # in fold(sentence)
# "this", "that" and "these" alone are pronouns only before the clause's end or "as": "proposed that
# Ukraine …" and "claimed that 90% …" introduce what is said.
_PRONOUN = re.compile(
    r"\s+(?:(?:it|them)\b(?!\s+(?:\w+\s+)?(?:is|was|would|will|must|should|has))|"
    r"(?:this|that|these)(?=\s*[,.;]|\s*$|\s+as\b))",
    re.IGNORECASE,
)
_IT = re.compile(r"\s+(?:it|them)\b(?!\s+(?:\w+\s+)?(?:is|was|would|will|must|should|has))", re.IGNORECASE)
# Nouns by which a sentence refers back to a plan, a part of one or issues named before (group 1).
_REFERRING = (
    r"(proposals?|plans?|offers?|terms|deal|drafts?|ideas?|initiatives?|framework|memorandum|demands?|conditions?|"
    r"clauses?|points|declarations?|documents?|text|paper|communiqu[ée]|protocols?|formula|schemes?|ultimatums?|"
    # ("objected to that part of the plan", but not "the parts of the Mykolaiv region")
    r"(?:parts?|sections?|chapters?|provisions?)(?=\s*[,.;]|\s*$|\s+of\s+(?:the|this|that|its|their)\s+(?:[\w'’-]+\s+)?"
    + rf"(?:{documents.DOCUMENT_NOUNS})\b)|"
    r"regions|territories|oblasts|areas)\b"
)
_ANAPHOR_NOUNS = r"(?:the|these|those|this|that|such|both)\s+(?:\w+\s+)?" + _REFERRING
# After a cue, a reference back to something named before: a plan-like noun (group 1) or a pronoun.
# (not a noun its own clause defines: "the idea that Moscow could dictate terms", "the areas it holds")
_ANAPHOR = re.compile(
    rf"\s+(?:(?:all\s+of\s+)?{_ANAPHOR_NOUNS}|(?:it|them)\b|"
    r"(?:this|that|these)(?=\s*[,.;]|\s*$|\s+as\b))"
    r"(?!\s+(?:\w+\s+)?(?:is|was|would|will|must|should|has))"
    r"(?!\s+(?:that\s+(?:\w+\s+){1,2}(?:could|would|should|can|might|must|will)\b|"
    r"(?:it|they)\s+(?:still\s+)?(?:holds?|held|controls?|controlled|occupies|occupied)\b))",
    re.IGNORECASE,
)
# Before a cue said of what precedes it: "called them absurd", "said the plan was unacceptable".
_ANAPHOR_BEFORE = re.compile(
    rf"\s(?:{_ANAPHOR_NOUNS}|(?:it|them|they)\b)(?:\s+(?:is|was|are|were|would\s+be|will\s+be|as|could|can|would|might|may))?"
    r"(?:\s+(?:entirely|completely|totally|simply|utterly|quite|very|clearly))?\s+$",
    re.IGNORECASE,
)
#: Object-first cues said of a text, not of an issue: "it" before them is the plan under discussion.
_TEXT_JUDGED = ("basis", "starting point", "good faith", "bad faith", "seriously", "workable")
#: Sentences after the one that named a plan in which "the idea", "the demands" … may still mean it
#: ("it" and "them" two).
_PLAN_REACH = 4
#: Nouns of _ANAPHOR that refer to issues, and those that refer to every issue the sentence before named.
_PARTS = (
    "clause", "point", "provision", "demand", "condition", "region", "territor", "oblast", "area", "part", "section",
    "chapter",
)  # fmt: skip
_WHOLES = ("demand", "condition", "term", "region", "territor", "oblast", "area")
#: Of those, the ones a whole plan may be (Putin's conditions: "Kyiv rejected the demands").
_SETS = ("demand", "condition", "term", "ultimatum")
#: Nouns of _ANAPHOR that name a document, which may have been named sentences before.
_DOCUMENTS = (
    "proposal",
    "plan",
    "draft",
    "framework",
    "memorandum",
    "declaration",
    "document",
    "text",
    "paper",
    "communiq",
    "initiative",
    "deal",
    "offer",
    "protocol",
    "formula",
    "ideas",  # "Lavrov dismissed the ideas" after the plan's contents: its ideas (but "the idea" is one of them)
)
#: Of those, the ones that may name what the sentence before described without naming a plan.
_LOOSE = ("offer", "deal", "initiative")
#: Of those, the ones that name a written text only.
_PAPERS = ("document", "text", "paper", "draft", "memorandum", "declaration", "communiq", "protocol", "formula")
_PASSIVE = re.compile(r"\s+by\b", re.IGNORECASE)
# "signed on 5 September 2014 by …", "recognised as Russian de facto, including by the United States":
# the agent after a phrase of time, place or manner with no verb in it (for a cue ending _PARTICIPLES)
_PASSIVE_LATE = re.compile(
    r"(?:\s+(?:on|in|at|as|during|after|before|over)(?:\s+(?![a-z][\w'’–-]*(?:ed|ing)\b)[\w'’–-]+,?){1,5}?)?"
    r",?\s+(?:(?:including|even|also|jointly)\s+)?by\b"
)
_PARTICIPLES = ("ed", "wn", "en")
_THE = re.compile(r"\s*(?:the\s+)?", re.IGNORECASE)
# A title that stands for a person named before: "the president said …", "…, the minister added".
# A nationality before the title ("the Russian leader") must be the person's.
_NATIONALITY = re.compile(r"[Tt]he\s+([A-Z][a-z]+)\s")
_TITLE_NOUNS = (
    r"(?:president|premier|minister|chancellor|leader|spokes(?:wo)?man|spokesperson|secretary-general|envoy|"
    r"negotiator|adviser|advisor|aide)"
)
_TITLES = (
    rf"(?:the|The)\s+(?:[A-Z][a-z]+\s+)?(?:(?:former|new|acting|deputy|foreign|defen[cs]e|prime)\s+)?{_TITLE_NOUNS}"
)
# "…, Peskov said." / "…, said Peskov" / "according to the Kremlin": who speaks, named after what is said.
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?$", re.IGNORECASE)
# "the agency quoted Peskov as saying …"
_QUOTED = re.compile(r"\b(?:quoted|cited)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?$", re.IGNORECASE)
_AS_SAYING = re.compile(r"\s+as\s+(?:saying|telling)\b", re.IGNORECASE)
# A quote may close after the comma: "“We will not cede Donetsk,” Zelensky said".
_COMMA = r",[”\"’]?\s+"
# The subject of a condition: "as soon as Ukraine …", "provided Russia …", "if Kyiv …".
_IF_SUBJECT = re.compile(
    r"\b(?:if|unless|provided(?:\s+that)?|as\s+soon\s+as|once|until|on\s+condition\s+that)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "Russia said on Tuesday that …": the subject of a long report.
# (after an apposition and with whom it was told, where and when: "Hegseth, the defence secretary, told
# allies in Brussels on 12 February that …")
_REPORTS = re.compile(
    rf"(?:,\s+(?:the|a|an|his|her|its)\s+[^,;:]{{1,60}},)?\s+(?:(?:on|in)\s+\w+\s+)?(?i:{SAYS}|says)\s+"
    r"(?:[^,;:.]{0,50}?\s)?that\s"
)
_SAID_BEFORE = re.compile(
    rf"{_COMMA}(?i:{SAYS})\s+(?:the\s+)?(?:(?:[A-Z][\w'’-]*|(?i:spokes\w+|advis[eo]r|aide|minister|envoy|official|"
    r"president|chief|secretary|negotiator|head))\s+){0,3}$"
)
# A speaker named between commas inside what is said: "The ceasefire, Lavrov said, was …".
_SAYS_ASIDE = re.compile(rf"\s+(?i:{SAYS}),\s")
_CLAUSE_END = re.compile(r"\s*(?:[,.;!?”\"’)]|$)")
_AFTER_COMMA = re.compile(rf"{_COMMA}(?:[\w'’-]+\s+){{0,5}}?$")
_SAYS_AT_END = re.compile(
    rf"\s+(?:(?:on|in)\s+\w+\s+|later\s+|also\s+|has\s+|had\s+)?{SAYS}\b[^,;:]{{0,60}}$", re.IGNORECASE
)
_PRONOUN_SAYS = re.compile(
    rf"{_COMMA}((?i:he|she|it|they)|{_TITLES})\s+(?i:later\s+|also\s+)?(?i:{SAYS})\b(?:[^,;:]{{0,60}}$|,\s+adding\b)"
)
_SAYS_WORD = re.compile(rf"\b{SAYS}\b")  # in fold(sentence)
# (rules-20) the words after a sentence's opening actor that put an obligation on it, in a sentence of
# obligations after reported speech: "Ukraine would have to …", "Kyiv must also …", "Ukraine, in turn, would have to …"
_TOLD_OPENING = re.compile(
    r"(?:,\s+in\s+turn,)?\s+(?:(?:would|will|also|then|first)\s+){0,2}(?:must|should|(?:has|have|had|would\s+have|will\s+have)\s+to|"
    r"needs?\s+to)\b"
)
# "Ukraine, he said, must first pull out …", "Kyiv, Putin said, would have to …": an attribution between
# commas after the sentence's opening subject; what follows it is the speaker's, of the party it opens with.
_ASIDE_SAYS = re.compile(
    r"(?:[\w'’.-]+\s+){0,4}?[\w'’.-]+,\s+(?P<who>(?i:he|she|they)|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}|"
    + _TITLES
    + rf")\s+(?i:later\s+|also\s+|then\s+)?(?i:{SAYS}|argued|declared|demanded|insisted),\s+"
)
# "will not withdraw its forces from Donetsk": conceding ground, with words between verb and place.
_WITHDRAW = re.compile(
    r"\b(withdraw(?:s|n|ing)?|pull(?:s|ed|ing)?\s+(?:back|out))\s+(?:(?:its|their|his|her|all|the|our)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:from|of)\b",
    re.IGNORECASE,
)
# "the plan, which calls for a ceasefire": the cue's subject is the noun before "which", not an actor.
_WHICH = re.compile(r",\s+(?:which|that)\s+(?:also\s+|would\s+|will\s+|only\s+)?$", re.IGNORECASE)
_WHICH_AFTER = re.compile(r",\s+which\b", re.IGNORECASE)
# "ready to discuss a ceasefire, but only after …": a condition in the next clause.
_BUT_ONLY = re.compile(r",?\s+but\s+only\b", re.IGNORECASE)
# "backs security guarantees but not NATO membership": the same cue, negated, on what follows.
_BUT_NOT = re.compile(r",?\s+but\s+not\s+", re.IGNORECASE)
_NOT = re.compile(r"\s+(?:not|never)\b", re.IGNORECASE)
# "…, as did the EU", "…, and so did Germany": a second actor taking the same stance.
_AS_DID = re.compile(r"(?:,?\s+(?:as|and\s+so)|;\s+so)\s+(?:did|does|do|has|have|had|would|will)\s+(?:the\s+)?")
_NEITHER = re.compile(r"\b[Nn]either\s+$")  # "Neither Paris nor Berlin backs …"
# A subject pronoun or a title.
_SUBJECT_PRONOUN = re.compile(rf"(?<![\w'’])((?i:he|she|it|they)|{_TITLES})\s+(?=\w)")
# A possessive pronoun owning the cue noun: "His demand for …", "its insistence on …".
_OWNER_PRONOUN = re.compile(r"(?<![\w'’])(his|her|its|their|His|Her|Its|Their)\s+(?:[\w-]+\s+)?$")
_AS_SUBJECT = {"his": "he", "her": "she", "its": "it", "their": "they"}
# What may stand for an actor of an earlier sentence, looked for in fold(sentence): a pronoun or a title.
# (as _TITLES has them: up to two words between "the" and the title, "the Russian foreign minister")
_SOMEONE = re.compile(rf"\b(?:he|she|it|they|his|her|its|their)\b|\bthe\s+(?:[a-z]+\s+){{0,2}}{_TITLE_NOUNS}")
# "…, a condition Kyiv has refused", "…, which Moscow rejects": the object is what the comma follows.
_RELATIVE = re.compile(
    r",\s+(?:which|whom|something|an?\s+[\w-]+(?:\s+[\w-]+)?|the\s+[\w-]+)\s+(?:both\s+)?"
    # (rules-19) "a truce …, which he says Britain backs": a reporting aside before the relative clause's subject
    r"(?:(?:he|she|they|it)\s+(?:says|said|adds|added|believes|believed)\s+(?:that\s+)?)?$",
    re.IGNORECASE,
)
_AUXILIARIES = re.compile(
    r"\s+(?:(?:has|have|had|been|is|are|was|were|will|would|did|does|do|also|again|repeatedly|already|long|firmly|"
    r"flatly|consistently|so\s+far|not|never|n[o']t|(?:said|says|say)\s+(?:that\s+)?(?:they|it|he|she)|"
    # "…, which Kyiv describes as non-negotiable": the verb of a cue said of what comes before it
    r"(?:describe|regard|view|consider)[sd]?(?:\s+as)?|calls?|called|sees\s+as|saw\s+as)\s+)*$",
    re.IGNORECASE,
)
# Title words between a state and a person's name: " Defence Secretary ", " envoy ".
_TITLE = re.compile(r"(?:\s+(?!and\b|or\b)[A-Z]?[a-z]+){0,3}\s+")
# An opening phrase before the subject: an actor in it does not speak.
_OPENING = re.compile(r"(?:[A-Z][a-z]+ing|Asked|After|Before|During|Ahead\s+of|Following)\b[^,;]{0,120},")
# The document's points listed after a colon ("read out its opening points almost word for word: …").
_ITS_POINTS = re.compile(
    r"\b(?:its|the\s+(?:document|text|framework|plan|draft)['’]s)\s+(?:[\w-]+\s+){0,2}"
    r"(?:points|provisions|terms|contents|clauses)\b[^:;]{0,40}:\s"
)
# "guarantees modelled on NATO's": what the object is compared with is no object of its own
_LIKENED = re.compile(r"\b(?:modell?ed\s+on|mirroring|resembling|akin\s+to)\s+(?:the\s+)?$")
# "a package close to Russia's demands (…)": only near someone's stance, not that stance stated (a package
# "modelled on Russia's demands – …" is built from them, and lists them)
_LIKE_OWNER = re.compile(r"\b(?:close(?:r)?\s+to|similar\s+to|near\s+to)\s+$")
# "Moscow has not said whether it will accept …": a question left open, no stance taken
_WHETHER = re.compile(r"\bwhether\s+(?:or\s+not\s+)?(?:[\w'’-]+\s+){0,3}?(?:will|would|could|can|might|should)\s+")
_REFUSING = re.compile(
    r"\b(?:will|would|wo|can|cannot|refus\w*|declin\w*)(?:n't|\s+not|\s+never)?\s+(?:to\s+)?$|\bnever\s+$"
)
_A_SIGN = re.compile(r"\b(?:no|a|any|the|every|clear|first)\s+$")
# "… was over almost as soon as it had begun": a time, not a condition set
_TEMPORAL = re.compile(r"\b(?:almost|just|nearly)\s+$")
# "The draft, which Putin had described as …, would have …": the clause after the closing comma is
# not the relative clause's subject's
_CLOSED_RELATIVE = re.compile(r",\s+(?:which|who|whom)\s+$", re.IGNORECASE)
# "will not recognise any of the occupied territories", "any occupied land": a position on no region in particular
# (whereas "the occupied territories", as the case's terms have it, are each of them)
_ANY_OF = re.compile(r"\bany\s+(?:of\s+(?:the|its)\s+)?$")
_SPREAD = re.compile(r"occupied\b|annexed\b")
_SIGNING = frozenset(("sign", "signs", "signed", "signing", "co sign", "co signs", "co signed", "co signing"))
_SIGNED_WITH = re.compile(r"\s+with\s+(?:the\s+)?(?!each\b|one\b)")
_AFTER_SEMICOLON = re.compile(r";\s*$")


def _entry_clause(sentence: str, c_start: int, at: int) -> bool:
    """Whether a cue at ``at`` opens the clause at ``c_start`` right after a semicolon (a status list's
    next clause: "…; backed by …")."""
    return not sentence[c_start:at].strip() and _AFTER_SEMICOLON.search(sentence, 0, c_start) is not None


# What may follow the document a sentence ends on: a relative clause or a participle of who wrote it.
_ENDS_ON = re.compile(
    r"(?:\s+(?:that|which)\s[^,;:]*|,\s+(?:which|drafted|drawn|written|agreed|worked)\b[^;:]*)?[.!?”\"’]*\s*$"
)
# A heading in a summary or bulletin: a line in capitals, or of a word or three ("Guarantees.", "The army:").
_HEADING = re.compile(r"[^a-z]{2,60}|(?:[\w'’-]+\s+){0,2}[\w'’-]+[.:]")
_BY_ACTOR = re.compile(r"\b(?:from|by|with)\s+(?:the\s+)?$", re.IGNORECASE)
# A mention straight after one of these words is an object or a place, not a speaker.
_GOVERNED = re.compile(
    r"(?:\b(?:to|for|from|against|on|with|at|into|about|over|than|between|in|toward|towards|upon|"
    r"by|within|across|through|without|under|like|whether)\s+(?:the\s+|its\s+|their\s+)?)$",
    re.IGNORECASE,
)

# 2: relative dates; 3: one event per type in a sentence with at most one date; 4: stance rules for wire copy;
# 5: figure rules (lengths, new counted nouns, ranges, points in time, days and months without a year);
# 6: stance rules for documents' contents, group terms, two actors as one speaker, more cues;
# 7: stances across sentences (pronouns and titles for the last person, the plan under discussion,
# quotes attributed where they close, a document's owner), a plan's authors, a stance noun's owner;
# 8: structure (a passive's agents after a phrase and joined by "and", lists of speakers and objects, the
# head of a noun phrase a relative clause follows, asides and colons within a clause, "…, and that …",
# "as did X", "alongside X", "the delegations", a verb left out, an actor inside a longer term as no speaker)
# 9: rules that carry over to unseen genres: a document's signers (stance/signed) and its contents over the
# sentences after them, its parts in order, a list after a colon, datelines and timeline labels (no speaker,
# no hiding the document), a relative clause after phrases of place
# 10: figure and proposal classes of heldout16/17 and of genres not used yet (months in capitals, tallies,
# the dead of armies, spaced thousands, populations, money ranges …), phrases that name no issue or actor
# 11: stance classes of train1/train2's genres: writers named after a document, headings and numbered posts,
# the owner "its", a provision's parties, "signs with", two nationalities sharing a group noun
# 12: false-alarm classes of heldout20/21: likenesses, open questions, "almost as soon as", bracketed
# lists, closed relative clauses, not signing; status-list entries "Signed by …", a document compared
# with, a joint text presented by one co-author, names ending in -ing; figures: three-part tallies,
# milliards, nationals in an exchange, subtitle cues, the dead of military losses only, dates moved on by
# a day the text gave without its year
# 13: document conventions of the annotation guide: a joint name ("US–Ukraine …") gives the document to
# both authors, writers who are a state's negotiators or a partner ("drew it up with Kyiv"), a group that
# signs for the members named after it, two documents signed together, a status entry's next clause
# ("…; backed by a declaration of the leaders of …"), "the paper says", "a starting point"; the lexicon's
# words for proposals and issues (a month after the noun, "last June", "scheme", "worked out", a subject that
# adopted a declaration; heavy forces, ceilings on troops, ground troops, deported)
# 14: a name as an adjective before a plan ("the US 28-point plan", "the Russian memorandum") makes its
# author propose it; figures of heldout22-25 (capitals in graphics, ranges and lists, parts adding up to a
# count, the dead among casualties, new currencies and units); "where the armies stand" and the 30-day
# truce as proposals; a proposal noun dated where it stands
# 15: signers and owners across sentences ("Both were signed within …", "The Russian one, which …", "the
# Paris Declaration of the coalition", "in its …"), ten items in a colon list; proposals by the authors'
# plural, "first/earlier/original", titles, a party's terms only dated or laid down; casualty tables, army
# strengths without their noun, numbers said aloud, a month's year in an undated text, a day just gone
# 16: a joint document's contents to each author (writers named as adjectives, "The text treats …"); the
# holder, not the actor a position is about ("proposed that Ukraine cap", "NATO's treaty", "northern Ukraine");
#     proposals by what they let happen or offered ("the arrangement that let Ukraine ship grain",
# "neutrality in return for guarantees" in 2022), by the points they count with an author, "thirty-day";
# a 30-day truce dated after the Jeddah month is another offer; "See also" lines kept
# 17: reactions to the document under discussion by a general noun or a pronoun (a proposal named by
# description or referred back to is named for the sentence after; "it" before a judgement of a text);
# an aside attribution ("Ukraine, he said, must …") and the next sentence's obligations are the speaker's;
# "make X …" asks X; an actor laying a proposal down proposes it; "The first version, drawn up by …";
#     proposals laid down by a title and name ("the terms Russian President Vladimir Putin set out") or by
# the subject of a second verb ("… and set out the terms"), a month's only proposal after earlier dates,
# "draft treaty", "a ceasefire lasting 30 days"
# 18: each "that"-complement of one report is the reporter's, past an apposition and whom, where and when
# it told; "countered with" proposes; "the leaders of A, B and C backed"; the writers after ", which was
# written by" and a nationality before the document noun; "the ideas" and "that part of the plan" refer
# back; a passive "would be kept from" names no speaker; the owner of a noun another declares invalid
# states nothing; freezing front lines is territory;
#     a document's date or recipient between its noun and name, a two-year limit on an undated author's
# plan, an extended grain corridor; datelines, "Article 5", "the same two leaders", fractions in words
# and "last week" are no figures; talks named by their day, owner or place, a signed protocol with its
# date, one-for-one swaps and returned bodies, a scheduled truce are events
# 19: two nationalities joined by a dash author a plan; adopting a text accepts it; writers named by a
# passive before a relative clause, a delivery aside, a writers' clause without a comma, an "adopted by"
# aside, "put to", "handed to" and "circulated" name a document's writers and hold its contents;
# co-writers share what a presenter gives; a second owned document opens its own clause; "their" before a
# plan; "; it also demands"; another side's "would" is its offer; "Kyiv's answer/line is", "the fairest",
# "(un)acceptable to X", ending or leaving an agreement; a figure alone after a cue; "of A, of B, and of C";
# what a time condition is set for is the speaker's
# 20: a list bullet is a label; obligations on the party that opens the sentence go on with reported
# speech; an owner "of the"; each semicolon clause opening with a document gets its writers; "once" before
# a subject; a relative clause ending with its cue; "repeated that he"; a repeated preposition; the
# recipient of "handed Moscow a paper"; "them" for one plan; a participle after the main clause; short and
# numeric dates after a document; a connective aside; notes in brackets;
#     the Minsk Protocol's formal title, a dated counter-proposal, "a" before a document noun and "on its own
# terms" name no older plan, "their" after one person; members of a body of states are countries, a month
# after "of", "taking it to N", bare numbers by a date, "this Friday", and a day the published date puts
# ahead takes the text's year
# 21: a cue noun right after a verb that found no object takes the verb's stance ("demands recognition of
# these areas" is a demand); the objects after a verb joined by "and" ("rejected the plan and demanded …")
# or a ", saying … must" take its stance; no pair changes, only stance labels
# 22: a noun after "of a/the" in a proposal's name is not what it is (the Istanbul communiqué is no treaty);
# "produced" lays a document down and "negotiated in" dates one; a day without a year, read against the
# published date, says when a document was laid down after the text went back to an earlier year
# 23: that day no longer moves the date a reference is read at (it lost "the communiqué they drew up in
# Istanbul in March of that year" on the fresh heldout44, where the guessed year was wrong)
# 24: what a condition asks ("offered a ceasefire if Ukraine leaves …") is the speaker's condition, not its
# offer (not "in return for"); no pair changes, only stance labels
# 25: a month "of that year" takes the text's year, a day of the month a dated sentence names that month's;
# days without a year move the date documents are read at on from an earlier year (not back); an author's
# undated document of the weeks before the article; "by President X"; an owner alone after a plural
# ("memoranda. Moscow's demanded …"); what a side asks, by its owner alone, is no document two years on
# 26: the subject who laid a document down past words between commas ("Putin, speaking to his diplomats on
# Friday, set out the conditions …")
# 27: a day without a year near a past perfect ("had offered") is on or before the published date
EXTRACTOR_VERSION = "rules-27"
#: The stance extractors ``extract`` offers: the rules (the default) and the learned model.
STANCE_EXTRACTORS = ("rules", "learned")


def extract(doc: Document, lexicon: Lexicon, *, stances: str = "rules") -> list[Evidence]:
    """All evidence in ``doc``, in order of position. ``stances="learned"`` replaces the rules'
    stance items by the learned model's (see :mod:`peacetalks.ingest.learned`)."""
    if stances not in STANCE_EXTRACTORS:
        raise PeacetalksError(f"unknown stance extractor {stances!r}: use one of {', '.join(STANCE_EXTRACTORS)}")
    text = doc.text
    # The lexicons scan the whole text once; each sentence takes the mentions inside it.
    spans = list(sentences(text))
    folded = fold(text)  # as fold() gives each sentence, at the same offsets
    proposal_mentions, heads = lexicon.proposals_and_nouns(text, folded)  # few nouns: looked up where there are
    actor_mentions, issue_mentions = lexicon.actors(text), lexicon.issues(text, folded)
    found = (
        _within(proposal_mentions, spans),
        list(_within(actor_mentions, spans)),  # a quote looks ahead to who closes it
        _within(issue_mentions, spans),
    )
    head_starts = [h.start for h in heads]
    items: list[Evidence] = []
    previous: list[Referent] = []
    plan: Referent | None = None  # the last proposal the article named
    since_plan = _PLAN_REACH + 1  # sentences since; beyond the reach when it named several
    subject: Mention | None = None
    person: Mention | None = None  # the last person who was a sentence's subject or spoke
    context: str | None = None  # the last date the text gave with its year
    described: str | None = None  # the date the article has reached, for the documents it describes
    plural: str | None = None  # a document noun the sentence before gave in the plural ("memoranda")
    counted: str | None = None  # the unit of the last count of the sentence before, in its paragraph
    current: documents.Current | None = None  # the document the article is describing
    known = _proposal_documents(lexicon)
    named_plans: set[str] = set()  # the proposals the article has named, by name or description
    published = doc.source.published.isoformat() if doc.source.published else None
    # when an undated text was written, looked up the first time a month without a year needs it
    present = None if doc.source.published else functools.cache(functools.partial(text_present, text))
    furthest: str | None = None  # the latest date the text gave with its year
    recent: list[tuple[str, list[Mention]]] = []  # sentences that named actors, with those actors
    last_end = 0
    quoted: Mention | None = None  # who speaks in a quote that runs on past the sentence
    reporting: tuple[str, ...] | None = None  # who alone said what the sentence before reported
    last_had_subject = last_named_plan = False  # whether the sentence before opened with an actor, named a plan
    inside = False  # whether a quote is open where the sentence begins
    antecedents = _NO_ONE
    before: list[Mention] = []  # the proposals the sentence before named
    titled = headed = False  # whether the title named the current document; the sentence before is a heading
    for i, ((start, end), proposals, actors, issues) in enumerate(zip(spans, *found, strict=True)):
        paragraph = text.find("\n", last_end, start) >= 0
        if paragraph:
            counted = None
        if paragraph and subject is not None and not _is_person(subject, lexicon):
            # "it", "they" are resolved within a paragraph only; "he", "she" also in the next one,
            # as wire copy gives most sentences a paragraph of their own
            subject = None
        sentence, folded_sentence = text[start:end], folded[start:end]
        if len(proposals) > 1:
            proposals = _without_appositions(sentence, proposals)
        found_figures = find_figures(sentence, counted, lowered=folded_sentence)
        figures = with_relative_dates(
            sentence,
            found_figures,
            doc.source.published,
            context,
            lowered=folded_sentence,
            present=present,
            furthest=furthest,
        )
        if proposals and figures:
            proposals = _offered_later(sentence, proposals, figures, lexicon)
        here = []
        if heads and head_starts[-1] >= start:
            first, last = bisect.bisect_left(head_starts, start), bisect.bisect_left(head_starts, end)
            here = [Mention(h.start - start, h.end - start, ()) for h in heads[first:last] if h.end <= end]
        # the last date the text gave with its year, this sentence's too, but not an earlier one that
        # labels a document ("Putin's conditions of 14 June 2024"): the article has not gone back
        labels = _labels(sentence, figures, [*proposals, *here], context) if proposals or here else ()
        unlabelled = [f for f in figures if f not in labels]
        reached = latest_date(unlabelled, context)
        references = []
        if here or actors:
            # the date before the sentence: references moves it on by the sentence's dates up to each
            # noun ("the US draft of November before it … since 2022" is November 2025, not 2022)
            day = described or published
            references = lexicon.references(
                sentence, actors, proposals, here, figures, day, named_plans, published, plural
            )
        named_plans.update(p.ids[0] for p in (*proposals, *references))
        speaking = _speaking(sentence, actors, proposals)
        if speaking and (dated := documents.dateline(sentence)):
            # "2026-01-06 – Paris: the Coalition adopts …": a dateline's place says nothing
            speaking = [a for a in speaking if a.start >= dated]
        if antecedents.subject is not subject or antecedents.person is not person:
            antecedents = Antecedents(subject, person) if subject or person else _NO_ONE
        # whether a quote goes on into the next sentence
        runs_on = _open_after(sentence, inside) if inside or '"' in sentence or "“" in sentence else False
        if runs_on and quoted is None:
            quoted = _quote_speaker(text, spans, found[1], i, antecedents, lexicon)
        # "the Minsk Protocol, signed by …": worked out once, for the current document and the signers' stances
        signers = _signers(sentence, folded_sentence, speaking, proposals, lexicon) if proposals else None
        introduced = None
        if speaking or proposals:
            introduced = _introduced(sentence, folded_sentence, speaking, proposals, lexicon, known, signers)
        if (
            introduced is not None
            and current is not None
            and current.subject
            and proposals
            and sentence.startswith(("It ", "The ", "This "))
            and _FOLLOWS.search(sentence, max(0, proposals[0].start - 40), proposals[0].start)
        ):
            # "It follows the American 28-point plan in places": the document compared with stays current
            introduced = current
        elif (
            introduced is not None
            and not proposals
            and current is not None
            and len(introduced.authors) == 1
            and introduced.authors[0] in current.authors
            and all(lexicon.party(a.ids[0]) in current.authors for a in speaking)
            and len({lexicon.party(a.ids[0]) for a in speaking}) == len(current.authors)
        ):
            # "Zelensky presented the points, a draft worked out with Washington": the joint text still
            introduced = documents.Current(current.authors, subject=True)
        if introduced is not None:
            current = introduced if introduced.authors else None
            titled = i == 0  # a document the title names: the summary below it is its contents
        if before and not proposals:
            # (signing gives a stance on the documents, not their contents: the current document stays)
            signers = _signers_before(sentence, folded_sentence, speaking, before, lexicon)
        # a sentence that goes on about the document needs no cue of its own (the search only where it can)
        # (a cue after the sentence's "would" is the document's: "Sanctions would be lifted, Russia invited back …")
        cued = current is None or not current.subject
        cued = cued or CUE.search(folded, start, _would(folded, start, end)) is not None
        # "… handed each other memorandums. The Russian one …"
        one = i > 0 and sentence.startswith("The ") and documents.names_document(text[spans[i - 1][0] : last_end])
        contents = documents.content(sentence, current or documents.UNKNOWN, cued=cued, one=bool(one))
        if (
            contents is not None
            and sentence.endswith(" one", 0, contents.subject_end)
            and not _named_writers(sentence, speaking, contents, lexicon)
        ):
            contents = None  # "The first one …": of no one the sentence names
        if contents is None and current is not None and current.subject and (listed := _ITS_POINTS.search(sentence)):
            # "He read out its opening points: every signatory would …; Ukraine would receive …"
            # (from the colon, so that the list runs over its semicolons; the reader is not the writer)
            contents = documents.Content(listed.start(), listed.end() - 2, ":", "propose", False)
        heading = documents.section(sentence)
        if contents is None and titled and current is not None and current.authors and not documents.reported(sentence):
            # "ARMY. Ukraine's armed forces kept at 800,000 …" under a title naming the document: a summary's
            # headed sections give its contents (the heading may stand alone before its line)
            begin = 0 if heading is None and headed and not paragraph else heading
            place = bool(begin) and _dateline(sentence[:begin], lexicon)
            if begin is not None and begin < len(sentence) and not place:
                contents = documents.Content(begin, begin, "section", "propose", False)
        # "Its memorandum …" after "Moscow demands …": the subject of the sentence before, if it named no plan
        owner = subject if last_had_subject and not last_named_plan else None
        writers = _writers(sentence, speaking, contents, current, lexicon, owner) if contents is not None else ()
        # "Ukraine, he said, must first pull out … . A settlement would have to make Ukraine neutral …": a
        # sentence of obligations with no speaker of its own goes on with the reported speech before it
        carried = None
        if reporting is not None and not paragraph and not (quoted is not None and runs_on):
            opens = bool(actors) and actors[0].start <= 4  # (an actor opening the sentence speaks for itself)
            # (rules-20) … unless an obligation is put on it: "Putin said … would have to cover the four regions.
            # Ukraine would have to accept limits on its armed forces" goes on with Putin's demands
            opens = opens and not _TOLD_OPENING.match(sentence, actors[0].end)
            if not opens and MODAL.search(folded_sentence) and not _SAYS_WORD.search(folded_sentence):
                carried = Mention(end - start, end - start, reporting)
        said = list(
            _sentence_evidence(
                text,
                start,
                end,
                folded_sentence,
                proposals,
                speaking,
                issues,
                figures,
                lexicon,
                doc.id,
                previous,
                antecedents,
                plan,
                references,
                (contents, writers) if contents is not None and writers else None,
                recent,
                Referent(plan.start, plan.ids, True, since_plan) if plan and since_plan <= _PLAN_REACH else None,
                Mention(end - start, end - start, quoted.ids) if quoted is not None and runs_on else carried,
                signers,
            )
        )
        inside = runs_on
        if not runs_on:
            quoted = None
        items += said
        spoken = {e.speaker_id or e.actor_id for e in said if e.kind == "stance"}
        if len(spoken) == 1 and None not in spoken and _SAYS_WORD.search(folded_sentence):
            reporting = (spoken.pop(),)  # type: ignore[assignment]
        elif carried is None and (spoken or paragraph or any(
            reporting is None or lexicon.party(a.ids[0]) != lexicon.party(reporting[0]) for a in actors
        )):
            # (the speech goes on past a sentence that only names the speaker's side: "Only then would Russia …")
            reporting = None
        if reached != context:  # (a sentence that gave a date: its dates, not only the last one)
            given = [f.value for f in figures if f.rule == "date" and isinstance(f.value, str)]
            furthest = max([*given, furthest] if furthest else given, default=furthest)
        context = reached
        described = reached_date(unlabelled, described)
        plural = plural_head(folded_sentence)
        counted = next((f.unit for f in reversed(figures) if f.rule == "count"), None)
        if speaking:
            recent.append((sentence, speaking))
        # "It also backs …" may follow a sentence about the document
        subject_now = contents is not None or (introduced is not None and introduced.subject)
        if proposals and not subject_now and introduced is not None and introduced.authors:
            # "The first, a 12-point paper, was issued in 2023. It calls for …": a plan named before any actor
            subject_now = proposals[0].start <= 60 and not any(a.start < proposals[0].start for a in speaking)
            # "… made public the framework that Kyiv and Washington drafted together. It would keep …": the
            # document the sentence ends on, with who wrote it (after "Turkey praised the paper.", "it" is Turkey)
            subject_now = subject_now or (
                _ENDS_ON.match(sentence, proposals[-1].end) is not None
                and bool(_wrote(sentence, actors, proposals[-1]))
            )
        if current is not None and current.subject and _HEADING.fullmatch(sentence.strip()) and not actors:
            subject_now = True  # "THE ARMY." between a summary's contents: a heading says nothing of its own
        if current is not None and current.subject and sentence.rstrip().endswith("?"):
            subject_now = True  # "And what does Russia get?": a question between contents says nothing itself
        if current is not None and current.subject and not actors and _ITS.search(sentence):
            subject_now = True  # "Only its first pages have been published.": still about the document, no one else
        if contents is not None and writers and (current is None or writers != current.authors):
            # "The European text calls for … . It asks …": the document whose writers the subject named goes on
            current = documents.Current(writers, subject_now)
        if current is not None and current.subject != subject_now:
            current = documents.Current(current.authors, subject_now)
        # (a proposal named by description, "Putin set out his terms", is referred back to as one by name is)
        plans_here = sorted([*proposals, *references], key=lambda m: m.start) if references else proposals
        if plans_here and contents is not None and writers and current is not None and current.subject:
            # "Under the draft, … the lines would be frozen where the armies now stand": a proposal the
            # contents of the document under discussion name by its terms is one of them, not a plan of its own
            # for a reference back ("Putin said the proposals could serve as a basis")
            plans_here = [p for p in plans_here if p.start < contents.start]
        named = [Referent(m.start, m.ids, False) for m in issues] + [Referent(m.start, m.ids, True) for m in plans_here]
        previous = sorted(named, key=lambda r: r.start)
        if contents is not None and issues and not plans_here:
            # "The document calls for X and Y. Ukraine rejected it.": "it" is the whole document
            previous = [Referent(issues[0].start, tuple(dict.fromkeys(i for m in issues for i in m.ids)), False)]
        if not plans_here and (
            replied := [e.proposal_id for e in said if e.proposal_id and "object" in e.extra.get("across", ())]
        ):
            # "Zelensky rejected the demands. Stoltenberg said they were not made in good faith": a proposal
            # referred back to is named for the sentence after, as one named by name is
            previous = [*previous, Referent(len(sentence), (replied[-1],), True)]
        if plan is None or not (authors := {e.actor_id for e in said if e.kind == "stance"}) or not authors <= set(
            lexicon.proposal_parties[plan.ids[0]]
        ):
            since_plan += 1  # (not over its authors' own words: "Ukraine, he said, must …" is still the plan)
        if plans_here:
            plan = Referent(plans_here[-1].start, plans_here[-1].ids, True)
            since_plan = 1 if len({p.ids[0] for p in plans_here}) == 1 else _PLAN_REACH + 1
        last_named_plan = bool(proposals)
        before = proposals
        headed = heading == len(sentence) and not _dateline(sentence, lexicon)
        last_had_subject = False
        stated = [e for e in said if e.kind == "stance"]
        if actors:  # (a stance by "he" or a quote names no one new)
            # (not a place a proposal's name holds: "The Minsk Protocol was signed … . It provided for …")
            opening = _subject(text, start, speaking, lexicon) if speaking else None
            subject = opening or subject
            last_had_subject = opening is not None
            person = _person(sentence, speaking, stated, lexicon) or person
        if person is not None and not stated and _outsider(sentence, actors):
            # "Analyst Tatiana Stanovaya said …": "she" is someone the case does not know (in a
            # sentence without a stance of the case's actors)
            person = None
            subject = None if subject is not None and _is_person(subject, lexicon) else subject
        last_end = end
    if stances == "learned":
        from peacetalks.ingest.learned import Scan, learned_stances

        scanned = Scan(spans, folded, actor_mentions, issue_mentions, proposal_mentions)
        return learned_stances(doc, lexicon, distinct_events(items), scanned=scanned)
    return distinct_events(items)


def _would(folded: str, start: int, end: int) -> int:
    """Where the first "would" or "will" of the sentence [start, end) of ``folded`` is, else ``end``."""
    at = [i for i in (folded.find(" would ", start, end), folded.find(" will ", start, end)) if i >= 0]
    return min(at, default=end)


def _labels(sentence: str, figures: list[Figure], named: list[Mention], context: str | None) -> list[Figure]:
    """Dates of ``figures`` earlier than ``context`` that label a proposal or proposal noun of
    ``named``: inside its name ("Putin's June 2024 conditions") or just after it ("its memorandum of
    June 2025")."""
    if context is None:
        return []
    found = []
    for f in figures:
        if f.rule != "date" or not isinstance(f.value, str) or f.value[: len(context)] >= context[: len(f.value)]:
            continue
        if any(n.start <= f.start < n.end or _DATED_AFTER.fullmatch(sentence, n.end, f.start) for n in named):
            found.append(f)
    return found


# "the first Minsk agreement, the Minsk Protocol,", "the Package of Measures, known as Minsk II": one mention.
_APPOSITION = re.compile(
    r"\s*[,(–—]\s*(?:(?:also\s+|now\s+|better\s+|widely\s+)?(?:known|called|dubbed|referred\s+to)(?:\s+as)?\s+|or\s+)?"
    r"(?:the\s+)?",
    re.IGNORECASE,
)


# A proposal named by what it offers ("a 30-day truce"): a second name only, where the sentence
# names the proposal otherwise ("Under the Jeddah statement, … an interim ceasefire of 30 days").
_BY_CONTENT = re.compile(
    r"(?:30|thirty)-day\s+(?:interim\s+)?(?:ceasefire|truce)|(?:ceasefire|truce)\s+of\s+30\s+days", re.IGNORECASE
)


def _without_appositions(sentence: str, proposals: list[Mention]) -> list[Mention]:
    """``proposals`` without a second name of the proposal named just before it, in apposition,
    or by its content beside another of its names."""
    kept = proposals[:1]
    for p in proposals[1:]:
        last = kept[-1]
        if not (p.ids == last.ids and _APPOSITION.fullmatch(sentence, last.end, p.start)):
            kept.append(p)
    by_content = [p for p in kept if _BY_CONTENT.fullmatch(sentence, p.start, p.end)]
    if not by_content:
        return kept
    named = {p.ids for p in kept if p not in by_content}
    return [p for p in kept if p not in by_content or p.ids not in named]


def _dateline(heading: str, lexicon: Lexicon) -> bool:
    """Whether a heading in capitals names a place or party ("BERLIN.", a dateline), not a section."""
    return bool(lexicon.actors(heading.strip(" .").title()))


def _offered_later(sentence: str, proposals: list[Mention], figures: list[Figure], lexicon: Lexicon) -> list[Mention]:
    """``proposals`` without one named by what it offers where the sentence dates that offer to a
    later month than the proposal's: Kyiv's call of May 2025 for "an immediate 30-day truce" (after
    Moscow's Victory Day truce of 8–10 May) is not the Jeddah statement of March 2025."""
    dates = [str(f.value)[:7] for f in figures if f.rule == "date" and isinstance(f.value, str) and len(f.value) >= 7]
    if not dates:
        return proposals
    kept = []
    for p in proposals:
        month = lexicon.case.proposal(p.ids[0]).date.isoformat()[:7]
        later = _BY_CONTENT.fullmatch(sentence, p.start, p.end) and month not in dates and min(dates) > month
        if not later:
            kept.append(p)
    return kept


def _speaking(sentence: str, actors: list[Mention], proposals: list[Mention]) -> list[Mention]:
    """An actor inside a proposal's name ("Minsk II") is no actor, unless it is the author ("Russia's memorandum")."""
    if not proposals:
        return actors
    return [
        a for a in actors if not any(_overlaps(a, p) for p in proposals) or sentence[a.end : a.end + 2] in ("'s", "’s")
    ]


@functools.lru_cache(maxsize=8)
def _proposal_documents(lexicon: Lexicon) -> dict[str, documents.Current]:
    """What naming each case proposal makes current: its authors, or no one for more than two."""
    written = lexicon.proposal_parties
    return {pid: documents.Current(parties if len(parties) <= 2 else ()) for pid, parties in written.items()}


def _introduced(
    sentence: str,
    folded: str,
    actors: list[Mention],
    proposals: list[Mention],
    lexicon: Lexicon,
    known: dict[str, documents.Current],
    signers: Signers | None = None,
) -> documents.Current | None:
    """The document this sentence makes current, with its authors: one an actor lays before others
    ("Washington presented a final offer"), one written "by" actors, or a case proposal it names
    (whose authors the case holds). Authors ``()`` mean a document of more than two authors or none
    known: its contents speak for no one. ``folded`` is fold(sentence); ``signers`` those of
    :func:`_signers`."""
    if actors and (m := documents.presented(folded)) is not None:
        bounds = [(b.start(), b.end()) for b in _BOUNDARY.finditer(folded, 0, m.start())]
        speaker = _speaker(sentence, actors, m.start(), _clause(bounds, len(sentence), m.start())[0])
        if speaker is not None:
            party = lexicon.party(speaker.ids[0])
            # "Zelensky presented the framework as a joint draft of Ukraine and the United States": a case
            # proposal keeps the co-authors the case holds, when the clause presenting it names them
            written = known[proposals[-1].ids[0]].authors if proposals else ()
            stop = _clause_stop(sentence, m.end())
            named = {lexicon.party(a.ids[0]) for a in actors if a.start < stop}
            joint = party in written and named.issuperset(written)
            return documents.Current(written if joint else (party,), subject=True)
    if actors and (at := documents.authors_after(folded)) is not None:
        stop = _clause_stop(sentence, at)
        parties = tuple(dict.fromkeys(lexicon.party(a.ids[0]) for a in actors if at <= a.start < stop))
        if 0 < len(parties) <= 2:
            return documents.Current(parties)
    if signers is not None:
        return documents.Current(signers[1])
    return known[proposals[-1].ids[0]] if proposals else None


def _clause_stop(sentence: str, at: int) -> int:
    """Where the clause going on from ``at`` ends: its next comma or semicolon, else the sentence's end."""
    return min((i for i in (sentence.find(",", at), sentence.find(";", at)) if i >= 0), default=len(sentence))


#: The most signers a list may give a document: more is a list of something else.
_MOST_SIGNERS = 6


#: The proposals a sentence says were signed, the parties of their signers, and each party (signers and
#: those who backed them) with the stance it takes.
Signers = tuple[tuple[Mention, ...], tuple[str, ...], tuple[tuple[str, str], ...]]
# What joins two documents signed together: "… of September 2014 and the …" (a date between, no clause).
_BOTH_SIGNED = re.compile(r"(?:\s+of\s+(?:[A-Z][a-z]+\s+)?\d{4})?\s+and\s+(?:the\s+)?")


def _signers(
    sentence: str, folded: str, actors: list[Mention], proposals: list[Mention], lexicon: Lexicon
) -> Signers | None:
    """ "the Minsk Protocol, signed by Kuchma for Ukraine, Russia's ambassador and the OSCE's envoy", "the
    Package of Measures, which France, Germany, Russia and Ukraine endorsed": the proposal named just
    before, the parties of its signers, and the stance signing it takes (``folded`` is fold(sentence))."""
    if not actors or (found := documents.signed(sentence, folded)) is None:
        return None
    document = next((p for p in reversed(proposals) if p.end <= found.at), None)
    if document is None or found.at - document.end > 40 or folded.find(",", document.end, found.at) >= 0:
        return None  # "the Minsk Protocol of 2014, signed by …", not a document further back
    signed = [document]
    for p in reversed(proposals):
        # "The Minsk Protocol of 2014 and the Package of Measures … were signed by …": both documents
        if p.end <= signed[0].start and _BOTH_SIGNED.fullmatch(sentence, p.end, signed[0].start):
            signed.insert(0, p)
    return _signing(sentence, actors, found, tuple(signed), lexicon)


def _signers_before(
    sentence: str, folded: str, actors: list[Mention], before: list[Mention], lexicon: Lexicon
) -> Signers | None:
    """ "… the Minsk Protocol and the Package of Measures. Both were signed within the Contact Group, in
    which …": the proposals of the sentence before (``before``), signed by the actors this one names."""
    if not actors or (back := documents.signed_before(sentence, folded)) is None:
        return None
    found, several = back
    ids = list(dict.fromkeys(p.ids[0] for p in before))
    if several != (len(ids) > 1):
        return None  # "Both" for one document, "It" for two: the subject is something else
    return _signing(sentence, actors, found, tuple(Mention(0, found.at, (pid,)) for pid in ids), lexicon)


def _signing(
    sentence: str, actors: list[Mention], found: documents.Signed, signed: tuple[Mention, ...], lexicon: Lexicon
) -> Signers | None:
    """The documents ``signed``, the parties of the signers ``found`` spans and each party's stance, with
    those a clause after them says backed the documents."""
    parties = tuple(dict.fromkeys(lexicon.party(a.ids[0]) for a in actors if found.start <= a.start < found.end))
    if not 0 < len(parties) <= _MOST_SIGNERS:
        return None
    stances = tuple((party, found.stance) for party in parties)
    if (backing := documents.backed(sentence, found.end)) is not None:
        backers = {lexicon.party(a.ids[0]) for a in actors if backing[0] <= a.start < backing[1]}
        if len(backers) <= _MOST_SIGNERS:
            stances += tuple((party, "support") for party in sorted(backers) if party not in parties)
    return signed, parties, stances


def _writers(
    sentence: str,
    actors: list[Mention],
    contents: documents.Content,
    current: documents.Current | None,
    lexicon: Lexicon,
    owner: Mention | None = None,
) -> tuple[str, ...]:
    """Whose position a document's contents are: the actor the subject names ("Moscow's text", "the
    US draft"), or ``owner`` for "Its memorandum", "Their counter-proposal" (the subject of the
    sentence before, if it named no plan that "its" could be), else the current document's authors."""
    named = _named_writers(sentence, actors, contents, lexicon)
    if named:
        return named if len(named) <= 2 else ()
    pronoun = sentence[: sentence.find(" ")]
    if owner is not None and pronoun in _POSSESSIVES and _is_person(owner, lexicon) == (pronoun in ("His", "Her")):
        return (lexicon.party(owner.ids[0]),)
    return current.authors if current is not None else ()


_POSSESSIVES = frozenset(("Its", "Their", "His", "Her"))
# Two names joined by a dash or slash, "US–Ukrainian", "Chinese–Brazilian" (see _distinct_pair)
_DASHED_NAMES = r"(?<![\w'’–/-])(?P<first>[A-Z][\w.]*)\s?[–/-]\s?(?P<second>[A-Z][a-z][\w.]*)"
# "The US–Ukrainian 20-point framework aims at …": two parties joined by a dash in a document's subject
_DASHED_SUBJECT = re.compile(_DASHED_NAMES + r"\s")


def _named_writers(
    sentence: str, actors: list[Mention], contents: documents.Content, lexicon: Lexicon
) -> tuple[str, ...]:
    """The parties the document's subject names, by name ("Moscow's text") or by a nationality ("The Russian
    one", "The American draft"; but a place a document's name holds is no author: "The Minsk Protocol")."""
    named = [
        lexicon.party(a.ids[0])
        for a in actors
        if a.end <= contents.subject_end and not sentence.endswith((" in ", " at "), 0, a.start)  # "issued in Jeddah"
    ]
    if pair := _distinct_pair(_DASHED_SUBJECT.search(sentence, 0, contents.subject_end), lexicon):
        return tuple(p.ids[0] for p in pair)  # "The US–Ukrainian text …" (rules-19)
    if not named:
        words = [w for w in sentence[: contents.subject_end].split()[1:] if w[:1].isupper() and not lexicon.actors(w)]
        named = [p for w in words if (p := lexicon.adjective_party(w)) is not None]
    return tuple(dict.fromkeys(named))


@dataclass(frozen=True, slots=True)
class Antecedents:
    """Whom a pronoun or title may stand for: ``subject``, the subject of an earlier sentence (of the
    paragraph, for a state or body), and ``person``, the last person who was a sentence's subject or
    spoke in it ("Putin said … . Addressing the ministry, the president said … . He also demanded …")."""

    subject: Mention | None = None
    person: Mention | None = None

    def of(self, word: str, lexicon: Lexicon) -> Mention | None:
        """The actor ``word`` (he, she, it, they or a title) stands for, if any."""
        body = word.lower() in ("it", "they")
        if self.subject is not None and _is_person(self.subject, lexicon) != body:
            found: Mention | None = self.subject
        else:
            found = None if body else self.person
        if found is not None and (nationality := _NATIONALITY.match(word)) is not None:
            # "the Russian leader": the nationality must be the person's ("Russian officials" name Russia)
            named = lexicon.actors(nationality[1] + " officials")
            if not named or lexicon.party(named[0].ids[0]) != lexicon.party(found.ids[0]):
                return None
        return found


_NO_ONE = Antecedents()  # (compared by identity)


@dataclass(slots=True, unsafe_hash=True)  # not frozen, for speed, but never changed: see lexicon.Mention
class Referent:
    """An issue or proposal named in the previous sentence, which "the proposal", "it" … may mean
    (``age`` sentences before the one referring back, for the plan under discussion)."""

    start: int
    ids: tuple[str, ...]
    is_proposal: bool
    age: int = 1


#: Sentences a quote may run on for and still be attributed where it closes.
_QUOTE_REACH = 6


def _open_after(sentence: str, inside: bool) -> bool:
    """Whether a quote is open at the end of ``sentence``, given whether one was at its start."""
    if "“" not in sentence and "”" not in sentence and '"' not in sentence:
        return inside
    for c in sentence:
        if c == "“":
            inside = True
        elif c == "”":
            inside = False
        elif c == '"':
            inside = not inside
    return inside


def _quote_speaker(
    text: str,
    spans: list[tuple[int, int]],
    actors: list[list[Mention]],
    at: int,
    antecedents: Antecedents,
    lexicon: Lexicon,
) -> Mention | None:
    """Who speaks in the quote that the sentence ``at`` leaves open: the speaker named after it in
    the sentence where it closes ("“… . … ,” Zelensky said"), if that is within _QUOTE_REACH."""
    inside = True
    for j in range(at + 1, min(at + 1 + _QUOTE_REACH, len(spans))):
        start, end = spans[j]
        sentence = text[start:end]
        inside = _open_after(sentence, inside)
        if not inside:
            close = max(sentence.rfind("”"), sentence.rfind('"'))
            speaker = _attribution(sentence, actors[j], antecedents, lexicon)
            return speaker if speaker is not None and speaker.start > close else None
    return None


def _within(mentions: list[Mention], spans: list[tuple[int, int]]) -> Iterator[list[Mention]]:
    """For each span [start, end), the mentions wholly inside it, with offsets relative to ``start``."""
    starts = [m.start for m in mentions]
    for start, end in spans:
        yield [
            Mention(m.start - start, m.end - start, m.ids)
            for m in mentions[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
            if m.end <= end
        ]


def _sentence_evidence(
    text: str,
    s0: int,
    s1: int,
    folded: str,
    proposals: list[Mention],
    actors: list[Mention],
    issues: list[Mention],
    figures: list[Figure],
    lexicon: Lexicon,
    source_id: str,
    previous: list[Referent],
    antecedents: Antecedents,
    plan: Referent | None = None,
    references: list[Mention] | None = None,
    contents: tuple[documents.Content, tuple[str, ...]] | None = None,
    recent: Recent = (),
    current: Referent | None = None,
    quoted: Mention | None = None,
    signers: Signers | None = None,
) -> Iterator[Evidence]:
    """The evidence of the sentence [s0, s1) of ``text``: ``folded`` is fold() of it, ``actors``
    those that may speak in it (see _speaking), ``figures`` its figures with their relative dates,
    ``signers`` those :func:`_signers` found."""
    sentence = text[s0:s1]

    def item(kind: str, start: int, end: int, extractor: str, confidence: float, **fields: object) -> Evidence:
        fields.update(
            kind=kind,
            text=sentence[start:end],
            start=s0 + start,
            end=s0 + end,
            sentence=sentence,
            sentence_start=s0,
            source_id=source_id,
            extractor=extractor,
            confidence=round(confidence, 2),
        )
        return evidence_of(fields)  # (the fields in the dict they came in, not unpacked into another)

    for p in proposals:
        pid = p.ids[0]
        yield item(
            "proposal",
            p.start,
            p.end,
            "proposal/term",
            0.95,
            proposal_id=pid,
            proposal_name=lexicon.proposal_names[pid],
        )
    for p in references or ():  # "Moscow's memorandum": a proposal by its noun and author
        pid = p.ids[0]
        yield item("proposal", p.start, p.end, "proposal/reference", 0.8, proposal_id=pid,
                   proposal_name=lexicon.proposal_names[pid])  # fmt: skip
    if "any " in sentence:
        issues = [
            m
            for m in issues
            if not (_ANY_OF.search(sentence, max(0, m.start - 12), m.start) and _SPREAD.match(sentence, m.start))
        ]
    if issues and actors:
        issues = [m for m in issues if not _body_name(sentence, m, actors)]
    if issues and "ontact" in sentence:
        issues = [
            m
            for m in issues
            if not (
                _CONTACT_LINE.fullmatch(sentence, m.start, m.end)
                and _AS_THE.search(sentence, max(0, m.start - 30), m.start)
            )
        ]
    if issues and "reez" in sentence:
        # "freeze the front lines in Kherson and Zaporizhzhia": where the lines stay, a term of territory,
        # not of when fighting stops
        issues = [m for m in issues if not _FREEZE_LINES.match(sentence, m.start, m.end + 30)]
    stated = list(
        _stances(
            sentence,
            folded,
            actors,
            issues,
            proposals,
            lexicon,
            item,
            previous,
            antecedents,
            plan,
            recent,
            current,
            quoted,
        )
    )
    # (rules-20) "The 28-point plan capped …; the 20-point framework keeps …; Russia's memorandum asks …": clauses
    # between semicolons that each open with a document, by its name or its owner, give each document's contents
    clauses = _clause_documents(sentence, actors, [*proposals, *(references or ())], lexicon) if ";" in sentence else []
    if len(clauses) >= 2:
        for found, writers, stop in clauses:
            end = min(stop, _content_end(sentence, found))
            stated = [e for e in stated if not found.start <= e.start - s0 < e.end - s0 <= end]
            if not writers:
                continue
            stated += _document_stances(sentence, actors, [*issues, *proposals], (found, writers), lexicon, item,
                                        proposals, stop)  # fmt: skip
        yield from stated
        contents = None
        stated = []
    # (rules-19) "Russia's memorandum asks …, and Zelensky's formula wants …": a second document, its owner named,
    # opens a clause of its own, whose contents are its owner's, and the first document's stop there
    second = None
    if len(clauses) < 2 and _SECOND_OPENING.search(sentence):
        second = _second_contents(sentence, actors, lexicon)
    if second is None and contents is not None and contents[1] and "; it " in sentence:
        second = _it_goes_on(sentence, contents)
    stop = second[0] if second is not None else len(sentence)
    if contents is not None and contents[1]:
        # "… its opening points: Russia and Ukraine would commit to …": the parties a provision names do not speak
        # (nor do those of an aside between the document and its verb: "The first version, drawn up by … with
        # Dmitriev, who runs Russia's wealth fund, would have capped …")
        begin, end = contents[0].start, min(stop, _content_end(sentence, contents[0]))
        aside = contents[0].subject_end if sentence.startswith(",", contents[0].subject_end) else begin
        stated = [e for e in stated if not (begin <= e.start - s0 < e.end - s0 <= end or aside <= e.start - s0 < begin)]
    if contents is not None and contents[0].start < stop:
        stated += _document_stances(sentence, actors, [*issues, *proposals], contents, lexicon, item, proposals, stop)
    if second is not None:
        # (the actors its clause names, or an "it" read as one, do not speak in it either)
        after = _content_end(sentence, second[1])
        stated = [e for e in stated if not (stop <= e.start - s0 < e.end - s0 <= after)]
        stated += _document_stances(sentence, actors, [*issues, *proposals], second[1:], lexicon, item, proposals)
    yield from stated
    owned = [*proposals, *(references or ())]
    if owned:
        said = {(e.actor_id, e.proposal_id) for e in stated}
        authored = list(_author_stances(sentence, actors, owned, lexicon, item))
        stated += authored
        yield from (e for e in authored if (e.actor_id, e.proposal_id) not in said)
    if owned and contents is not None and sentence[: sentence.find(" ")] in _POSSESSIVES:
        # "Its memorandum of June 2025 calls for …" after "Moscow has not let go.": the owner "its" stands for
        # puts the document forward (not "The 20-point framework keeps …", which names no one)
        said = {(e.actor_id, e.proposal_id) for e in stated}
        subject = contents[0].subject_end
        for p in owned:
            for party in contents[1] if p.end <= subject else ():
                if party in lexicon.proposal_parties[p.ids[0]] and (party, p.ids[0]) not in said:
                    yield _author_item(sentence, Mention(0, subject, (party,)), p, party, lexicon, item)
    if signers is not None:
        said = {(e.actor_id, e.proposal_id) for e in stated}
        signing = _signed_stances(sentence, signers[0], signers[2], lexicon, item)
        yield from (e for e in signing if (e.actor_id, e.proposal_id) not in said)
    dated = _DATELINE_DATE.match(sentence) if figures and "," in sentence[:40] else None
    for f in figures:
        if dated and f.end <= dated.end():
            continue  # "KYIV, Jan 16 —": the dateline says when it was filed, no figure of the text
        if f.extra and _PERIOD.match(str(f.extra.get("relative", ""))):
            continue  # "last week", "this year": a point in time, which dates what happened but is no figure
        yield item(
            "figure",
            f.start,
            f.end,
            f"figure/{f.rule}",
            0.9 if f.rule != "count" else 0.8,
            value=f.value,
            unit=f.unit,
            measure=f.measure,
            date=f.value if f.rule == "date" else None,
            extra=f.extra or {},
        )
    yield from events(sentence, folded, actors, issues, figures, lexicon, item)


# The week, month or year the report speaks from ("last week", "earlier this month"; see dates.py).
_PERIOD = re.compile(r"(?:(?:earlier|later)\s+)?(?:this|last|next)\s+(?:week|month|year)$", re.IGNORECASE)
# A wire dateline with its date: a place in capitals, a day and month (and year), a dash.
_DATELINE_DATE = re.compile(
    r"[A-Z][A-Z.'’ -]{1,30},\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?\s*[—–-]\s"
)
# What makes a body's bare name ("NATO", "the alliance") its issue: joining it, being kept out of it,
# a bid or path to it, a place in it
_MEMBERSHIP_BEFORE = re.compile(
    r"\b(?:join(?:s|ed|ing)?|into|in|inside|outside|out\s+of|from|to|of|for|toward|towards|without|"
    r"against|on|no)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# …unless the "of" or "on" is a name's: "the heads of NATO", "Article 5 of NATO's treaty", "on the NATO model"
_NAME_OF = re.compile(
    r"\b(?:heads?|chiefs?|secretary|leaders?|members?|summit|Article\s+5|model)\s+(?:of|on)\s+(?:the\s+)?$"
)
_NAME_AFTER = re.compile(r"(?:['’]s?\b|\s+(?:model|style|summit|members?|allies|chief|leaders?|heads?)\b|-style\b)")


# the mandative verbs whose "that" clause has a subjunctive ("demanded that Ukraine withdraw"), and "have"
_AS_ROLE = re.compile(
    r"\s+as\s+(?:(?:a|an|the|one\s+of\s+(?:the|its)|possible|potential|future|likely)\s+)*"
    r"(?:guarantor|mediator|host|observer)s?\b",
    re.IGNORECASE,
)
_ASKED_BEFORE = re.compile(
    r"\b(?:(?:demand|insist|propos|ask|suggest|urg|requir|recommend|stipulat)(?:s|ed|es|e)?\s+that|have|had|make|made)"
    r"\s+(?:the\s+)?$"
)
_BARE_VERB = re.compile(
    r"\s+(?!(?:and|or|nor|but|would|will|should|must|could|can|may|might|shall|had|has|have|is|was|were|are|"
    r"did|does|do|not|never|also|still|itself|alone|too|in|on|at|of|for|to|with|by|from|as|now|then|had)\b)"
    r"[a-z]+(?<!s)(?<!ed)(?<!ing)\b"
)
# (or in the passive: "asked how Ukraine would be kept from mobilising", "could be stopped from rearming")
_KEPT_OUT = re.compile(
    r"\s+(?:(?:would|could|will|can|might|should|must|is|was|were|are)\s+(?:(?:be|being|been|not)\s+)*)?"
    r"(?:kept|barred|excluded|stopped|prevented)\s+(?:out\b|outside\b|away\b|from\b)"
)


# (rules-21) between a verb cue and the cue noun it governs: an article at most
_ARTICLE_ONLY = re.compile(r"\s+(?:(?:the|a|an)\s+)?")
_NOMINAL = ("tion", "sion", "al", "ance", "ence", "ment")  # a cue noun's ending ("recognition of", "withdrawal")
_RECIPROCAL = ("in exchange", "in return")  # conditions whose objects either side may give
_SQUARE_NOTE = re.compile(r"\[[^\[\]]{0,80}\]")
# (rules-20) An actor given something: "handed Moscow a paper", "sent Kyiv the draft" (the giver speaks)
_GIVEN_TO = re.compile(r"\b(?:handed|hands|hand|gave|gives|give|sent|sends|send|passed|showed|shows)\s+$")
_GIVEN_THING = re.compile(r"\s+(?:a|an|the|its|their|his|her)\s")


def _received(sentence: str, actor: Mention) -> bool:
    """Whether ``actor`` is the recipient of a thing given ("handed Moscow a paper asking for …")."""
    return bool(_GIVEN_TO.search(sentence, max(0, actor.start - 10), actor.start)) and bool(
        _GIVEN_THING.match(sentence, actor.end)
    )


def _asked_of(sentence: str, actor: Mention) -> bool:
    """Whether ``actor`` is the subject of a clause another actor asks for: a subjunctive ("that
    Ukraine withdraw", "have Kyiv write") or a participle ("Ukraine kept out of NATO")."""
    if _KEPT_OUT.match(sentence, actor.end):
        return True
    return bool(_ASKED_BEFORE.search(sentence, max(0, actor.start - 24), actor.start)) and bool(
        _BARE_VERB.match(sentence, actor.end)
    )


_CONTACT_LINE = re.compile(r"(?i:line\s+of\s+contact|contact\s+line)")
# "would treat the positions the armies hold as the de facto line of contact": where the line runs, no
# position on when the fighting stops (but "a ceasefire along the line of contact" is one)
_AS_THE = re.compile(r"\bas\s+(?:the\s+)?(?:(?:de\s+facto|new|actual|future)\s+)?$")
_FREEZE_LINES = re.compile(r"(?i:freez\w*)\s+(?:the\s+)?(?:front(?:\s+lines?)?|lines?)\b")


# Another complement of the verb of saying before: "said that X …, that Y …, and that Z …"
_THAT_AGAIN = re.compile(r",\s+(?:and\s+)?that\s")


def _body_name(sentence: str, issue: Mention, actors: list[Mention]) -> bool:
    """Whether an issue term that is also an actor's name ("NATO") only names the body here ("the
    United States, NATO and the European signatories", "NATO's founding treaty", "the heads of the
    EU and NATO"), not its membership ("kept out of NATO", "plans to join NATO")."""
    if sentence.endswith(("a ", "A "), 0, issue.start) or not any(
        a.start == issue.start and a.end == issue.end for a in actors
    ):
        return False  # "sketches a coalition of the willing": one to be formed is the issue
    if _NAME_AFTER.match(sentence, issue.end):
        return True
    before = sentence[max(0, issue.start - 40) : issue.start]
    return not _MEMBERSHIP_BEFORE.search(before) or bool(_NAME_OF.search(before))


def _within_term(actor: Mention, terms: list[Mention]) -> bool:
    """Whether ``actor`` lies inside one of the longer ``terms`` ("NATO" in "NATO membership")."""
    for term in terms:  # (a loop: a generator over the terms took longer than the rest of the check)
        if term.start <= actor.start and actor.end <= term.end and term.end - term.start > actor.end - actor.start:
            return True
    return False


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _clause(bounds: list[tuple[int, int]], length: int, at: int) -> tuple[int, int]:
    """The clause around offset ``at`` of a sentence of ``length`` with clause ``bounds`` (see _BOUNDARY)."""
    start, end = 0, length
    for b_start, b_end in bounds:
        if b_end <= at:
            start = b_end
        elif b_start >= at:
            end = b_start
            break
    return start, end


def _stances(
    sentence: str,
    folded: str,
    actors: list[Mention],
    issues: list[Mention],
    proposals: list[Mention],
    lexicon: Lexicon,
    item: MakeItem,
    previous: list[Referent],
    antecedents: Antecedents = _NO_ONE,
    plan: Referent | None = None,
    recent: Recent = (),
    current: Referent | None = None,
    quoted: Mention | None = None,
) -> Iterator[Evidence]:
    """The stances of one sentence. ``previous`` is what the sentence before named, ``plan`` the last
    proposal the article named and ``current`` that proposal while it is the one under discussion
    (named alone, at most _PLAN_REACH sentences before); ``quoted``, who speaks in a quote that goes
    on past this sentence (at its end: named after what is said)."""
    if not (issues or proposals or previous or plan):
        return
    together: set[int] = set()  # actor mentions that stand for two actors ("the two sides", "Kyiv and Moscow")
    if ("two " in sentence or "oth " in sentence or "he delegations" in sentence or "he sides" in sentence) and recent:
        both = list(_collective(sentence, actors, recent, lexicon))
        if both:
            actors = sorted([*actors, *both], key=lambda a: a.start)
            together = {id(a) for a in both}
    if not actors and quoted is None and (antecedents is _NO_ONE or not _SOMEONE.search(folded)):
        return  # no one to speak: no actor named, and no pronoun or title standing for one
    # where the first modal is
    modal = MODAL.search(folded) if "must" in sentence or "should" in sentence or " to " in sentence else None
    cues = _cues(sentence, folded, modal)
    if not (cues or modal):
        return
    named = [*issues, *proposals]
    plans = {id(p) for p in proposals}  # which objects are proposals (by identity)
    attribution = _attribution(sentence, actors, antecedents, lexicon, folded) or quoted
    if modal and attribution is not None:
        cues = _ordered([*cues, *MODAL.finditer(folded, 0, attribution.start)])
    aside = _aside_speaker(sentence, actors, antecedents, lexicon) if modal and ", " in sentence[:60] else None
    if aside is not None:
        taken = {c.start() for c in cues}
        cues = _ordered([*cues, *(m for m in MODAL.finditer(folded, aside[1]) if m.start() not in taken)])
    governed: set[tuple[int, int]] = set()  # (clause start, speaker start) already given a stance
    stated_to: dict[tuple[int, int], int] = {}  # where the cue of each stance in ``governed`` ends
    spoke: dict[int, Mention] = {}  # clause start → the speaker of its stance
    owned = "'s " in sentence or "’s " in sentence  # a cue noun may have an owner ("Russia's demand")
    bounds = [(m.start(), m.end()) for m in _BOUNDARY.finditer(folded)] if cues else []
    n = len(sentence)
    # "wanted Ukraine to give up …": an actor between a cue and "to" is told, and speaks for no later cue
    told = {m.end() for c in cues if (m := _THE.match(sentence, c.end()))}
    subjects = [a for a in actors if not (a.start in told and sentence.startswith(" to ", a.end))]
    # "rules out NATO membership and rejects …": an actor inside a longer term is part of the object
    subjects = [a for a in subjects if not _within_term(a, issues)]
    if "[" in sentence:
        # (rules-20) "STEP 1 [map: Jeddah] On 11 March American and Ukrainian officials …": an editor's note in
        # square brackets is no part of what is said, and names no speaker
        notes = [(m.start(), m.end()) for m in _SQUARE_NOTE.finditer(sentence)]
        subjects = [a for a in subjects if not any(b <= a.start < e for b, e in notes)]
    if " a " in sentence or " the " in sentence:
        # (rules-20) "his team handed Moscow a paper asking for …": whom a thing is given is no speaker of it
        subjects = [a for a in subjects if not _received(sentence, a)]
    if any(w in sentence for w in (" kept ", "ed from ", "that ", "have ", "make ")):
        # "proposed that Ukraine cap its army", "would have Kyiv give up …", "a Ukraine kept out of NATO":
        # the subject of what another asks for is its object, and speaks for no cue in it
        subjects = [a for a in subjects if not _asked_of(sentence, a)]
    entry = False  # whether the sentence is a status list's entry on the document before it
    # (rules-21) clause and speaker → where a cue that found no object ends, and its stance
    unheld: dict[tuple[int, int], tuple[int, str]] = {}
    coordinated = [c for c in cues[1:] if _joined_verb(folded, c)] if " and " in folded or ", saying " in folded else []
    for cue in cues:
        form = _form(cue)
        # the modal of "X said Y must …" is a demand; "withdraw its troops from" an offer
        stance = CUE_STANCE.get(form, "offer" if cue.re is _WITHDRAW else "demand")
        which = _WHICH.search(sentence, max(0, cue.start() - 30), cue.start())
        if which and not _actor_ends(actors, which.start()):
            continue
        written = _written_by(sentence, actors, cue.start()) if " by " in sentence else None
        if " as " in sentence and _AS_ROLE.match(sentence, cue.end()):
            continue  # "Ankara was among the states proposed as guarantors": named for a role, no position
        c_start, c_end = _clause(bounds, n, cue.start())
        inherited = referred = False
        gap: tuple[Mention, list[Mention]] | None = None  # a second actor with the cue left out, its objects
        across: list[str] = []  # what came from another sentence: the speaker, the object
        objects: list[Mention] = []
        by = _PASSIVE.match(sentence, cue.end())
        agent = _agent(sentence, actors, by)
        if by is None and " by " in sentence and cue[1].endswith(_PARTICIPLES):
            agent = _agent(sentence, actors, _PASSIVE_LATE.match(sentence, cue.end()))  # "signed on 5 May by …"
        if by is not None or agent is not None:
            # "the plan was rejected by Moscow": the speaker follows, what it spoke of came before.
            speaker = agent
            if speaker is not None and len(speaker.ids) > 1:
                together.add(id(speaker))  # "drafted by Kyiv and Washington"
            before = [m for m in named if c_start <= m.start and m.end <= cue.start()]
            objects = _listed(sentence, before) if len(before) > 2 else before
            head = _ANAPHOR_HEAD.match(sentence, c_start) if speaker is not None and not objects else None
            if head and head.end() <= cue.start() and (chosen := _referred(head[1].lower(), previous, plan, current)):
                objects = [_refer(r, cue, plans) for r in chosen]  # "The plan was welcomed by Kyiv"
                referred = True
                across.append("object")
            elif (
                speaker is not None
                and not objects
                and (cue.start() == 0 or (entry and _entry_clause(sentence, c_start, cue.start())))
                and (docs := [r for r in previous if r.is_proposal])
            ):
                # a status list or infobox: "Minsk II, 12.02.2015. Signed by Ukraine, Russia and the OSCE." (and
                # its next clause: "…; backed by a declaration of the leaders of France and Germany")
                entry = True
                objects = [_refer(docs[-1], cue, plans)]
                referred = True
                across.append("object")
            if speaker is None or not objects:
                continue
        elif cue.re is MODAL and aside is not None and cue.start() >= aside[1]:
            # "Ukraine, he said, must first pull out of Donetsk": the speaker of the aside demands it
            speaker = aside[0]
            if all(a is not speaker for a in actors):
                inherited, across = True, ["speaker"]
            objects = [m for m in named if cue.end() <= m.start and m.end <= c_end]
        elif cue.re is MODAL:
            # "Any settlement must include Donetsk, Peskov said": the attributed speaker demands.
            speaker = attribution
            if speaker is None or speaker.start < cue.end():
                continue
            objects = [m for m in named if c_start <= m.start and m.end <= speaker.start]
        else:
            # "Russia's claimed annexation of …", "Kyiv's rejection of …": a noun's owner is its speaker
            speaker = _owner(sentence, actors, cue.start()) if owned else None
            if speaker is not None and _JUDGED.search(sentence, max(0, speaker.start - 60), speaker.start):
                continue  # "the Assembly declared Russia's claimed annexation of four regions invalid": judged
            if speaker is None and form.split(" ", 1)[0].endswith("ing") and sentence.endswith(", ", 0, cue.start()):
                # (rules-20) "China's Foreign Ministry published a 12-point position on …, calling for a ceasefire":
                # a participle after the main clause has that clause's subject, however long the clause
                speaker = _clause_subject(sentence, subjects, c_start, cue.start())
            speaker = speaker or _speaker(sentence, subjects, cue.start(), c_start)
            if speaker is None and c_start > 0 and _COORDINATED.search(sentence[:c_start]):
                # "China supports X but opposes Y": the subject carries over into the coordinated clause —
                # who spoke there ("It has offered Ukraine …, and has suggested …" is not Ukraine's)
                prior = _clause(bounds, n, c_start - 1)[0]
                speaker = spoke.get(prior) or _clause_subject(sentence, subjects, prior, c_start)
                while speaker is None and prior > 0 and _COORDINATED.search(sentence[:prior]):
                    # "Moscow wanted X, and in return would hand back Y, while also seeking Z": through a
                    # coordinated clause with no subject of its own, back to the one that names it
                    prior = _clause(bounds, n, prior - 1)[0]
                    speaker = spoke.get(prior) or _clause_subject(sentence, subjects, prior, c_start)
                inherited = True
            if speaker is None:
                speaker = _pronoun_speaker(sentence, actors, antecedents, lexicon, cue.start(), c_start)
                inherited = speaker is not None
                across = ["speaker"] if inherited else []
            if form in OBJECT_BEFORE and (to := _TO_HOLDER.match(sentence, cue.end())) is not None:
                # (rules-19) "peacekeepers from NATO countries would not be acceptable to Russia": whose view it is
                speaker = next((a for a in actors if a.start == to.end()), None) or speaker
            if speaker is not None and MODAL.search(folded, speaker.end, cue.start()):
                speaker = None  # "Ukraine must withdraw from …": the actor is told, not telling
            if c_start > 0 and (own := _reporter_pronoun(sentence, folded, actors, lexicon, cue.start(), c_start)):
                # (rules-20) "Zelensky said … , and repeated that he wants …": the reporter of the sentence
                speaker, inherited, across = own, False, []
            if speaker is not None and stance in ("offer", "accept") and (
                reported := _REPORTED_WOULD.search(sentence, speaker.end, cue.start())
            ):
                # (rules-19) "Medinsky said Ukraine would give up any intention of retaking Crimea": what another
                # side would do, as reported, is that side's offer
                other = next((a for a in actors if a.start == reported.start("who")), None)
                if other is not None and lexicon.party(other.ids[0]) != lexicon.party(speaker.ids[0]):
                    speaker = other
            if speaker is None and attribution is not None and attribution.start >= cue.end():
                speaker = attribution
                if speaker is quoted:
                    inherited, across = True, ["quote"]
                elif all(a is not speaker for a in actors):  # "…, he said": a pronoun for an earlier actor
                    inherited, across = True, ["speaker"]
            if speaker is None and cue.start() < 3 and form.endswith("ing"):
                # "Rejecting the plan, Zelensky said …": an opening participle has the main clause's subject.
                speaker = _main_subject(sentence, actors, cue.end())
            again = None
            if speaker is not None and (c_start, speaker.start) in governed:
                again = _THAT_AGAIN.search(sentence, stated_to.get((c_start, speaker.start), n), cue.start())
            if speaker is not None and again is not None:
                # "told allies that X was unrealistic, that Y was not a realistic outcome …": another
                # complement of the same report, the same speaker's (of what follows its "that")
                governed.discard((c_start, speaker.start))
            if speaker is not None and (c_start, speaker.start) in governed:
                # "…before any ceasefire, a condition Kyiv has refused": a relative clause has its own subject.
                main, speaker = speaker, _relative_speaker(sentence, actors, cue.start(), speaker)
                inner = None if speaker else _bare_relative(
                    sentence, actors, named, main, c_start, cue.start(), c_end, lexicon, stance == "propose"
                )
                if inner is not None:
                    # (rules-20) "Putin rejected the ceasefire that Washington had proposed": without a comma too
                    speaker, objects = inner[0], [inner[1]]
            elif (
                speaker is not None
                and sentence.find(",", speaker.end, cue.start()) >= 0  # a relative clause follows a comma
                and not _is_relative(sentence, speaker, cue.start())
            ):
                # "Kyiv still controls 20% of the territory, which Moscow demands it give up": the relative
                # clause's subject speaks, and the main clause's says nothing in it
                relative = _relative_speaker(sentence, actors, cue.start(), speaker)
                if relative is not None:
                    governed.add((c_start, speaker.start))
                    speaker = relative
            elif (
                inner := _bare_relative(
                    sentence, actors, named, speaker, c_start, cue.start(), c_end, lexicon, stance == "propose"
                )
            ) is not None:
                # (rules-20) "rejected the ceasefire that Washington had proposed", "the full 30-day ceasefire
                # Washington has been pressing for": a relative clause without a comma has its own subject, and
                # speaks of the term it follows
                speaker, objects = inner[0], [inner[1]]
            if (
                speaker is not None
                and sentence.startswith((" and ", ", ", " nor "), speaker.end)
                # (a list only of the clause's own subject: not "the leaders of Russia, Ukraine and …")
                and (joined := _joined(sentence, subjects, speaker, cue.start(), not inherited)) is not None
            ):
                speaker = joined  # "Kyiv and Washington signed …", "France, Germany and Britain backed …"
                together.add(id(speaker))
            if speaker is not None and _is_relative(sentence, speaker, cue.start()):
                # "Crimea, which Russia annexed": the object is what the comma follows; "…, a condition
                # Kyiv has refused" sums up the whole clause before it.
                comma = sentence.rfind(",", 0, speaker.start)
                objects = [m for m in named if m.end <= comma]
                if _WHICH_AFTER.match(sentence, comma) and objects:
                    objects = _head(sentence, objects, comma)
                elif not objects or objects[0].start < c_start:
                    objects = objects[-1:]
            elif speaker is not None and (term := _that_head(sentence, named, speaker, cue.start())) is not None:
                objects = [term]  # "the free economic zone that US negotiators have floated"
            elif speaker is not None and form in OBJECT_BEFORE:
                # "said the army cap was unacceptable"; "the army cap is unacceptable, Peskov said"
                first = min(speaker.end, c_start) if speaker.start > cue.start() else speaker.end
                if speaker.start < cue.start() and _SAYS_ASIDE.match(sentence, speaker.end):
                    first = c_start  # "The ceasefire, Lavrov said, was unacceptable"
                if again is not None:
                    first = max(first, again.end())
                objects = [m for m in named if first <= m.start and m.end <= cue.start()]
        if speaker is None and form in OBJECT_BEFORE and (holder := _holder(sentence, actors)) is not None:
            # "For Moscow, NATO membership for Ukraine is a red line": whose view it is, named first
            speaker = holder
            objects = [m for m in named if holder.end <= m.start and m.end <= cue.start()]
        if speaker is None and written is not None:
            speaker = written  # "a resolution drafted by Ukraine and European states that demands …"
            together.add(id(speaker))
        if speaker is None or (c_start, speaker.start) in governed:
            continue  # "Russia demands that Ukraine withdraw from Donetsk": the first cue is the stance
        if speaker.start < cue.start() and _IF_SUBJECT.search(sentence, speaker.start - 20, speaker.start):
            continue  # "… as soon as Ukraine abandoned its NATO plans": a condition set for Ukraine, not its stance
        if speaker.start < cue.start() and _unspoken(sentence, folded, speaker, cue, stance):
            continue
        most = _MOST_OBJECTS
        if not objects:
            # after the cue; for "X said (that) Y must …" from "said" on
            begin = cue.start() if cue.re is _SAID_MUST else cue.end()
            # up to the clause's end, or to a speaker named after the cue
            ends = [a.start for a in (attribution, speaker) if a is not None and a.start > cue.end()]
            if sentence.startswith(",", cue.end()) and _LISTED.match(sentence, cue.end()):
                # "presenting demands, discussing ceasefires": a list of acts, not the demand's object
                ends.append(cue.end())
            limit = min([c_end, *ends])
            dash = _DASHED.match(sentence, cue.end()) if limit == c_end else None
            if dash is not None and not any(cue.end() <= m.start < dash.start(1) for m in named):
                # "Russia's demands – withdrawal from the four regions, … –", "the regions Russia claims
                # as its own – Crimea and …": the list the dashes hold
                limit = _clause(bounds, n, dash.end())[1]
            if limit == c_end and sentence.find(": ", cue.end(), limit) >= 0:
                # "offering neutrality for guarantees: the guarantors would …, and Crimea would …": the items
                # the colon opens
                while (between_items := _ITEM.match(sentence, limit)) is not None:
                    limit = _clause(bounds, n, between_items.end())[1]
                    most = _MOST_LISTED
            if limit == c_end and (form.endswith(" that") or sentence.startswith(" that ", cue.end())):
                # "insisted that a ceasefire come first, and that Ukraine receive guarantees"
                while (more := _AND_THAT.match(sentence, limit)) is not None:
                    limit = _clause(bounds, n, more.end())[1]
            elif limit == c_end and (again_prep := _AND_PREPOSITION.get(form.rsplit(" ", 1)[-1])) and " " in form:
                # (rules-19) "spoke of negotiations, of guarantees of security, and of an exchange of prisoners":
                # the same complement, its preposition repeated (rules-20: any preposition a cue ends with,
                # "objected to recognising Russia's hold on Crimea, and to the plan for the frozen assets")
                while (more := again_prep.match(sentence, limit)) is not None:
                    limit = _clause(bounds, n, more.end())[1]
            which = _WHICH_AFTER.search(sentence, cue.end(), limit) if proposals else None
            if which is not None and stance != "propose" and any(p.end == which.start() for p in proposals):
                # "promote the plan, which calls for a ceasefire": what the plan says, unless its author
                # is the one putting it forward ("handed over its memorandum, which calls for …")
                limit = which.start()
            if form.startswith("adopt") and (comma := sentence.find(",", cue.end(), limit)) >= 0:
                limit = comma  # "adopted the Paris Declaration, with a force to follow": the text adopted only
            objects = [m for m in named if begin <= m.start < limit]
            if len(objects) > 1 and (gap := _gapped(sentence, subjects, objects, cue.end(), limit)) is not None:
                # "Kyiv wants security guarantees, Moscow sanctions relief": the second actor's objects are its own
                objects = [m for m in objects if m.end <= gap[0].start]
        figure_only = not objects and _FIGURE_ONLY.match(sentence, cue.end()) is not None
        if not objects and c_start > 0 and (figure_only or _SAME_IDEA.match(sentence, cue.end())):
            # (rules-19) "He floated a one-month truce …, and said Britain backs the idea": what an earlier clause
            # of the sentence named; "The US offers a guarantee for 15 years; Kyiv has asked for 30 to 50": a
            # figure alone stands for the thing the clause before measured
            objects = [m for m in named if m.end <= c_start and not _overlaps(m, speaker)][-1:]
        if _PRONOUN.match(sentence, cue.end()) and (not objects or _IT.match(sentence, cue.end())):
            # "Washington proposed a ceasefire, and Ukraine accepted it"; "would only support it if …".
            before = [m for m in named if m.end <= cue.start() and not _overlaps(m, speaker)][-1:]
            if before:
                objects = [*before, *objects]
            elif objects and previous and _IT.match(sentence, cue.end()):
                objects = [_refer(previous[-1], cue, plans), *objects]
                inherited = True
                across.append("object")
        if stance == "condition" and not objects:
            # "…, only after sanctions are lifted"; else "made sanctions relief a precondition"
            objects = [m for m in named if cue.end() <= m.start < c_end] or [
                m for m in named if speaker.end <= m.start and m.end <= cue.start()
            ]
        elif stance == "condition" and speaker.end <= cue.start() and _TIME_CONDITION.match(form):
            # (rules-19) "Putin said Russia would order a ceasefire as soon as Ukraine withdrew …", "a ceasefire could
            # come only after …": what the condition is set for is the speaker's too
            first = max(speaker.end, c_start)
            objects = [m for m in named if first <= m.start and m.end <= cue.start() and m not in objects] + objects
        objects = [
            o
            for o in objects
            if not _overlaps(o, speaker)
            and not _names_an_actor(sentence, o, actors)
            and not _LIKENED.search(sentence, max(0, o.start - 20), o.start)
        ]
        if form in _ENDED:
            # "Russia ended it": an agreement the sentence names, not an issue (nor a plan further back)
            objects = [o for o in objects if id(o) in plans]
            if not objects:
                continue
        if form in _NAMES_ITS_PLAN and any(id(o) in plans for o in objects):
            # (rules-19) "Kyiv's answer is a freeze on the current line", "the fairest model was a ceasefire on the
            # current line": the answer is the plan it names
            objects = [o for o in objects if id(o) in plans]
        elif plans and objects:  # "the freeze on the line that Kyiv wants": the issue term inside its name too
            objects += [
                i for i in issues if i not in objects and any(_overlaps(i, o) for o in objects if id(o) in plans)
            ]
        if objects:
            anaphor = None
        elif form in OBJECT_BEFORE:
            anaphor = _ANAPHOR_BEFORE.search(sentence, speaker.end, cue.start()) if speaker.end < cue.start() else None
        elif (
            stance in ("reject", "accept")
            and form.endswith(("ed", "es", "s"))
            and (bare := _BARE.match(sentence, cue.end()))
        ):
            anaphor = bare  # "The Ukrainian side refused.": what was asked of it
        else:
            anaphor = _ANAPHOR.match(sentence, cue.end())
        if (
            anaphor
            and plan is not None
            and (form in _SIGNING or form.startswith("endors"))
            and _IT.match(sentence, cue.end())
        ):
            chosen = [current or plan]  # "…, and South Africa endorsed it": one endorses or signs a text, not an issue
        elif anaphor and (current or plan) is not None and not anaphor.group(1) and form.endswith(_TEXT_JUDGED):
            # "Putin said that it could form the basis of a settlement": a text, not an issue (the article's
            # last, however far back: "they were not made in good faith" is said of no region)
            chosen = [current or plan]  # type: ignore[list-item]
        elif anaphor and anaphor.group().strip().lower() == "them" and len(plans_before := [
            r for r in previous if r.is_proposal and r.age == 1
        ]) == 1:
            # (rules-20) "Putin had set out his own conditions for a ceasefire: … . Zelensky dismissed them as an
            # ultimatum": "them" after a sentence naming one plan is the plan, not the last issue it holds
            chosen = plans_before
        elif anaphor:
            chosen = _referred((anaphor.group(1) or "").lower(), previous, plan, current)
        else:
            chosen = []
        if chosen:
            # "Kyiv welcomed the proposal": what the sentence before named (see _referred)
            objects = [_refer(r, cue, plans) for r in chosen]
            referred = True
            across.append("object")
        signed_with = _SIGNED_WITH.match(sentence, cue.end()) if form in _SIGNING else None
        if not objects and signed_with is not None:
            # "The initiative is signed as two mirror documents: Ukraine signs with Turkey and the UN": the
            # document the sentence named before
            objects = [m for m in proposals if m.end <= cue.start()][-1:]
        if not objects:
            unheld[(c_start, speaker.start)] = (cue.end(), stance)
            continue
        # (rules-21) "Russia demands recognition of these areas": a cue noun right after the speaker's verb, which
        # found no object of its own, is that verb's object and takes its stance (the objects are the noun's)
        ruling = unheld.get((c_start, speaker.start))
        voiced = stance
        if (
            ruling is not None
            and form.split(" ", 1)[0].endswith(_NOMINAL)
            and _ARTICLE_ONLY.fullmatch(sentence, ruling[0], cue.start())
        ):
            voiced = ruling[1]
        if proposals and stance in _PUTTING and (host := _host(sentence, proposals, speaker)) is not None:
            objects = [*objects, host]  # "the Istanbul Communiqué, in which Ukraine proposed neutrality"
        objects.sort(key=lambda m: m.start)
        governed.add((c_start, speaker.start))
        stated_to[(c_start, speaker.start)] = cue.end()
        spoke.setdefault(c_start, speaker)
        # The words between speaker and cue; for a speaker named after the cue, the words before the cue.
        words_start = speaker.end if speaker.start < cue.start() else c_start
        between = sentence[words_start : cue.start()]
        negated = bool(NEGATION.search(folded[max(words_start, cue.start() - 30) : cue.start()]))
        negated = negated or (cue.re is MODAL and bool(_NOT.match(sentence, cue.end())))
        negated = negated or bool(_NEITHER.search(sentence, max(0, speaker.start - 9), speaker.start))
        if negated and form in _SIGNING and not _REFUSING.search(folded, max(0, cue.start() - 30), cue.start()):
            # "Neither China nor Brazil signed the communiqué": staying off a list is no stance on it ("will
            # not sign anything that …" is a refusal)
            continue
        cond_end = c_end if c_end > cue.end() else len(sentence)
        if _BUT_ONLY.match(sentence, cond_end):
            cond_end = _clause(bounds, n, cond_end + 5)[1]  # "prepared to discuss a ceasefire, but only after …"
        condition = CONDITION.search(folded, cue.end(), cond_end)
        conditional = condition is not None or voiced == "condition"
        confidence = 0.85 - min(len(between), 120) / 600
        if _HEDGE.search(folded[max(c_start, speaker.start - 40) : cue.start()]):
            confidence -= 0.2
        if inherited or id(speaker) in together:
            confidence -= 0.1
        if referred:
            confidence -= 0.15
        pairs = [(o, negated) for o in objects[:most]]
        # (rules-21) "rejected the plan and demanded sanctions relief": the objects after a verb cue joined to this
        # one by "and" take that cue's stance (they stay this cue's pairs)
        retold = _retold(sentence, cue, [j for j in coordinated if j.start() < c_end], objects, actors)
        # (rules-24) "offered a ceasefire if Ukraine leaves the four regions": what the condition asks is the
        # speaker's condition, not its offer (not "in return for": either side may give it)
        asked_from = condition.start() if condition is not None and not condition.group().startswith(_RECIPROCAL) else n
        if (but := _BUT_NOT.match(sentence, c_end)) is not None:
            # "backs security guarantees but not NATO membership"
            after = [m for m in named if but.end() <= m.start < _clause(bounds, n, but.end())[1]]
            pairs += [(o, not negated) for o in after[:2]]
        seen: set[tuple[str, str]] = set()
        speakers = speaker.ids if id(speaker) in together else speaker.ids[:1]
        if stance in ("propose", "accept") and (partner := _partner(sentence, actors, cue.end(), c_end)):
            speakers = (*speakers, partner.ids[0])  # "drew up the plan together with Dmitriev" (not "wants to …")
        elif form in ("agreed with", "agrees with") and (partner := _unowned_at(sentence, actors, cue.end())):
            speakers = (*speakers, partner.ids[0])  # "Kyiv agreed with Washington on …"
        if stance == "propose" and (co := _co_authors(sentence, actors, proposals, objects, speakers, lexicon)):
            speakers = (*speakers, *co)  # "presents the framework that Ukraine drew up with Washington: an army …"
        if written is not None and written is not speaker:
            speakers = (*speakers, *written.ids)  # "the resolution put forward by Ukraine and the EU, which demands …"
        if signed_with is not None:  # "… signs with Turkey and the United Nations": each signs it
            speakers = (*speakers, *(a.ids[0] for a in _listed_actors(sentence, actors, signed_with.end())))
        also = _AS_DID.search(sentence, cue.end()) if " as " in sentence or " so " in sentence else None
        if also is not None and (other := _unowned_at(sentence, actors, also.end())) is not None:
            speakers = (*speakers, other.ids[0])  # "Ukraine rejected the plan, as did the EU"
        groups = [(speaker, speakers, pairs)]
        if gap is not None:
            groups.append((gap[0], gap[0].ids[:1], [(o, negated) for o in gap[1][:6]]))
        for who, ids, group in groups:
            for obj, negative in group:
                is_proposal = id(obj) in plans
                told_as = retold.get(id(obj)) or ("condition" if obj.start >= asked_from else None)
                label = told_as or voiced
                if conditional and label in ("accept", "support"):
                    label = "offer"  # a conditional acceptance is an offer
                negative = negative and told_as is None
                for obj_id, actor_id in itertools.product(obj.ids[:5], ids):  # "the four regions" are four issues
                    party = lexicon.party(actor_id)
                    if (party, obj_id) in seen:
                        continue
                    seen.add((party, obj_id))
                    yield item(
                        "stance",
                        min(who.start, obj.start),
                        max(cue.end(), obj.end, who.end),
                        "stance/anaphor" if across else f"stance/{told_as or voiced}",
                        confidence,
                        actor_id=party,
                        actor_name=lexicon.actor_names[party],
                        speaker_id=actor_id,
                        **_object(lexicon, obj_id, is_proposal),
                        stance=label,
                        polarity="negative" if negative else "positive",
                        conditional=conditional,
                        condition=sentence[condition.start() : max(c_end, condition.end())].strip()
                        if condition
                        else None,
                        extra={
                            "cue": sentence[cue.start(1) : cue.end(1)],  # as written: cues are found in fold(sentence)
                            "mention": sentence[who.start : who.end],
                            **({"across": across} if across else {}),
                        },
                    )


# Where a document's contents end: another clause, not a further item of the list (", and …"), or
# someone reporting ("Zelensky said the document …" speaks for Zelensky).
# (but the document's own verb in a series: "It asks …, says it supports …, and calls for …")
_CONTENT_END = re.compile(
    r";|\s[–—]\s|\.\s|,?\s+(?:while|whereas|but|although|though|however|yet)\b(?!\s+\w+ing\b)|\b(?:told|tells|added)\b|"
    r"(?<!,\s)\b(?:said|says)\b|\b(?:said|says)\b(?!\s+it\s)|"
    # (rules-20) a named subject's own clause in the perfect, no provision: "…, and Emmanuel Macron has spoken of …"
    r",\s+and\s+(?-i:[A-Z][\w'’.-]*)(?:\s+(?-i:[A-Z][\w'’.-]*)){0,2}\s+(?:has|have|had)\s+(?:\w+ed|\w+en|spoken|said|made)\b",
    re.IGNORECASE,
)
# A sentence still about the document: "its", "the text".
_ITS = re.compile(r"\b[Ii]ts\b|\b(?:[Tt]he|[Tt]his)\s+(?:text|document|draft|paper)\b")
_LIST_END = re.compile(_CONTENT_END.pattern.removeprefix(";|"), re.IGNORECASE)


# Before an organisation a country would belong to: "never join NATO", "membership of the EU".
_JOIN = re.compile(r"\b(?:join(?:s|ed|ing)?|membership\s+(?:of|in)|accession\s+to|entry\s+into)\s+(?:the\s+)?$")


def _content_end(sentence: str, found: documents.Content) -> int:
    """Where the document's contents that begin at ``found.start`` end (see _CONTENT_END; a headed
    section's run to its line's end)."""
    if found.verb == "section":
        return len(sentence)
    stop = _CONTENT_END.search(sentence, found.start)
    if stop is not None and stop.group() == ";" and sentence.find(":", 0, stop.start()) >= 0:
        stop = _LIST_END.search(sentence, found.start)  # "… describes a settlement: X; Y; and Z": a list's items
    return stop.start() if stop else len(sentence)


# Where a second document may open a clause of its own: ", and Zelensky's formula wants …", "; Moscow's memorandum …"
_SECOND_OPENING = re.compile(r"(?:,\s+and|;|,\s+while|,\s+whereas)\s+(?=\S)")


def _opening_content(rest: str, current: documents.Current) -> documents.Content | None:
    """The contents a later part of a sentence (``rest``) opens with, unless only a section heading."""
    found = documents.content(rest, current)
    return None if found is None or found.verb == "section" else found


def _moved(found: documents.Content, at: int) -> documents.Content:
    """``found``, of the part of a sentence from offset ``at``, at the sentence's offsets."""
    return dataclasses.replace(found, subject_end=found.subject_end + at, start=found.start + at)


def _shifted(actors: list[Mention], at: int, stop: int) -> list[Mention]:
    """The actors in [at, stop), at offsets from ``at``."""
    return [Mention(a.start - at, a.end - at, a.ids) for a in actors if at <= a.start < stop]


def _it_goes_on(
    sentence: str, contents: tuple[documents.Content, tuple[str, ...]]
) -> tuple[int, documents.Content, tuple[str, ...]] | None:
    """(rules-19) "Russia's memorandum would allow a ceasefire only once …; it also demands recognition of
    Crimea": "it" opening the clause after the document's contents end at a semicolon goes on with them."""
    end = _content_end(sentence, contents[0])
    if not sentence.startswith("; it ", end):
        return None
    found = _opening_content("It" + sentence[end + 4 :], documents.Current(contents[1], subject=True))
    return (end, _moved(found, end + 2), contents[1]) if found is not None else None


# A document that leaves a question to others or for later takes no position on it: "the 20-point framework
# would leave a free economic zone there to a working group and a referendum"
_DEFERRED = re.compile(
    r"\bto\s+(?:a\s+|the\s+)?(?:working\s+groups?|referend(?:um|a)|later|talks|negotiations|leaders)\b"
    r"|\b(?:open|unresolved|unsettled|aside)\b"
)


def _clause_documents(
    sentence: str, actors: list[Mention], proposals: list[Mention], lexicon: Lexicon
) -> list[tuple[documents.Content, tuple[str, ...], int]]:
    """(rules-20) The clauses between semicolons of ``sentence`` that open with a document whose writers the
    subject gives, by its owner ("Russia's memorandum asks …") or by naming a case proposal of one or two
    authors ("the 20-point framework keeps …"): each clause's contents, their writers and where the clause ends."""
    found_clauses = []
    bounds = [0, *(i + 1 for i, c in enumerate(sentence) if c == ";"), len(sentence) + 1]
    for begin, after in itertools.pairwise(bounds):
        at = begin + len(sentence[begin:after]) - len(sentence[begin:after].lstrip())
        stop = after - 1
        rest = sentence[at:stop]
        if not rest:
            continue
        rest = rest[0].upper() + rest[1:]
        found = _opening_content(rest, documents.UNKNOWN)
        if found is None:
            continue
        writers = _named_writers(rest, _shifted(actors, at, stop), found, lexicon)
        if not writers:
            named = {p.ids[0] for p in proposals if at <= p.start and p.end <= at + found.subject_end}
            named &= set(lexicon.proposal_parties)
            if len(named) == 1:
                writers = lexicon.proposal_parties[named.pop()]
        if not writers or len(writers) > 2:
            continue
        if found.verb.startswith("le") and _DEFERRED.search(rest):
            writers = ()  # a document of its own, with no contents
        found_clauses.append((_moved(found, at), writers, stop))
    return found_clauses


def _second_contents(
    sentence: str, actors: list[Mention], lexicon: Lexicon
) -> tuple[int, documents.Content, tuple[str, ...]] | None:
    """Where a later clause of ``sentence`` opens with a second document whose subject names its owner ("…, and
    Zelensky's ten-point formula of 2022 wants an international mechanism …"), its contents and its owners."""
    for opening in _SECOND_OPENING.finditer(sentence, 1):
        at = opening.end()
        rest = sentence[at:]
        found = _opening_content(rest, documents.UNKNOWN)
        if found is None:
            continue
        writers = _named_writers(rest, _shifted(actors, at, len(sentence)), found, lexicon)
        if not writers or len(writers) > 2:
            continue
        return opening.start(), _moved(found, at), writers
    return None


def _document_stances(
    sentence: str,
    actors: list[Mention],
    named: list[Mention],
    contents: tuple[documents.Content, tuple[str, ...]],
    lexicon: Lexicon,
    item: MakeItem,
    proposals: list[Mention],
    stop: int | None = None,
) -> Iterator[Evidence]:
    """ "The plan calls for …", "Under the draft, Ukraine would …": the authors of the document the
    article describes take a stance on each issue its contents name (at a lower confidence than a
    stance an actor states itself), up to ``stop`` if given."""
    found, writers = contents
    end = _content_end(sentence, found)
    if stop is not None:
        end = min(end, stop)
    # a term that is only an actor's name ("the United States, NATO and …") is the actor, unless
    # something is to join it ("that it will never join NATO")
    objects = [
        m
        for m in named
        if found.start <= m.start
        and m.end <= end
        and (
            not any(a.start <= m.start and m.end <= a.end for a in actors)
            or _JOIN.search(sentence, max(0, m.start - 20), m.start) is not None
        )
        and not _names_an_actor(sentence, m, actors)
    ]
    plans = {id(p) for p in proposals}
    seen: set[tuple[str, str]] = set()
    for obj in objects[:8]:
        is_proposal = id(obj) in plans
        for obj_id in obj.ids[:5]:
            for party in writers:
                if (party, obj_id) in seen:
                    continue
                seen.add((party, obj_id))
                yield item(
                    "stance",
                    0,
                    obj.end,
                    "stance/document",
                    0.6,
                    actor_id=party,
                    actor_name=lexicon.actor_names[party],
                    speaker_id=party,
                    **_object(lexicon, obj_id, is_proposal),
                    stance=found.stance,
                    polarity="negative" if found.negated else "positive",
                    conditional=False,
                    condition=None,
                    extra={"cue": found.verb, "mention": sentence[: found.subject_end], "rule": "document"},
                )


# What a document is compared with: "It follows the 28-point plan in places", "departs from it".
_FOLLOWS = re.compile(
    r"\b(?:follow|mirror|resemble|revise|replace|depart\w*\s+from|differ\w*\s+from|build\w*\s+on|built\s+on|"
    r"draw\w*\s+on|drew\s+on|borrow\w*\s+from)(?:s|ed|d)?\s+(?:the\s+|its\s+)?(?:[\w'’–-]+\s+){0,2}?$",
    re.IGNORECASE,
)
# "Unlike Ukraine's own formula, …", "compared with Russia's memorandum": named to compare, not proposed.
_COMPARED = re.compile(r"\b(?:[Uu]nlike|than|compared\s+(?:with|to)|such\s+as)\s+(?:the\s+)?$")
# "None of the questions named … the Russian memorandum": a list of what was not asked about.
_NOT_NAMED = re.compile(r"None\s+of\s+(?:the|these|those)\s+\w+\s+(?:named|mentioned|asked\s+about|cited)\b")
# "Washington's own 28-point plan", "the United States' own draft", "the Coalition of the Willing's Paris
# Declaration": whose it is.
_OWNED = re.compile(r"(?:['’]s|(?<=s)['’])\s+(?:own\s+)?")


def _owns(sentence: str, actor: Mention, proposal: Mention) -> bool:
    """Whether "X's" stands before the proposal's name or opens it ("Russia's memorandum" is a name
    of the case)."""
    owned = _OWNED.match(sentence, actor.end)
    return owned is not None and proposal.start in (actor.start, owned.end())


def _author_stances(
    sentence: str, actors: list[Mention], proposals: list[Mention], lexicon: Lexicon, item: MakeItem
) -> Iterator[Evidence]:
    """ "Washington's 28-point plan would …", "the framework that Kyiv and Washington drafted": an actor
    that a proposal's name is said to belong to, or that a clause right after it names as its writer,
    and that the case records among its authors, proposes it (at a low confidence: the sentence may
    only name the plan)."""
    for p in proposals:
        authors = lexicon.proposal_parties[p.ids[0]]
        owners = [a for a in actors if _owns(sentence, a, p)][:1] or _joint(sentence, actors, p, lexicon)
        owners = owners or _wrote(sentence, actors, p) or _adjective(sentence, p, lexicon) or _of(sentence, actors, p)
        owners = owners or _its(sentence, actors, p, lexicon) or _joint_writers(sentence, proposals, p, lexicon)
        owners = owners or _laid(sentence, actors, p)
        for owner in owners:
            party = lexicon.party(owner.ids[0])
            if party not in authors or _COMPARED.search(sentence, 0, owner.start) or _NOT_NAMED.match(sentence):
                continue
            yield _author_item(sentence, owner, p, party, lexicon, item)


def _co_authors(
    sentence: str,
    actors: list[Mention],
    proposals: list[Mention],
    objects: list[Mention],
    speakers: tuple[str, ...],
    lexicon: Lexicon,
) -> tuple[str, ...]:
    """(rules-19) The other authors of the case proposal a speaker puts forward, when the sentence names them
    as its writers ("the framework that Ukraine drew up with Washington", "the US–Ukrainian framework") and the
    case holds them and the speaker among its authors: they hold what the cue's clause says it contains."""
    plans = {id(p) for p in proposals}
    put = [o for o in objects if id(o) in plans]
    if len(put) != 1 or not speakers:
        return ()
    p = put[0]
    authors = lexicon.proposal_parties[p.ids[0]]
    if lexicon.party(speakers[0]) not in authors:
        return ()
    named = _joint(sentence, actors, p, lexicon) or _wrote(sentence, actors, p) or _joint_writers(
        sentence, proposals, p, lexicon
    )
    parties = {lexicon.party(speaker) for speaker in speakers}
    return tuple(dict.fromkeys(q for a in named if (q := lexicon.party(a.ids[0])) in authors and q not in parties))


# "the Paris Declaration of the coalition of the willing, January 2026", "the memorandum of June 2025 of the
# Russian side": the actor a document's name is "of", perhaps after its date.
_OF_OWNER = re.compile(r"(?:\s+of\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4},?)?\s+of\s+(?:the\s+)?")


def _of(sentence: str, actors: list[Mention], proposal: Mention) -> list[Mention]:
    """The actor right after ``proposal`` and "of" ("the Paris Declaration of the coalition of the willing")."""
    after = next((a for a in actors if a.start >= proposal.end), None)
    return [after] if after is not None and _OF_OWNER.fullmatch(sentence, proposal.end, after.start) else []


# "Putin set out his terms", "Russia presented the memorandum", "Putin went to the ministry and set out the terms":
# the subject lays the document down (perhaps after another verb joined by "and")
_LAID_DOWN = re.compile(
    r"(?P<joined>\s+(?:[\w'’-]+\s+){1,5}?and)?\s+(?:(?:had|has|have|then|also|first|later|formally|publicly)\s+)*"
    rf"(?:{documents.PRESENTING})\s+(?:the|his|her|its|their|an?)\s+(?:[\w'’-]+\s+){{0,3}}?"
)


def _laid(sentence: str, actors: list[Mention], proposal: Mention) -> list[Mention]:
    """The actor right before ``proposal`` that the sentence says laid it down ("Putin set out his terms")."""
    before = next((a for a in reversed(actors) if a.end <= proposal.start), None)
    if before is None:
        return []
    found = _LAID_DOWN.fullmatch(sentence, before.end, proposal.start)
    if found is None or (found["joined"] and documents.names_document(found["joined"])):
        return []  # ("rejected Russia's proposal and put forward a plan": the plan is not Russia's)
    return [before]


# "its" right before a proposal's name, perhaps after "own", "new" …
# (rules-19: or "their", "European leaders said …, and their 24-point counter-proposal …")
_ITS_BEFORE = re.compile(r"\b(?:[Ii]ts|[Tt]heir)\s+(?:(?:own|new|revised|latest|original|updated|draft)\s+)?$")


def _its(sentence: str, actors: list[Mention], proposal: Mention, lexicon: Lexicon) -> list[Mention]:
    """ "The coalition of the willing, in its Paris Declaration, adds …", "Russia's position since its
    memorandum …": the one party the sentence names before "its" and the proposal."""
    before = [a for a in actors if a.end <= proposal.start]
    if not before or not _ITS_BEFORE.search(sentence, max(0, proposal.start - 30), proposal.start):
        return []
    return before[:1] if len({lexicon.party(a.ids[0]) for a in before}) == 1 else []


# "the US–Ukraine 20-point framework", "a Kyiv/Washington draft": two names joined by a dash or slash
# right before a proposal's name, which the case holds as its two authors.
_JOINT_LINK = re.compile(r"\s*[–/-]\s*")


# "the American and Ukrainian proposal for a 30-day ceasefire", "the Russian and Chinese plan": two names as
# adjectives joined by "and" before the proposal's name or before the document noun it follows
_JOINED_ADJECTIVES = re.compile(
    r"(?<![\w'’–/-])(?P<first>[A-Z][\w.]*)\s+and\s+(?P<second>[A-Z][\w.]*)\s+(?:(?:joint|own|new)\s+)?"
    rf"(?:(?:{documents.DOCUMENT_NOUNS})\s+(?:for|on|of)\s+(?:a|an|the)\s+)?$"
)


# (rules-19) "the US–Ukrainian 20-point framework", "the Chinese–Brazilian understandings": a name and a
# nationality, or two nationalities, joined by a dash or slash, both of them parties
_DASHED_ADJECTIVES = re.compile(
    _DASHED_NAMES + r"\s+(?:(?:joint|own|new)\s+)?"
    rf"(?:(?:{documents.DOCUMENT_NOUNS})\s+(?:for|on|of)\s+(?:a|an|the)\s+)?$"
)


def _distinct_pair(found: re.Match[str] | None, lexicon: Lexicon) -> list[Mention]:
    """The two different parties a dashed pair ``found`` names (see _DASHED_NAMES), or none."""
    pair = _adjective_pair(found, lexicon) if found is not None else []
    return pair if len(pair) == 2 and pair[0].ids != pair[1].ids else []


def _joint(sentence: str, actors: list[Mention], proposal: Mention, lexicon: Lexicon) -> list[Mention]:
    """The two actors a joint name right before ``proposal`` gives as its authors ("US–Ukraine …", "the
    American and Ukrainian proposal for …", "the US–Ukrainian …")."""
    joined = _JOINED_ADJECTIVES.search(sentence, max(0, proposal.start - 60), proposal.start)
    if joined is not None:
        return _adjective_pair(joined, lexicon)
    dashed = _DASHED_ADJECTIVES.search(sentence, max(0, proposal.start - 60), proposal.start)
    if pair := _distinct_pair(dashed, lexicon):
        return pair
    before = [a for a in actors if a.end <= proposal.start]
    if len(before) < 2 or sentence[before[-1].end : proposal.start].strip(" ") != "":
        return []
    first, second = before[-2], before[-1]
    return [first, second] if _JOINT_LINK.fullmatch(sentence, first.end, second.start) else []


# "the US 28-point plan", "the American draft", "under the US plan": one name as an adjective right
# before a proposal's name, perhaps after "own", "new" … (the annotation guide: a plan named as an
# actor's own is that actor's). Two capitalised words may be one name ("United States") or an opening
# word and a name ("The US").
# (or before the document noun the name follows: "the American proposal for an immediate, interim 30-day
# ceasefire", whose writer the adjective gives)
_ADJECTIVE = re.compile(
    r"(?<![\w'’–/-])((?:[A-Z][\w.]*\s+)?[A-Z][\w.]*)\s+(?:(?:own|new|revised|latest|original|updated|draft)\s+)?"
    rf"(?:(?:{documents.DOCUMENT_NOUNS})\s+(?:for|of)\s+(?:a|an|the)\s+(?:[a-z][\w-]*,?\s+){{0,2}}?)?$"
)
# "the Russian memorandum", "the Chinese peace plan": a name of the case proposal that opens with a
# nationality (not a place: "the Paris Declaration", "the Minsk agreements" name no author).
_NATIONALITY_FIRST = re.compile(r"([A-Z][a-z]+)\s")


def _adjective(sentence: str, proposal: Mention, lexicon: Lexicon) -> list[Mention]:
    """The actor a name written as an adjective right before ``proposal``, or opening its name, gives
    as its author (whether the case holds it as one is for the caller)."""
    if (named := _ADJECTIVE.search(sentence, max(0, proposal.start - 64), proposal.start)) is not None:
        words = named[1].split()
        for at, name in ((named.start(1), named[1]), (named.end(1) - len(words[-1]), words[-1])):
            if (party := lexicon.adjective_party(name)) is not None:
                return [Mention(at, named.end(1), (party,))]
            if len(words) == 1:
                break
    opening = _NATIONALITY_FIRST.match(sentence, proposal.start)
    if opening is None or lexicon.actors(opening[1]) or sentence[proposal.start - 1 : proposal.start] in ('"', "“"):
        # "the Paris Declaration": a place its name holds (a nationality is no actor's name); "the
        # "Russian memorandum" card": a name quoted, not a document
        return []
    party = lexicon.adjective_party(opening[1])
    return [Mention(opening.start(1), opening.end(1), (party,))] if party is not None else []


# Who wrote a document, named right after it: "the framework that Kyiv and Washington have drafted", "the
# joint statement the United States and Ukraine issued", "the framework worked out between Washington and Kyiv".
_WROTE = (
    r"(?:drafted|drew\s+up|drawn\s+up|worked\s+out|produced|issued|wrote|written|prepared|put\s+forward|tabled|"
    r"handed\s+over|presented|unveiled|agreed|settled|put\s+together|hammered\s+out|co-?wrote|co-?authored|"
    r"put\s+to(?=\s+(?:him|her|them|(?:the\s+)?[A-Z]))|"  # (rules-19) "put to the G20", not "put to the test"
    # (rules-19) laid before others: "the 28-point plan Washington handed to Kyiv", "the plan Washington circulated"
    r"circulated|handed(?=\s+(?:to|Kyiv|Moscow|Zelensky|Putin|the\s+[A-Z]))|sent(?=\s+to\b)|delivered|submitted"
    r")"
)
_WRITERS_BEFORE = re.compile(r"(?:,?\s+which|\s+that)?\s+(?:the\s+)?$")
# (the writer may be a state's team: "the communiqué Ukraine's negotiators presented in Istanbul")
_WRITERS_AFTER = re.compile(
    r"(?:['’]s\s+(?:negotiators|delegation|delegates|envoys?|team|government|officials|diplomats))?"
    r"\s+(?:(?:have|has|had|jointly|together|later)\s+)*" + _WROTE + r"\b"
)
_WRITTEN_BY = re.compile(r"\s+" + _WROTE + r"(?:\s+together)?\s+(?:by|between|with)\s+(?:the\s+)?")
# "the 20-point framework it drew up with Kyiv": the partner named is a writer (whom "it" stands for is not
# worked out here)
_PRONOUN_WROTE_WITH = re.compile(
    r"(?:,?\s+which|\s+that)?\s+(?:it|they)\s+(?:(?:have|has|had|jointly|later)\s+)*" + _WROTE
    + r"\s+(?:together\s+)?with\s+(?:the\s+)?"
)
_WITH = re.compile(r"\s+(?:together\s+)?with\s+(?:the\s+)?")
_WRITERS_LINK = re.compile(r"(?:\s+and|,)\s+(?:the\s+)?")


# "… describing it as a draft that Ukrainian and American negotiators had worked out together": two
# writers named as adjectives in a clause after the document (the annotation guide: a document with
# several authors is each one's)
_JOINT_WRITERS = re.compile(
    r"\b(?:that|which)\s+(?:the\s+)?(?P<first>[A-Z][\w.]*)\s+and\s+(?:the\s+)?(?P<second>[A-Z][\w.]*)\s+"
    r"(?:negotiators|officials|teams|delegations|sides|diplomats|envoys|governments)\s+"
    r"(?:(?:have|has|had|jointly|together|later)\s+)*" + _WROTE + r"\b"
)


def _joint_writers(sentence: str, proposals: list[Mention], proposal: Mention, lexicon: Lexicon) -> list[Mention]:
    """The two writers a clause after ``proposal`` (before the next proposal) names by their adjectives."""
    stop = next((p.start for p in proposals if p.start >= proposal.end), len(sentence))
    found = _JOINT_WRITERS.search(sentence, proposal.end, stop) if " and " in sentence[proposal.end : stop] else None
    return _adjective_pair(found, lexicon) if found is not None else []


def _adjective_pair(found: re.Match[str], lexicon: Lexicon) -> list[Mention]:
    """The parties of the two adjectives ``found`` names (groups "first" and "second": "American and Ukrainian")."""
    named = [(found.start(g), found.end(g), lexicon.adjective_party(found[g])) for g in ("first", "second")]
    return [Mention(start, end, (party,)) for start, end, party in named if party is not None]


def _wrote(sentence: str, actors: list[Mention], proposal: Mention) -> list[Mention]:
    """The actors a relative clause or participle right after ``proposal`` names as its writers."""
    first = next((a for a in actors if a.start >= proposal.end), None)
    if first is not None and _WRITERS_BEFORE.fullmatch(sentence, proposal.end, first.start):
        writers = _listed_actors(sentence, actors, first.start)  # "Kyiv and Washington", "…, Ukraine and …"
        wrote = _WRITERS_AFTER.match(sentence, writers[-1].end)
        if wrote is None:
            return []
        # "the framework Kyiv worked out with the Americans": the partner is a writer too
        partner = _WITH.match(sentence, wrote.end())
        after = next((a for a in actors if partner is not None and a.start == partner.end()), None)
        return [*writers, after] if after is not None else writers
    by = _WRITTEN_BY.match(sentence, proposal.end) or _PRONOUN_WROTE_WITH.match(sentence, proposal.end)
    return _listed_actors(sentence, actors, by.end()) if by is not None else []


def _author_item(sentence: str, owner: Mention, p: Mention, party: str, lexicon: Lexicon, item: MakeItem) -> Evidence:
    """The stance of an author on its own proposal."""
    before = owner.start < p.start
    return item(
        "stance",
        min(owner.start, p.start),
        max(owner.end, p.end),
        "stance/author",
        0.55,
        actor_id=party,
        actor_name=lexicon.actor_names[party],
        speaker_id=owner.ids[0],
        **_object(lexicon, p.ids[0], True),
        stance="propose",
        polarity="positive",
        conditional=False,
        condition=None,
        extra={
            "cue": (sentence[owner.end : p.start] if before else sentence[p.end : owner.start]).strip(),
            "mention": sentence[owner.start : owner.end],
            "rule": "author",
        },
    )


def _signed_stances(
    sentence: str, signed: tuple[Mention, ...], stances: tuple[tuple[str, str], ...], lexicon: Lexicon, item: MakeItem
) -> Iterator[Evidence]:
    """ "the Minsk Protocol, signed by …": each signer accepts each document (supports it, if it endorsed
    or backed it), at the confidence of a document's contents: the sentence names them, it does not quote
    them."""
    for document, (party, stance) in ((d, s) for d in signed for s in stances):
        document_name = sentence[document.start : document.end]
        yield item(
            "stance",
            document.start,
            document.end,
            "stance/signed",
            0.6,
            actor_id=party,
            actor_name=lexicon.actor_names[party],
            speaker_id=party,
            **_object(lexicon, document.ids[0], True),
            stance=stance,
            polarity="positive",
            conditional=False,
            condition=None,
            extra={"cue": "endorsed" if stance == "support" else "signed", "mention": document_name, "rule": "signed"},
        )


def _object(lexicon: Lexicon, obj_id: str, is_proposal: bool) -> dict[str, str | None]:
    """The evidence fields naming what a stance is about: an issue or a proposal."""
    if is_proposal:
        return {
            "issue_id": None,
            "issue_name": None,
            "proposal_id": obj_id,
            "proposal_name": lexicon.proposal_names[obj_id],
        }
    return {"issue_id": obj_id, "issue_name": lexicon.issue_names[obj_id], "proposal_id": None, "proposal_name": None}


#: The earlier sentences of the article that named actors, in order, with those actors.
Recent = Sequence[tuple[str, list[Mention]]]
# Two actors named as one: "the two sides", "both delegations", "the two presidents".
# Also "the delegations", "the sides" alone (group 2), which at talks of two parties are theirs.
_TWO = re.compile(
    r"\b(?:(?:the\s+two|both)\s+(?:(presidents|leaders|heads\s+of\s+state)|sides|delegations|countries|"
    r"governments|capitals|teams|parties|negotiating\s+teams)|the\s+(delegations|sides))\b",
    re.IGNORECASE,
)
# A place or an object, not someone acting: "talks in Belarus", "support for Ukraine" (but "between"
# names two who act, and "by" an agent).
_PLACED = re.compile(_GOVERNED.pattern.replace("between|", "").replace("by|", ""), re.IGNORECASE)
_LISTED = re.compile(r",\s+\w+ing\b")
# "JEDDAH, Saudi Arabia – ": where the story was filed, not who acts in it.
_DATELINE = re.compile(r"[A-Z][A-Z'’./ -]+(?:,\s+[A-Z][\w ]{0,30})?\s+[–—-]\s+")
# "Kyiv and Washington", "France, Germany and Britain", "neither Paris nor Berlin", "by Kyiv and by
# Washington": actors joined to a speaker or an agent.
_LINK = re.compile(r"(?:,\s+(?:and\s+)?|\s+(?:and|nor)\s+)(?:by\s+)?(?:the\s+)?")
_AND = re.compile(r"\s+and\s+(?:the\s+)?")
_OF = re.compile(r"\bof\s+(?:the\s+)?$")
_LEADERS_OF = re.compile(
    r"(?:^|[Tt]he\s)(?:\w+\s+)?(?:leaders|presidents|heads\s+of\s+state|heads\s+of\s+government|prime\s+ministers|"
    r"foreign\s+ministers|governments|delegations)\s+of\s+(?:the\s+)?$"
)


def _joins(link: re.Match[str]) -> bool:
    """Whether a link of _LINK joins a list by itself: "and", "nor", not a comma alone."""
    return not link.group().startswith(",") or "and" in link.group()


def _collective(sentence: str, actors: list[Mention], recent: Recent, lexicon: Lexicon) -> Iterator[Mention]:
    """ "The two sides agreed to …": a mention of both actors most recently named together — those
    named before it in its sentence, or else in the latest of the last three earlier sentences naming more than one
    (people only, for "the two presidents") — when there are exactly two."""
    for m in _TWO.finditer(sentence):
        people = m.group(1) is not None
        named = _acting(sentence, [a for a in actors if a.end <= m.start()], lexicon, people)
        if not named:
            named = next((n for s, a in recent[:-4:-1] if len(n := _acting(s, a, lexicon, people)) > 1), ())
        if len(named) == 2 and (m.group(2) is None or all(a in _negotiating(lexicon) for a in named)):
            yield Mention(m.start(), m.end(), named)  # "the delegations" alone: the parties' own


@functools.lru_cache(maxsize=8)
def _negotiating(lexicon: Lexicon) -> frozenset[str]:
    """The parties to the conflict (not its mediators nor supporters), whose "delegations" meet."""
    return frozenset(a.id for a in lexicon.case.actors if a.role == ActorRole.PARTY)


def _acting(sentence: str, actors: list[Mention], lexicon: Lexicon, people: bool) -> tuple[str, ...]:
    """The parties of the actors (or only the people) a sentence names as acting: not "in Belarus",
    nor in its dateline, but "between Trump and Putin"."""
    dateline = _DATELINE.match(sentence)
    return tuple(
        dict.fromkeys(
            lexicon.party(a.ids[0])
            for a in actors
            if (not people or _is_person(a, lexicon))
            and not _PLACED.search(sentence, max(0, a.start - 12), a.start)
            and (dateline is None or a.start >= dateline.end())
        )
    )


def _joined(
    sentence: str, actors: list[Mention], speaker: Mention, cue_start: int, lists: bool = True
) -> Mention | None:
    """The speaker and the actors joined to it before the cue ("Kyiv and Washington", "France, Germany
    and Britain", "neither Paris nor Berlin"), as one mention of all; a list joined by commas alone
    is no list ("Peskov, the Kremlin's spokesman, said"), and only two are joined unless ``lists``
    and the speaker is no preposition's object ("made up of Ukraine, Russia and the OSCE")."""
    if lists and _OF.search(sentence, max(0, speaker.start - 12), speaker.start):
        # (but "the leaders of Russia, Ukraine, France and Germany backed …": the people of each state speak)
        lists = _LEADERS_OF.search(sentence, max(0, speaker.start - 40), speaker.start) is not None
    joined, listed = [speaker], 0
    while (link := (_LINK if lists else _AND).match(sentence, joined[-1].end)) is not None:
        other = next((a for a in actors if a.start == link.end() and a.end <= cue_start), None)
        if other is None or sentence.startswith(("'s", "’s"), other.end):
            break
        joined.append(other)
        if _joins(link):
            listed = len(joined)
    ids = tuple(dict.fromkeys(a.ids[0] for a in joined[:listed]))
    return Mention(speaker.start, joined[listed - 1].end, ids) if len(ids) > 1 else None


# A verb with no object at its clause's end: "The Ukrainian side refused, a delegate said." (no group 1)
_BARE = re.compile(r"(?:\s+(?:outright|flatly|immediately|again|too|as\s+well))?\s*(?:[,.;:!]|$)()")
# A clause opening with a reference back: "The plan was welcomed by Kyiv".
_REPORTED_WOULD = re.compile(
    r"\b(?:said|says|told\s+(?:reporters|journalists)|added)\s+(?:that\s+)?(?P<who>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)"
    r"\s+would\s+(?:still\s+)?$"
)
_FIGURE_ONLY = re.compile(
    r"\s+(?:(?:some|about|around|up\s+to|at\s+least|as\s+many\s+as)\s+)?\d[\d,.]*(?:\s*(?:to|–|-|or)\s*\d[\d,.]*)?"
    r"(?:\s+(?:years?|months?|days?|troops|soldiers))?(?:\s+(?:and|or)\s+more)?(?=\s*(?:[,;.]|$|\s+(?:instead|years?)\b))"
)
_TO_HOLDER = re.compile(r"\s+(?:to|for)\s+(?:the\s+)?(?=[A-Z])")
_TIME_CONDITION = re.compile(r"(?:only\s+)?(?:after|once|as\s+soon\s+as|the\s+moment|until)$")
_SAME_IDEA = re.compile(r"\s+(?:the|this|that)\s+(?:idea|proposal|suggestion)\b")
_ANAPHOR_HEAD = re.compile(r"\s*(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+(?:[\w-]+\s+)?" + _REFERRING)


def _referred(noun: str, previous: list[Referent], plan: Referent | None, current: Referent | None) -> list[Referent]:
    """What a reference back means: ``noun`` (lower case) as in "the proposal", "that demand", or ""
    for a pronoun; ``previous`` is what the sentence before named, ``plan`` the article's last
    proposal and ``current`` the plan under discussion. A plan for a plan-like noun, the issue for
    a part of one ("did not accept that clause")."""
    wants_plan = bool(noun) and not noun.startswith(_PARTS)
    pool = (
        ([r for r in previous if r.is_proposal] if wants_plan else [])
        # "put its name to the document": a written text is a proposal, not an issue of the sentence before
        or ([plan] if plan is not None and noun.startswith(_PAPERS) else [])
        # "Lavrov called the proposals unrealistic" after a sentence on the plan's contents
        or ([current] if current and noun.startswith(_DOCUMENTS) and not noun.startswith(_LOOSE) else [])
        or ([r for r in previous if not r.is_proposal] if noun else [])
        or previous
        # "Putin's conditions were announced. … Zelensky rejected the demands": the plan a sentence
        # shortly before named, when the one before named nothing
        # (for a bare "it", "them", only from the sentence before the last: "it" is often something else)
        or ([current] if current and (wants_plan or noun.startswith(_SETS) or (not noun and current.age <= 2)) else [])
        # "Zelensky welcomed the declaration": a document named earlier in the article
        or ([plan] if plan is not None and noun.startswith(_DOCUMENTS) else [])
    )
    if not pool:
        return []
    if noun.startswith(_WHOLES) and not any(r.is_proposal for r in pool):
        return pool[-4:]  # "rejected that demand", "claims both regions": all the issues named
    if noun and not pool[0].is_proposal:
        return pool[:1]  # "dismissed the offer": what the sentence was mainly about, named first
    return pool[-1:]  # a pronoun: the nearest


# "borders, Crimea included, which …", "borders, including Crimea, which …": a part named inside the whole.
_INCLUDED_AFTER = re.compile(r"\s+included\s*")
_INCLUDING_BEFORE = re.compile(r",?\s+including\s+(?:the\s+)?")
# Between a noun and a term that qualifies it: "a free economic zone in the Donbas".
_QUALIFIED = re.compile(r"\s+(?:of|in|for|on|along)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?")


def _head(sentence: str, objects: list[Mention], comma: int) -> list[Mention]:
    """What "…, which Moscow rejects" is said of: the noun phrase the comma closes, by its head ("the
    idea of a free economic zone in the Donbas" is the zone), with a part it includes ("the borders,
    Crimea included")."""
    last = len(objects) - 1
    included = last > 0 and (
        _INCLUDED_AFTER.fullmatch(sentence, objects[last].end, comma)
        or _INCLUDING_BEFORE.fullmatch(sentence, objects[last - 1].end, objects[last].start)
    )
    head = last - 1 if included else last
    while head > 0 and _QUALIFIED.fullmatch(sentence, objects[head - 1].end, objects[head].start):
        head -= 1
    return [objects[head], *objects[last:]] if included else [objects[head]]


#: The stances by which what an actor says in a document makes the document its own.
_PUTTING = frozenset(("propose", "offer", "demand", "insist", "accept", "condition"))
# Between a document and the speaker of a relative clause it holds: "the communiqué, in which Ukraine …"
_IN_WHICH = re.compile(r",?\s+(?:in|under)\s+which\s+(?:the\s+)?")


def _host(sentence: str, proposals: list[Mention], speaker: Mention) -> Mention | None:
    """The proposal whose relative clause the speaker opens: "the Istanbul Communiqué, in which
    Ukraine's negotiators proposed …" is Ukraine's too."""
    return next((p for p in proposals if _IN_WHICH.fullmatch(sentence, p.end, speaker.start)), None)


def _refer(referent: Referent, cue: re.Match[str], plans: set[int]) -> Mention:
    """A stand-in mention, at the cue, for an issue or proposal the previous sentence named."""
    mention = Mention(cue.start(), cue.end(), referent.ids)
    if referent.is_proposal:
        plans.add(id(mention))
    return mention


def _unspoken(sentence: str, folded: str, speaker: Mention, cue: re.Match[str], stance: str) -> bool:
    """A cue after its speaker that states no stance of the speaker's: a likeness ("a package close
    to Russia's demands"), "sign" the noun, an open question ("has not said whether it will
    accept"), a time ("almost as soon as"), an item of a bracketed list, or a relative clause
    closed before the cue ("the draft, which Putin had called a basis, would have capped …")."""
    if _LIKE_OWNER.search(sentence, max(0, speaker.start - 20), speaker.start):
        return True
    if cue[1] in ("sign", "signs") and _A_SIGN.search(folded, max(0, cue.start() - 12), cue.start()):
        return True  # "gave no sign of …": the noun, not signing
    if _WHETHER.search(folded, max(0, speaker.start - 9), cue.start()):  # "… whether it will accept"
        return True
    if stance == "condition" and _TEMPORAL.search(folded, max(0, cue.start() - 8), cue.start()):
        return True
    opened = sentence.rfind("(", 0, speaker.start)
    if opened >= 0 and sentence.find(")", opened, speaker.start) < 0 and ")" in sentence[speaker.end : cue.start()]:
        return True  # "(… no NATO, sanctions lifted), 75% called it unacceptable": a list in brackets
    return bool(_CLOSED_RELATIVE.search(sentence, max(0, speaker.start - 12), speaker.start)) and (
        sentence.find(",", speaker.end, cue.start()) >= 0
    )


def _actor_ends(actors: list[Mention], at: int) -> bool:
    return any(a.end == at for a in actors)


def _is_relative(sentence: str, speaker: Mention, cue_start: int) -> bool:
    """ "…, which Moscow rejects": the speaker opens a relative clause and the cue follows it."""
    if speaker.end > cue_start:
        return False
    return bool(_AUXILIARIES.match(sentence, speaker.end, cue_start)) and bool(
        _RELATIVE.search(sentence, max(0, speaker.start - 40), speaker.start)
    )


# Between an owner and its noun: "Russia's claimed annexation", "Kyiv's long-standing demand".
_OWNS = re.compile(r"['’]s\s+(?:[\w-]+\s+)?$")


# "drew up the plan together with Kirill Dmitriev", "signed it alongside the UN": a second author of the act.
_TOGETHER = re.compile(
    r"\b(?:(?:together|jointly|drafted|written|prepared|negotiated)\s+with|alongside)\s+(?:the\s+)?", re.IGNORECASE
)


def _partner(sentence: str, actors: list[Mention], after: int, end: int) -> Mention | None:
    """The actor named after "together with" in the cue's clause, if any."""
    if "with" not in sentence and "alongside" not in sentence:
        return None
    m = _TOGETHER.search(sentence, after, end)
    return next((a for a in actors if a.start == m.end()), None) if m else None


#: The most objects one cue takes: more is a sentence's other clauses, except in a list of a document's
#: items after a colon, which may name the five regions before its next items ("…: recognition of Crimea,
#: Donetsk, Luhansk, Zaporizhzhia and Kherson; a neutral Ukraine; all sanctions lifted").
_MOST_OBJECTS, _MOST_LISTED = 6, 10
# Before "hands" as a noun.
_HANDS_NOUN = re.compile(r"\b(?:chang\w*|in|other|their|its|his|her|our|free|safe|[a-z]+ian|[a-z]+ish)\s+$")
_NOT_A_MOMENT = (" at ", " from ", " for ", " of ")  # "at the moment", "from the moment a ceasefire begins"
_FILTERED_CUE_WORDS = ("need", "hands", "adopt", "answer", "line", "end", "left", "leav", "the moment", "once")
# (rules-20) "once" that sets no condition: "once again", "at once", "once more", "once was", "all at once"
_NOT_ONCE_AFTER = re.compile(r"\s+(?:again|more|and\s+for\s+all|before|or\s+twice|in\s+a\b|was|were|had|said|called)\b")
_NOT_ONCE_BEFORE = (" at ", " than ", " more than ", " not ", " only ")
# (rules-19) "before Russia ended it", "Moscow left the deal": ending or leaving an agreement rejects it
_ENDED = frozenset(("ended", "ends", "ending", "left", "leaves", "leaving"))
_ENDED_AGREEMENT = re.compile(
    r"\s+(?:it\b(?!\s+(?:to|up)\b)|the\s+(?:[\w'’-]+\s+){0,4}?(?:deal|agreement|arrangement|initiative|accord|"
    r"treaty|protocol|corridor|framework)s?\b)"
)
_NAMES_ITS_PLAN = frozenset(("answer", "line", "the fairest", "as the fairest", "as fairest", *_ENDED))
# (rules-19) "Kyiv's answer", "its own line", but not "the front line", "a hard line", "in answer to"
_OWNED_POSITION = re.compile(r"(?:['’]s|\b(?:its|their|his|her))\s+(?:own\s+|official\s+|stated\s+)?$")
# (rules-19) "adopted the Paris Declaration", "adopt a declaration promising …": adopting a text, not a
# line or a package of sanctions
_ADOPTED_DOCUMENT = re.compile(
    r"\s+(?:(?:on\s+\w+|in\s+\w+|\w+ly)\s+)?(?:a|an|the|its|their)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:declarations?|communiqu[ée]s?|resolutions?|statements?|joint\s+statements?|texts?|plans?|frameworks?|"
    r"protocols?|treaty|drafts?)\b"
)
# A list of what a noun cue holds, between dashes: "Russia's demands – A, B and C – …".
# (after at most three words with no term among them: "claims as its own – …")
_DASHED = re.compile(r"(?:\s+[\w'’-]+){0,3}?(\s[–—]\s)")
# Between the items a colon opens: "…; …", "…, and …".
_ITEM = re.compile(r";\s+(?:and\s+)?|,\s+and\s+")
# A that-clause coordinated with the one before: "…, and that …".
_AND_THAT = re.compile(r",?\s+and\s+that\s")
_AND_PREPOSITION = {
    prep: re.compile(rf",?\s+and\s+(?:also\s+)?{prep}\s")
    for prep in ("of", "to", "for", "on", "against", "with", "about", "at")
}


# A verb judging the owned noun that follows it ("declared Russia's annexation … invalid", "condemned Moscow's
# annexation"): the noun is the object of another's judgement
_JUDGED = re.compile(
    r"\b(?:declar(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing))\b(?:\s+[^,;]{0,40}?)?(?:\s+that)?"
    r"\s+(?:the\s+)?$"
)


def _owner(sentence: str, actors: list[Mention], cue_start: int) -> Mention | None:
    """The actor whose the cue (a noun) is: "Russia's demand for …"."""
    if cue_start < 3 or sentence[cue_start - 1] != " ":
        return None
    return next((a for a in actors if a.end < cue_start and _OWNS.fullmatch(sentence, a.end, cue_start)), None)


def _clause_subject(sentence: str, actors: list[Mention], start: int, end: int) -> Mention | None:
    """The subject of the clause [start, end): the actor opening it, however long the clause ("At a
    summit, EU leaders agreed that … until Russia …"), else the first near its end."""
    opening = _speaker(sentence, actors, end, start, 240)
    if opening is not None and opening.start - start <= 40:
        return opening
    return _speaker(sentence, actors, end, start)


def _speaker(
    sentence: str, actors: list[Mention], cue_start: int, clause_start: int, reach: int = 120
) -> Mention | None:
    """The first actor of the cue's clause, before the cue (at most ``reach`` characters, unless it
    reports what follows: "Russia said on Tuesday that …") and not governed by a preposition: an
    English clause names its subject first ("Russia views NATO as a threat and demands …")."""
    if (
        clause_start == 0
        and (opening := _OPENING.match(sentence))
        and opening.end() <= cue_start
        and not any(a.start == 0 for a in actors)  # "Beijing, in May, asked …": a name, not a participle
    ):
        clause_start = opening.end()  # "Speaking after a call with Trump, the Russian president said …"
    near = (
        a
        for a in actors
        if clause_start <= a.start
        and a.end <= cue_start
        and (cue_start - a.end <= reach or _REPORTS.match(sentence, a.end, cue_start))
    )
    for a in sorted(near, key=lambda a: a.start):
        before = sentence[max(0, a.start - 40) : a.start]
        if _OTHERS.match(sentence, a.end):
            continue  # "Ukraine's allies, including France, backed …" are not Ukraine
        if _REGION_OF.search(before):
            continue  # "pockets of northern Ukraine": a place, not the state speaking
        if sentence.startswith(("'s ", "’s "), a.end) and _JUDGED.search(before):
            continue  # "declared Russia's annexation … invalid": the owner of the object judged
        if not _GOVERNED.search(before[-12:]) or _SPOKESPERSON.search(before):
            return a
    return None


_REGION_OF = re.compile(r"\b(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est)(?:-?(?:east|west))?ern\s+$")

# After an actor: others related to it, who speak for themselves.
_OTHERS = re.compile(
    r"['’]s\s+(?:[\w-]+\s+)?(?:allies|partners|backers|supporters|critics|opponents|neighbou?rs|adversaries|"
    r"enemies|friends)\b"
)


_CUE_WORDS = AtWordStart(CUE, r"\w-")  # CUE, found faster


def _cues(sentence: str, folded: str, modal: re.Match[str] | None) -> list[re.Match[str]]:
    """Stance cues in order: the verbs and nouns of STANCE_CUES (found in ``folded``, fold(sentence)),
    the modal of reported demands (from shortly before the sentence's first ``modal``, as far as
    "said" can be from it) and
    "withdraw … from"."""
    # "Ukraine needs to withdraw": a modal (the actor is told), not a demand of Ukraine's; "changed
    # hands", "in Russian hands": a noun
    cues = list(_CUE_WORDS.finditer(folded))
    if has_any(folded, _FILTERED_CUE_WORDS):
        cues = [
            c
            for c in cues
            if not (c[1].startswith("need") and folded.startswith(" to ", c.end()))
            and not (c[1] == "hands" and _HANDS_NOUN.search(folded, max(0, c.start() - 20), c.start()))
            and not (
                c[1] in ("answer", "line")
                and (
                    not _OWNED_POSITION.search(folded, max(0, c.start() - 40), c.start())
                    or folded.startswith(" to ", c.end())  # "its answer to the truce offer": a reply, not a position
                )
            )
            and not (c[1] in _ENDED and not _ENDED_AGREEMENT.match(folded, c.end()))
            and not (c[1] == "the moment" and (c.start() == 0 or folded.endswith(_NOT_A_MOMENT, 0, c.start())))
            and not (
                c[1] == "once"
                and (
                    c.start() == 0
                    or not sentence[c.end() + 1 : c.end() + 2].isupper()  # "once Ukraine began …", a named subject
                    or folded.endswith(_NOT_ONCE_BEFORE, 0, c.start())
                    or _NOT_ONCE_AFTER.match(folded, c.end())
                )
            )
            and not (
                c[1].startswith("adopt")
                and (not _ADOPTED_DOCUMENT.match(folded, c.end()) or folded.endswith((" to ", " will "), 0, c.start()))
            )
        ]
    if modal is not None:
        cues += _SAID_MUST.finditer(folded, max(0, modal.start() - 125))
    if "withdraw" in sentence or "pull" in sentence:  # the looser pattern only where its words occur
        cues += _WITHDRAW.finditer(sentence)
    return _ordered(cues)


def _form(cue: re.Match[str]) -> str:
    """A cue as CUE_STANCE lists it: lower case, single spaces, no hyphens."""
    return " ".join(cue.group(1).lower().replace("-", " ").split())


# (rules-21) "… and demanded", "… and has called for", "… and also wants": a verb joined to the one before
_JOINED = re.compile(r"[\s,](?:and|but)\s+(?:(?:also|then|later|instead|again|has|have|had)\s+)?$")


def _retold(
    sentence: str, cue: re.Match[str], joined: list[re.Match[str]], objects: list[Mention], actors: list[Mention]
) -> dict[int, str]:
    """The stance of each of ``cue``'s objects (by id) that a verb ``joined`` to it says instead: the last
    one before the object, with no actor between the two verbs ("offers a ceasefire if Ukraine leaves … and
    drops …" is Ukraine's dropping), not in the passive ("backed by"), and not past a colon or semicolon."""
    told: dict[int, str] = {}
    for j in joined:
        if j.start() < cue.end() or _PASSIVE.match(sentence, j.end()):
            continue
        if any(cue.end() <= a.start < j.start() for a in actors):
            continue
        after = j.start() if j.re is _SAID_MUST else j.end()
        for o in objects:
            if o.start >= after and not any(c in sentence[after : o.start] for c in ":;"):
                told[id(o)] = CUE_STANCE.get(_form(j), "demand")
    return told


def _joined_verb(folded: str, cue: re.Match[str]) -> bool:
    """Whether ``cue`` is a verb of CUE's in the past or third person joined by "and" to an earlier one
    (not a noun: "the withdrawal and recognition of …", "demands and proposals"), or a reported demand
    after ", saying"."""
    if cue.re is _SAID_MUST:
        return folded.startswith(", saying ", cue.start() - 2)  # "rejected the plan, saying a ceasefire must …"
    if cue.re is not CUE or not _JOINED.search(folded, max(0, cue.start() - 16), cue.start()):
        return False
    verb = _form(cue).split(" ", 1)[0]
    return (verb.endswith("ed") or (verb.endswith("s") and not verb.endswith("ss"))) and not verb.endswith(_NOMINAL)


def _ordered(cues: list[re.Match[str]]) -> list[re.Match[str]]:
    """By position, one cue per position: a listed cue before a reported modal or a looser pattern."""
    if len(cues) > 1:
        cues.sort(key=lambda m: m.start(1))
        cues = [c for i, c in enumerate(cues) if i == 0 or c.start(1) != cues[i - 1].start(1)]
    return cues


def _subject(text: str, offset: int, actors: list[Mention], lexicon: Lexicon) -> Mention | None:
    """The actor a later "he", "it" … may stand for: the sentence's first (at ``offset`` in ``text``),
    if it opens the sentence as its subject."""
    a = actors[0]
    titled = len(actors) > 1 and _is_person(actors[1], lexicon) and not _is_person(a, lexicon)
    if titled and _TITLE.fullmatch(text, offset + a.end, offset + actors[1].start):
        a = actors[1]  # "US Defence Secretary Pete Hegseth …": the title's state, then the person
    if a.start <= 40 and not _GOVERNED.search(text, offset + max(0, a.start - 12), offset + a.start):
        return a
    return None


def _is_person(actor: Mention, lexicon: Lexicon) -> bool:
    return actor.ids[0] in _people(lexicon)


@functools.lru_cache(maxsize=8)
def _people(lexicon: Lexicon) -> frozenset[str]:
    """The actors that speak for another (a person for a state)."""
    return frozenset(a.id for a in lexicon.case.actors if lexicon.party(a.id) != a.id)


# A person speaking by a name of two or three capitalised words: "Tatiana Stanovaya said", "said John Smith".
_NAMED_SPEAKER = re.compile(
    r"(?<![\w'’])([A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+){1,2})\s+(?:said|says)\b|\b(?:said|says)\s+"
    r"(?:[a-z]+\s+){0,3}?([A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+){1,2})\b"
)
# Or opening the sentence as its subject: "Oleksandr Syrskyi, the army chief, visited …".
# (followed by an apposition or a verb, so that "On Monday, he …" is no name)
_OPENING_NAME = re.compile(
    r"(?:[A-Z][A-Z'’./ -]+[–—-]\s+)?(?:[A-Z][a-z]+\s+)?([A-Z][a-z]+\s+[A-Z][a-z'’-]+)"
    r"(?=,\s+(?:the|a|an|who|whose)\s|\s+[a-z]+(?:s|ed)\b)"
)


def _outsider(sentence: str, actors: list[Mention]) -> bool:
    """Whether the sentence has someone speak, or open it, whom the case does not name: a later
    "he" or "she" may be them."""
    if " said" in sentence or " says" in sentence:  # a cheap first look
        for m in _NAMED_SPEAKER.finditer(sentence):
            if _unnamed(m.span(1) if m.start(1) >= 0 else m.span(2), actors):
                return True
    if actors or sentence.startswith("The "):
        return False  # a sentence opening with a name names no actor of the case
    opening = _OPENING_NAME.match(sentence)
    return opening is not None


def _unnamed(span: tuple[int, int], actors: list[Mention]) -> bool:
    start, end = span
    return not any(a.start < end and start < a.end for a in actors)


def _person(sentence: str, actors: list[Mention], stated: Sequence[Evidence], lexicon: Lexicon) -> Mention | None:
    """The person a later "he" or "the president" may stand for: one who spoke in the sentence
    (the speaker of its last stance in ``stated``), else the first person it names who is not an
    object ("met with Zelensky") nor an owner ("Zelensky's plan")."""
    for e in reversed(stated):
        if e.speaker_id and e.speaker_id != e.actor_id and e.extractor not in _NOT_SPOKEN:
            return Mention(0, 0, (e.speaker_id,))
    for a in actors:
        owner = sentence.startswith(("'s", "’s"), a.end)
        if _is_person(a, lexicon) and not owner and not _GOVERNED.search(sentence, max(0, a.start - 12), a.start):
            return a
    return None


#: Stances no one states in the sentence: a document's contents, a plan's authors, its signers.
_NOT_SPOKEN = frozenset(("stance/document", "stance/author", "stance/signed"))


# (rules-20) A further report of the sentence's reporter: "…, and repeated that he …", ", and added that it …"
_FURTHER_REPORT = re.compile(rf",?\s+and\s+(?:also\s+|again\s+)?{SAYS}\s+(?:that\s+)?$")
_REPORT_LABEL = re.compile(r"[A-Z][\w.'’ ,()/-]{0,60}\s[–—]\s+(?:[A-Z][a-z]+\s+)?")
_OPENS_REPORT = re.compile(rf"(?:\s+\w+){{0,3}}?\s+(?:has\s+|had\s+)?{SAYS}\b")


def _reporter_pronoun(
    sentence: str, folded: str, actors: list[Mention], lexicon: Lexicon, cue_start: int, clause_start: int
) -> Mention | None:
    """(rules-20) A subject pronoun after "…, and repeated/added/said that" stands for the actor the sentence opens
    with, when that actor reports ("Volodymyr Zelensky said on Monday that any plan should be put to a referendum,
    and repeated that he wants guarantees lasting 30 to 50 years"), he or she for a person, it or they for a body."""
    reporter = actors[0] if actors else None
    if reporter is None or not _OPENS_REPORT.match(sentence, reporter.end):
        return None
    if reporter.start > 4 and not _REPORT_LABEL.fullmatch(sentence, 0, reporter.start):
        return None  # (the sentence opens with its reporter, after a dateline: "KYIV (Ukrainian media) — Zelensky …")
    for m in _SUBJECT_PRONOUN.finditer(sentence, max(clause_start, cue_start - 60), cue_start + 1):
        word = m[1].lower()
        if word not in ("he", "she", "it", "they") or not _FURTHER_REPORT.search(sentence, reporter.end, m.start()):
            continue
        if any(reporter.end <= a.start < cue_start for a in actors):
            return None  # another actor between: whom the pronoun stands for is not clear
        if MODAL.search(folded, m.end(1), cue_start):
            return None  # "…, and added that he must …": told
        if _is_person(reporter, lexicon) == (word in ("he", "she")):
            return Mention(m.start(1), m.end(1), reporter.ids)
    return None


def _pronoun_speaker(
    sentence: str, actors: list[Mention], antecedents: Antecedents, lexicon: Lexicon, cue_start: int, clause_start: int
) -> Mention | None:
    """ "He also wants sanctions lifted", "the president said …": a subject pronoun or title before
    the cue, with no actor between, stands for an actor of an earlier sentence (see Antecedents);
    so does the owner of a cue noun ("*His* demand for Donetsk", "*Its* insistence on …")."""
    if antecedents.subject is None and antecedents.person is None:
        return None
    owner = _OWNER_PRONOUN.search(sentence, max(clause_start, cue_start - 30), cue_start)
    if owner is not None and (actor := antecedents.of(_AS_SUBJECT[owner[1].lower()], lexicon)) is not None:
        return Mention(owner.start(1), owner.end(1), actor.ids)
    for m in _SUBJECT_PRONOUN.finditer(sentence, max(clause_start, cue_start - 60), cue_start + 1):
        if _GOVERNED.search(sentence[max(0, m.start() - 12) : m.start()]):
            continue
        if any(m.end() <= a.start < cue_start for a in actors):
            continue
        if (actor := antecedents.of(m[1], lexicon)) is not None:
            return Mention(m.start(1), m.end(1), actor.ids)
    return None


def _attribution(
    sentence: str, actors: list[Mention], antecedents: Antecedents, lexicon: Lexicon, folded: str | None = None
) -> Mention | None:
    """Who the sentence says is speaking, when named after what is said: "…, Peskov said on
    Thursday", "…, said an adviser to Zelensky", "according to the Kremlin", "quoted Lavrov as
    saying"; or "…, he said", "…, the minister added". ``folded`` is fold(sentence), if the caller has it."""
    if "," not in sentence and "ccording" not in sentence and " as saying" not in sentence:
        return None  # every form below but two follows a comma
    if folded is None:
        folded = fold(sentence)
    for a in actors[:-4:-1]:  # an attribution names one of the last actors of the sentence
        before = sentence[max(0, a.start - 60) : a.start]
        # (each pattern only where its words are: _SAID_BEFORE and _AFTER_COMMA open with a comma)
        words = folded[max(0, a.start - 60) : a.start]
        comma = "," in before
        if ("according" in words and _ACCORDING_TO.search(before)) or (
            comma and _SAID_BEFORE.search(before) and _CLAUSE_END.match(sentence, a.end)
        ):
            return a
        if ("quoted" in words or "cited" in words) and _QUOTED.search(before) and _AS_SAYING.match(sentence, a.end):
            return a
        speaks = comma and _AFTER_COMMA.search(before) and _SAYS_AT_END.match(sentence, a.end)
        if speaks and (not _GOVERNED.search(before[-12:]) or _SPOKESPERSON.search(before)):
            return a
    m = _PRONOUN_SAYS.search(sentence) if antecedents.subject or antecedents.person else None
    if m and (actor := antecedents.of(m[1], lexicon)) is not None:
        return Mention(m.start(1), m.end(1), actor.ids)
    return None


def _aside_speaker(
    sentence: str, actors: list[Mention], antecedents: Antecedents, lexicon: Lexicon
) -> tuple[Mention, int] | None:
    """Who speaks in an aside after the sentence's opening subject ("Ukraine, he said, must …"), and
    where the words the aside gives them begin; a pronoun or title for an earlier actor stands at the aside."""
    found = _ASIDE_SAYS.match(sentence)
    if found is None:
        return None
    named = next((a for a in actors if a.start == found.start("who")), None)
    if named is None and (actor := antecedents.of(found["who"], lexicon)) is not None:
        named = Mention(found.start("who"), found.end("who"), actor.ids)
    return (named, found.end()) if named is not None else None


def _main_subject(sentence: str, actors: list[Mention], after: int) -> Mention | None:
    """The actor opening the main clause after an opening phrase ("Rejecting the plan, Kyiv …")."""
    comma = sentence.find(",", after)
    return _actor_at(sentence, actors, comma + 1) if comma >= 0 else None


def _agent(sentence: str, actors: list[Mention], by: re.Match[str] | None) -> Mention | None:
    """The actor of "… rejected by (the) Kremlin", where ``by`` matched "by"; several joined by "and"
    ("drafted by Kyiv and Washington", "signed by the Contact Group of Ukraine, Russia and the OSCE")
    as one mention of all, and one after a title or a group's name ("by Foreign Minister Wang Yi")."""
    if by is None or (first := _titled_actor(sentence, actors, by.end())) is None:
        return None
    joined, listed = [first], 1  # (the agents up to the last "and": a comma alone may end the phrase)
    while (link := _LINK.match(sentence, joined[-1].end)) and (
        following := _titled_actor(sentence, actors, link.end())
    ):
        joined.append(following)
        if _joins(link):
            listed = len(joined)
    ids = tuple(dict.fromkeys(a.ids[0] for a in joined[:listed]))
    return first if len(ids) == 1 else Mention(first.start, joined[listed - 1].end, ids)


# (rules-19) "a resolution drafted by Ukraine and European states that demands …", "the text put forward by
# Ukraine and the EU, which calls for …": a document's writers, named by a passive right before the relative
# clause its cue opens, hold what it says (perhaps after a date: "… by Ukraine on 24 February 2025 that …")
_WRITTEN_BY_BEFORE = re.compile(
    rf"\b(?:{documents.DOCUMENT_NOUNS}|statements?|wording)\s+(?:(?:jointly|first|originally|later)\s+)?"
    r"(?:drafted|put\s+forward|proposed|tabled|drawn\s+up|written|submitted|presented|sponsored|co-?sponsored|"
    r"introduced|prepared|authored|co-?authored)(?=\s+by\b)",
    re.IGNORECASE,
)
_WRITERS_WHICH = re.compile(
    r"(?:\s+(?:states|countries|governments|members|partners))?(?:\s+on\s+\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?)?"
    r"(?:,\s+(?:which|that)|\s+that)\s+(?:also\s+|would\s+|will\s+)?$"
)


def _written_by(sentence: str, actors: list[Mention], cue_start: int) -> Mention | None:
    """The writers a passive names right before the relative clause of the cue at ``cue_start``, if any."""
    found = list(_WRITTEN_BY_BEFORE.finditer(sentence, max(0, cue_start - 140), cue_start))
    if not found:
        return None
    agent = _agent(sentence, actors, _PASSIVE.match(sentence, found[-1].end()))
    if agent is None or not _WRITERS_WHICH.fullmatch(sentence, agent.end, cue_start):
        return None
    return agent


# Before an agent: a title or a group whose members follow ("Foreign Minister", "the Contact Group of").
# ("the Contact Group, that is Ukraine, …": its members named after it)
# ("a declaration of the leaders of Russia, Ukraine, France and Germany": the leaders' states back it)
_AGENT_TITLE = re.compile(
    r"\s*(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*(?:\s+of\s+(?:the\s+)?|,\s+(?:that\s+is|namely|i\.e\.,?)\s+|\s+)"
    r"|\s*(?:an?|the)\s+(?:joint\s+)?(?:declaration|statement)\s+(?:of|by)\s+the\s+(?:leaders|heads\s+of\s+state|"
    r"presidents|governments)\s+of\s+(?:the\s+)?"
)


def _titled_actor(sentence: str, actors: list[Mention], at: int) -> Mention | None:
    """The actor named at ``at`` (see _actor_at), or after title words or a group's name there."""
    found = _actor_at(sentence, actors, at)
    if found is None:
        found = next((a for a in actors if at < a.start <= at + 60), None)
        if found is not None and not _AGENT_TITLE.fullmatch(sentence, at, found.start):
            return None
    return found


def _listed(sentence: str, before: list[Mention]) -> list[Mention]:
    """The last of ``before`` with the items of a list it closes ("Crimea, Luhansk and Donetsk"),
    or the last two when it closes none."""
    first = len(before) - 1
    while first > 0 and _LIST_LINK.fullmatch(sentence, before[first - 1].end, before[first].start):
        first -= 1
    return before[first:] if first < len(before) - 1 else before[-2:]


# Between two items of a list of objects: "Crimea, Luhansk and Donetsk" (also "or", unlike _LINK).
_LIST_LINK = re.compile(r"(?:,|,?\s+(?:and|or))\s+(?:the\s+)?")


def _actor_at(sentence: str, actors: list[Mention], at: int) -> Mention | None:
    """The actor named at ``at``, after blanks and an optional "the"."""
    start = _THE.match(sentence, at)
    return next((a for a in actors if a.start == (start.end() if start else at)), None)


# Between the actor of a clause whose verb is left out and its object: "…, Moscow on sanctions relief".
_GAP = re.compile(r"\s+(?:(?:on|for|to|against|over)\s+)?(?:the\s+|an?\s+|any\s+)?")


def _gapped(
    sentence: str, actors: list[Mention], objects: list[Mention], after: int, limit: int
) -> tuple[Mention, list[Mention]] | None:
    """ "Kyiv insists on security guarantees, Moscow on sanctions relief": an actor after a comma,
    between the cue (ending at ``after``) and ``limit``, straight before an object, speaks with the
    cue for the objects after it (the verb left out)."""
    for a in actors:
        if not (after < a.start < limit) or not sentence.startswith(", ", a.start - 2):
            continue
        following = [m for m in objects if m.start >= a.end]
        if following and following[0] is not objects[0] and _GAP.fullmatch(sentence, a.end, following[0].start):
            return a, following
    return None


# An opening that names whose view follows: "For Moscow, …".
_FOR = re.compile(r"(?:For|To)\s+(?:the\s+)?")


def _holder(sentence: str, actors: list[Mention]) -> Mention | None:
    """The actor of an opening "For Moscow," or "To Kyiv,", whose view the sentence gives."""
    opening = _FOR.match(sentence)
    found = _actor_at(sentence, actors, opening.end()) if opening else None
    return found if found is not None and sentence.startswith(",", found.end) else None


def _listed_actors(sentence: str, actors: list[Mention], at: int) -> list[Mention]:
    """The actors listed from ``at`` on: "Turkey and the United Nations", "France, Germany and Russia"."""
    listed: list[Mention] = []
    for a in actors:
        if a.start < at:
            continue
        if a.start != at and not (listed and _WRITERS_LINK.fullmatch(sentence, listed[-1].end, a.start)):
            break
        listed.append(a)
    return listed


def _unowned_at(sentence: str, actors: list[Mention], at: int) -> Mention | None:
    """The actor named at ``at`` (see _actor_at), unless as an owner ("Washington's view")."""
    found = _actor_at(sentence, actors, at)
    return None if found is None or sentence.startswith(("'s", "’s"), found.end) else found


_THAT = re.compile(r"\s(?:that|which)\s+(?:the\s+)?$")


def _that_head(sentence: str, named: list[Mention], speaker: Mention, cue_start: int) -> Mention | None:
    """ "the free economic zone that US negotiators have floated": the issue or proposal a relative
    clause without a comma follows, when the speaker opens it and only auxiliaries stand before the cue."""
    that = _THAT.search(sentence, max(0, speaker.start - 12), speaker.start)
    if that is None or not _AUXILIARIES.match(sentence, speaker.end, cue_start):
        return None
    head = that.start()
    qualified = (m for m in reversed(named) if m.end == head or (m.end < head and _qualifies(sentence, m.end, head)))
    return next(qualified, None)


# Phrases of place and manner after a noun, before its relative clause: "the truce in the air, at sea and on
# energy infrastructure that France and Britain floated" is the truce.
_QUALIFIERS = re.compile(
    r"(?:,?\s+(?:and\s+|or\s+)?(?:in|on|at|along|across|over|for|from|around|near|without)\s+"
    r"(?!that\b|which\b)[\w'’-]+(?:\s+(?!that\b|which\b|and\b|or\b)[\w'’-]+){0,2})+"
)


def _qualifies(sentence: str, start: int, end: int) -> bool:
    """Whether [start, end) of ``sentence`` only qualifies the noun before it (and names no document, whose
    relative clause it would be: "a ceasefire in the plan that Russia rejected")."""
    return (
        end - start <= 70
        and _QUALIFIERS.fullmatch(sentence, start, end) is not None
        and documents.names_document(sentence[start:end]) is None
    )


def _bare_relative(
    sentence: str,
    actors: list[Mention],
    named: list[Mention],
    first: Mention | None,
    c_start: int,
    cue_start: int,
    c_end: int,
    lexicon: Lexicon,
    propose: bool,
) -> tuple[Mention, Mention] | None:
    """(rules-20) The actor opening a relative clause without a comma ("that Washington had proposed") or with
    no pronoun at all ("the full ceasefire Washington has been pressing for") after an issue or proposal, when
    only auxiliaries stand between it and the cue: that clause's subject (not the main clause's ``first``) and
    the term it follows."""
    after = first.start if first is not None else c_start
    nearest = [a for a in actors if after <= a.start and a.end <= cue_start][-1:]
    if not nearest or not _AUXILIARIES.match(sentence, nearest[0].end, cue_start):
        return None
    inner = nearest[0]
    if sentence.find(",", after, cue_start) >= 0:
        return None
    that = _THAT.search(sentence, max(0, inner.start - 12), inner.start)
    head = that.start() if that is not None else inner.start - 1
    if that is None and not sentence.startswith(" ", head):
        return None
    follows = (
        m for m in reversed(named) if m.end == head or (that and m.end < head and _qualifies(sentence, m.end, head))
    )
    term = next(follows, None)
    # (the relative clause ends with its cue: with an object of its own the cue is the main clause's — "The
    # 28-point plan Washington circulated in November would have put $100bn of frozen assets …", "In the
    # Istanbul drafts Russia already wanted sanctions lifted …")
    if term is None or any(cue_start < m.start < c_end for m in named):
        return None
    if propose and term.ids[0] in lexicon.proposal_names:
        return None  # who handed a document over is the document rules' ("the plan Kyiv handed back")
    return inner, term


def _relative_speaker(sentence: str, actors: list[Mention], cue_start: int, first: Mention) -> Mention | None:
    """In "…, a condition Kyiv has refused", the actor just before the cue, opening a relative or
    appositive phrase, is the cue's subject (not the clause's first actor)."""
    nearest = [a for a in actors if first.start < a.start and a.end <= cue_start][-1:]
    return nearest[0] if nearest and _is_relative(sentence, nearest[0], cue_start) else None


def _names_an_actor(sentence: str, mention: Mention, actors: list[Mention]) -> bool:
    """ "guarantees from NATO": a term that is also an actor's name, after from/by/with, is the actor."""
    return any(_overlaps(mention, a) for a in actors) and bool(
        _BY_ACTOR.search(sentence[max(0, mention.start - 12) : mention.start])
    )
