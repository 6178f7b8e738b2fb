"""The vocabulary of stance extraction: the cue classes of ingest.cues, and the issue terms and
actor aliases of the built-in case that news wording needs. Each class with a case where it must
not fire."""

from __future__ import annotations

import pytest

from peacetalks.ingest.clean import clean_text
from peacetalks.ingest.cues import CUE, CUE_STANCE, OBJECT_BEFORE, STANCE_CUES, cue_form
from peacetalks.ingest.extract import extract
from peacetalks.ingest.lexicon import Lexicon
from peacetalks.ingest.patterns import fold
from peacetalks.ingest.types import Document, SourceInfo


def found(text: str, lexicon: Lexicon) -> set[tuple[str | None, str | None, str | None, str | None]]:
    """(actor, issue or proposal, stance, polarity) of each stance in ``text``."""
    doc = Document(SourceInfo("test", "text"), clean_text(text).text)
    return {
        (e.actor_id, e.issue_id or e.proposal_id, e.stance, e.polarity)
        for e in extract(doc, lexicon)
        if e.kind == "stance"
    }


def pairs(text: str, lexicon: Lexicon) -> set[tuple[str | None, str | None]]:
    return {(actor, obj) for actor, obj, *_ in found(text, lexicon)}


def test_each_cue_is_listed_once_and_the_object_first_cues_are_cues() -> None:
    forms = [cue_form(c) for cues in STANCE_CUES.values() for c in cues]
    assert len(forms) == len(set(forms)), sorted(f for f in set(forms) if forms.count(f) > 1)
    assert set(CUE_STANCE) >= OBJECT_BEFORE
    # a cue is looked up as the rules see it: "non-negotiable" is the insist cue it is listed as
    assert CUE_STANCE["non negotiable"] == "insist"
    assert CUE_STANCE["a non starter"] == "reject"
    assert "non negotiable" in OBJECT_BEFORE and "premature" in OBJECT_BEFORE
    # a space in a cue matches a hyphen or a run of blanks, never the inside of a word
    assert CUE.search(fold("It is non negotiable.")) is not None
    assert CUE.search(fold("The blockade continued.")) is None  # "block" inside a word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # requests, appeals, aspirations
        ("Kyiv requested an immediate ceasefire.", ("ukraine", "ceasefire-sequencing", "demand")),
        (
            "Zelensky appealed for more air defence and security guarantees.",
            ("ukraine", "security-guarantees", "demand"),
        ),
        ("Ukraine's aspirations to join NATO remain, Sybiha said.", ("ukraine", "nato-neutrality", "demand")),
        # restating a position
        ("Peskov reiterated that Crimea is part of Russia.", ("russia", "territory-crimea", "insist")),
        ("Kyiv stands by its demand for security guarantees.", ("ukraine", "security-guarantees", "insist")),
        # refusals and walk-outs, as reaction pieces word them
        ("Russia walked out of the Black Sea Grain Initiative.", ("russia", "black-sea-grain-initiative", "reject")),
        ("Moscow rebuffed the 30-day ceasefire.", ("russia", "ceasefire-sequencing", "reject")),
        (
            "Washington backed away from its demand for a ceasefire.",
            ("united-states", "ceasefire-sequencing", "reject"),
        ),
        ("Kyiv is reluctant to cede Donetsk.", ("ukraine", "territory-donetsk", "reject")),
        # settling for, promises, concessions
        ("Moscow might settle for the whole of the Donbas.", ("russia", "territory-donetsk", "accept")),
        (
            "The Coalition of the Willing has promised a multinational force.",
            ("coalition-of-the-willing", "security-guarantees", "offer"),
        ),
        ("Kyiv will never concede Crimea.", ("ukraine", "territory-crimea", "offer")),
        # drafting and authorship, as a profile puts it
        (
            "The list of guarantors was drawn up by Ukraine's negotiators.",
            ("ukraine", "security-guarantees", "propose"),
        ),
        ("Witkoff, the architect of the 28-point plan, flew to Moscow.", ("united-states", "us-28-point", "propose")),
        ("Macron has spoken of several thousand French troops.", ("france", "security-guarantees", "propose")),
        # advocacy and criticism
        ("Sikorski has long advocated a special tribunal.", ("poland", "accountability-amnesty", "support")),
        ("Berlin slammed the plan for the frozen assets.", ("germany", "frozen-assets-reparations", "oppose")),
        ("Beijing poured cold water on the reparations loan.", ("china", "frozen-assets-reparations", "oppose")),
        # doors opened and closed, green lights, threats
        ("Kyiv opened the door to a demilitarised zone.", ("ukraine", "demilitarised-zone", "offer")),
        ("Moscow closed the door on a 30-day ceasefire.", ("russia", "ceasefire-sequencing", "reject")),
        (
            "Washington gave the green light to the prisoner exchange.",
            ("united-states", "prisoners-humanitarian", "accept"),
        ),
        ("Trump's threat of secondary tariffs rattled Moscow.", ("united-states", "sanctions-relief", "warn")),
        ("NATO leaders said Ukraine's path to membership was irreversible.", ("nato", "nato-neutrality", "support")),
        # conditions
        ("The Kremlin tied a Black Sea truce to sanctions relief.", ("russia", "sanctions-relief", "condition")),
        ("Moscow regards Crimea's status as settled.", ("russia", "territory-crimea", "insist")),
        ("Moscow made any ceasefire contingent on sanctions relief.", ("russia", "sanctions-relief", "condition")),
        (
            "The Black Sea truce hinges on sanctions relief, the Kremlin says.",
            ("russia", "sanctions-relief", "condition"),
        ),
        # the register of explainers, letters, editorials and briefs (step 27 of docs/ingest.md)
        ("Kyiv hopes to join NATO by 2030.", ("ukraine", "nato-neutrality", "demand")),
        ("Moscow is adamant that Crimea is Russian.", ("russia", "territory-crimea", "insist")),
        ("Kyiv will not budge on Crimea.", ("ukraine", "territory-crimea", "insist")),
        ("The EU has kept the central-bank reserves immobilised.", ("eu", "frozen-assets-reparations", "insist")),
        ("Ukraine undertook not to retake Crimea by force.", ("ukraine", "territory-crimea", "offer")),
        ("Britain would take part in a mission to monitor the ceasefire.", ("uk", "ceasefire-sequencing", "offer")),
        ("Russia and Ukraine agreed a prisoner swap in Istanbul.", ("russia", "prisoners-humanitarian", "accept")),
        ("The Rada will ratify the security agreement.", ("ukraine", "security-guarantees", "accept")),
        ("Berlin is worried about the plan for the frozen assets.", ("germany", "frozen-assets-reparations", "oppose")),
        ("Warsaw has misgivings about a ceasefire on the current line.", ("poland", "ceasefire-sequencing", "oppose")),
        ("Paris argued against a freeze of the front.", ("france", "ceasefire-sequencing", "oppose")),
        ("Brazil wrote a six-point plan with China.", ("brazil", "china-brazil-6-points", "propose")),
        # said of what comes before them
        (
            "European leaders said the 28 points could be a basis for an agreement.",
            ("eu", "us-28-point", "support"),
        ),
        ("A freeze on the line would be acceptable, Peskov said.", ("russia", "ceasefire-sequencing", "accept")),
        ("Security guarantees are essential, Zelensky said.", ("ukraine", "security-guarantees", "demand")),
        ("Peskov said NATO membership for Ukraine was not on the table.", ("russia", "nato-neutrality", "reject")),
        ("Peskov called talk of a free economic zone premature.", ("russia", "demilitarised-zone", "reject")),
        ("Kyiv called Moscow's demand for demilitarisation incomprehensible.", ("ukraine", "army-limits", "reject")),
        ("Lavrov said Crimea's status was not up for negotiation.", ("russia", "territory-crimea", "insist")),
        ("Hegseth said NATO membership was not a realistic outcome.", ("united-states", "nato-neutrality", "reject")),
        ("The Kremlin called the sanctions an unfriendly act.", ("russia", "sanctions-relief", "reject")),
        (
            "The UN General Assembly declared Russia's annexation of Kherson invalid.",
            ("un", "territory-kherson", "oppose"),
        ),
    ],
)
def test_cue_classes(text: str, expected: tuple[str, str, str], lexicon: Lexicon) -> None:
    assert expected in {(a, o, s) for a, o, s, _ in found(text, lexicon)}, found(text, lexicon)


