"""Duplicate customers: keys that two records share when they are probably the same.

A new customer is flagged when it shares a name, a phone or a credit code with
an existing one (the rep who recorded it first owns it). The service stores the
keys of each customer in an index and looks new keys up there.

Key forms: ``name:<normalized name>``, ``phone:<digits>``, ``code:<credit code>``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from app.errors import ValidationError
from app.rules.phones import validate_phone

KeyKind = Literal["name", "phone", "code"]

# Longest first, so "股份有限公司" is removed whole rather than leaving "股份". Group (集团)
# and branch (分公司) words are kept: they name different legal entities.
COMPANY_SUFFIXES = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "公司",
    "co.,ltd.",
    "co.,ltd",
    "co.ltd.",
    "co.ltd",
    "co.,limited",
    "limited",
    "ltd.",
    "ltd",
    "inc.",
    "inc",
    "corp.",
    "corp",
    "llc",
)
_DROP = re.compile(r"[\s·・'\"“”‘’()\[\]{}<>《》【】\-_/\\&+]+")
_TRAILING_PUNCT = re.compile(r"[\s.,;:!?]+$")
_NAME_PUNCT = re.compile(r"[.,;:!?]+")


def normalize_company_name(s: str) -> str:
    """A comparison form of a company name: half-width, case-folded, no spaces or punctuation,
    legal-form suffix dropped. "示例商贸有限公司" and "示例商贸 (有限公司)" compare equal.
    """
    text = unicodedata.normalize("NFKC", s).casefold()
    text = _DROP.sub("", text)
    while True:
        stripped = _TRAILING_PUNCT.sub("", text)
        for suffix in COMPANY_SUFFIXES:
            if stripped in COMPANY_SUFFIXES or stripped.endswith("分公司"):
                break  # nothing but a legal form, or a branch: keep it
            if stripped.endswith(suffix):
                stripped = stripped[: -len(suffix)]
                break
        if stripped == text:
            break
        text = stripped
    return _NAME_PUNCT.sub("", text)


@dataclass(frozen=True)
class DuplicateKey:
    """One duplicate-detection key: what kind of value, and its normalized form."""

    kind: KeyKind
    value: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"

    @classmethod
    def parse(cls, text: str) -> DuplicateKey:
        """Read a key back from its ``kind:value`` text (ValueError if malformed)."""
        kind, sep, value = text.partition(":")
        if not sep or not value or kind not in ("name", "phone", "code"):
            raise ValueError(f"not a duplicate key: {text!r}")
        return cls(kind, value)  # type: ignore[arg-type]


def phone_key_digits(phone: str) -> str | None:
    """The digits that identify a phone for duplicates (extension dropped), or None."""
    try:
        normalized = validate_phone(phone)
    except ValidationError:
        digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", phone))
        return digits if len(digits) >= 7 else None
    if normalized.count("-") == 2 and normalized.startswith("0"):
        normalized = normalized.rsplit("-", 1)[0]  # 021-12345678-123: same switchboard
    return normalized.replace("-", "")


def duplicate_key_objects(
    name: str | None, phones: Iterable[str], credit_code: str | None
) -> set[DuplicateKey]:
    """The duplicate keys of a customer as :class:`DuplicateKey` values."""
    keys: set[DuplicateKey] = set()
    if name:
        normalized = normalize_company_name(name)
        if normalized:
            keys.add(DuplicateKey("name", normalized))
    for phone in phones:
        digits = phone_key_digits(phone)
        if digits:
            keys.add(DuplicateKey("phone", digits))
    if credit_code:
        code = re.sub(r"[\s\-]+", "", unicodedata.normalize("NFKC", credit_code)).upper()
        if code:
            keys.add(DuplicateKey("code", code))
    return keys


def duplicate_keys(name: str | None, phones: Iterable[str], credit_code: str | None) -> set[str]:
    """The duplicate keys of a customer as strings ("name:…", "phone:…", "code:…")."""
    return {str(key) for key in duplicate_key_objects(name, phones, credit_code)}
