"""Pinyin search keys, so a rep can find 张伟 by typing "zw" or "zhangwei".

Keys are computed once when a name is saved and stored next to it; searching
then needs no pypinyin call per row. Polyphonic characters take pypinyin's
default reading; latin letters and digits pass through (lower-cased); spaces
and punctuation are dropped. ü is written "v" (lv for 绿), as typed on a keyboard.
"""

from __future__ import annotations

import re
import unicodedata

_KEEP = re.compile(r"[^a-z0-9]+")


def _normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def pinyin_keys(name: str) -> tuple[str, str]:
    """(initials, full pinyin) of ``name`` in lower case: "张伟" -> ("zw", "zhangwei")."""
    from pypinyin import Style, lazy_pinyin  # 0.6 s to load: not at app start-up

    text = _normalize(name)
    full = "".join(lazy_pinyin(text, style=Style.NORMAL))
    initials = "".join(lazy_pinyin(text, style=Style.FIRST_LETTER))
    return _KEEP.sub("", initials.lower()), _KEEP.sub("", full.lower())


def matches_query(query: str, name: str, initials: str, full: str) -> bool:
    """True when ``query`` occurs in the name, its initials or its full pinyin.

    Case, width and spaces are ignored; an empty query matches everything.
    """
    q = "".join(_normalize(query).split())
    if not q:
        return True
    if q in "".join(_normalize(name).split()):
        return True
    latin = _KEEP.sub("", q)
    return latin == q and (q in initials or q in full)