def test_cue_classes_must_not_fire(lexicon: Lexicon) -> None:
    # "sanctions against Russia" is no one's opposition ("is against" is the cue, not "against")
    assert found("The EU adopted new sanctions against Russia.", lexicon) == set()
    # the longer cue wins: backing away from a demand is no support of it
    backed = found("Washington backed away from its demand for a ceasefire.", lexicon)
    assert ("united-states", "ceasefire-sequencing", "support", "positive") not in backed
    # a concession demanded is the demander's demand, not an offer of the one asked
    demanded = found("Russia demanded concessions on Donetsk.", lexicon)
    assert {(a, o, s) for a, o, s, _ in demanded} == {("russia", "territory-donetsk", "demand")}
    # negation still turns a concession into a refusal
    assert found("Kyiv will never concede Crimea.", lexicon) == {("ukraine", "territory-crimea", "offer", "negative")}
    # ties between countries are no condition
    assert found("Russia's ties with China have deepened since the ceasefire talks began.", lexicon) == set()
    # speaking of something that is no issue of the case states nothing
    assert found("Putin spoke of the root causes of the war.", lexicon) == set()
    # a guarantee "approved by Congress" is Congress's procedure, not its stance ("approve" is a cue, "approved" not)
    approved = pairs("Security guarantees for Ukraine must be approved by the US Congress.", lexicon)
    assert ("united-states", "security-guarantees") not in approved
    # a "not" inside a cue is no negation of it: refusing to budge is insisting
    assert found("Kyiv will not budge on Crimea.", lexicon) == {("ukraine", "territory-crimea", "insist", "positive")}
    # "keep" + -ing is a habit, not a stance ("keeps", "kept" are cues)
    assert found("Moscow and Kyiv keep swapping prisoners.", lexicon) == set()
    # a swap brokered by a third country is no stance of the broker's ("brokered" is no cue)
    brokered = pairs("Prisoners were swapped in a deal brokered by Abu Dhabi.", lexicon)
    assert ("uae", "prisoners-humanitarian") not in brokered


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Erdoğan said the peninsula must be returned to Ukraine.", ("turkey", "territory-crimea")),
        ("Hegseth called a return to the pre-2014 borders unrealistic.", ("united-states", "territory-crimea")),
        ("Moscow demands the fortress belt of Kramatorsk and Sloviansk.", ("russia", "territory-donetsk")),
        ("Lavrov said the five regions were not up for negotiation.", ("russia", "territory-kherson")),
        ("Moscow wants to demilitarise Ukraine.", ("russia", "army-limits")),
        ("Moscow's position is that a ceasefire would only let Ukraine rearm.", ("russia", "army-limits")),
        ("Kyiv rejects any limit on its army.", ("ukraine", "army-limits")),
        ("Washington offered a US backstop for the European force.", ("united-states", "security-guarantees")),
        ("Britain is ready to send troops.", ("uk", "security-guarantees")),
        ("The EU wants Russia to pay for the damage.", ("eu", "frozen-assets-reparations")),
        ("Brussels wants to use the central-bank reserves.", ("eu", "frozen-assets-reparations")),
        ("Kyiv wants Russia held accountable for the crime of aggression.", ("ukraine", "accountability-amnesty")),
        ("Ukraine called for the return of all captives.", ("ukraine", "prisoners-humanitarian")),
        ("Putin rejected a halt to the fighting.", ("russia", "ceasefire-sequencing")),
        ("Trump wants a pause in strikes on energy facilities.", ("united-states", "ceasefire-sequencing")),
        ("European governments argued that the guns must fall silent first.", ("eu", "ceasefire-sequencing")),
        # as explainers, humanitarian updates, legal and sanctions briefs name the issues
        ("Kyiv refuses any ceiling on Ukraine's forces.", ("ukraine", "army-limits")),
        ("Moscow wants to stop Ukraine mobilising.", ("russia", "army-limits")),
        ("Britain would contribute to a reassurance mission.", ("uk", "security-guarantees")),
        ("Trump backs NATO-style protection for Ukraine.", ("united-states", "security-guarantees")),
        ("Berlin opposes confiscating the frozen billions.", ("germany", "frozen-assets-reparations")),
        ("Kyiv wants the perpetrators of war crimes punished.", ("ukraine", "accountability-amnesty")),
        ("Ukraine demands the return of stolen children.", ("ukraine", "prisoners-humanitarian")),
        ("The UN called for humanitarian access to detainees.", ("un", "prisoners-humanitarian")),
        ("Moscow insists on the claimed regions.", ("russia", "territory-zaporizhzhia")),
        ("The EU is pressing for an embargo on Russian gas.", ("eu", "sanctions-relief")),
        ("Washington opposes delisting Russian banks.", ("united-states", "sanctions-relief")),
        ("Kyiv backs the genocide case at the International Court of Justice.", ("ukraine", "accountability-amnesty")),
        ("Ukraine wants the fighting to stop at once.", ("ukraine", "ceasefire-sequencing")),
    ],
)
def test_issue_terms_in_news_wording(text: str, expected: tuple[str, str], lexicon: Lexicon) -> None:
    assert expected in pairs(text, lexicon), pairs(text, lexicon)


