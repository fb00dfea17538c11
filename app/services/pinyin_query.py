"""Read a typed full-pinyin query ("zhangw") so the search can use an index.

The stored keys (app.rules.pinyin) are the initials, which are indexed, and the
full pinyin, which is not. A full-pinyin query is split into syllables (the last
one may be unfinished): "zhangw" -> zhang|w, whose initials "zw" narrow the
search to an index range. A query that is one syllable ("zhang") gives a single
initial, too wide; then the name's first character must be one whose reading
starts with the query, and the name index serves that.
"""

from __future__ import annotations

import unicodedata
from functools import cache

MAX_PARSES = 16
MAX_FIRST_CHARS = 1500
_CJK = range(0x4E00, 0xA000)


def _plain(reading: str) -> str:
    """ "lǜ" -> "lv", "zhāng" -> "zhang" (ü typed as v, as in app.rules.pinyin)."""
    out: list[str] = []
    for c in unicodedata.normalize("NFD", reading):
        if c == "\u0308":
            out[-1] = "v"
        elif not unicodedata.combining(c):
            out.append(c)
    return "".join(out)


@cache
def syllable_chars() -> dict[str, str]:
    """Every toneless pinyin syllable and the common characters that can read so."""
    from pypinyin.constants import PINYIN_DICT  # 0.6 s to load: not at app start-up

    table: dict[str, list[str]] = {}
    for cp, readings in PINYIN_DICT.items():
        for reading in readings.split(","):
            chars = table.setdefault(_plain(reading), [])
            if cp in _CJK:
                chars.append(chr(cp))
    return {syl: "".join(sorted(set(chars))) for syl, chars in table.items()}


@cache
def _prefixes() -> frozenset[str]:
    return frozenset(s[:i] for s in syllable_chars() for i in range(1, len(s) + 1))


def parses(query: str) -> list[tuple[str, ...]]:
    """Ways to read ``query`` as whole syllables plus an optional unfinished last one."""
    syllables = syllable_chars()
    prefixes = _prefixes()
    out: list[tuple[str, ...]] = []

    def walk(start: int, parts: tuple[str, ...]) -> None:
        if len(out) >= MAX_PARSES:
            return
        rest = query[start:]
        if rest in prefixes:
            out.append((*parts, rest))
        for end in range(start + 1, len(query)):
            piece = query[start:end]
            if piece not in prefixes:
                break
            if piece in syllables:
                walk(end, (*parts, piece))

    if query:
        walk(0, ())
    return out


def initials_prefixes(query: str) -> set[str]:
    """Initials the matches must start with, one per multi-syllable reading of ``query``."""
    return {"".join(p[0] for p in parts) for parts in parses(query) if len(parts) > 1}


def first_chars(query: str) -> str | None:
    """For a one-syllable query: the characters a matching name can start with.

    None when ``query`` is not (the start of) one syllable, or too many characters
    qualify for an index probe to pay off.
    """
    if not any(len(parts) == 1 for parts in parses(query)):
        return None
    chars: set[str] = set()
    for syllable, readers in syllable_chars().items():
        if syllable.startswith(query):
            chars.update(readers)
    if not chars or len(chars) > MAX_FIRST_CHARS:
        return None
    return "".join(sorted(chars))
