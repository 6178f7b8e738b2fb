"""Name and term matching built from a case: actors through their names and aliases, issues
through their ``terms``, proposals through their ``terms``.

Matching is on whole words. Actor names are matched with their case as written (so the alias
"US" does not match the pronoun "us"); issue and proposal terms ignore case unless they are
written in capitals (acronyms such as NATO or DMZ), and a lower-case term also matches its plural.
A term that counts points ("20-point plan") also matches with the number in words ("twenty-point
plan") or digits, and with or without "peace" before its noun ("10-point formula").

A proposal is also recognised by the noun its names use ("memorandum", "formula", "plan") when
the sentence says whose it is — "Moscow's memorandum", "the memorandum it handed over" (the actor
named last before it) — and the case has exactly one proposal by that actor with that noun.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from peacetalks.case.types import ActorKind, Case
from peacetalks.ingest.figures import _WORD_NUMBERS
from peacetalks.ingest.patterns import fold, trie_pattern

#: Nouns a proposal's names end in, by which an article refers to it once it says whose it is.
_HEADS = ("memorandum", "formula", "communiqué", "communique", "protocol", "declaration", "plan", "framework",
          "initiative", "treaty")  # fmt: skip
# Matched in fold(text), so in lower case. The nouns are matched with the proposal terms, as terms
# of this id: a noun inside a term ("the 28-point plan") then gives way to it.
_HEAD = re.compile(trie_pattern(_HEADS))
_HEAD_ID = "<noun>"
# Whose it is: "Moscow's memorandum" (an actor just before), or "the memorandum it handed over".
_POSSESSIVE = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?$")
_LAID_BEFORE = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:it|they|he|she)\s+(?:had\s+|has\s+|have\s+)?(?:handed(?:\s+over)?|presented|"
    r"submitted|tabled|put\s+forward|proposed|drafted|sent|delivered|published|unveiled|offered)\b",
    re.IGNORECASE,
)
_THE_BEFORE = re.compile(r"\b(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
_NUMBER_NAMES = {int(v): k for k, v in _WORD_NUMBERS.items() if v == int(v) and not k.startswith(("a ", "half"))}
_POINTS = re.compile(
    r"\b(\d{1,2}|[a-z]+(?:[\s-][a-z]+)?)([\s-]points?\b)(?:(\s+)(peace\s+)?(?=plan|formula|proposal|framework))?",
    re.IGNORECASE,
)


def _variants(term: str) -> list[str]:
    """ "20-point plan" also as "twenty-point plan", "20-point peace plan"; "ten-point peace
    formula" also as "10-point peace formula", "10-point formula"."""
    m = _POINTS.search(term)
    if m is None:
        return [term]
    number = m[1].lower().replace("-", " ")
    value = int(number) if number.isdigit() else _WORD_NUMBERS.get(number)
    if value is None or value != int(value) or int(value) not in _NUMBER_NAMES:
        return [term]
    head, tail = term[: m.start()], term[m.end() :]
    forms = []
    for n in (str(int(value)), _NUMBER_NAMES[int(value)]):
        for peace in ("", "peace ") if m[3] and tail else ("",):
            forms.append(f"{head}{n}{m[2]}{m[3] or ''}{peace}{tail}")
    return list(dict.fromkeys([term, *forms]))


@dataclass(frozen=True)
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

    def find(self, text: str) -> list[Mention]:
        found: list[Mention] = []
        if self._exact_re is not None:
            for m in self._exact_re.finditer(text):
                form = m.group()
                found.append(Mention(m.start(), m.end(), self._exact.get(form) or self._exact[_normal(form)]))
        if self._folded_re is not None:
            for m in self._folded_re.finditer(fold(text) if self._fold_text else text):
                ids = _lookup(self._folded, text[m.start() : m.end()].casefold())
                if ids:
                    found.append(Mention(m.start(), m.end(), ids))
        return _longest_first(found)


