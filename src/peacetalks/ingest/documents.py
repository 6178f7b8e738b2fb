"""Which document an article is describing, who wrote it, and which sentences give its contents.

Explainers and plan summaries state an actor's position through its document: "The plan calls
for …", "The draft would cap …", "Its central demand is …", "Under the plan, Ukraine would …".
An article keeps a *current document* — a case proposal it names (its authors from the case) or a
document an actor lays before others ("The United States has presented what it describes as a
final offer") — and a sentence whose subject is that document, followed by a verb of content,
speaks for its authors on the issues after the verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from peacetalks.ingest.figures import FULL_MONTHS, SHORT_MONTHS
from peacetalks.ingest.patterns import fold, trie_pattern

#: Nouns that name a document whose contents are its author's position.
DOCUMENT_NOUNS = (
    r"plans?|drafts?|texts?|documents?|papers?|formulas?|formulae|proposals?|counter-?proposals?|offers?|"
    r"frameworks?|memorand(?:um|a|ums)|blueprints?|roadmaps?|points|terms|initiatives?|packages?|protocols?|"
    r"communiqu[ée]s?|declarations?|resolutions?|treaty|treaties|agreements?|deals?|outlines?|position\s+papers?|"
    r"versions?|joint\s+statements?"
)
# A document laid before others by the actor before the verb: "presented what it describes as a final
# offer", "circulated a counter-proposal", "set out a 10-point peace formula".
_PRESENTING = (
    "presented", "presents", "delivered", "delivers", "set out", "sets out", "circulated", "circulates", "tabled",
    "tables", "unveiled", "unveils", "drafted", "drafts", "drew up", "draws up", "put forward", "puts forward",
    "proposed", "proposes", "submitted", "submits", "handed over", "hands over", "outlined", "outlines", "sent",
    "sends", "issued", "issues", "released", "published", "publishes", "put round", "puts round",
    # ("marked the anniversary by publishing a twelve-point paper")
    "presenting", "circulating", "tabling", "unveiling", "drafting", "putting forward", "proposing", "submitting",
    "issuing", "releasing", "publishing",
)
#: The verbs by which an actor lays a document before others, as a pattern.
PRESENTING = trie_pattern(_PRESENTING)
_PRESENTS = re.compile(
    r"(?<!\w)(?:" + PRESENTING + r")\s+(?:[\w'’,-]+\s+){0,7}?(?:\w+-)?(?:" + DOCUMENT_NOUNS + r")\b"
)  # searched in fold(sentence): lower case, case-sensitively, which is faster
# "… a six-point text agreed by China's Wang Yi and Celso Amorim": the authors after "by" (also after ", which
# was (reportedly)": "the draft, which was reportedly written by …").
_BY_AUTHORS = re.compile(
    r"\b(?:" + DOCUMENT_NOUNS + r")(?:,\s+which\s+(?:was|were|had\s+been|has\s+been)(?:\s+reportedly)?)?\s+"
    r"(?:[\w-]+\s+){0,3}?(?:drafted|written|agreed|put\s+forward|proposed|"
    r"presented|prepared|drawn\s+up|tabled|issued)\s+(?:[^,;.]{0,40}?\s)?by\s+"
)  # in fold(sentence), as _PRESENTS
# "the Minsk Protocol, signed for the Contact Group by Kuchma, Zurabov and the OSCE's envoy": its signers
# after "by"; "the Package of Measures, which the leaders of France, Germany, Russia and Ukraine endorsed":
# before the verb. Both in fold(sentence), as _PRESENTS.
_SIGN_VERBS = r"(?P<verb>signed|endorsed|initiall?ed|countersigned|ratified|agreed|adopted)"
# (", was agreed … by": the comma closes an apposition, "The second, a set of six common understandings, …")
# ("signed within the Trilateral Contact Group": the group it was signed in signs, unlike a place, "in Minsk")
_SIGNED_BY = re.compile(
    r",?\s+(?:(?:was|were|had\s+been|has\s+been|have\s+been)\s+)?"
    + _SIGN_VERBS
    + r"\s+(?:[^,;.]{0,40}?\s)?(?:by|within)\s+"
)
# A sentence whose subject stands for the documents the sentence before named: "Both were signed by …",
# "The two texts were signed within …" (in fold(sentence)).
_SIGNED_BACK = re.compile(
    rf"(?:both|they|it|the\s+two(?:\s+(?:{DOCUMENT_NOUNS}))?|the\s+(?:{DOCUMENT_NOUNS}))(?=\s+(?:was|were|had|has|have)\s)"
)
_WHICH_SIGNED = re.compile(
    r",\s+which\s+(?P<signers>(?:(?!that\b|which\b|who\b)[\w'’.-]+,?\s+){0,11}?[\w'’.-]+)"
    r"\s+(?:(?:had|have|has|all|both|later|also|jointly)\s+)*" + _SIGN_VERBS + r"\b"
)
# Where a list of signers after "by" ends: another clause, or a comma before anything but a name, "the",
# "and" or "with" ("…, agreed by some 35 countries, gives Ukraine guarantees").
# (but a group's members may follow: "by the Contact Group, in which Ukraine, Russia and the OSCE sat")
_SIGNERS_END = re.compile(
    r";|,\s+(?!(?:the|and|with|as\s+well\s+as|in\s+which|whose\s+members|that\s+is|namely|made\s+up\s+of|"
    r"comprising)\s)[a-z]|\s+(?:but|while|because)\s"
)
#: The stance of a signer: to sign a text accepts it, to endorse one supports it.
_SIGN_STANCE = {"endorsed": "support"}


# The document as the subject of a sentence or clause: "The plan", "The one-page document", "The
# US draft", "Its central demand", "It" (only right after a sentence about the document).
_SUBJECT = re.compile(
    # (rules-20: an owner whose name has "of (the)" in it, "The Coalition of the Willing's Paris Declaration …")
    r"(?:(?:The\s+)?[A-Z][\w–-]*(?:\s+[A-Z][\w–-]*){0,2}\s+of\s+(?:the\s+)?[A-Z][\w–-]*['’]s\s+|"
    r"(?:The|This|That|Its|Their|Such\s+a|A|An)\s+|(?=[\w–-]+['’]s\s))(?:(?!(?:is|are|was|were|has|have|had|said|says|"
    r"would|will|did|does|the|an?|to|of|and|or|on|in|for|with|by|at|as|it)\b)[\w'’–-]+\s+){0,3}?"
    r"(?:" + DOCUMENT_NOUNS + r")\b"
    r"|Its\s+(?:[\w-]+\s+){0,2}?(?:demands?|points?|provisions?|clauses?|aims?|goals?|core|proposals?|sections?)\b",
    re.IGNORECASE,
)
# One of the document's parts, in order: "The first describes …", "The second part offers …" (but "The
# final text", a document of its own). Tried before _SUBJECT, whose nouns include "offers".
_PART_NOUNS = r"(?:parts?|sections?|chapters?|annex|points?|clauses?|articles?|stages?|phases?|pages?)"
_PART = re.compile(
    r"(?:The|Its)\s+(?:first|second|third|fourth|fifth|last|final|next)"
    rf"(?:\s+{_PART_NOUNS}\b|\b(?!\s+(?:{DOCUMENT_NOUNS}|{_PART_NOUNS})\b))",
    re.IGNORECASE,
)
_IT = re.compile(r"It\b")
# "The delegations handed each other memorandums. The Russian one …": one of the documents the sentence
# before named, by its author (tried only after such a sentence; the extractor keeps it only with an author).
_ONE = re.compile(r"The\s+(?:[\w'’–-]+\s+){1,2}?one\b")
# A relative clause between the document and its verb: "The Russian one, which state media published, asks …".
# (or an aside on the source: "The European text, as reported, calls for …", ", according to Axios,")
_RELATIVE = re.compile(
    r"(?:,|(?<=,))\s+(?:(?:which|that)\s+[^,;]{1,60}?|as\s+(?:reported|leaked|published)(?:\s+by\s+[^,;]{1,40}?)?|"
    r"according\s+to\s+[^,;]{1,40}?|reportedly|"
    # (rules-20) a connective between commas: "The Europeans' counter-proposal of 23 November, for its part, opened …"
    r"for\s+(?:its|their)\s+part|in\s+turn|by\s+contrast|in\s+contrast|meanwhile|however|moreover|instead|"
    # (rules-19) how it reached the other side: "Ukraine's paper, first given to Moscow on 28 May, asks for …"
    r"(?:(?:first|later|originally|already|then)\s+)?(?:given|handed(?:\s+over)?|sent|delivered|passed|shown|"
    r"submitted|circulated|tabled|dated)\s+(?:to|on|in|at|over|a\s)[^,;]{0,60}?),(?=\s)"
)
# (rules-19) … or a relative clause without a comma that names its writers: "The 20-point framework that Kyiv
# and Washington drew up in December would cap …", "The memorandum Russia handed over in Istanbul demands …"
_WRITERS_CLAUSE = re.compile(
    r"\s+(?:that\s+)?(?:the\s+)?[A-Z][\w'’.–-]*(?:\s+[A-Z][\w'’.–-]*)?(?:\s+and\s+(?:the\s+)?[A-Z][\w'’.–-]*)?"
    r"(?:['’]s\s+(?:negotiators|delegation|team|officials|envoys))?\s+(?:(?:had|has|have|jointly|later|first)\s+)*"
    r"(?:drafted|drew\s+up|worked\s+out|put\s+together|produced|prepared|wrote|handed\s+over|presented|tabled|"
    r"hammered\s+out|unveiled|issued|put\s+to\s+(?:the\s+)?[A-Z][\w-]*)(?:\s+together)?(?:\s+with\s+(?:the\s+)?[A-Z][\w'’.–-]*)?"
    r"(?:\s+(?:in|on|at)\s+(?:[\w'’–-]+\s+){0,2}?(?:\d{1,2}\s+)?[A-Z][a-z]+(?:\s+\d{4})?)?"
    r"(?:\s+(?:in|on)\s+(?:\d{1,2}\s+)?[A-Z][a-z]+(?:\s+\d{1,2})?(?:\s+\d{4})?)?(?=\s)"
)
# … or a participle of who wrote it, whose names may hold commas of their own: "The first version, drawn up
# by the envoy Witkoff with Kirill Dmitriev, who runs Russia's wealth fund, would have capped …"
# (rules-19: or of who adopted or signed it, "The Paris Declaration, adopted by about 35 members of the Coalition
# of the Willing, makes its guarantees binding …", also after a date that took the comma)
_WRITTEN = re.compile(
    r"(?:,|(?<=,))\s+(?:drawn\s+up|drafted|written|prepared|put\s+together|worked\s+out|negotiated|"
    r"(?:adopted|signed|initialled|endorsed)(?=\s+by\s)|"
    # "The US draft, handed to Volodymyr Zelensky in Kyiv on Thursday by the US Army Secretary, Dan Driscoll, would …"
    r"(?:first\s+)?(?:handed|delivered|given|sent|presented|submitted)(?=\s+to\s))\s+(?:by|with|in|at|to)\s"
)
# A date after the subject: "Russia's memorandum of 2 June 2025 demanded …", "The framework made public
# on 24 December 2025 keeps …".
_DATED_BY = ("published", "released", "presented", "unveiled", "circulated", "signed", "agreed")
# (or by its month alone, "Their plan of November would …": the year the article's)
_MONTH = "(?:" + "|".join(m.capitalize() for m in FULL_MONTHS) + ")"
_SHORT_MONTH = "(?:" + "|".join(m.capitalize() for m in SHORT_MONTHS) + ")"
_OF_DATE = re.compile(
    rf",?\s+(?:of|(?:made\s+public|{'|'.join(_DATED_BY)})\s+(?:on|in))\s+"
    r"(?:(?:(?:\d{1,2}\s+)?[A-Z][a-z]+\s+(?:\d{1,2},\s+)?)?\d{4}\b|(?:last\s+)?(?:\d{1,2}\s+)?" + _MONTH + r"\b"
    # (rules-20) a day's short and numeric forms: "of 24 Feb. 2023", "of 23 Nov.", "of 05.09.2014", "of 24/02/2023"
    r"|\d{1,2}\s+" + _SHORT_MONTH + r"\.(?:\s+\d{4}\b)?|\d{1,2}[./]\d{1,2}[./]\d{2,4}\b"
    r"|\d{4}-\d{2}-\d{2}\b),?"
)
# What _OF_DATE can begin with, for a cheap first look.
_DATE_OPENERS = (" of ", ", ", " made ", *(f" {verb} " for verb in _DATED_BY))
# What a document does with its contents, right after its subject or its ", which": an auxiliary or
# adverb or two, then the verb ("would also give", "does not include", ", which demands").
_CONTENT = re.compile(
    r"(?:,\s+(?:which|that))?\s+(?P<before>(?:(?:also|further|then|first|only|still|even|reportedly|would|will|could|"
    r"is\s+to|was\s+to|does|did|do|not|never|have)\s+)*)(?P<verb>"
    r"(?:calls?|called)\s+for|would|will|envisag(?:es?|ed)|(?:provides?|provided)\s+for|adds?|added|puts?|keeps?|"
    r"kept|asks?(?:\s+for)?|asked(?:\s+for)?|demands?|demanded|includ(?:es?|ed)|"
    r"(?:begins?|began|starts?|started|opens?|opened)\s+(?:with|by)|goes\s+on\s+to|went\s+on\s+to|"
    r"(?:ends?|ended)\s+with|backs?|backed|supports?|supported|opposes?|opposed|rules?\s+out|ruled\s+out|"
    r"requires?|required|gives?|gave|give|offers?|offered|offer|sets?\s+out|proposes?|proposed|propose|lifts?|lift|"
    r"caps?|capped|cap|foresees?|foresaw|stipulates?|stipulated|contains?|contained|covers?|covered|seeks?|sought|"
    r"urges?|urged|wants?|wanted|commits?|committed|guarantees?|guaranteed|grants?|granted|grant|allows?|allowed|allow|bans?|"
    r"banned|ban|limits?|limited|limit|recognises?|recognised|recognizes?|recognized|recognise|recognize|"
    r"promises?|promised|promise|insists?\s+on|insisted\s+on|is|are|was|were|rejects?|rejected|reject|"
    r"require|include|provide\s+for|restore|restores?|restored|leave|leaves|left|freeze|freezes|froze|"
    r"describes|described|lists|listed|treats?|treated|(?:lays|laid|spells|spelled|spelt)\s+out|(?:deals|dealt)\s+with|"
    # "The paper also says sanctions … should stop", but not "says nothing about …"
    r"(?:says|said|states|stated)(?!\s+(?:nothing|little|no|it|so)\b)|"
    # "makes the restoration of the borders a precondition", but not "makes no mention of …"
    r"(?:makes|made)(?!\s+(?:no|little|clear|it|sense|headlines|mention|progress|public)\b))\b",
    re.IGNORECASE,
)
# "Under the plan, Ukraine would …": what follows the opening phrase is the document's content.
_UNDER = re.compile(
    r"(?:Under|According\s+to|In)\s+(?:the|this|that|its|their|such\s+a)\s+(?:[\w'’–-]+\s+){0,3}?(?:"
    + DOCUMENT_NOUNS
    + r")\b[^,;]{0,60},\s+",
    re.IGNORECASE,
)
# Someone reporting or reacting: the sentence is theirs, not the document's.
_REPORTED = re.compile(r"\b(?:said|says|say|told|tells|added|argued|warned|insisted|called|described)\b", re.IGNORECASE)
_NOT_AFTER = re.compile(r"\s+(?:not|never)\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|never)\b", re.IGNORECASE)
_WOULD = re.compile(r"\b(?:would|will|must|should|is\s+to|are\s+to|was\s+to|were\s+to|could)\b", re.IGNORECASE)
# The stance a content verb states, when it is not simply a proposal of the document.
_VERB_STANCE = (
    ("call", "demand"),
    ("ask", "demand"),
    ("want", "demand"),
    ("demand", "demand"),
    ("require", "demand"),
    ("insist", "insist"),
    ("back", "support"),
    ("support", "support"),
    ("oppose", "oppose"),
    ("rule", "reject"),
    ("reject", "reject"),
    ("ban", "reject"),
    ("offer", "offer"),
    ("give", "offer"),
    ("gave", "offer"),
    ("grant", "offer"),
)
#: The words after a document's subject that make it a claim about the document, not its content.
_NOT_CONTENT = re.compile(
    r"\s*(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+(?:not\s+)?(?:\w+ed|\w+en|signed|seen|set|"
    r"made|held|done|due|dead|unlikely|likely|expected|meant|overtaken|never)\b",
    re.IGNORECASE,
)


# The first words a sentence about a document's contents can begin with (but a possessive).
_UNDER_OPENERS = frozenset(("Under", "According", "In"))
_OPENERS = frozenset(("The", "This", "That", "Its", "Their", "Such", "A", "An", "It", *_UNDER_OPENERS))


@dataclass(frozen=True)
class Current:
    """The document an article is describing: its authors (parties of the case), and whether the
    last sentence had it as subject (so that "It …" may mean it)."""

    authors: tuple[str, ...]
    subject: bool = False


#: No document: contents only speak for an actor the subject names ("Moscow's text").
UNKNOWN = Current(())


@dataclass(frozen=True)
class Content:
    """A sentence that gives the current document's contents: the issues after ``start`` (an offset
    in the sentence, after the subject that ends at ``subject_end``) are its authors' positions."""

    subject_end: int
    start: int
    verb: str
    stance: str
    negated: bool


