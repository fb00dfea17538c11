"""The sync client: log in once, then push the outbox and pull changes.

Public API (Qt-free; every call is safe from a background thread and uses its
own database sessions; two syncs of one workspace never run at once):

- ``login(ws, url, username, password, *, ca_bundle=None) -> UserInfo``
- ``SyncEngine(ws).run(progress=None, cancel=None) -> SyncReport``
- ``list_conflicts(ws)``, ``resolve_conflict(ws, id, choice, value=None)``,
  ``rejected_items(ws)`` (re-exported from ``sync.conflicts``)
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select

from app.errors import StateError
from app.i18n import QT_TRANSLATE_NOOP, msg
from app.models import ReceiptBlock, utcnow
from app.workspace import Workspace
from sync import local
from sync.conflicts import (
    ConflictItem,
    RejectedItem,
    list_conflicts,
    rejected_items,
    resolve_conflict,
)
from sync.protocol import (
    MAX_PAGE,
    PHASES,
    BlockInfo,
    HeadResponse,
    LoginRequest,
    LoginResponse,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    UserInfo,
)
from sync.pull import apply_page
from sync.pull_ahead import PagesAhead
from sync.pull_raw import RawPage, apply_raw_page, parse_page, with_prepared
from sync.push import pending_batch, record_results, to_mutations
from sync.transport import AuthRefused, SendHook, SyncError, Transport

__all__ = [
    "ConflictItem",
    "RejectedItem",
    "SyncEngine",
    "SyncError",
    "SyncReport",
    "list_conflicts",
    "login",
    "logout",
    "rejected_items",
    "resolve_conflict",
]

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
Cancel = Callable[[], bool]
_running: set[str] = set()
_running_lock = threading.Lock()


@dataclass
class SyncReport:
    """What one sync did (the CLI prints it; the UI shows it in the status bar)."""

    pushed: int = 0
    applied: int = 0
    merged: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    purged: int = 0
    cancelled: bool = False
    seconds: float = 0.0
    rejected_reasons: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for people."""
        return msg(
            "sync",
            QT_TRANSLATE_NOOP(
                "sync",
                "pushed {pushed}, pulled {pulled}, merged {merged}, conflicts {conflicts}, "
                "rejected {rejected}",
            ),
            pushed=self.pushed,
            pulled=self.pulled,
            merged=self.merged,
            conflicts=self.conflicts,
            rejected=self.rejected,
        ).text()


def _device(ws: Workspace) -> tuple[str, str]:
    device_id, code = ws.state(local.K_DEVICE_ID), ws.state(local.K_DEVICE_CODE)
    assert device_id and code, "workspace without device identity"
    return device_id, code


def login(
    ws: Workspace,
    url: str,
    username: str,
    password: str,
    *,
    ca_bundle: str | None = None,
    hook: SendHook | None = None,
) -> UserInfo:
    """Log this workspace in; the token goes to the keyring (or the encrypted DB)."""
    device_id, code = _device(ws)
    with ws.sessions() as s:
        block = s.scalar(select(ReceiptBlock).where(ReceiptBlock.provisional.is_(True)).limit(1))
        provisional = (
            None
            if block is None
            else BlockInfo(
                id=block.id,
                device_code=block.device_code,
                first_no=block.first_no,
                last_no=block.last_no,
            )
        )
    transport = Transport(url, ca_bundle=ca_bundle, hook=hook, retries=2)
    try:
        body = LoginRequest(
            username=username,
            password=password,
            device_id=device_id,
            device_code=code,
            provisional_block=provisional,
        )
        resp = LoginResponse.model_validate(transport.call("POST", "/login", body.model_dump()))
    finally:
        transport.close()
    local.store_token(ws, resp.token)
    with local.remote_tx(ws) as s:
        local.set_states(s, server_url=url, username=username, ca_bundle=ca_bundle)
        confirmed = {b.id for b in resp.blocks}
        for row in s.scalars(select(ReceiptBlock).where(ReceiptBlock.provisional.is_(True))):
            if row.id in confirmed:
                row.provisional = False
    log.info("logged in to the sync server")
    return resp.user


