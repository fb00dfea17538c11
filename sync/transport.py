"""HTTP transport of the client: one requests.Session, gzip, timeouts, bounded retries.

Retries (exponential backoff with full jitter) cover connection errors,
timeouts and 5xx answers; they are safe because pushes are exactly-once and
pulls read only. A ``hook`` can wrap every send: tests use it to drop requests,
drop responses after the server applied them, or send a batch twice.
"""

from __future__ import annotations

import gzip
import json
import logging
import random
import time
from collections.abc import Callable
from typing import Any

import requests
from requests.adapters import HTTPAdapter

from app.errors import WaiqinError
from app.i18n import QT_TRANSLATE_NOOP, msg
from sync.protocol import (
    API_PREFIX,
    ERR_SERVER_TOO_OLD,
    ERR_UPGRADE,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
)

log = logging.getLogger(__name__)

RealSend = Callable[[requests.PreparedRequest], requests.Response]
SendHook = Callable[[requests.PreparedRequest, RealSend], requests.Response]
GZIP_MIN = 1024


class SyncError(WaiqinError):
    """Sync failed; ``text()`` says why in words a rep understands."""

    kind = "error"


class ServerUnreachable(SyncError):  # noqa: N818 - reads as a condition
    """No answer from the server (offline, wrong address, server down)."""

    kind = "unreachable"


class AuthRefused(SyncError):  # noqa: N818
    """The server refused the login or the token (log in again)."""

    kind = "auth"


class VersionMismatch(SyncError):  # noqa: N818
    """Client and server speak different protocol versions."""

    kind = "version"


class ServerRefused(SyncError):  # noqa: N818
    """The server answered with an error that retrying will not fix."""

    kind = "refused"

    def __init__(self, message: Any, status: int, code: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class _HookAdapter(HTTPAdapter):
    def __init__(self, hook: SendHook | None) -> None:
        super().__init__(max_retries=0)
        self.hook = hook

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if self.hook is None:
            return super().send(request, **kwargs)
        return self.hook(request, lambda req: super(_HookAdapter, self).send(req, **kwargs))


def _server_text(resp: requests.Response) -> tuple[str, str]:
    try:
        body = resp.json()
        return str(body.get("code", "")), str(body.get("message", ""))
    except ValueError:
        return "", resp.text[:200]


class Transport:
    """JSON over HTTP(S) to one server, with the protocol header on every request."""

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        ca_bundle: str | None = None,
        timeout: float = 30.0,
        retries: int = 4,
        backoff: float = 0.5,
        max_backoff: float = 8.0,
        hook: SendHook | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.session = requests.Session()
        self.session.verify = ca_bundle if ca_bundle else True
        adapter = _HookAdapter(hook)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def close(self) -> None:
        """Release the connection pool."""
        self.session.close()

    def _sleep(self, attempt: int) -> None:
        ceiling = min(self.max_backoff, self.backoff * (2**attempt))
        time.sleep(random.uniform(0, ceiling))

    def call(self, method: str, path: str, body: Any = None) -> Any:
        """Send one API call and return its JSON; raises a SyncError subclass on failure."""
        return self._send(method, path, body).json()

    def call_raw(self, method: str, path: str, body: Any = None) -> bytes:
        """Like :meth:`call`, but return the (un-gzipped) JSON body as bytes.

        For pages of changes: the caller parses and validates them in one step
        (``PullResponse.model_validate_json``), without a dict per change first.
        """
        return self._send(method, path, body).content

    def _send(self, method: str, path: str, body: Any) -> requests.Response:
        """Send with retries; return a successful response or raise a SyncError."""
        url = f"{self.base_url}{API_PREFIX}{path}"
        headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Accept-Encoding": "gzip"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        data: bytes | None = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            headers["Content-Type"] = "application/json"
            if len(data) >= GZIP_MIN:
                data = gzip.compress(data, compresslevel=6)
                headers["Content-Encoding"] = "gzip"
        attempt = 0
        while True:
            try:
                resp = self.session.request(
                    method, url, data=data, headers=headers, timeout=self.timeout
                )
            except requests.exceptions.SSLError as exc:
                raise ServerUnreachable(
                    msg(
                        "sync",
                        QT_TRANSLATE_NOOP(
                            "sync",
                            "The server's certificate could not be verified. Check the address "
                            "or the CA bundle.",
                        ),
                    )
                ) from exc
            except (requests.ConnectionError, requests.Timeout) as exc:
                if attempt >= self.retries:
                    raise ServerUnreachable(
                        msg(
                            "sync",
                            QT_TRANSLATE_NOOP(
                                "sync",
                                "Cannot reach the sync server at {url}. Check the network and "
                                "try again later.",
                            ),
                            url=self.base_url,
                        )
                    ) from exc
                log.info("sync request failed (%s); retrying", type(exc).__name__)
                self._sleep(attempt)
                attempt += 1
                continue
            if resp.status_code >= 500 and attempt < self.retries:
                log.info("server answered %s; retrying", resp.status_code)
                self._sleep(attempt)
                attempt += 1
                continue
            return self._result(resp)

    def _result(self, resp: requests.Response) -> requests.Response:
        if resp.status_code < 400:
            return resp
        code, text = _server_text(resp)
        status = resp.status_code
        if status == 426 or code in (ERR_UPGRADE, ERR_SERVER_TOO_OLD):
            raise VersionMismatch(
                msg(
                    "sync",
                    QT_TRANSLATE_NOOP(
                        "sync", "Waiqin and the sync server versions do not match: {detail}"
                    ),
                    detail=text,
                )
            )
        if status == 401:
            raise AuthRefused(
                msg(
                    "sync",
                    QT_TRANSLATE_NOOP("sync", "The server refused the login: {detail}"),
                    detail=text,
                )
            )
        if status >= 500:
            raise ServerUnreachable(
                msg(
                    "sync",
                    QT_TRANSLATE_NOOP("sync", "The sync server has a problem ({status}): {detail}"),
                    status=status,
                    detail=text,
                )
            )
        raise ServerRefused(
            msg(
                "sync",
                QT_TRANSLATE_NOOP("sync", "The sync server refused the request: {detail}"),
                detail=text,
            ),
            status,
            code,
        )