def presented(folded: str) -> re.Match[str] | None:
    """ "The United States has presented what it describes as a final offer": the presenting verb,
    in ``folded``, the sentence as :func:`peacetalks.ingest.patterns.fold` gives it (same offsets)."""
    return _PRESENTS.search(folded)


def authors_after(folded: str) -> int | None:
    """Where the authors of "a text agreed by X and Y" begin, if the sentence (``folded`` as for
    :func:`presented`) says who wrote it."""
    m = _BY_AUTHORS.search(folded) if " by " in folded else None
    return m.end() if m else None


@dataclass(frozen=True)
class Signed:
    """A document the sentence says was signed or endorsed: it is named before ``at``, its signers
    are the actors within [``start``, ``end``), and ``stance`` is what signing says of them."""

    at: int
    start: int
    end: int
    stance: str


def signed(sentence: str, folded: str) -> Signed | None:
    """Who signed or endorsed the document named just before "signed by" or ", which … endorsed",
    in ``sentence`` (``folded`` is fold() of it, as for :func:`presented`)."""
    m = _SIGNED_BY.search(folded) if " by " in folded or " within " in folded else None
    if m is not None:
        stop = _SIGNERS_END.search(sentence, m.end())
        return Signed(m.start(), m.end(), stop.start() if stop else len(folded), _SIGN_STANCE.get(m["verb"], "accept"))
    m = _WHICH_SIGNED.search(folded) if "which " in folded else None
    if m is not None:
        return Signed(m.start(), m.start("signers"), m.end("signers"), _SIGN_STANCE.get(m["verb"], "accept"))
    return None


