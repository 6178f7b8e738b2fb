"""The case model: domain types, loading and validation, snapshots and interop formats."""

from peacetalks.case.loading import load_case_path, parse_case_texts
from peacetalks.case.snapshot import Snapshot
from peacetalks.case.types import (
    Actor,
    ActorKind,
    ActorRole,
    Anchor,
    Case,
    CodedBy,
    Confidence,
    DealRole,
    Event,
    Indicator,
    Issue,
    Leaning,
    Observation,
    Outcome,
    Parameter,
    Phase,
    Position,
    Proposal,
    ProposalStance,
    ProposalStatus,
    Provision,
    Range,
    RedLine,
    Reservation,
    Scale,
    Source,
    SourceKind,
    StatusQuo,
    Uncertainty,
)

__all__ = [
    "Actor", "ActorKind", "ActorRole", "Anchor", "Case", "CodedBy", "Confidence", "Event",
    "Indicator", "Issue", "Observation", "Outcome", "Parameter", "Phase", "Position", "Proposal",
    "ProposalStance", "ProposalStatus", "Provision", "Range", "Scale", "Snapshot", "Source", "SourceKind",
    "Uncertainty", "load_case_path", "parse_case_texts",
    "DealRole", "Leaning", "RedLine", "Reservation", "StatusQuo",
]
