"""What the interop readers and writers share.

Input decoding, quote-aware row splitting, number parsing and formatting, the collection of
row-level problems, the scaling of foreign 0–1 values to our 0–100 scores, and the assembly of a
:class:`Case` that can only fail with a :class:`CaseError`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from peacetalks.case.loading import MAX_FILE_BYTES
from peacetalks.case.types import (
    Actor,
    ActorKind,
    ActorRole,
    Case,
    CodedBy,
    Confidence,
    Id,
    Issue,
    Position,
    Source,
    SourceKind,
)
from peacetalks.errors import CaseError, Problem

#: Name used in problems when the input is text rather than a file.
TEXT_LABEL = "<text>"
#: A garbage file would otherwise produce one problem per line; past this many the rest is noise.
MAX_PROBLEMS = 200
#: Suffixes that make a one-line string a path even when the file does not exist, so that a
#: mistyped path is reported as "no such file" instead of being parsed as data.
_PATH_SUFFIXES = (".csv", ".txt", ".tsv", ".dat")
_ID = TypeAdapter(Id)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Plain decimal numbers only: float() would also take "nan", "inf" and "1_000".
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_QUOTES = "'\""

PathOrText = str | Path | bytes


@dataclass(frozen=True)
class Input:
    """A decoded input: its text, the name problems use, and the file it came from (if any)."""

    label: str
    text: str
    path: Path | None = None

    def lines(self) -> list[str]:
        # Only CR, LF and CRLF end a line: str.splitlines() also splits on form feeds and
        # Unicode separators, which would make our line numbers disagree with editors'.
        return _LINE_BREAK.split(self.text.removeprefix("\ufeff"))


def read_input(source: PathOrText) -> Input:
    """Decode ``source``: a Path, a one-line string naming a file, raw bytes, or the text itself."""
    if isinstance(source, bytes):
        return Input(TEXT_LABEL, _decode(source, TEXT_LABEL))
    if isinstance(source, Path) or _looks_like_path(source):
        return _read_file(Path(source))
    return Input(TEXT_LABEL, source)


def _looks_like_path(text: str) -> bool:
    if not text or "\n" in text or "\r" in text or len(text) > 4096:
        return False
    try:
        if Path(text).is_file():
            return True
    except (OSError, ValueError):  # NUL bytes, names too long for the OS
        return False
    return text.lower().endswith(_PATH_SUFFIXES) and not any(c in text for c in "\t;,#")


def _read_file(path: Path) -> Input:
    label = str(path)
    try:
        if not path.is_file():
            raise CaseError([Problem(label, None, "", "no such file", "check the path")])
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CaseError([Problem(label, None, "", f"file is larger than {MAX_FILE_BYTES // 2**20} MB",
                                     "split the data into smaller files")])
        data = path.read_bytes()
    except OSError as exc:
        raise CaseError([Problem(label, None, "", f"cannot read file: {exc.strerror}", "")]) from None
    return Input(label, _decode(data, label), path)


def _decode(data: bytes, label: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CaseError([Problem(label, None, "", f"not UTF-8 text (byte {exc.start})",
                                 "save the file as UTF-8")]) from None


@dataclass
class Problems:
    """Row-level problems of one input, collected so that one error lists all of them."""

    file: str
    found: list[Problem] = field(default_factory=list)

    def add(self, line: int | None, field_: str, message: str, hint: str = "") -> None:
        if len(self.found) < MAX_PROBLEMS:
            self.found.append(Problem(self.file, line, field_, message, hint))
        elif len(self.found) == MAX_PROBLEMS:
            self.found.append(Problem(self.file, None, "", "further problems not listed",
                                      "fix the ones above first"))

    def raise_if_any(self) -> None:
        if self.found:
            raise CaseError(sorted(self.found, key=lambda p: p.line or 0))

    @contextmanager
    def building(self) -> Iterator[None]:
        """Turn a model check the row-level validation missed into a CaseError, never a crash."""
        try:
            yield
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                where = ".".join(str(p) for p in err["loc"])
                self.add(None, where, str(err["msg"]).removeprefix("Value error, "))
            self.raise_if_any()
            raise  # unreachable: a ValidationError carries at least one error

    def number(self, raw: str, line: int, field_: str, *, decimal_comma: bool = False) -> float | None:
        """``raw`` as a float, or None after recording why it is not a number."""
        text = raw.strip()
        if decimal_comma and text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")  # 0,26 from a European spreadsheet
        if not _NUMBER.fullmatch(text):
            what = "is empty" if not text else f"{raw.strip()!r} is not a number"
            self.add(line, field_, what, "write a plain number such as 40 or 0.25")
            return None
        value = float(text)
        if abs(value) == float("inf"):
            self.add(line, field_, f"{raw.strip()!r} is too large", "write a smaller number")
            return None
        return value

    def ident(self, raw: str, line: int, field_: str) -> str | None:
        """``raw`` as an id, or None after recording why it cannot be one."""
        try:
            return _ID.validate_python(raw.strip())
        except ValidationError:
            self.add(line, field_, f"{raw.strip()!r} cannot be an id",
                     "ids are 1–200 characters without tabs or line breaks")
            return None


def split_fields(line: str, delimiter: str) -> list[str]:
    """The stripped fields of one line. A field may be wrapped in single or double quotes (a
    doubled quote inside is a literal quote); a quote that does not close a field before the
    next delimiter is taken literally, so names such as ``'s-Hertogenbosch`` survive."""
    fields: list[str] = []
    start = 0
    while True:
        value, end = _field(line, start, delimiter)
        fields.append(value)
        if end >= len(line):
            return fields
        start = end + 1