def signed_before(sentence: str, folded: str) -> tuple[Signed, bool] | None:
    """ "Both were signed within the Contact Group, …": the signers of the documents the sentence before
    named, when its subject stands for them, and whether it stands for more than one ("Both", "They")."""
    back = _SIGNED_BACK.match(folded)
    found = signed(sentence, folded) if back is not None else None
    if back is None or found is None or found.at != back.end():
        return None
    return found, not back.group().startswith(("it", "the ")) or back.group().startswith("the two")


# "Signed by the Contact Group …; backed by a declaration of the leaders of …": a second clause of supporters.
_BACKED_BY = re.compile(r";\s+(?:and\s+)?(?:(?:was|were|later|also)\s+)*(?:backed|endorsed|supported)\s+by\s+")


def backed(sentence: str, after: int) -> tuple[int, int] | None:
    """The span of the actors a clause right after a list of signers (ending at ``after``) says backed the
    document ("…; backed by a declaration of the leaders of Russia, Ukraine, France and Germany")."""
    m = _BACKED_BY.match(sentence, after)
    if m is None:
        return None
    stop = _SIGNERS_END.search(sentence, m.end())
    return m.end(), stop.start() if stop else len(sentence)


# A section heading in capitals a summary's line opens with: "ARMY. …", "ASSETS AND RECOVERY. …" (not a
# label before a colon, "CAPTION: …", "ANCHOR: …", whose line is someone's words)
_SECTION = re.compile(r"[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,3}\.(?:\s+|$)")


