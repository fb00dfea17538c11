"""schemathesis against the live server's /openapi.json: no 5xx, answers that match the schema.

Generated requests (valid and invalid) go to a real server as a rep and as a
manager. Checks: no server error; documented answers match their schema,
content type and headers. Error statuses the schema does not list (401, 403,
404, 409, 413, 426) are the protocol's own (docs/sync-protocol.md) and are not
checked against it. Bounded: a few examples per operation. Logout is left
out (it revokes the token the rest runs with; test_authz covers it).
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
)

from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from tests.sync.harness import ServerHarness

EXAMPLES = 20


BOUNDS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    content_type_conformance,
    response_headers_conformance,
]


def _fuzz(server: ServerHarness, token: str) -> list[str]:
    """Run every operation's generated cases (valid and invalid data); returns their labels."""
    schema = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Authorization": f"Bearer {token}"}
    labels: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()  # type: ignore[union-attr]
        labels.append(operation.label)
        if operation.label == "POST /v1/logout":
            continue  # it would revoke the token the other operations run with

        @BOUNDS
        @given(
            case=operation.as_strategy(generation_mode=GenerationMode.POSITIVE)
            | operation.as_strategy(generation_mode=GenerationMode.NEGATIVE)
        )
        def run(case: Any) -> None:
            case.call_and_validate(base_url=server.url, headers=headers, checks=CHECKS)

        run()
    return labels


def test_api_as_a_rep(server: ServerHarness) -> None:
    labels = _fuzz(server, server.token_for("alice", "dev-alice", "DEVA01"))
    assert "POST /v1/push" in labels and "POST /v1/pull" in labels


def test_api_as_a_manager(server: ServerHarness) -> None:
    labels = _fuzz(server, server.token_for("boss"))
    assert "POST /v1/admin/orders/{order_id}/review" in labels
