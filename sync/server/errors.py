"""Errors of the server: an HTTP error with a stable code, and a rejected mutation."""

from __future__ import annotations


class ApiError(Exception):
    """Ends a request with ``status`` and the body ``{"code": code, "message": message}``."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


class Rejected(Exception):  # noqa: N818 - a mutation outcome, not a failure of the server
    """One mutation refused with a reason the rep can read; nothing of it is applied."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