def section(sentence: str) -> int | None:
    """Where the line after a capitals section heading ``sentence`` opens with begins ("ARMY. Ukraine's
    armed forces …"; the heading alone: the sentence's end), or None for no heading."""
    found = _SECTION.match(sentence) if sentence[:2].isupper() else None
    return found.end() if found is not None else None


def reported(sentence: str) -> bool:
    """Whether someone reports or reacts in ``sentence`` ("said", "told", …): it is theirs, not a document's."""
    return _REPORTED.search(sentence) is not None


_DOCUMENT = re.compile(rf"\b(?:{DOCUMENT_NOUNS})\b", re.IGNORECASE)
# The same in fold(text), case-sensitively: three times faster, as re can then rule out a noun at
# its first letter.
_DOCUMENT_FOLDED = re.compile(rf"\b(?:{DOCUMENT_NOUNS})\b")


def names_document(text: str) -> re.Match[str] | None:
    """A noun in ``text`` that names a document ("plan", "text", "memorandum")."""
    found = _DOCUMENT_FOLDED.search(fold(text))
    return None if found is None else _DOCUMENT.match(text, found.start())  # (the match in the text itself)


# A label a line opens with before its sentence: a dateline ("MOSCOW – "), a timeline's date ("June 2025 – ",
# "2026-01-06 – Paris: "), a figure a fact box explains ("30 days – "), a heading ("Context: ").
_LABEL_WORD = r"(?:\d{1,2}:\d{2}|[\w'’/,-]+)"
# (a heading before a colon is a word or two, no one's: "Putin's conditions: …" is the sentence's subject)
# (and a post's or caption's number first: "4/ It also wants …", "3. Ukraine's own paper …")
# (rules-20: or a list's bullet, "- Washington's plan would …", "* APRIL 2022 — The draft …")
_BULLET = re.compile(r"[-*•·▪]\s+")
_BULLETS = "-*•·▪"  # what _BULLET opens with, looked at before the pattern is run
_LABEL = re.compile(
    rf"(?:{_BULLET.pattern})?(?:\d{{1,2}}[/.)]\s+)?(?:{_LABEL_WORD}(?:\s+{_LABEL_WORD}){{0,4}}\s[–—]\s+)?(?:[\w/-]+(?:\s+[\w/-]+)?:\s+)?"
)


