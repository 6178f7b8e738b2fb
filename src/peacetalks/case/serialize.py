"""Writing a case back out as a YAML or JSON case file that the loader reads unchanged."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

import yaml

from peacetalks.case.types import Case


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes enums as their value and tuples as lists."""


_Dumper.add_multi_representer(StrEnum, lambda d, v: d.represent_str(str(v.value)))
_Dumper.add_representer(tuple, lambda d, v: d.represent_list(list(v)))


def _document(case: Case, mode: str) -> dict[str, Any]:
    # exclude_none keeps explicit defaults (confidence, reliability) visible to whoever edits the file.
    return case.model_dump(mode=mode, exclude_none=True)


def case_to_yaml(case: Case) -> str:
    return yaml.dump(_document(case, "python"), Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     width=100)


def case_to_json(case: Case) -> str:
    return json.dumps(_document(case, "json"), indent=2, ensure_ascii=False) + "\n"