def logout(ws: Workspace) -> None:
    """Forget the token (the server copy expires or is revoked by the admin)."""
    local.forget_token(ws)


class SyncEngine:
    """Push the outbox, then pull changes; resumable at every batch and page."""

    def __init__(
        self,
        ws: Workspace,
        *,
        hook: SendHook | None = None,
        batch_size: int = 200,
        page_size: int = MAX_PAGE,
        retries: int = 4,
        backoff: float = 0.5,
        timeout: float = 30.0,
    ) -> None:
        self.ws = ws
        self.hook = hook
        self.batch_size = batch_size
        self.page_size = page_size
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout

    def _transport(self) -> Transport:
        url = self.ws.state(local.K_SERVER)
        token = local.load_token(self.ws)
        if not url or not token:
            raise AuthRefused(
                msg("sync", QT_TRANSLATE_NOOP("sync", "Not logged in. Log in to the server first."))
            )
        return Transport(
            url,
            token=token,
            ca_bundle=self.ws.state(local.K_CA),
            hook=self.hook,
            retries=self.retries,
            backoff=self.backoff,
            timeout=self.timeout,
        )

    def run(self, progress: Progress | None = None, cancel: Cancel | None = None) -> SyncReport:
        """One full sync. Raises a SyncError (with a readable text) when it cannot finish."""
        key = str(self.ws.path)
        with _running_lock:
            if key in _running:
                raise StateError(
                    msg("sync", QT_TRANSLATE_NOOP("sync", "A sync is already running."))
                )
            _running.add(key)
        started = time.monotonic()
        report = SyncReport()
        transport = self._transport()
        try:
            done = self._push(transport, report, progress, cancel) and self._pull(
                transport, report, progress, cancel
            )
            report.cancelled = not done
            if done:
                self._finish(report)
        finally:
            transport.close()
            with _running_lock:
                _running.discard(key)
        report.seconds = time.monotonic() - started
        return report

    def _push(
        self,
        transport: Transport,
        report: SyncReport,
        progress: Progress | None,
        cancel: Cancel | None,
    ) -> bool:
        device_id, _ = _device(self.ws)
        while True:
            if cancel and cancel():
                return False
            with self.ws.sessions() as s:
                entries = pending_batch(s, self.batch_size)
                if not entries:
                    return True
                mutations = to_mutations(s, entries)
                s.expunge_all()
            body = PushRequest(device_id=device_id, mutations=mutations).model_dump(mode="json")
            resp = PushResponse.model_validate(transport.call("POST", "/push", body))
            with local.remote_tx(self.ws) as s:
                record_results(s, entries, resp.results)
            for r in resp.results:
                report.pushed += 1
                report.applied += r.outcome == "applied"
                report.merged += r.outcome == "merged"
                report.conflicts += r.outcome == "conflict"
                if r.outcome == "rejected":
                    report.rejected += 1
                    report.rejected_reasons.append(r.reason or "")
            if progress:
                progress("push", report.pushed, report.pushed + self._pending_count())

    def _pending_count(self) -> int:
        from sqlalchemy import func

        from app.models import OutboxEntry

        with self.ws.sessions() as s:
            return int(s.scalar(select(func.count()).where(OutboxEntry.acked_at.is_(None))) or 0)

    def _pull_pages(
        self,
        transport: Transport,
        report: SyncReport,
        progress: Progress | None,
        cancel: Cancel | None,
        *,
        state_key: str,
        request: dict[str, object],
        label: str,
    ) -> bool:
        """Pull pages until the server says no more; page and cursor commit together.

        The next pages are fetched (up to two ahead) and prepared on worker threads
        while this one is applied (``sync.pull_ahead``): each is asked for with the
        cursor of the page before it, so pages are applied strictly in order, each
        once, and a cancel or an error drops only pages fetched ahead (their cursors
        were never stored: the next pull asks for them again).
        """
        device_id, _ = _device(self.ws)
        start = int(self.ws.state(state_key) or 0)
        dialect = self.ws.engine.dialect

        def fetch(cursor: int) -> RawPage | PullResponse:
            body = PullRequest(
                device_id=device_id,
                cursor=cursor,
                limit=self.page_size,
                **request,  # type: ignore[arg-type]
            ).model_dump(mode="json")
            return parse_page(transport.call_raw("POST", "/pull", body))

        def prepare(page: RawPage | PullResponse) -> RawPage | PullResponse:
            return with_prepared(page, dialect)

        if cancel and cancel():
            return False
        # Pages come fetched, parsed and prepared on two threads of their own (they idle
        # while SQLite stores the page before, without the GIL); a page not taken is dropped.
        with PagesAhead(fetch, prepare, start) as ahead:
            while True:
                page = ahead.take()
                with local.remote_tx(self.ws, durable=False) as s:
                    if isinstance(page, RawPage):
                        applied, purged = apply_raw_page(s, page)
                    else:
                        applied, purged = apply_page(s, page.changes)
                    local.set_states(s, **{state_key: page.cursor})
                report.pulled += applied
                report.purged += purged
                if progress:
                    top = int(request.get("upto") or page.head)  # type: ignore[call-overload]
                    progress(label, page.cursor - start, max(top, page.cursor) - start)
                if not page.more:
                    return True
                if cancel and cancel():
                    return False

    def _pull(
        self,
        transport: Transport,
        report: SyncReport,
        progress: Progress | None,
        cancel: Cancel | None,
    ) -> bool:
        if self.ws.state(local.K_CURSOR) is None and not self._first_sync(
            transport, report, progress, cancel
        ):
            return False
        return self._pull_pages(
            transport,
            report,
            progress,
            cancel,
            state_key=local.K_CURSOR,
            request={},
            label="pull",
        )

    def _first_sync(
        self,
        transport: Transport,
        report: SyncReport,
        progress: Progress | None,
        cancel: Cancel | None,
    ) -> bool:
        """Pull what exists phase by phase (profile, catalog, today's customers first).

        The secondary indexes and the search index are dropped for it and built
        once at its end (``app.bulk_load``; also when it is cancelled or fails).
        """
        head_text = self.ws.state(local.K_INITIAL_HEAD)
        if head_text is None:
            head = HeadResponse.model_validate(transport.call("GET", "/head")).head
            self.ws.set_state(local.K_INITIAL_HEAD, str(head))
        else:
            head = int(head_text)
        left = [(n, e) for n, e in PHASES if not self.ws.state(f"phase:{n}:done")]
        if left:
            local.defer_indexes(self.ws)
        try:
            for name, entities in left:
                key = f"phase:{name}"
                request: dict[str, object] = {
                    "entities": list(entities),
                    "upto": head,
                    "today_only": name == "today",
                }
                if not self._pull_pages(
                    transport,
                    report,
                    progress,
                    cancel,
                    state_key=key,
                    request=request,
                    label=f"first:{name}",
                ):
                    return False
                self.ws.set_state(key + ":done", "1")
        finally:
            # Also when cancelled or failed: the workspace is never left without them.
            local.build_indexes(self.ws)
        with local.remote_tx(self.ws) as s:
            cleared: dict[str, object] = {local.K_CURSOR: head, local.K_INITIAL_HEAD: None}
            for name, _ in PHASES:
                cleared[f"phase:{name}"] = None
                cleared[f"phase:{name}:done"] = None
            local.set_states(s, **cleared)
        return True

    def _finish(self, report: SyncReport) -> None:
        """Remember when the last full sync ended (the server logs each sync itself)."""
        self.ws.set_state(local.K_LAST_SYNC, utcnow().isoformat())
