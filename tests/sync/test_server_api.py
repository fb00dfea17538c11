"""Server API: health, OpenAPI, login, tokens, throttling, protocol version, bad input."""

from __future__ import annotations

import datetime as dt
import gzip
import json

from sqlalchemy import func, select, update

from sync.protocol import PROTOCOL_HEADER
from sync.server.models import MutationResult, Record, Token
from tests.sync.harness import PASSWORD, ServerHarness, gz


def _login(
    server: ServerHarness,
    username: str = "alice",
    password: str = PASSWORD,
    device: str = "dev-a",
    code: str = "DEVA01",
) -> tuple[int, dict[str, object]]:
    resp = server.api(
        "POST",
        "/login",
        {"username": username, "password": password, "device_id": device, "device_code": code},
    )
    return resp.status_code, resp.json()


def _customer(owner: str, cid: str = "c-1") -> dict[str, object]:
    now = dt.datetime.now(dt.UTC).isoformat()
    return {
        "id": cid,
        "code": cid,
        "name": "Shop",
        "name_key": "shop",
        "kind": "retail",
        "owner": owner,
        "created_at": now,
        "updated_at": now,
    }


def _record_count(server: ServerHarness) -> int:
    with server.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Record)) or 0)


def test_healthz_and_openapi_need_no_version_header(server: ServerHarness) -> None:
    import requests

    assert requests.get(f"{server.url}/healthz", timeout=10).json()["status"] == "ok"
    schema = requests.get(f"{server.url}/openapi.json", timeout=10).json()
    assert "/v1/push" in schema["paths"] and "/v1/pull" in schema["paths"]


def test_login_gives_a_token_stored_only_as_its_hash(server: ServerHarness) -> None:
    status, body = _login(server)
    assert status == 200
    token = str(body["token"])
    assert body["user"] == {
        "username": "alice",
        "display_name": "Alice",
        "role": "rep",
        "territory": "east",
    }
    with server.db.read() as s:
        stored = s.scalars(select(Token.token_hash)).all()
    assert token not in stored and len(stored) == 1 and len(stored[0]) == 64
    assert server.api("GET", "/me", token=token).json()["username"] == "alice"


def test_wrong_password_and_unknown_user_are_refused_alike(server: ServerHarness) -> None:
    s1, b1 = _login(server, password="wrong-password")
    s2, b2 = _login(server, username="nobody")
    assert (s1, b1["code"]) == (401, "bad_login")
    assert (s2, b2["message"]) == (401, b1["message"])


def test_login_is_throttled_after_five_failures_even_with_the_right_password(
    server: ServerHarness,
) -> None:
    for _ in range(5):
        assert _login(server, password="wrong-password")[0] == 401
    status, body = _login(server)
    assert status == 429 and body["code"] == "throttled"
    assert _login(server, username="bob", device="dev-b", code="DEVB01")[0] == 200


def test_expired_and_revoked_tokens_are_refused_clearly(server: ServerHarness) -> None:
    token = str(_login(server)[1]["token"])
    with server.db.write() as s:
        s.execute(update(Token).values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(1)))
    resp = server.api("GET", "/me", token=token)
    assert resp.status_code == 401 and "expired" in resp.json()["message"]
    token2 = str(_login(server)[1]["token"])
    assert server.api("POST", "/logout", token=token2).status_code == 200
    resp = server.api("GET", "/me", token=token2)
    assert resp.status_code == 401 and resp.json()["code"] == "unauthorized"
    assert server.api("GET", "/me").status_code == 401
    assert server.api("GET", "/me", token="made-up").status_code == 401


def test_a_device_belongs_to_one_user(server: ServerHarness) -> None:
    assert _login(server)[0] == 200
    status, body = _login(server, username="bob")
    assert status == 409 and "another user" in str(body["message"])
    status, body = _login(server, username="bob", device="dev-b")  # same code DEVA01
    assert status == 409 and "device code" in str(body["message"])


