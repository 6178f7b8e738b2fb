"""Proposals an article refers to by description rather than by name: an author and a noun
("Putin's conditions", "the American proposal"), the date written with the noun ("its
memorandum of June 2025") or the place it was made ("the ceasefire proposed in Jeddah"), the
author's proposal chosen by the date the article has reached."""

from __future__ import annotations

import datetime as dt

import pytest

from builtincase import lexicon
from peacetalks.ingest.extract import extract
from peacetalks.ingest.types import Document, SourceInfo


def proposals(text: str, published: dt.date | None = None) -> list[tuple[str, str | None]]:
    doc = Document(SourceInfo("a.txt", "text", published=published), text)
    return [(e.text, e.proposal_id) for e in extract(doc, lexicon()) if e.kind == "proposal"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Russia has one proposal named by its conditions or terms: no date needed
        ("Putin's conditions were announced on the eve of a summit.", [("conditions", "russia-june-2024-terms")]),
        ("On 14 June 2024 the Kremlin's terms were set out.", [("terms", "russia-june-2024-terms")]),
        # the author's latest proposal on or before the date the article has reached
        ("On 18 March 2025 Kyiv accepted the American proposal.", [("proposal", "jeddah-ceasefire-2025")]),
        ("On 1 December 2025 Kyiv studied the American proposal.", [("proposal", "us-28-point")]),
        ("In 2023 Kyiv studied the Chinese proposal.", [("proposal", "china-12-points")]),
        ("On 30 December 2025 Lula discussed the Chinese-Brazilian proposal.", [("proposal", "china-brazil-6-points")]),
        ("On 5 June 2025 Ukraine rejected the Russian offer.", [("offer", "russia-memorandum-2025")]),
        # words before the noun that only one of the author's proposals has in its names pick it
        ("On 1 December 2025 Kyiv recalled the American ceasefire proposal.", [("proposal", "jeddah-ceasefire-2025")]),
        # authors named after the noun
        ("Kyiv studied the memorandum Moscow handed over on 2 June 2025.", [("memorandum", "russia-memorandum-2025")]),
        ("Kyiv studied the plan put forward by Washington in November 2025.", [("plan", "us-28-point")]),
        ("On 2 June 2025 Russia handed over its draft memorandum.", [("memorandum", "russia-memorandum-2025")]),
        ("On 25 November 2025 Kyiv studied the American draft.", [("draft", "us-28-point")]),
        (
            "On 25 December 2025 Zelensky published the plan Ukraine and the US had agreed.",
            [("plan", "us-ukraine-20-point")],
        ),
        # what follows "for" or "of" fits the proposal
        ("On 15 June 2024 Putin's proposal for a ceasefire was dismissed.", [("proposal", "russia-june-2024-terms")]),
        (
            "On 18 March 2025 Kyiv accepted the American proposal for an immediate, interim ceasefire.",
            [("proposal", "jeddah-ceasefire-2025")],
        ),
        # the date written with the noun, without an author
        ("Its memorandum of June 2025 calls for lifting sanctions.", [("memorandum", "russia-memorandum-2025")]),
        # the place it was made, which none of its authors is
        ("Kyiv backed the ceasefire proposed in Jeddah.", [("proposed in Jeddah", "jeddah-ceasefire-2025")]),
        ("The ceasefire agreed in Minsk in February 2015 soon broke down.", [("agreed in Minsk", "minsk-ii")]),
        ("The ceasefire agreed in Minsk in September 2014 soon broke down.", [("agreed in Minsk", "minsk-i")]),
    ],
)
def test_proposals_referred_to_by_description(text: str, expected: list[tuple[str, str]]) -> None:
    assert proposals(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no Russian proposal of the case is dated on or before 2022; "demands" names no document
        "In March 2022, Russia's terms were harsh.",
        "In 2025 Russia's demands were unchanged.",
        # a memorandum of another date, a plan of no one's, plans that are no settlement
        "A memorandum of 19 September 2014 fixed a line of contact.",
        "In 2025 Yermak said that Ukraine rejects any plan that rewards aggression.",
        "In 2026 the US and Russia agree a plan.",
        "In January 2026 the EU's plan to lend Ukraine €90 billion passed.",
        "In 2024 Russia's military plan was leaked.",
        "In October 2024 Zelensky's victory plan was presented.",
        "In February 2025 the American draft resolution at the UN was amended.",
        "In 2025 Ukraine's draft law on mobilisation passed.",
        # what follows "for" or "of" is another proposal than the author's of the case
        "On 20 March 2025 Russia's proposal for a UN-run transitional administration was rejected.",
        "On 3 March 2025 Kyiv's offer of a partial truce in the air and at sea was noted.",
        # a place where talks were held is no proposal made there
        "The talks in Jeddah ended.",
        "Leaders met in Minsk in 2014.",
        # "Washington's plan" with no date: three US proposals in the case, none in particular
        "Washington's plan was revised.",
    ],
)
def test_descriptions_that_name_no_case_proposal(text: str) -> None:
    assert proposals(text) == []


