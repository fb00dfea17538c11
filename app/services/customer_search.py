"""Fast customer search: name, phone digits, code, pinyin initials ("zs" finds 张三), full pinyin.

Built for 100,000 customers on a laptop: every probe is an index range scan
(``col >= prefix AND col < next``, which SQLite serves from an index whatever
the LIKE collation), a lookup in the trigram index ``customer_search`` or a
scan that stops at ``limit`` rows. The probes run one after the other, best
match first, and their results are merged without duplicates:

* letters: pinyin initials prefix, then full pinyin prefix (narrowed to an
  index range by app.services.pinyin_query), then code prefix;
* digits: phone digits prefix, then code substring, then phone digits substring;
* anything else (Chinese): name prefix, then name substring.

Substrings (``LIKE '%…%'``) of three characters or more are first looked up in
``customer_search``, an FTS5 trigram index of name, code and phone digits kept
in step with the customer table by triggers (migration 0002). The index only
narrows the candidates: each one is checked again with the very same LIKE, so
the results and their order are those of a plain scan. When a substring is
too common for the index to pay off (more than ``FTS_DENSE`` candidates), or
shorter than a trigram, or while a first sync has set the index aside
(``app.bulk_load``: its triggers are dropped until the load ends), the probe scans
the column's index in order instead and stops at ``limit`` rows.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    bindparam,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
    true,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.models import Customer
from app.services._common import prefix_upper_bound
from app.services.pinyin_query import first_chars, initials_prefixes

if TYPE_CHECKING:
    from app.workspace import Workspace

SEARCH_TABLE = "customer_search"
"""The FTS5 trigram index of customer name, code and phone digits (rowid = customer rowid)."""
FTS_MIN_CHARS = 3
"""A trigram index finds substrings of at least three characters."""
FTS_DENSE = 2000
"""More candidates than this: scanning the column's index in order is cheaper."""
FTS_TRIGRAMS = 3
"""Trigrams of the query looked up (see :func:`fts_query`)."""

_LATIN = re.compile(r"^[a-z]+$")
_DIGITS = re.compile(r"^\d+$")
_CODE = re.compile(r"^[a-z0-9\-]+$")
_ROWID: ColumnElement[int] = literal_column("customer.rowid")
_FTS = table(SEARCH_TABLE, column("rowid", Integer))
_FTS_SELF: ColumnElement[str] = literal_column(SEARCH_TABLE)

Column = InstrumentedAttribute[str] | InstrumentedAttribute[str | None]
_KEPT_BY = "customer_search_ai"
"""The insert trigger of migration 0002: while a first sync's bulk load has dropped the
triggers (app.bulk_load), the index misses the new customers and must not be used."""


def index_kept(session: Session) -> bool:
    """True when ``customer_search`` follows the customer table (its triggers exist)."""
    stmt = text("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = :name")
    return session.scalar(stmt, {"name": _KEPT_BY}) is not None


@dataclass(frozen=True)
class SearchFilter:
    """Filters applied to every probe."""

    grade: str | None = None
    include_archived: bool = False


def normalize_query(query: str) -> str:
    """Half-width, lower-case, no spaces; a phone typed with dashes keeps its digits only."""
    text = "".join(unicodedata.normalize("NFKC", query).casefold().split())
    if re.fullmatch(r"[\d\-+()]+", text) and any(c.isdigit() for c in text):
        text = re.sub(r"\D", "", text)
    return text


def filter_conditions(flt: SearchFilter) -> list[ColumnElement[bool]]:
    """Live customers passing ``flt``: the conditions every probe and list page share."""
    conds: list[ColumnElement[bool]] = [Customer.deleted_at.is_(None)]
    if not flt.include_archived:
        conds.append(Customer.archived.is_(False))
    if flt.grade:
        conds.append(Customer.grade == flt.grade)
    return conds


