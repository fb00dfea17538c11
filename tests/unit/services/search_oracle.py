"""The customer search as it was before the trigram index (commit 1271a72), kept verbatim as
the oracle of tests/unit/services/test_svc_customer_search.py: same ids, same order, same count.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, bindparam, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.models import Customer
from app.services._common import prefix_upper_bound
from app.services.pinyin_query import first_chars, initials_prefixes

_LATIN = re.compile(r"^[a-z]+$")
_DIGITS = re.compile(r"^\d+$")
_CODE = re.compile(r"^[a-z0-9\-]+$")


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


def _where(flt: SearchFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [Customer.deleted_at.is_(None)]
    if not flt.include_archived:
        conds.append(Customer.archived.is_(False))
    if flt.grade:
        conds.append(Customer.grade == flt.grade)
    return conds


def _prefix(
    col: InstrumentedAttribute[str] | InstrumentedAttribute[str | None], p: str
) -> ColumnElement[bool]:
    return (col >= p) & (col < prefix_upper_bound(p))


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def probes(q: str, flt: SearchFilter) -> list[Probe]:
    """The id queries to run for ``q`` (already normalized), best match first."""
    base = _where(flt)
    ids = select(Customer.id)
    like = f"%{_escape_like(q)}%"
    out: list[Probe] = []
    if not q:
        return [ids.where(*base).order_by(Customer.pinyin_initials, Customer.code)]
    if _LATIN.match(q):
        out.append(
            ids.where(*base, _prefix(Customer.pinyin_initials, q)).order_by(
                Customer.pinyin_initials
            )
        )
        if len(q) > 1:
            out.extend(_full_pinyin_probes(q, base))
    if _DIGITS.match(q):
        out.append(
            ids.where(*base, _prefix(Customer.phone_digits, q)).order_by(Customer.phone_digits)
        )
    if _CODE.match(q):
        out.append(ids.where(*base, _prefix(Customer.code, q.upper())).order_by(Customer.code))
    if _DIGITS.match(q):
        out.append(ids.where(*base, Customer.code.like(like, escape="\\")).order_by(Customer.code))
        if len(q) >= 4:
            out.append(
                ids.where(*base, Customer.phone_digits.like(like, escape="\\")).order_by(
                    Customer.phone_digits
                )
            )
    if not _LATIN.match(q) and not _DIGITS.match(q):
        out.append(ids.where(*base, _prefix(Customer.name, q)).order_by(Customer.name))
        out.append(ids.where(*base, Customer.name.like(like, escape="\\")).order_by(Customer.name))
    return out


@dataclass(frozen=True)
class FirstCharProbe:
    """Names starting with one of ``chars`` whose full pinyin starts with the query.

    Run as one small index range per character in code-point order (so results come
    in name order) and stopped as soon as enough ids are found.
    """

    chars: str
    where: tuple[ColumnElement[bool], ...]

    def run(self, session: Session, wanted: int | None) -> list[str]:
        """Matching ids, at most ``wanted`` (None: all)."""
        stmt = (
            select(Customer.id)
            .where(*self.where, Customer.name >= bindparam("lo"), Customer.name < bindparam("hi"))
            .order_by(Customer.name)
        )
        if wanted is not None:
            stmt = stmt.limit(bindparam("n"))
        out: list[str] = []
        for c in self.chars:
            params = {"lo": c, "hi": prefix_upper_bound(c), "n": (wanted or 0) - len(out)}
            out.extend(session.scalars(stmt, params))
            if wanted is not None and len(out) >= wanted:
                break
        return out


Probe = Select[str] | FirstCharProbe


def _full_pinyin_probes(q: str, base: list[ColumnElement[bool]]) -> list[Probe]:
    """Probes for a full-pinyin query, each an index range (see app.services.pinyin_query)."""
    full = Customer.pinyin_full.like(f"{_escape_like(q)}%", escape="\\")
    out: list[Probe] = [
        select(Customer.id)
        .where(*base, _prefix(Customer.pinyin_initials, initials), full)
        .order_by(Customer.pinyin_initials)
        for initials in sorted(initials_prefixes(q))
    ]
    chars = first_chars(q)
    if chars:
        out.append(FirstCharProbe(chars, (*base, full)))
    return out


def _run(session: Session, probe: Probe, wanted: int | None) -> list[str]:
    if isinstance(probe, FirstCharProbe):
        return probe.run(session, wanted)
    if wanted is None:
        return list(session.scalars(probe.order_by(None)))
    return list(session.scalars(probe.limit(wanted)))


def search_ids(
    session: Session, query: str, flt: SearchFilter, limit: int, offset: int
) -> list[str]:
    """Ids of the matching customers, best first, ``offset``/``limit`` applied."""
    q = normalize_query(query)
    wanted = offset + limit
    seen: dict[str, None] = {}
    for probe in probes(q, flt):
        for cid in _run(session, probe, wanted):
            seen.setdefault(cid, None)
        if len(seen) >= wanted:
            break
    return list(seen)[offset:wanted]


def count_matches(session: Session, query: str, flt: SearchFilter) -> int:
    """How many customers match ``query`` (the union of the probes)."""
    q = normalize_query(query)
    if not q:
        return int(
            session.scalar(select(func.count()).select_from(Customer).where(*_where(flt))) or 0
        )
    seen: set[str] = set()
    for probe in probes(q, flt):
        seen.update(_run(session, probe, None))
    return len(seen)