def test_on_someones_terms_is_a_manner_of_speaking() -> None:
    assert proposals("Ukraine will not make peace on Russia's terms.", dt.date(2025, 3, 1)) == []


def test_a_proposal_named_twice_in_apposition_is_one_mention() -> None:
    text = (
        "The first Minsk agreement, the Minsk Protocol, was signed in 2014; Minsk II, also called the Package of "
        "Measures, followed."
    )
    assert proposals(text) == [("first Minsk agreement", "minsk-i"), ("Minsk II", "minsk-ii")]


def test_a_description_of_a_proposal_the_sentence_names_adds_nothing() -> None:
    assert proposals("On 2 June 2025 Russia's memorandum, the offer Moscow presented, was read.") == [
        ("Russia's memorandum", "russia-memorandum-2025")
    ]


def test_descriptions_of_the_line_of_contact_name_the_freeze() -> None:
    assert proposals("A freeze on the line without recognition was accepted by 72%.")[0][1] == "ceasefire-current-line"
    assert proposals("Putin offered to freeze the front lines in the south.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the line of a freeze however it is written
        ("Kyiv wants a ceasefire along the current line of contact.", "ceasefire along the current line of contact"),
        ("A freeze on the current line was acceptable to 74%.", "freeze on the current line"),
        ("The Europeans proposed a ceasefire along the current front.", "ceasefire along the current front"),
        ("Kyiv backed a truce at the existing front line.", "truce at the existing front line"),
        ("Kyiv backed a ceasefire at current positions.", "ceasefire at current positions"),
        ("Ukraine accepted the freeze proposal.", "freeze proposal"),
    ],
)
def test_the_ceasefire_on_the_current_line_by_its_line(text: str, expected: str) -> None:
    assert proposals(text, dt.date(2025, 12, 1)) == [(expected, "ceasefire-current-line")]