def test_missing_or_old_protocol_version_gets_426_with_a_readable_message(
    server: ServerHarness,
) -> None:
    resp = server.api("GET", "/me", headers={PROTOCOL_HEADER: "0"})
    assert resp.status_code == 426
    assert resp.json()["code"] == "upgrade_required"
    assert "update Waiqin" in resp.json()["message"]
    import requests

    bare = requests.get(f"{server.url}/v1/me", timeout=10)
    assert bare.status_code == 426
    newer = server.api("GET", "/me", headers={PROTOCOL_HEADER: "99"})
    assert newer.status_code == 400 and newer.json()["code"] == "server_too_old"
    junk = server.api("GET", "/me", headers={PROTOCOL_HEADER: "one"})
    assert junk.status_code == 400


def test_malformed_json_and_wrong_types_are_clear_4xx_and_change_nothing(
    server: ServerHarness,
) -> None:
    token = str(_login(server)[1]["token"])
    before = _record_count(server)
    bad = server.api("POST", "/push", raw=b"{not json", token=token)
    assert bad.status_code == 400 and "not valid JSON" in bad.json()["message"]
    wrong = server.api("POST", "/push", {"device_id": "dev-a", "mutations": "lots"}, token=token)
    assert wrong.status_code == 422 and wrong.json()["code"] == "bad_request"
    extra = server.api("POST", "/pull", {"device_id": "dev-a", "cursor": -1}, token=token)
    assert extra.status_code == 422
    mutation = {
        "no": 1,
        "entity": "customer",
        "entity_id": "c-1",
        "op": "insert",
        "payload": _customer("alice"),
    }
    unordered = server.api(
        "POST", "/push", {"device_id": "dev-a", "mutations": [mutation, mutation]}, token=token
    )
    assert unordered.status_code == 400
    damaged = server.api(
        "POST", "/push", raw=b"\x1f\x8bnot-gzip", token=token, headers={"Content-Encoding": "gzip"}
    )
    assert damaged.status_code == 400
    assert _record_count(server) == before


def test_a_row_with_wrong_field_types_is_rejected_per_record(server: ServerHarness) -> None:
    token = str(_login(server)[1]["token"])
    row = _customer("alice") | {"credit_limit": 12.5, "potential": "high"}
    body = {
        "device_id": "dev-a",
        "mutations": [
            {"no": 1, "entity": "customer", "entity_id": "c-1", "op": "insert", "payload": row}
        ],
    }
    result = server.api("POST", "/push", body, token=token).json()["results"][0]
    assert result["outcome"] == "rejected" and result["code"] == "invalid"
    assert "credit_limit" in result["reason"]
    with server.db.read() as s:
        assert s.get(Record, ("customer", "c-1")) is None


def test_huge_payloads_get_413_plain_or_gzip(server: ServerHarness) -> None:
    token = str(_login(server)[1]["token"])
    big = b'{"device_id": "' + b"x" * (11 * 1024 * 1024) + b'"}'
    assert server.api("POST", "/push", raw=big, token=token).status_code == 413
    bomb = gzip.compress(big)
    resp = server.api("POST", "/push", raw=bomb, token=token, headers={"Content-Encoding": "gzip"})
    assert resp.status_code == 413 and resp.json()["code"] == "too_large"
    with server.db.read() as s:
        assert s.scalar(select(func.count()).select_from(MutationResult)) == 0


def test_gzip_request_bodies_are_accepted(server: ServerHarness) -> None:
    token = str(_login(server)[1]["token"])
    body = {
        "device_id": "dev-a",
        "mutations": [
            {
                "no": 1,
                "entity": "customer",
                "entity_id": "c-1",
                "op": "insert",
                "payload": _customer("alice"),
            }
        ],
    }
    resp = server.api(
        "POST", "/push", raw=gz(body), token=token, headers={"Content-Encoding": "gzip"}
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["results"][0]["outcome"] == "applied"
    assert json.loads(json.dumps(resp.json()))["last_applied"] == 1


def test_only_managers_reach_the_admin_api(server: ServerHarness) -> None:
    rep = str(_login(server)[1]["token"])
    assert server.api("GET", "/admin/activity", token=rep).status_code == 403
    boss = server.token_for("boss")
    assert server.api("GET", "/admin/activity", token=boss).status_code == 200
    assert (
        server.api(
            "POST", "/push", {"device_id": "manager-console", "mutations": []}, token=boss
        ).status_code
        == 403
    )