def _prefix(col: Column, p: str) -> ColumnElement[bool]:
    return (col >= p) & (col < prefix_upper_bound(p))


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def fts_query(field: str, text: str) -> str:
    """An FTS5 query in column ``field`` for rows holding trigrams of ``text`` (3+ characters).

    A row containing ``text`` contains each of its trigrams, so any of them ANDed
    finds a superset of the matches (the caller re-checks with LIKE). Trigrams of
    one repeated character ("000" in phone numbers and codes) are in nearly every
    row and are left out unless there is nothing else; of the rest at most
    ``FTS_TRIGRAMS`` are used, spread over the text (first, middle, last), so a
    shared beginning such as a phone number's prefix does not decide alone.
    At 100,000 customers: about 0.5 ms and a few dozen candidates for a phone
    fragment (a phrase of all its trigrams: ~3 ms).
    """
    grams = list(dict.fromkeys(text[i : i + 3] for i in range(len(text) - 2)))
    varied = [g for g in grams if len(set(g)) > 1] or grams[:1]
    if len(varied) > FTS_TRIGRAMS:
        last = len(varied) - 1
        picks = sorted({round(i * last / (FTS_TRIGRAMS - 1)) for i in range(FTS_TRIGRAMS)})
        varied = [varied[i] for i in picks]
    terms = " AND ".join('"' + g.replace('"', '""') + '"' for g in varied)
    return f"{field} : ({terms})"


@dataclass(frozen=True)
class RangeProbe:
    """Rows where ``cond`` holds, in ``order`` (an index range, or everything for "")."""

    cond: ColumnElement[bool]
    order: tuple[Any, ...]

    def condition(self, session: Session) -> ColumnElement[bool]:
        """The probe as one SQL condition (for the count)."""
        return self.cond

    def run(self, session: Session, base: Sequence[ColumnElement[bool]], wanted: int) -> list[str]:
        """Matching ids in order, at most ``wanted``."""
        stmt = select(Customer.id).where(*base, self.cond).order_by(*self.order).limit(wanted)
        return list(session.scalars(stmt))


@dataclass(frozen=True)
class SubstringProbe:
    """``column LIKE '%text%'`` in column order, narrowed by the trigram index when it pays."""

    column: Column
    field: str  # the same column in SEARCH_TABLE
    text: str

    def _like(self) -> ColumnElement[bool]:
        return self.column.like(f"%{_escape_like(self.text)}%", escape="\\")

    def candidates(self, session: Session) -> list[int] | None:
        """Rowids the trigram index finds (a superset of the matches), or None.

        None when the text is shorter than a trigram or more than FTS_DENSE rows
        qualify: then scanning the column's index is cheaper.
        """
        if len(self.text) < FTS_MIN_CHARS or not index_kept(session):
            return None
        stmt = (
            select(_FTS.c.rowid)
            .where(_FTS_SELF.match(fts_query(self.field, self.text)))
            .limit(FTS_DENSE + 1)
        )
        found = list(session.scalars(stmt))
        return found if len(found) <= FTS_DENSE else None

    def condition(self, session: Session) -> ColumnElement[bool]:
        """The LIKE, narrowed to the trigram index's candidates when that is selective."""
        found = self.candidates(session)
        if found is None:
            return self._like()
        # One JSON parameter rather than up to FTS_DENSE bound values.
        ids = func.json_each(json.dumps(found)).table_valued("value")
        return _ROWID.in_(select(ids.c.value)) & self._like()

    def run(self, session: Session, base: Sequence[ColumnElement[bool]], wanted: int) -> list[str]:
        """Matching ids in column order, at most ``wanted``."""
        stmt = select(Customer.id).where(*base, self.condition(session))
        return list(session.scalars(stmt.order_by(self.column).limit(wanted)))


@dataclass(frozen=True)
class FirstCharProbe:
    """Names starting with one of ``chars`` whose full pinyin starts with the query.

    Run as one small index range per character in code-point order (so results come
    in name order) and stopped as soon as enough ids are found.
    """

    chars: str
    cond: ColumnElement[bool]

    def condition(self, session: Session) -> ColumnElement[bool]:
        """The probe as one SQL condition (for the count)."""
        return self.cond & or_(*(_prefix(Customer.name, c) for c in self.chars))

    def run(self, session: Session, base: Sequence[ColumnElement[bool]], wanted: int) -> list[str]:
        """Matching ids in name order, at most ``wanted``."""
        stmt = (
            select(Customer.id)
            .where(
                *base, self.cond, Customer.name >= bindparam("lo"), Customer.name < bindparam("hi")
            )
            .order_by(Customer.name)
            .limit(bindparam("n"))
        )
        out: list[str] = []
        for c in self.chars:
            params = {"lo": c, "hi": prefix_upper_bound(c), "n": wanted - len(out)}
            out.extend(session.scalars(stmt, params))
            if len(out) >= wanted:
                break
        return out


