"""Masks for sensitive numbers shown in lists and printouts (PIPL: show only what is needed)."""

from __future__ import annotations

import re

MASK = "*"


def mask_id_number(s: str) -> str:
    """Keep the region (first 6) and the last 4 characters: "110101********1234"."""
    text = re.sub(r"\s+", "", s)
    if len(text) >= 15:
        return text[:6] + MASK * (len(text) - 10) + text[-4:]
    return _mask_keep_last(text, 4)


def mask_bank_account(s: str) -> str:
    """Keep the first 4 and last 4 digits of a bank account: "6222********1234"."""
    text = re.sub(r"[\s\-]+", "", s)
    if len(text) > 12:
        return text[:4] + MASK * (len(text) - 8) + text[-4:]
    return _mask_keep_last(text, 4)


def mask_phone(s: str) -> str:
    """Hide the middle of a phone number: "13812345678" -> "138****5678".

    A landline keeps its area code and last 4 digits: "021-12345678" -> "021-****5678";
    a service line its first and last groups: "400-123-4567" -> "400-***-4567".
    """
    text = re.sub(r"\s+", "", s)
    digits = re.sub(r"\D", "", text)
    if len(digits) == 11 and digits.startswith("1") and len(text) == 11:
        return digits[:3] + MASK * 4 + digits[-4:]
    groups = text.split("-")
    if len(groups) >= 2 and groups[0].startswith("0") and groups[0].isdigit():
        return f"{groups[0]}-{_mask_keep_last(groups[1], 4)}"  # extension dropped
    if len(groups) >= 3:
        middle = [MASK * len(g) for g in groups[1:-1]]
        return "-".join([groups[0], *middle, groups[-1]])  # "400-***-4567"
    return _mask_keep_last(text, 4)


def _mask_keep_last(text: str, keep: int) -> str:
    """Mask all but the last ``keep`` characters (all of a text that short)."""
    if len(text) <= keep:
        return MASK * len(text)
    return MASK * (len(text) - keep) + text[-keep:]