def _field(line: str, start: int, delimiter: str) -> tuple[str, int]:
    """The field starting at ``start`` and the index of the delimiter (or end) after it."""
    n = len(line)
    i = start
    while i < n and line[i] == " " and delimiter != " ":
        i += 1
    if i < n and line[i] in _QUOTES:
        quote, k, chars = line[i], i + 1, []
        while k < n:
            if line[k] != quote:
                chars.append(line[k])
                k += 1
            elif k + 1 < n and line[k + 1] == quote:
                chars.append(quote)
                k += 2
            else:
                after = k + 1
                while after < n and line[after] == " ":
                    after += 1
                if after == n or line[after] == delimiter:
                    return "".join(chars).strip(), after
                break
    end = line.find(delimiter, start)
    end = n if end == -1 else end
    return line[start:end].strip(), end


def significant_fields(fields: list[str]) -> list[str]:
    """``fields`` without trailing empty ones: exporters often pad rows with empty columns."""
    while fields and not fields[-1]:
        fields = fields[:-1]
    return fields


def format_cell(value: str, delimiter: str) -> str:
    """A text field for a delimited file: quoted only when it must be."""
    value = " ".join(_LINE_BREAK.split(value))  # rows are lines: a line break cannot survive
    if delimiter in value or value[:1] in _QUOTES or value != value.strip():
        return '"' + value.replace('"', '""') + '"'
    return value


def round10(value: float) -> float:
    """``value`` rounded to 10 significant digits, so that 0.26 × 100 is 26.0, not 26.000000000000004."""
    return float(f"{value:.10g}")


def format_number(value: float) -> str:
    """The shortest text that reads back as exactly ``value`` (0.156 stays 0.156)."""
    return repr(float(value))


def slug(text: str, fallback: str) -> str:
    """A lower-case id made of letters, digits and hyphens."""
    made = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80].strip("-")
    return made or fallback


def capability_factor(largest: float, *, percent_allowed: bool) -> float:
    """The factor that turns a file's power values into 0–100 capabilities.

    Values up to 1 are shares (×100). Above 1 the values are either rescaled so the largest is
    100 or, when ``percent_allowed``, taken as given as long as they already fit 0–100.
    """
    if largest <= 1:
        return 100.0
    if percent_allowed and largest <= 100:
        return 1.0
    return 100.0 / largest


def scaled(value: float, factor: float) -> float:
    """A 0–100 score from a file value; the clamp only absorbs rounding just above 100."""
    return min(100.0, round10(value * factor))


def factor_note(target: str, origin: str, factor: float) -> str:
    """How ``target`` was computed from the file's ``origin`` column, for the case description."""
    if factor == 100.0:
        return f"{target} = {origin} × 100"
    if factor == 1.0:
        return f"{target} = {origin} as given (already 0–100)"
    return f"{target} = {origin} × {factor:.10g} (the largest becomes 100)"


def file_source(source_id: str, data: Input, title: str, given: Source | None) -> Source:
    """The one source every imported position cites: the file itself, unless the caller names
    another (for instance the original dataset when re-reading an export)."""
    if given is not None:
        return given
    url = data.path.resolve().as_uri() if data.path is not None else None
    return Source(id=source_id, title=data.path.name if data.path else title, kind=SourceKind.DATASET,
                  url=url)


def imported_actor(actor_id: str, name: str, description: str | None = None) -> Actor:
    # The formats do not say what an actor is, so every actor is a generic negotiating party.
    return Actor(id=actor_id, name=name or actor_id, kind=ActorKind.GROUP, role=ActorRole.PARTY,
                 description=description or None)


def imported_position(
    actor: str, issue: str, value: float, salience: float, capability: float, as_of: dt.date, source: Source
) -> Position:
    return Position(actor=actor, issue=issue, as_of=as_of, position=value, salience=salience,
                    capability=capability, sources=(source.id,), confidence=Confidence.MEDIUM,
                    coded_by=CodedBy.SOURCE)


def make_case(
    *,
    case_id: str,
    name: str,
    as_of: dt.date,
    description: str,
    source: Source,
    actors: Sequence[Actor],
    issues: Sequence[Issue],
    positions: Sequence[Position],
) -> Case:
    return Case(id=case_id, name=name, as_of=as_of, description=description, sources=(source,),
                actors=tuple(actors), issues=tuple(issues), positions=tuple(positions))
