"""Deals: utilities and reservation values, proposal assessment, the bargaining space, package
search and logrolls, and phased sequencing. Pure functions over a :class:`~peacetalks.Snapshot`;
every result is a frozen dataclass with a ``to_dict()`` for JSON. Methods: docs/deals.md."""

from peacetalks.deals.assess import Assessment, IssueGap, Silence, Verdict, assess, assess_all
from peacetalks.deals.space import Change, Point, Remedy, Space, Zone, grid, space
from peacetalks.deals.utility import DealError, Preferences, preferences

__all__ = [
    "Assessment", "Change", "DealError", "IssueGap", "Point", "Preferences", "Remedy", "Silence", "Space",
    "Verdict", "Zone", "assess", "assess_all", "grid", "preferences", "space",
]