def _normal(form: str) -> str:
    """Hyphens and runs of blanks count as one space: "all-for-all" is "all for all"."""
    return " ".join(form.replace("-", " ").split())


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _folds_like_ignorecase(c: str) -> bool:
    return (c < "\u0250" and c != "µ") or c.lower() == c.upper() == c


def _alternation(table: Mapping[str, object], *, any_case: bool, flags: int = 0) -> re.Pattern[str] | None:
    """Any key of ``table`` as a whole word; ``any_case`` terms also in the plural."""
    if not table:
        return None
    if not any_case:
        # Terms whose case counts mostly begin with capitals: checking the character before
        # after the first one lets re skip ahead to those (twice as fast).
        words = trie_pattern(table, not_after=r"\w")
        return re.compile(rf"(?:{words})(?![\w-])", flags)
    # In lower-case text (or with IGNORECASE) checking it first rules out most positions at once.
    return re.compile(rf"(?<!\w)(?:{trie_pattern(table)})(?:e?s)?(?![\w-])", flags)


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
        self._actors = _Terms(((form, a.id) for a in case.actors for form in (a.name, *a.aliases)), exact_case=True)
        self._issues = _Terms(((t, i.id) for i in case.issues for t in i.terms), exact_case=False)
        terms = [(v, p.id) for p in case.proposals for t in p.terms for v in _variants(t)]
        self._proposals = _Terms([*terms, *((h, _HEAD_ID) for h in _HEADS)], exact_case=False)
        self._party = {a.id: self._resolve(a.id) for a in case.actors}
        by_head: dict[tuple[str, str], list[str]] = {}
        for p in case.proposals:
            heads = {h.replace("é", "e") for form in (p.name, *p.terms) for h in _HEAD.findall(fold(form))}
            for head in heads:
                for author in p.authors:
                    by_head.setdefault((author, head), []).append(p.id)
        self._by_head = {key: ids[0] for key, ids in by_head.items() if len(ids) == 1}

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
        return self._actors.find(text)

    def issues(self, text: str) -> list[Mention]:
        return self._issues.find(text)

    def proposals(self, text: str) -> list[Mention]:
        return self.proposals_and_nouns(text)[0]

    def proposals_and_nouns(self, text: str) -> tuple[list[Mention], list[Mention]]:
        """The proposal mentions in ``text``, and the nouns proposals are named by ("memorandum",
        "plan" …) outside them, without ids (for :meth:`references`)."""
        proposals: list[Mention] = []
        nouns: list[Mention] = []
        for m in self._proposals.find(text):
            (nouns if m.ids == (_HEAD_ID,) else proposals).append(m)
        return proposals, [Mention(m.start, m.end, ()) for m in nouns]

    def references(
        self, sentence: str, actors: list[Mention], proposals: list[Mention], heads: list[Mention]
    ) -> list[Mention]:
        """Proposals ``sentence`` refers to by their noun (one of ``heads``, see :meth:`proposals_and_nouns`) and
        author (see the module docstring), outside the ``proposals`` it names; ``actors`` are the
        actors it names. Offsets are relative to the sentence."""
        found = []
        for m in heads if actors else ():
            if any(p.start <= m.start < p.end for p in proposals):
                continue
            before = [a for a in actors if a.end <= m.start]
            if not before:
                continue
            owner = before[-1]
            possessive = _POSSESSIVE.fullmatch(sentence, owner.end, m.start)
            the = _THE_BEFORE.search(sentence, max(0, m.start - 30), m.start)
            laid = the is not None and _LAID_BEFORE.match(sentence, m.end) is not None
            if not (possessive or laid):
                continue
            head = fold(sentence[m.start : m.end]).replace("é", "e")
            head = head if head in _HEADS else head.rstrip("s")  # "plans": plurals match too
            ids = {self._by_head.get((self._party[a], head)) for a in owner.ids} - {None}
            if len(ids) == 1:
                found.append(Mention(m.start, m.end, (ids.pop(),)))  # type: ignore[arg-type]
        return found
