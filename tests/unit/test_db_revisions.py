"""Schema revisions found without Alembic at start-up; upgrades still backed up and refused
when the workspace is newer than the build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app import db
from app.errors import WorkspaceError
from app.workspace import open_workspace
from tests.conftest import TEST_PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh_graph() -> Any:
    """Forget the cached revision graph before and after the test."""
    clear = db.revision_graph.cache_clear
    clear()
    yield
    clear()


def test_head_and_revisions_agree_with_alembic(fresh_graph: Any) -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(db.alembic_config())
    assert db.head_revision() == script.get_current_head()
    assert db.known_revisions() == {rev.revision for rev in script.walk_revisions()}


def test_opening_an_up_to_date_workspace_does_not_import_alembic(workspace: Any) -> None:
    workspace.close()
    code = (
        "import sys; from pathlib import Path; from app.workspace import open_workspace;"
        f"ws = open_workspace(Path({str(workspace.path)!r}), {TEST_PASSPHRASE!r}); ws.close();"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_an_empty_database_has_no_revision(tmp_path: Path) -> None:
    engine = db.make_engine(tmp_path / "empty.db", b"k" * 32)
    try:
        assert db.current_revision(engine) is None
        assert db.needs_upgrade(engine)
    finally:
        engine.dispose()


def test_a_newer_schema_is_refused(workspace: Any) -> None:
    with workspace.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    with pytest.raises(WorkspaceError) as exc:
        db.needs_upgrade(workspace.engine)
    assert "newer version" in exc.value.text("en")


def test_two_recorded_revisions_are_refused(workspace: Any) -> None:
    with workspace.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO alembic_version VALUES ('zzzz')")
    with pytest.raises(WorkspaceError):
        db.current_revision(workspace.engine)


def test_an_older_schema_is_backed_up_then_upgraded(
    workspace: Any, monkeypatch: pytest.MonkeyPatch, fresh_graph: Any
) -> None:
    head = db.head_revision()
    graph = dict(db.revision_graph())
    graph["future1"] = (head,)  # this build is one revision ahead of the workspace
    monkeypatch.setattr(db, "revision_graph", lambda: graph)
    upgraded: list[Any] = []
    monkeypatch.setattr(db, "upgrade", lambda engine: upgraded.append(engine))
    workspace.close()
    ws = open_workspace(workspace.path, TEST_PASSPHRASE)
    try:
        assert len(upgraded) == 1
        backups = list((workspace.path / "backups").glob("*pre-migration*"))
        assert len(backups) == 1
    finally:
        ws.close()


def test_an_up_to_date_schema_is_neither_backed_up_nor_upgraded(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "upgrade", lambda engine: pytest.fail("upgrade on an open"))
    workspace.close()
    ws = open_workspace(workspace.path, TEST_PASSPHRASE)
    ws.close()
    assert not list((workspace.path / "backups").glob("*pre-migration*"))


def _versions(tmp_path: Path, scripts: dict[str, str]) -> Path:
    folder = tmp_path / "versions"
    folder.mkdir()
    for name, text in scripts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_merges_and_annotations_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_graph: Any
) -> None:
    folder = _versions(
        tmp_path,
        {
            "a.py": 'revision: str = "a"\ndown_revision: str | None = None\n',
            "b.py": "revision = 'b'\ndown_revision = 'a'\n",
            "c.py": 'revision = "c"\ndown_revision = "a"\n',
            "m.py": 'revision = "m"\ndown_revision = ("b", "c")\n',
            "notes.py": "x = 1\n",
        },
    )
    monkeypatch.setattr(db, "VERSIONS_DIR", folder)
    assert db.revision_graph() == {"a": (), "b": ("a",), "c": ("a",), "m": ("b", "c")}
    assert db.head_revision() == "m"
    assert db.known_revisions() == {"a", "b", "c", "m"}


def test_two_heads_are_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_graph: Any
) -> None:
    folder = _versions(
        tmp_path,
        {
            "a.py": 'revision = "a"\ndown_revision = None\n',
            "b.py": 'revision = "b"\ndown_revision = "a"\n',
            "c.py": 'revision = "c"\ndown_revision = "a"\n',
        },
    )
    monkeypatch.setattr(db, "VERSIONS_DIR", folder)
    with pytest.raises(ValueError, match="one head"):
        db.head_revision()


def test_a_computed_down_revision_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_graph: Any
) -> None:
    folder = _versions(tmp_path, {"a.py": 'revision = "a"\ndown_revision = 3\n'})
    monkeypatch.setattr(db, "VERSIONS_DIR", folder)
    with pytest.raises(ValueError, match="down_revision"):
        db.revision_graph()


def test_a_revision_that_is_not_a_literal_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_graph: Any
) -> None:
    folder = _versions(tmp_path, {"a.py": "revision = make_id()\ndown_revision = None\n"})
    monkeypatch.setattr(db, "VERSIONS_DIR", folder)
    with pytest.raises(ValueError, match="not a literal"):
        db.revision_graph()