def test_issue_terms_must_not_fire(lexicon: Lexicon) -> None:
    # "the peninsula" is Crimea's; the Korean peninsula is none of the case's
    assert lexicon.issues("Beijing wants calm on the Korean peninsula.") == []
    # a demilitarised buffer zone is a zone, not a cap on Ukraine's army
    zone = lexicon.issues("a demilitarised buffer zone")
    assert [m.ids for m in zone] == [("demilitarised-zone",)]
    # frozen assets are no frozen front line
    assets = lexicon.issues("the frozen assets")
    assert [m.ids for m in assets] == [("frozen-assets-reparations",)]
    # the Irish backstop is no security guarantee: only a US or security backstop is
    assert lexicon.issues("London revisited the Irish backstop.") == []
    # "NATO-like" protection, guarantees "similar to NATO's", are guarantees, not membership
    assert [m.ids for m in lexicon.issues("NATO-like protection")] == [("security-guarantees",)]
    assert pairs("Trump backs European-led guarantees similar to NATO's Article 5.", lexicon) == {
        ("united-states", "security-guarantees")
    }
    # support for "territorial integrity" names no region of the case; nor does "according to accounts"
    assert lexicon.issues("Turkey backs Ukraine's territorial integrity, according to accounts.") == []
    # occupied land in general, pulling back in general: no issue (annotators record neither)
    assert lexicon.issues("Russia holds occupied land; the troops pulled back.") == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The Russian Foreign Ministry rejected the 20-point framework.", "russia"),
        ("Maria Zakharova rejected the 20-point framework.", "russia"),
        ("The State Duma rejected the 20-point framework.", "russia"),
        ("The Verkhovna Rada backed the 20-point framework.", "ukraine"),
        ("The Quai d'Orsay backed the 20-point framework.", "france"),
        ("The French President backed the 20-point framework.", "france"),
        ("The German Chancellor backed the 20-point framework.", "germany"),
        ("Xi Jinping backed the 20-point framework.", "china"),
        ("The bloc backed the 20-point framework.", "eu"),
        ("European states backed the 20-point framework.", "eu"),
        ("The Pentagon backed the 20-point framework.", "united-states"),
        ("The General Assembly backed the 20-point framework.", "un"),
        ("Angela Merkel backed the Package of Measures.", "germany"),
        ("The separatist leaders signed the Package of Measures.", "separatist-authorities"),
        # UN agencies in humanitarian updates, the sanctions office in sanctions briefs
        ("OCHA called for humanitarian access to detainees.", "un"),
        ("UNICEF demanded the return of deported children.", "un"),
        ("OFAC backed new sanctions on the shadow fleet.", "united-states"),
    ],
)
def test_aliases_in_news_wording(text: str, actor: str, lexicon: Lexicon) -> None:
    assert actor in {a for a, _ in pairs(text, lexicon)}, pairs(text, lexicon)


