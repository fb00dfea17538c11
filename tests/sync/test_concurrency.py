"""Two server processes over one database: concurrent writers never make a cursor skip."""

from __future__ import annotations

import threading

from sync.server.embedded import EmbeddedServer
from tests.sync.harness import ServerHarness


def _push_many(
    server_url: str, token: str, device: str, prefix: str, n: int, errors: list[str]
) -> None:
    import requests

    from sync.protocol import PROTOCOL_HEADER

    headers = {PROTOCOL_HEADER: "1", "Authorization": f"Bearer {token}"}
    for i in range(n):
        row = {
            "id": f"{prefix}-{i}",
            "code": f"{prefix}-{i}",
            "name": "Shop",
            "name_key": "s",
            "kind": "retail",
            "owner": "alice",
            "created_at": "2026-01-01T00:00:00+00:00",
            "updated_at": "2026-01-01T00:00:00+00:00",
        }
        body = {
            "device_id": device,
            "mutations": [
                {
                    "no": i + 1,
                    "entity": "customer",
                    "entity_id": row["id"],
                    "op": "insert",
                    "payload": row,
                }
            ],
        }
        resp = requests.post(f"{server_url}/v1/push", json=body, headers=headers, timeout=60)
        if resp.status_code != 200 or resp.json()["results"][0]["outcome"] != "applied":
            errors.append(resp.text)


def test_pulling_while_two_servers_write_sees_every_row(server: ServerHarness) -> None:
    second = EmbeddedServer(server.db_url)
    second.start()
    try:
        t1 = server.token_for("alice", "dev-1", "DEV001")
        t2 = server.token_for("alice", "dev-2", "DEV002")
        errors: list[str] = []
        writers = [
            threading.Thread(target=_push_many, args=(server.url, t1, "dev-1", "a", 40, errors)),
            threading.Thread(target=_push_many, args=(second.url, t2, "dev-2", "b", 40, errors)),
        ]
        for w in writers:
            w.start()
        seen: set[str] = set()
        cursor = 0
        urls = [server.url, second.url]
        turn = 0
        while any(w.is_alive() for w in writers) or turn < 2 or cursor < _head(server, t1):
            import requests

            from sync.protocol import PROTOCOL_HEADER

            resp = requests.post(
                f"{urls[turn % 2]}/v1/pull",
                json={"device_id": "dev-1", "cursor": cursor, "limit": 7},
                headers={PROTOCOL_HEADER: "1", "Authorization": f"Bearer {t1}"},
                timeout=60,
            ).json()
            seen.update(c["id"] for c in resp["changes"] if c["entity"] == "customer")
            cursor = resp["cursor"]
            turn += 1
        for w in writers:
            w.join()
        assert errors == []
        assert seen == {f"{p}-{i}" for p in "ab" for i in range(40)}
        boss = server.token_for("boss")
        [activity] = server.api("GET", "/admin/activity", token=boss).json()
        assert (activity["username"], activity["applied"]) == ("alice", 80)
    finally:
        second.close()


def _head(server: ServerHarness, token: str) -> int:
    return int(server.api("GET", "/head", token=token).json()["head"])
