"""Reading and writing the file formats of other negotiation models.

- :func:`read_decide` / :func:`write_decide`: the tagged-row input files of the
  decide-exchange-model package (Stokman's exchange model), many issues at once.
- :func:`read_bdm` / :func:`write_bdm`: the one-issue actor table of the expected-utility
  model (columns Actor, Capability, Position, Salience).

Readers report every bad row with its line in one :class:`~peacetalks.errors.CaseError` and
raise nothing else for bad input. Foreign 0–1 shares become our 0–100 scores; the case
description records each factor applied.
"""

from peacetalks.case.interop.bdm import read_bdm, write_bdm
from peacetalks.case.interop.decide import read_decide, write_decide

__all__ = ["read_bdm", "read_decide", "write_bdm", "write_decide"]
