"""Server-side merge rules for one pushed mutation (pure functions, no database).

Master data (customers, contacts) merges field by field against the base the
laptop last agreed with the server: a field changed only by the laptop is
taken, a field changed on both sides to different values is a conflict and the
server keeps its value. A delete never silently wins over an edit. Drafts are
last-writer-wins per changed field. See docs/sync-protocol.md, "Merge rules".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sync.protocol import FieldConflict
from sync.server.entities import SCOPE_COLUMNS, SERVER_OWNED, same, user_fields


@dataclass
class MergeResult:
    """The row the server keeps, the conflicts found, and whether anything changed."""

    data: dict[str, Any]
    conflicts: list[FieldConflict] = field(default_factory=list)
    changed: bool = False


def _later(a: Any, b: Any) -> Any:
    if a is None:
        return b
    if b is None:
        return a
    return max(str(a), str(b))


def merge_master(
    entity: str,
    server: dict[str, Any],
    payload: dict[str, Any],
    changed: list[str],
    base: dict[str, Any],
) -> MergeResult:
    """Three-way merge of a master-data update or delete against ``base``."""
    out = MergeResult(dict(server))
    server_deleted = server.get("deleted_at") is not None
    wants_delete = payload.get("deleted_at") is not None
    if "deleted_at" in changed and wants_delete:
        return _merge_delete(entity, server, payload, changed, base, out)
    for key in changed:
        if key not in server and key not in payload:
            continue
        if key in ("deleted_at", "updated_at", "id", "created_at") or key in SCOPE_COLUMNS:
            continue
        local, remote = payload.get(key), server.get(key)
        if same(entity, key, local, remote):
            continue
        if same(entity, key, remote, base.get(key)):
            out.data[key] = local
            out.changed = True
        else:
            out.conflicts.append(
                FieldConflict(field=key, base=base.get(key), local=local, remote=remote)
            )
    if "deleted_at" in changed and not wants_delete and server_deleted:
        # An undelete: taken when the laptop saw the delete (its base says deleted).
        if base.get("deleted_at") is not None:
            out.data["deleted_at"] = None
            out.changed = True
        else:
            out.conflicts.append(
                FieldConflict(
                    field="deleted_at", base=None, local=None, remote=server["deleted_at"]
                )
            )
    elif server_deleted and out.changed:
        # Edit against a delete: keep the edit, keep the row deleted, ask the rep.
        out.conflicts.append(
            FieldConflict(field="deleted_at", base=None, local=None, remote=server["deleted_at"])
        )
    if out.changed:
        out.data["updated_at"] = _later(server.get("updated_at"), payload.get("updated_at"))
    return out


def _merge_delete(
    entity: str,
    server: dict[str, Any],
    payload: dict[str, Any],
    changed: list[str],
    base: dict[str, Any],
    out: MergeResult,
) -> MergeResult:
    """A delete applies only when the laptop had seen every server value."""
    if server.get("deleted_at") is not None:
        return out
    unseen = [
        key
        for key in user_fields(entity)
        if key not in SCOPE_COLUMNS
        and not same(entity, key, payload.get(key), server.get(key))
        and not (key in changed and same(entity, key, server.get(key), base.get(key)))
    ]
    if unseen:
        out.conflicts.append(
            FieldConflict(field="deleted_at", base=None, local=payload["deleted_at"], remote=None)
        )
        return out
    out.data["deleted_at"] = payload["deleted_at"]
    out.data["updated_at"] = _later(server.get("updated_at"), payload.get("updated_at"))
    out.changed = True
    return out


def merge_draft(
    entity: str, server: dict[str, Any], payload: dict[str, Any], changed: list[str]
) -> MergeResult:
    """Last writer wins, per changed field; scope and server-owned fields are kept."""
    out = MergeResult(dict(server))
    owned = SERVER_OWNED.get(entity, frozenset())
    for key in changed:
        if key in SCOPE_COLUMNS or key in owned or key in ("id", "created_at", "updated_at"):
            continue
        if key not in payload:
            continue
        if not same(entity, key, payload[key], server.get(key)):
            out.data[key] = payload[key]
            out.changed = True
    if out.changed:
        out.data["updated_at"] = _later(server.get("updated_at"), payload.get("updated_at"))
    return out


def differs(entity: str, server: dict[str, Any], payload: dict[str, Any]) -> bool:
    """True when the server's row has user values the laptop's row does not."""
    return any(
        not same(entity, key, server.get(key), payload.get(key)) for key in user_fields(entity)
    ) or not same(entity, "deleted_at", server.get("deleted_at"), payload.get("deleted_at"))
