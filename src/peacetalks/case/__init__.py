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
    Event,
    Indicator,
    Issue,
    Observation,
    Parameter,
    Phase,
    Position,
    Proposal,
    ProposalStance,
    ProposalStatus,
    Provision,
    Scale,
    Source,
    SourceKind,
)

__all__ = [
    "Actor", "ActorKind", "ActorRole", "Anchor", "Case", "CodedBy", "Confidence", "Event",
    "Indicator", "Issue", "Observation", "Parameter", "Phase", "Position", "Proposal",
    "ProposalStance", "ProposalStatus", "Provision", "Scale", "Snapshot", "Source", "SourceKind",
    "load_case_path", "parse_case_texts",
]
