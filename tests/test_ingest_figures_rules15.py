"""Figure classes added with rules-15, after heldout26/27 were scored: the misses of heldout26/27
and the tuning sets sorted into classes (tables of casualties, army strengths without their noun,
numbers said aloud, ranges in French copy and ranges said again, the year of a month in an undated
text, a day just gone spoken of as ahead). Each class is a probe sentence written for it, with a
case where it must not fire."""

from __future__ import annotations

import datetime as dt

from builtincase import lexicon
from peacetalks.ingest.dates import present_for, text_present
from peacetalks.ingest.extract import extract
from peacetalks.ingest.figures import find_figures
from peacetalks.ingest.types import Document, SourceInfo


def values(text: str, unit_before: str | None = None) -> list[tuple[float | str | None, str]]:
    return [(f.value, f.unit) for f in find_figures(text, unit_before)]


def dated(text: str, published: dt.date | None = None) -> list[tuple[str, float | str | None, str]]:
    """The date figures of ``text`` read as a document, with relative dates resolved."""
    found = extract(Document(SourceInfo("a.txt", "text", published=published), text), lexicon())
    return [(e.text, e.value, e.unit) for e in found if e.kind == "figure" and e.unit == "date"]


def test_bare_numbers_in_a_list_whose_head_before_the_colon_names_what_is_counted() -> None:
    assert values("Table 2. Aid workers detained in the region, 2023 to 2025: about 1,400, of whom 320–350 freed.") == [
        ("2023", "date"), ("2025", "date"), (1400.0, "people"), (320.0, "people"), (350.0, "people")]  # fmt: skip
    assert values("Civilians wounded in 2024, as verified: 8,100, with 2,300 killed.") == [
        ("2024", "date"), (8100.0, "civilians"), (2300.0, "civilians")]  # fmt: skip
    # the dead of an army's casualties are its troops; losses head a casualty list
    assert values("Army casualties, killed and wounded: about 90,000, of whom 20,000–25,000 killed.") == [
        (90000.0, "casualties"), (20000.0, "troops"), (25000.0, "troops")]  # fmt: skip
    assert values("Losses per week in March 2024: around 7,000.") == [("2024-03", "date"), (7000.0, "casualties")]
    # must not fire: a colon whose head counts nothing, or a number that names its own unit
    assert values("The plan in brief: 28 points, 20 of them kept.") == []
    assert values("Prisoners held: 40% of them since 2022.") == [(40.0, "%"), ("2022", "date")]


def test_a_round_army_strength_without_its_noun_in_a_sentence_only_on_troops() -> None:
    assert values("The first draft set a ceiling of 500,000 soldiers; the second would keep 700,000.") == [
        (500000.0, "troops"), (700000.0, "troops")]  # fmt: skip
    assert values("Read now, the army figures foreshadow the 400,000 and 900,000 of later drafts.") == [
        (400000.0, "troops"), (900000.0, "troops")]  # fmt: skip
    assert values("Kyiv answered with 300,000.", unit_before="troops") == [(300000.0, "troops")]
    # must not fire: a toll that is no army's, counts of another unit, sums and odd numbers
    tolled = values("Kyiv gave 300,000 to 400,000, of whom 60,000 were killed.", unit_before="troops")
    assert (300000.0, "troops") not in tolled and (400000.0, "troops") not in tolled
    assert values("The force of 20,000 troops brought 300 tanks and 40,000 shells.") == [
        (20000.0, "troops"), (300.0, "tanks"), (40000.0, "shells")]  # fmt: skip
    assert values("The army spent $40,000 on 12,143 items.") == [(40000.0, "USD")]
    assert values("Together, about 1.5 million, and the army may lose more.") == []


def test_numbers_said_aloud_with_hundreds() -> None:
    assert values('Say "three hundred and forty billion euros" and "one hundred and twenty-five soldiers".') == [
        (340e9, "EUR"), (125.0, "troops")]  # fmt: skip
    assert values("Two hundred prisoners came home.") == [(200.0, "prisoners")]
    # must not fire: the tens alone after a sum are not the hundreds said aloud
    assert values('It costs $240bn: "two-forty", never "forty billion".') == [(240e9, "USD")]


def test_a_range_in_french_copy_and_a_range_said_again() -> None:
    assert values("Les chiffres de 10 000 à 20 000 soldats circulent.") == [(10000.0, "troops"), (20000.0, "troops")]
    assert values("A force of 10,000 to 20,000 troops was reported; we print it as 10,000 to 20,000 for now.") == [
        (10000.0, "troops"), (20000.0, "troops"), (10000.0, "troops"), (20000.0, "troops")]  # fmt: skip
    # must not fire: a bare range that is not the counted range said again
    assert values("A force of 10,000 to 20,000 troops; see sections 12 to 14 of the annex.") == [
        (10000.0, "troops"), (20000.0, "troops")]  # fmt: skip


def test_an_undated_text_reads_a_month_without_a_year_at_its_own_time() -> None:
    # the text went back to 2019 after speaking of 2025: "the June summit" is the June of its time
    text = (
        "In early 2025 the talks resumed. The high point of March 2019 is long past. "
        "The June summit will follow the talks of April 2025."
    )
    assert ("June", "2025-06", "date") in dated(text)
    # a month the text names with no date before it takes the year of the latest month it names
    assert ("November", "2025-11", "date") in dated("The November plan failed. Talks resumed in January 2026.")
    # must not fire: a timeline that runs forward keeps the year of its own last date
    assert ("August", "2022-08", "date") in dated("Talks opened on 23 May 2022. Kyiv walked out in August. "
                                                  "They resumed in May 2025.")  # fmt: skip
    assert text_present("in March 2019 and on 2025-04-02, then 7 June") == "2025-04"
    assert present_for("2019-03", "2025", "2025-04") == "2025-04"
    assert present_for("2024-05", "2024-05", "2026-01") is None


def test_a_day_just_gone_is_not_pushed_a_year_ahead_by_future_words() -> None:
    published = dt.date(2026, 3, 13)
    text = "The round pencilled in for 5 to 9 March will not happen on schedule."
    assert dated(text, published) == [("5", "2026-03-05", "date"), ("9 March", "2026-03-09", "date")]
    # must not fire: a day a month or more ahead stays ahead
    assert dated("The round will open on 2 March.", dt.date(2026, 1, 20)) == [("2 March", "2026-03-02", "date")]
    assert dated("The round will open on 2 March.", dt.date(2026, 3, 30)) == [("2 March", "2027-03-02", "date")]