@pytest.mark.parametrize(
    "text",
    [
        "Putin offered to freeze the front lines in the south.",  # a verb, and Russia's offer
        "EU ministers debated the asset freeze proposal.",  # the freeze of Russia's assets
        "Shelling went on along the current front line.",  # no halt on the line
    ],
)
def test_a_line_or_a_freeze_that_is_no_ceasefire_on_the_line(text: str) -> None:
    assert proposals(text, dt.date(2025, 12, 1)) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Kyiv backed the 30-day ceasefire proposal.",
            dt.date(2025, 3, 12),
            ("30-day ceasefire proposal", "jeddah-ceasefire-2025"),
        ),
        (
            "China's paper and its common understandings with Brazil call for talks.",
            None,
            ("common understandings", "china-brazil-6-points"),
        ),
        ("Ukraine rejected the Sino-Brazilian plan.", None, ("Sino-Brazilian plan", "china-brazil-6-points")),
        ("Beijing released a 12-point document.", None, ("12-point document", "china-12-points")),
        ("The six-point proposal was backed by 110 states.", None, ("six-point proposal", "china-brazil-6-points")),
        (
            "Russia quit the Black Sea grain agreement.",
            None,
            ("Black Sea grain agreement", "black-sea-grain-initiative"),
        ),
        ("Kyiv criticised the Witkoff-Dmitriev plan.", None, ("Witkoff-Dmitriev plan", "us-28-point")),
        ("Kyiv rejected Putin's June 2024 demands.", None, ("June 2024 demands", "russia-june-2024-terms")),
        (
            "Moscow wants a deal based on the 2022 Istanbul draft.",
            None,
            ("Istanbul draft", "istanbul-draft-treaty-2022"),
        ),
    ],
)
def test_names_news_gives_the_case_proposals(text: str, published: dt.date | None, expected: tuple[str, str]) -> None:
    assert proposals(text, published) == [expected]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the date the article has reached where the noun stands, not one the sentence goes back to
        (
            "On 15 June 2024, the day after Putin set out his conditions for a ceasefire, Welt had described a text "
            "of April 2024.",
            None,
            ("conditions", "russia-june-2024-terms"),
        ),
        # a noun, what was done with it and the place its terms name
        (
            "Kyiv backed the ceasefire proposal discussed at talks in Jeddah.",
            dt.date(2025, 8, 14),
            ("proposal discussed at talks in Jeddah", "jeddah-ceasefire-2025"),
        ),
        (
            "The truce offer made at the Jeddah talks was accepted.",
            dt.date(2025, 8, 14),
            ("offer made at the Jeddah", "jeddah-ceasefire-2025"),
        ),
        (
            "The declaration signed in Paris promised a force.",
            dt.date(2026, 1, 10),
            ("declaration", "paris-declaration"),
        ),
        ("The Minsk peace deal failed.", dt.date(2016, 1, 1), ("Minsk peace deal", "minsk-ii")),
        ("Kyiv accepted the Jeddah offer.", dt.date(2025, 4, 1), ("Jeddah offer", "jeddah-ceasefire-2025")),
        # who drafted or backed it, a modifier before the name, "joint"
        ("Kyiv received the US-drafted plan.", dt.date(2025, 11, 25), ("plan", "us-28-point")),
        ("Russia rejected the revised American plan.", dt.date(2026, 1, 10), ("plan", "us-ukraine-20-point")),
        (
            "Kyiv dismissed the joint Chinese-Brazilian initiative.",
            dt.date(2024, 9, 1),
            ("initiative", "china-brazil-6-points"),
        ),
        # a co-author's proposal by a noun of its names
        (
            "Kyiv's counter-proposal was sent to Washington.",
            dt.date(2025, 11, 26),
            ("counter-proposal", "ceasefire-current-line"),
        ),
        ("Zelensky's plan was discussed with Trump.", dt.date(2025, 12, 28), ("plan", "us-ukraine-20-point")),
        # "demands" with their date
        ("Kyiv rejected Putin's demands of 14 June 2024.", None, ("demands", "russia-june-2024-terms")),
        # "its" is the body named last, not the person
        (
            "On 2 June 2025 Putin said Russia had handed over its memorandum.",
            None,
            ("memorandum", "russia-memorandum-2025"),
        ),
    ],
)
def test_descriptions_of_the_proposals(text: str, published: dt.date | None, expected: tuple[str, str]) -> None:
    assert proposals(text, published) == [expected]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # "their" after two actors joined by "and" is both, and no proposal of the case is theirs
        ("Ukraine and Russia each put their terms in writing.", dt.date(2025, 6, 3)),
        # a date said where it was laid down that fits none of the author's proposals
        ("Ukraine's paper, handed over on 28 May, is much shorter.", dt.date(2025, 6, 3)),
        ("Kyiv wants a meeting with Putin, as set out in the paper it sent to Moscow last week.", dt.date(2025, 6, 2)),
        # a plural is what someone asks, not one document
        ("It was a summary of the Ukrainian delegation's proposals.", dt.date(2022, 3, 29)),
        # "demands" without a date are what someone wants
        ("Putin's demands were harsh.", dt.date(2025, 6, 10)),
        # a place after a noun none of whose proposals names it; an exchange is no proposal
        ("The declaration signed in Washington was vague.", dt.date(2026, 1, 10)),
        ("The prisoner swap agreed at the Istanbul talks went ahead.", dt.date(2025, 6, 10)),
        ("The delegations that met in Jeddah discussed a ceasefire.", dt.date(2025, 3, 12)),
    ],
)
def test_descriptions_that_fit_no_case_proposal(text: str, published: dt.date | None) -> None:
    assert proposals(text, published) == []


def stances(text: str) -> set[tuple[str | None, str | None]]:
    doc = Document(SourceInfo("a.txt", "text", published=dt.date(2025, 12, 1)), text)
    return {(e.actor_id, e.issue_id or e.proposal_id) for e in extract(doc, lexicon()) if e.kind == "stance"}


@pytest.mark.parametrize(
    "text",
    [
        "The freeze on the line that Kyiv wants was rejected.",  # the one object a relative clause takes
        "Kyiv wants a ceasefire along the current line of contact.",
    ],
)
def test_a_proposal_named_by_its_ceasefire_is_a_stance_on_both(text: str) -> None:
    # the issue term inside the proposal's name ("freeze", "ceasefire") gives its stance too
    assert {("ukraine", "ceasefire-current-line"), ("ukraine", "ceasefire-sequencing")} <= stances(text)