def label(sentence: str) -> re.Match[str] | None:
    """The label ``sentence`` opens with, if any (see _LABEL)."""
    # a label ends in a dash or a colon: without one the pattern is not run (the first look is
    # never narrower than the rule: "MOSCOW — …" and long labels pass it); or opens with a number
    numbered = sentence[:1].isdigit() and sentence[1:3].lstrip("0123456789")[:1] in ("/", ".", ")")
    numbered = numbered or (sentence[:1] in _BULLETS and _BULLET.match(sentence) is not None)
    found = _LABEL.match(sentence) if ("–" in sentence or "—" in sentence or ":" in sentence or numbered) else None
    return found if found is not None and found.end() > 0 else None


def dateline(sentence: str) -> int:
    """Where a dateline, a timeline's date or a heading ``sentence`` opens with ends ("MOSCOW – ",
    "2026-01-06 – Paris: ", "Context: "), else 0: not a phrase between dashes ("Russia and Ukraine –
    the two parties – agreed …"), whose actors may speak."""
    found = label(sentence)
    if found is None:
        return 0
    text = found.group()
    heading = text.rstrip().endswith(":") or any(c.isdigit() for c in text) or text.strip(" –—").isupper()
    heading = heading or _BULLET.fullmatch(text) is not None
    return found.end() if heading else 0


