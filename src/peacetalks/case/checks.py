"""Consistency rules that relate one part of a case to another.

:func:`case_problems` works on the plain-dict form of a case (``Case.model_dump()``, or the
loader's validated items) and returns every problem with the path of the offending field, so the
loader can turn paths into file and line numbers.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

Path = tuple[str | int, ...]
Found = tuple[Path, str, str]  # (field path, message, hint)

_SECTIONS_WITH_IDS = ("sources", "actors", "issues", "proposals", "events", "indicators", "parameters")


def _entries(case: Mapping[str, Any], section: str) -> list[Mapping[str, Any]]:
    """The section's entries; entries that are not mappings are left to type validation."""
    value = case.get(section) or ()
    return [item if isinstance(item, Mapping) else {} for item in value]


def _ids(items: Iterable[Mapping[str, Any]]) -> set[str]:
    return {item["id"] for item in items if isinstance(item.get("id"), str)}


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else []


def case_problems(case: Mapping[str, Any]) -> list[Found]:
    """Every cross-reference, range and date problem in a case, as (path, message, hint).

    Entries may be raw, partly invalid mappings (the loader passes entries that failed type
    validation too, so that their reference problems are reported in the same run): every
    field is read defensively and a field of the wrong type is skipped here.
    """
    found: list[Found] = []
    sources = _ids(_entries(case, "sources"))
    actors = _ids(_entries(case, "actors"))
    issues = {i["id"]: i for i in _entries(case, "issues") if isinstance(i.get("id"), str)}
    as_of = case.get("as_of")

    for section in _SECTIONS_WITH_IDS:
        seen: set[str] = set()
        for k, item in enumerate(_entries(case, section)):
            id_ = item.get("id")
            if not isinstance(id_, str):
                continue
            if id_ in seen:
                found.append(((section, k, "id"), f"duplicate id {id_!r}", "give each entry its own id"))
            seen.add(id_)

    def refs(path: Path, wanted: Any, known: set[str], what: str) -> None:
        for n, item in enumerate(_list(wanted)):
            ref((*path, n), item, known, what)

    def ref(path: Path, wanted: Any, known: set[str], what: str) -> None:
        if isinstance(wanted, str) and wanted not in known:
            found.append((path, f"unknown {what} id {wanted!r}", _hint(what, known)))

    def not_future(path: Path, when: Any, what: str) -> None:
        if isinstance(as_of, dt.date) and isinstance(when, dt.date) and when > as_of:
            found.append(
                (path, f"{what} {when} is after the case date {as_of}",
                 "fix the date, or move the case's 'as_of' forward"),
            )

    for k, source in enumerate(_entries(case, "sources")):
        not_future(("sources", k, "published"), source.get("published"), "publication date")

    for k, issue in enumerate(_entries(case, "issues")):
        outcome = issue.get("outcome")
        if isinstance(outcome, Mapping):
            refs(("issues", k, "outcome", "sources"), outcome.get("sources"), sources, "source")
            not_future(("issues", k, "outcome", "date"), outcome.get("date"), "outcome date")
            _in_scale(found, ("issues", k, "outcome", "value"), outcome.get("value"), issue)
        status_quo = issue.get("status_quo")
        if isinstance(status_quo, Mapping):
            refs(("issues", k, "status_quo", "sources"), status_quo.get("sources"), sources, "source")
            _in_scale(found, ("issues", k, "status_quo", "value"), status_quo.get("value"), issue)

    for k, actor in enumerate(_entries(case, "actors")):
        ref(("actors", k, "member_of"), actor.get("member_of"), actors, "actor")
        if actor.get("member_of") is not None and actor.get("member_of") == actor.get("id"):
            found.append((("actors", k, "member_of"), "an actor cannot be a member of itself", ""))

    keys: Counter[tuple[Any, Any, Any]] = Counter()
    for k, pos in enumerate(_entries(case, "positions")):
        path: Path = ("positions", k)
        ref((*path, "actor"), pos.get("actor"), actors, "actor")
        ref((*path, "issue"), pos.get("issue"), set(issues), "issue")
        refs((*path, "sources"), pos.get("sources"), sources, "source")
        not_future((*path, "as_of"), pos.get("as_of"), "position date")
        issue_id = pos.get("issue")
        scale_of = issues.get(issue_id) if isinstance(issue_id, str) else None
        _in_scale(found, (*path, "position"), pos.get("position"), scale_of)
        ranges = pos.get("uncertainty")
        span = ranges.get("position") if isinstance(ranges, Mapping) else None
        if isinstance(span, Mapping):
            for end in ("low", "high"):
                _in_scale(found, (*path, "uncertainty", "position", end), span.get(end), scale_of)
        key = (pos.get("actor"), pos.get("issue"), pos.get("as_of"))
        if not all(isinstance(part, str | dt.date) for part in key):
            continue
        keys[key] += 1
        if keys[key] == 2:
            found.append(
                ((*path, "as_of"),
                 f"a second position of {pos['actor']!r} on {pos['issue']!r} as of {pos['as_of']}",
                 "keep one position per actor, issue and date"),
            )

    for k, prop in enumerate(_entries(case, "proposals")):
        path = ("proposals", k)
        refs((*path, "authors"), prop.get("authors"), actors, "actor")
        refs((*path, "sources"), prop.get("sources"), sources, "source")
        not_future((*path, "date"), prop.get("date"), "proposal date")
        stances = prop.get("positions")
        for issue_id, stance in (stances.items() if isinstance(stances, Mapping) else ()):
            if issue_id not in issues:
                found.append(((*path, "positions", issue_id), f"unknown issue id {issue_id!r}",
                              _hint("issue", set(issues))))
            elif isinstance(stance, Mapping):
                _in_scale(found, (*path, "positions", issue_id, "position"), stance.get("position"),
                          issues[issue_id])
        for n, provision in enumerate(_list(prop.get("provisions"))):
            if isinstance(provision, Mapping):
                ref((*path, "provisions", n, "issue"), provision.get("issue"), set(issues), "issue")
                refs((*path, "provisions", n, "sources"), provision.get("sources"), sources, "source")
        orders = [p.get("order") for p in _list(prop.get("phases")) if isinstance(p, Mapping)]
        if len(set(map(repr, orders))) != len(orders):
            found.append(((*path, "phases"), "two phases share the same 'order'", "number phases 1, 2, 3…"))

    for k, event in enumerate(_entries(case, "events")):
        path = ("events", k)
        refs((*path, "actors"), event.get("actors"), actors, "actor")
        refs((*path, "issues"), event.get("issues"), set(issues), "issue")
        refs((*path, "sources"), event.get("sources"), sources, "source")
        not_future((*path, "date"), event.get("date"), "event date")

    for k, indicator in enumerate(_entries(case, "indicators")):
        path = ("indicators", k)
        ref((*path, "actor"), indicator.get("actor"), actors, "actor")
        for n, obs in enumerate(_list(indicator.get("series"))):
            if isinstance(obs, Mapping):
                refs((*path, "series", n, "sources"), obs.get("sources"), sources, "source")
                not_future((*path, "series", n, "date"), obs.get("date"), "observation date")

    for k, param in enumerate(_entries(case, "parameters")):
        refs(("parameters", k, "sources"), param.get("sources"), sources, "source")

    held: Counter[tuple[Any, Any]] = Counter()
    for k, res in enumerate(_entries(case, "reservations")):
        path = ("reservations", k)
        ref((*path, "actor"), res.get("actor"), actors, "actor")
        refs((*path, "sources"), res.get("sources"), sources, "source")
        not_future((*path, "as_of"), res.get("as_of"), "reservation date")
        for n, line in enumerate(_list(res.get("red_lines"))):
            if not isinstance(line, Mapping):
                continue
            ref((*path, "red_lines", n, "issue"), line.get("issue"), set(issues), "issue")
            refs((*path, "red_lines", n, "sources"), line.get("sources"), sources, "source")
            issue_id = line.get("issue")
            for end in ("low", "high"):
                _in_scale(found, (*path, "red_lines", n, end), line.get(end),
                          issues.get(issue_id) if isinstance(issue_id, str) else None)
        held[(res.get("actor"), res.get("as_of"))] += 1
        if held[(res.get("actor"), res.get("as_of"))] == 2:
            found.append(((*path, "as_of"), f"a second reservation of {res.get('actor')!r} as of "
                          f"{res.get('as_of')}", "keep one reservation per actor and date"))

    return found


def _in_scale(found: list[Found], path: Path, value: Any, issue: Mapping[str, Any] | None) -> None:
    if issue is None or isinstance(value, bool) or not isinstance(value, int | float):
        return
    scale = issue.get("scale")
    if not isinstance(scale, Mapping):
        return
    lo, hi = scale.get("min", 0.0), scale.get("max", 100.0)
    if not all(isinstance(v, int | float) for v in (lo, hi)):
        return
    if not lo <= value <= hi:
        found.append(
            (path, f"value {value:g} is outside the scale of issue {issue.get('id')!r} [{lo:g}, {hi:g}]",
             "use a value on the issue's scale; its anchors say what each value means"),
        )


def _hint(what: str, known: set[str]) -> str:
    if not known:
        return f"the case defines no {what}s yet"
    listed = ", ".join(sorted(known)[:12])
    more = ", …" if len(known) > 12 else ""
    return f"define it under '{what}s' or use one of: {listed}{more}"