Probe = RangeProbe | SubstringProbe | FirstCharProbe


def probes(q: str) -> list[Probe]:
    """The probes to run for ``q`` (already normalized), best match first."""
    out: list[Probe] = []
    if not q:
        return [RangeProbe(true(), (Customer.pinyin_initials, Customer.code))]
    if _LATIN.match(q):
        out.append(RangeProbe(_prefix(Customer.pinyin_initials, q), (Customer.pinyin_initials,)))
        if len(q) > 1:
            out.extend(_full_pinyin_probes(q))
    if _DIGITS.match(q):
        out.append(RangeProbe(_prefix(Customer.phone_digits, q), (Customer.phone_digits,)))
    if _CODE.match(q):
        out.append(RangeProbe(_prefix(Customer.code, q.upper()), (Customer.code,)))
    if _DIGITS.match(q):
        out.append(SubstringProbe(Customer.code, "code", q))
        if len(q) >= 4:
            out.append(SubstringProbe(Customer.phone_digits, "phone_digits", q))
    if not _LATIN.match(q) and not _DIGITS.match(q):
        out.append(RangeProbe(_prefix(Customer.name, q), (Customer.name,)))
        out.append(SubstringProbe(Customer.name, "name", q))
    return out


def _full_pinyin_probes(q: str) -> list[Probe]:
    """Probes for a full-pinyin query, each an index range (see app.services.pinyin_query)."""
    full = Customer.pinyin_full.like(f"{_escape_like(q)}%", escape="\\")
    out: list[Probe] = [
        RangeProbe(_prefix(Customer.pinyin_initials, initials) & full, (Customer.pinyin_initials,))
        for initials in sorted(initials_prefixes(q))
    ]
    chars = first_chars(q)
    if chars:
        out.append(FirstCharProbe(chars, full))
    return out


def search_ids(
    session: Session, query: str, flt: SearchFilter, limit: int, offset: int
) -> list[str]:
    """Ids of the matching customers, best first, ``offset``/``limit`` applied."""
    base = filter_conditions(flt)
    wanted = offset + limit
    seen: dict[str, None] = {}
    if wanted <= 0:
        return []
    for probe in probes(normalize_query(query)):
        for cid in probe.run(session, base, wanted):
            seen.setdefault(cid, None)
        if len(seen) >= wanted:
            break
    return list(seen)[offset:wanted]


def count_matches(
    session: Session, query: str, flt: SearchFilter, at_most: int | None = None
) -> int:
    """How many customers match ``query`` (the union of the probes), in one SQL count.

    With ``at_most`` the count stops there (a list header showing "1,000+"):
    common queries then cost a few rows instead of a scan of the table.
    """
    conds = [p.condition(session) for p in probes(normalize_query(query))]
    matching = select(Customer.id).where(*filter_conditions(flt), or_(*conds))
    if at_most is not None:
        matching = matching.limit(max(at_most, 0))
    stmt = select(func.count()).select_from(matching.subquery())
    return int(session.scalar(stmt) or 0)


def count_customers(
    ws: Workspace,
    query: str = "",
    *,
    grade: str | None = None,
    include_archived: bool = False,
    at_most: int | None = None,
) -> int:
    """How many customers match (for the list header and paging).

    ``at_most`` bounds the count (the header can show "1,000+" while typing):
    the answer is ``min(count, at_most)``, much cheaper for common queries.
    Also importable from app.services.customers; it lives here so the list
    header can count without loading the customer-file services.
    """
    with ws.sessions() as s:
        return count_matches(s, query, SearchFilter(grade, include_archived), at_most)