def content(sentence: str, current: Current, *, cued: bool = False, one: bool = False) -> Content | None:
    """As :func:`_content`, after a label the line opens with ("June 2025 – The memorandum demands …")."""
    opening = label(sentence)
    if opening is None:
        return _content(sentence, current, cued=cued, one=one)
    found = _content(sentence[opening.end() :], current, cued=cued, one=one)
    if found is None:
        return None
    return replace(found, subject_end=found.subject_end + opening.end(), start=found.start + opening.end())


def _content(sentence: str, current: Current, *, cued: bool = False, one: bool = False) -> Content | None:
    """The document's contents, when the sentence opens with the document as subject ("The plan
    calls for …", "Its central demand is …", "It also backs …" right after such a sentence) or with
    "Under the plan, …" before a clause with would/will/must; or, right after such a sentence, goes
    on in the conditional without a stance cue (``cued``) or anyone reporting ("In return, Ukraine
    would receive …"). ``current`` is the document the article describes (:data:`UNKNOWN` for none);
    ``one``: the sentence before named documents, one of which "The Russian one" may be."""
    first = sentence[: sentence.find(" ")]
    if first not in _OPENERS and not current.subject and not first.endswith(("'s", "’s")):
        return None  # a cheap first look: no opening the rules below could match
    under = _UNDER.match(sentence) if first in _UNDER_OPENERS else None
    if under is not None:
        would = _WOULD.search(sentence, under.end())
        if would is None:
            return None
        return Content(under.end(), under.end(), would.group(), "propose", False)
    subject = (_PART.match(sentence) if current.authors else None) or _SUBJECT.match(sentence)
    subject = subject or (_IT.match(sentence) if current.subject else None) or (_ONE.match(sentence) if one else None)
    if subject is None and current.subject and not cued and not _REPORTED.search(sentence):
        would = _WOULD.search(sentence, 0, 80)
        if would is not None and would.group().lower() in ("would", "will"):
            return Content(0, would.start(), would.group(), "propose", bool(_NOT_AFTER.match(sentence, would.end())))
    if subject is None:
        return None
    dated = _OF_DATE.match(sentence, subject.end()) if sentence.startswith(_DATE_OPENERS, subject.end()) else None
    after = dated.end() if dated else subject.end()
    if _NOT_CONTENT.match(sentence, after):
        return None
    verb = _CONTENT.match(sentence, after)
    subject_end = subject.end()
    if verb is None and (relative := _RELATIVE.match(sentence, after)) is not None:
        verb = _CONTENT.match(sentence, relative.end())
    if verb is None and (writing := _WRITERS_CLAUSE.match(sentence, after)) is not None:
        verb = _CONTENT.match(sentence, writing.end())
        if verb is not None:
            subject_end = writing.end()  # the writers it names are the subject's ("The text Kyiv drew up …")
    if verb is None and (written := _WRITTEN.match(sentence, after)) is not None:
        comma = sentence.find(",", written.end(), written.end() + 160)
        while verb is None and comma >= 0:  # the comma the participle ends at is the one its verb follows
            verb = _CONTENT.match(sentence, comma + 1)
            comma = sentence.find(",", comma + 1, written.end() + 160)
    if verb is None:
        return None
    word = verb["verb"].lower()
    if word in ("is", "are", "was", "were") and not subject.group().startswith(("Its ", "Their ")):
        return None  # "Its central demand is …", but not "The plan is …"
    stance = next((s for prefix, s in _VERB_STANCE if word.startswith(prefix)), "propose")
    negated = bool(_NEGATED.search(verb["before"]))
    return Content(subject_end, verb.start("verb"), word, stance, negated)