def test_aliases_must_not_fire(lexicon: Lexicon) -> None:
    # aliases keep their case: "bloc" in a longer name, a French adjective, "xi" as a numeral
    assert [m for m in lexicon.actors("The Soviet bloc, the French presidential race, chapter xi")] == []
    # a title names its country, never the person who held it last
    president = lexicon.actors("the French President")
    assert [m.ids for m in president] == [("france",)]
    # "Europe" is a place more often than the EU ("objections in Europe"), "Ukrainians" the people polled
    assert lexicon.actors("objections in Europe; 57% of Ukrainians and Russians polled") == []


@pytest.mark.parametrize(
    ("text", "not_issue"),
    [
        ("Russia said shelling near the Zaporizhzhia nuclear plant must stop.", "territory-zaporizhzhia"),
        ("Kyiv said the IAEA should stay at the Zaporizhzhia NPP.", "territory-zaporizhzhia"),
        ("Ukraine rejected the DeepState monitoring group's map as too cautious.", "ceasefire-sequencing"),
        ("The UN human rights monitoring mission said Russia must free detained civilians.", "ceasefire-sequencing"),
    ],
)
def test_phrases_that_name_no_issue_fire_none(text: str, not_issue: str, lexicon: Lexicon) -> None:
    assert not_issue not in {i for m in lexicon.issues(text) for i in m.ids}
    assert not_issue not in {obj for _, obj in pairs(text, lexicon)}


def test_issue_terms_inside_the_not_an_issue_phrases_still_fire_alone(lexicon: Lexicon) -> None:
    # the longest match wins: the region, and a ceasefire's monitoring, are still issues
    assert ("russia", "territory-zaporizhzhia") in pairs("Russia demanded the whole Zaporizhzhia region.", lexicon)
    assert ("ukraine", "ceasefire-sequencing") in pairs("Kyiv insisted on monitoring of any truce.", lexicon)
    assert {m.ids for m in lexicon.issues("a ceasefire monitoring group")} == {("ceasefire-sequencing",)}


def test_names_that_hold_an_actor_name_are_no_actor(lexicon: Lexicon) -> None:
    text = "A poll by the Kyiv International Institute of Sociology found that most Ukrainians reject the plan."
    assert [m.ids for m in lexicon.actors(text)] == []
    assert not any(actor == "ukraine" for actor, _ in pairs(text, lexicon))
    assert [m.ids for m in lexicon.actors("The Kyiv Post reported that Kyiv rejected the plan.")] == [("ukraine",)]
    assert ("ukraine", "us-28-point") in pairs("Kyiv rejected the 28-point plan, the Kyiv Post reported.", lexicon)
