"""Wire types of the sync protocol, shared by the client and the server.

Everything here is plain data: pydantic models for request and response bodies,
the protocol version, error codes and the first-sync phases. See
``docs/sync-protocol.md`` for the prose description.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
MIN_PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "X-Waiqin-Protocol"
API_PREFIX = "/v1"
MAX_BODY_BYTES = 10 * 1024 * 1024
MAX_BATCH = 500
MAX_PAGE = 1000

Outcome = Literal["applied", "merged", "conflict", "rejected"]
Op = Literal["insert", "update", "delete"]
ChangeOp = Literal["upsert", "purge"]
Role = Literal["rep", "manager", "reviewer", "finance"]

# Error codes carried in every error body ``{"code": ..., "message": ...}``.
ERR_UPGRADE = "upgrade_required"  # HTTP 426: client too old (or no version header)
ERR_SERVER_TOO_OLD = "server_too_old"  # HTTP 400: client newer than the server
ERR_BAD_REQUEST = "bad_request"  # HTTP 400/422: malformed JSON, wrong types
ERR_AUTH = "unauthorized"  # HTTP 401: missing, unknown, expired or revoked token
ERR_BAD_LOGIN = "bad_login"  # HTTP 401: wrong username or password
ERR_THROTTLED = "throttled"  # HTTP 429: too many failed logins
ERR_FORBIDDEN = "forbidden"  # HTTP 403: role or scope forbids it
ERR_NOT_FOUND = "not_found"  # HTTP 404
ERR_CONFLICT = "conflict"  # HTTP 409: device belongs to another user, code taken, state
ERR_TOO_LARGE = "too_large"  # HTTP 413: body over MAX_BODY_BYTES (after gunzip too)

# Reason codes of a rejected mutation (``PushResult.code``).
REJ_FORBIDDEN = "forbidden"
REJ_INVALID = "invalid"
REJ_UNKNOWN_ENTITY = "unknown_entity"
REJ_NOT_FOUND = "not_found"
REJ_READ_ONLY = "read_only"
REJ_FACT = "fact_final"
REJ_STATE = "state"
REJ_NUMBER = "receipt_number"

# First sync: entity groups pulled in this order, each resumable (architecture §3.8).
PHASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("profile", ("rep_profile", "company_profile", "receipt_block", "tax_rate")),
    ("catalog", ("product", "price_band", "promotion")),
    ("today", ("visit_plan", "visit_plan_stop", "customer", "contact", "receivable")),
    ("customers", ("customer", "contact", "receivable", "follow_up_task", "complaint")),
    (
        "history",
        (
            "visit",
            "visit_note",
            "quote",
            "quote_line",
            "order_draft",
            "order_line",
            "receipt",
            "receipt_void",
            "attachment",
            "visit_plan",
            "visit_plan_stop",
            "audit_event",
        ),
    ),
)


class Wire(BaseModel):
    """Base of every wire type: unknown fields are refused, so typos fail loudly."""

    model_config = ConfigDict(extra="forbid")


class ErrorBody(Wire):
    """Body of every error response: a stable code and an English sentence."""

    code: str
    message: str
    detail: Any = None


class BlockInfo(Wire):
    """A receipt-number block (a receipt book): numbers first_no..last_no of a device."""

    id: str = Field(max_length=36)
    device_code: str = Field(max_length=16)
    first_no: int = Field(ge=1)
    last_no: int = Field(ge=1)


class LoginRequest(Wire):
    """Log a device in: credentials plus the device identity and its provisional block."""

    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)
    device_id: str = Field(min_length=1, max_length=36)
    device_code: str = Field(min_length=4, max_length=16, pattern=r"^[A-Z0-9]+$")
    provisional_block: BlockInfo | None = None


class UserInfo(Wire):
    """Who is logged in."""

    username: str
    display_name: str
    role: Role
    territory: str | None = None


class LoginResponse(Wire):
    """A bearer token (shown once, stored hashed on the server) and the user."""

    token: str
    expires_at: str
    user: UserInfo
    device_code: str
    blocks: list[BlockInfo]


class Mutation(Wire):
    """One outbox entry: mutation number ``no`` is per device, strictly increasing."""

    no: int = Field(ge=1)
    entity: str = Field(min_length=1, max_length=40)
    entity_id: str = Field(min_length=1, max_length=36)
    op: Op
    payload: dict[str, Any]
    changed: list[str] | None = None
    base: dict[str, Any] | None = None


class PushRequest(Wire):
    """A batch of mutations from one device, in mutation-number order."""

    device_id: str = Field(min_length=1, max_length=36)
    mutations: list[Mutation] = Field(max_length=MAX_BATCH)


class FieldConflict(Wire):
    """A field both sides changed to different values: the server kept ``remote``."""

    field: str
    base: Any = None
    local: Any = None
    remote: Any = None


class PushResult(Wire):
    """The outcome of one mutation; a replay returns exactly the stored result."""

    no: int
    outcome: Outcome
    code: str | None = None
    reason: str | None = None
    rev: int | None = None
    conflicts: list[FieldConflict] = Field(default_factory=list)


class PushResponse(Wire):
    """Results in the order of the request."""

    results: list[PushResult]
    last_applied: int


class PullRequest(Wire):
    """Ask for changes after ``cursor`` (exclusive), optionally only some entities, up to a rev."""

    device_id: str = Field(min_length=1, max_length=36)
    cursor: int = Field(ge=0)
    limit: int = Field(default=500, ge=1, le=MAX_PAGE)
    entities: list[str] | None = None
    upto: int | None = Field(default=None, ge=0)
    today_only: bool = False


class Change(Wire):
    """One change: the full current row (``upsert``) or ``purge`` (drop it, out of scope)."""

    rev: int
    entity: str
    id: str
    op: ChangeOp
    data: dict[str, Any] | None = None


class PullResponse(Wire):
    """A page of changes in rev order; ``cursor`` is the rev to ask after next time."""

    changes: list[Change]
    cursor: int
    more: bool
    head: int


class HeadResponse(Wire):
    """The newest revision on the server (first sync pulls up to it, phase by phase)."""

    head: int


class ReviewRequest(Wire):
    """A manager's or reviewer's decision on an order under review."""

    decision: Literal["approve", "reject"]
    reason: str | None = Field(default=None, max_length=2000)


class ReassignRequest(Wire):
    """Give a customer (and everything hanging off it) to another rep."""

    to_username: str = Field(min_length=1, max_length=64)


class AllotRequest(Wire):
    """Allot the next block of receipt numbers to a device."""

    device_code: str = Field(min_length=4, max_length=16)
    size: int = Field(default=1000, ge=1, le=100000)


class SyncActivity(Wire):
    """What one rep synced on a day: mutations by outcome, last contact."""

    username: str
    applied: int
    merged: int
    conflict: int
    rejected: int
    last_sync: str | None