def test_a_proposal_without_an_issue_term_inside_gives_only_its_own_stance() -> None:
    # (the Europeans propose their own counter-proposal, rules-14; Kyiv wants it)
    assert stances("The European counter-proposal that Kyiv wants was rejected.") == {
        ("ukraine", "ceasefire-current-line"),
        ("eu", "ceasefire-current-line"),
    }


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # how timelines, factboxes and explainers name a proposal on second mention, written for this test:
        # a timeline entry opens with its date, and tells it in the present
        (
            "June 2025 – The memorandum Russia hands over in Istanbul demands recognition of Crimea.",
            None,
            ("memorandum", "russia-memorandum-2025"),
        ),
        (
            "March 2022 – In the communiqué Ukraine's negotiators present in Istanbul, Kyiv proposes talks on Crimea.",
            None,
            ("communiqué", "istanbul-2022"),
        ),
        (
            "June 2024 – Vladimir Putin's conditions for a ceasefire include the recognition of Crimea.",
            None,
            ("conditions", "russia-june-2024-terms"),
        ),
        # the European answer to the 28 points, by what it is called and who drew it up
        ("A European counter-text is circulating before the Geneva talks.", dt.date(2025, 11, 23),
         ("European counter-text", "ceasefire-current-line")),
        ("The Europeans' counter-text opens with a ceasefire.", dt.date(2025, 11, 24),
         ("counter-text", "ceasefire-current-line")),
        ("European governments put forward a 24-point text of their own.", dt.date(2025, 11, 24),
         ("24-point text", "ceasefire-current-line")),
        ("The counter-proposal European governments drew up keeps Ukraine sovereign.", dt.date(2025, 11, 24),
         ("counter-proposal", "ceasefire-current-line")),
        ("Kyiv's counter-draft was sent to Washington.", dt.date(2025, 12, 1),
         ("counter-draft", "ceasefire-current-line")),
        # a month alone before the noun, in the year the article has reached
        ("In January 2026 Moscow dismissed the December framework.", None, ("framework", "us-ukraine-20-point")),
        ("Moscow's paper repeated its demands.", dt.date(2025, 7, 1), ("paper", "russia-memorandum-2025")),
        ("The Chinese paper calls for a ceasefire.", dt.date(2023, 6, 1), ("paper", "china-12-points")),
        ("Zelensky's formula demands a full withdrawal.", dt.date(2023, 6, 1), ("formula", "peace-formula")),
    ],
)  # fmt: skip
def test_second_mentions_in_timelines_and_factboxes(
    text: str, published: dt.date | None, expected: tuple[str, str]
) -> None:
    assert proposals(text, published) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a description that fits several of the author's proposals, or none by the date the piece has gone
        # back to, is the one it named before ...
        (
            "The US 28-point plan kept the Dnipro open. The 20-point framework that Kyiv and Washington drew up in "
            "December 2025 keeps that clause. Russia left the grain deal in July 2023. Under the US draft, the front "
            "would be frozen. The December framework would not recognise the occupation.",
            ["us-28-point", "us-ukraine-20-point", "black-sea-grain-initiative", "us-28-point", "us-ukraine-20-point"],
        ),
        # ... and a date that labels another document is not the date the article has reached
        (
            "27 Nov. 2025 – Kyiv's deadline to accept Washington's 28-point plan passes. 100 days – the time within "
            "which both Moscow's memorandum of 2 June 2025 and the US plan would have Ukraine hold elections.",
            ["us-28-point", "russia-memorandum-2025", "us-28-point"],
        ),
        (
            "The US 28-point plan was handed over. The November plan would cap the army.",
            ["us-28-point", "us-28-point"],
        ),
    ],
)
def test_a_second_mention_names_the_proposal_named_before(text: str, expected: list[str]) -> None:
    assert [p for _, p in proposals(text)] == expected


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # a month that fits two proposals of the year: the 28 points and the European answer
        ("The November plan would cap the army.", dt.date(2025, 12, 1)),
        # a month with no noun for a document, a verb after the noun, a text by its author alone
        ("The December talks in Berlin failed.", dt.date(2026, 1, 10)),
        ("Washington's text would cap the army.", dt.date(2025, 11, 25)),
        ("The European text is still secret.", dt.date(2025, 11, 25)),
        # conditions reported at another time than the case's June 2024 conditions
        ("Putin's conditions, as reported in late 2025, were that Ukraine give up the Donbas.", None),
        # "the formula" by no one; a communiqué of negotiators of no side
        ("The formula was discussed.", dt.date(2023, 6, 1)),
        ("The communiqué the negotiators present is short.", dt.date(2022, 3, 29)),
    ],
)
def test_second_mentions_that_name_no_case_proposal(text: str, published: dt.date | None) -> None:
    assert proposals(text, published) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a joint statement, its authors after "by" or "of"; a list of authors ends at its "and"
        (
            "The proposal was set out in a joint statement by the United States and Ukraine after talks.",
            dt.date(2025, 3, 14),
            ("joint statement", "jeddah-ceasefire-2025"),
        ),
        (
            "Item A. Joint statement of the United States and Ukraine, Jeddah, 11 March 2025.",
            None,
            ("Joint statement", "jeddah-ceasefire-2025"),
        ),
        (
            "The offer was set out in a joint statement issued by the American and Ukrainian delegations.",
            dt.date(2025, 3, 12),
            ("joint statement", "jeddah-ceasefire-2025"),
        ),
        # a memorandum of an author, what follows "of" being the author and not what it asks
        (
            "Item C. Memorandum of the Russian Federation on a settlement, handed over on 2 June 2025.",
            None,
            ("Memorandum", "russia-memorandum-2025"),
        ),
        # laid down by "his negotiators": the person named last before it
        (
            "Putin's conditions of June 2024 included lifting sanctions; the memorandum his negotiators handed over"
            " a year later asked the same.",
            dt.date(2026, 3, 2),
            ("memorandum", "russia-memorandum-2025"),
        ),
        # a noun of its names and a place its terms name, with no verb between
        (
            "About 35 countries adopted a declaration in Paris on Tuesday promising guarantees.",
            dt.date(2026, 1, 7),
            ("declaration", "paris-declaration"),
        ),
        # "plan to 19 points" is no plan to do something
        (
            "US and Ukrainian teams trim Washington's plan to 19 points.",
            dt.date(2025, 11, 23),
            ("plan", "us-28-point"),
        ),
        # "understandings", a noun of the China–Brazil names, with its authors as adjectives
        (
            "The Chinese-Brazilian understandings do not mention Ukraine's borders.",
            None,
            ("understandings", "china-brazil-6-points"),
        ),
        # the day it was signed, said after the noun, picks the proposal of that day
        (
            "The protocol signed in Minsk on 5 Sept. 2014 called for an immediate ceasefire watched by the OSCE,"
            " whose mission had been on the ground since 21 March 2014.",
            None,
            ("protocol", "minsk-i"),
        ),
        # descriptions in its own words
        (
            "Talks in Istanbul had produced a draft treaty on Ukraine's neutrality that was never signed.",
            dt.date(2025, 5, 17),
            ("draft treaty on Ukraine's neutrality", "istanbul-draft-treaty-2022"),
        ),
        ("South Africa later endorsed the China–Brazil text.", None, ("China–Brazil text", "china-brazil-6-points")),
        # "package", with its date only
        (
            "The follow-up package of 12.02.2015 set the ceasefire for 15 February.",
            None,
            ("package", "minsk-ii"),
        ),
    ],
)
def test_statements_memoranda_and_dated_documents(
    text: str, published: dt.date | None, expected: tuple[str, str]
) -> None:
    assert expected in proposals(text, published)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # a statement of one side is no joint statement; a joint statement of other authors none of the case's
        ("A White House statement said the talks were useful.", dt.date(2025, 11, 25)),
        ("A joint statement by Russia and China praised the talks.", dt.date(2025, 5, 8)),
        ("A joint statement issued by the Russian and Chinese delegations praised the talks.", dt.date(2025, 5, 8)),
        # the understandings the talks produced in Riyadh, or understandings of no one
        ("The Riyadh understandings on the Black Sea took effect only after sanctions were lifted.", None),
        ("Those understandings were never put into practice.", dt.date(2026, 3, 14)),
        # a package without its date is an aid or sanctions package
        ("The EU's new package of sanctions was adopted.", dt.date(2015, 2, 20)),
        ("Washington approved a package of military aid in February 2015.", None),
        # a plan to do something
        ("Washington's plan to lend Ukraine money was approved.", dt.date(2025, 12, 1)),
        # a declaration in a place its terms do not name
        ("The leaders adopted a declaration in Berlin.", dt.date(2026, 1, 10)),
    ],
)
def test_statements_memoranda_and_packages_that_name_no_case_proposal(
    text: str, published: dt.date | None
) -> None:
    assert proposals(text, published) == []


def test_the_terms_of_someones_memorandum_are_the_memorandum() -> None:
    text = "A plan built on the terms of Moscow's memorandum was rejected by 75%."
    assert proposals(text, dt.date(2026, 2, 1)) == [("memorandum", "russia-memorandum-2025")]
