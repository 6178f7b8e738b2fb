"""Writing a briefing to disk: everything is rendered first, then written to a staging folder
and moved into place, so a failure never leaves half a briefing or mixes two."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Literal

from peacetalks.errors import PeacetalksError
from peacetalks.report.document import Document
from peacetalks.report.html import render_html
from peacetalks.report.markdown import render_markdown

Format = Literal["html", "md", "both"]


def write_briefing(document: Document, out_dir: Path, stem: str, fmt: Format = "both") -> list[Path]:
    """Write ``{stem}.html`` and/or ``{stem}.md`` (with its charts in ``{stem}-charts/``) into
    ``out_dir``; returns the main files written."""
    files: dict[str, str] = {}
    charts_dir = f"{stem}-charts"
    if fmt in ("html", "both"):
        files[f"{stem}.html"] = render_html(document)
    if fmt in ("md", "both"):
        text, charts = render_markdown(document, charts_dir)
        files[f"{stem}.md"] = text
        files.update({f"{charts_dir}/{name}.svg": svg for name, svg in charts.items()})
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=out_dir, prefix=".briefing-"))
    except OSError as exc:
        raise PeacetalksError(f"cannot write the briefing into {out_dir}: {exc.strerror or exc}; "
                              "choose another folder with --out") from None
    try:
        for name, text in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        if fmt in ("md", "both"):
            old = out_dir / charts_dir
            if old.is_dir():
                shutil.rmtree(old)
            os.replace(staging / charts_dir, old)
        written = []
        for name in files:
            if "/" not in name:
                os.replace(staging / name, out_dir / name)
                written.append(out_dir / name)
        return written
    except OSError as exc:
        raise PeacetalksError(f"cannot write the briefing into {out_dir}: {exc}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
