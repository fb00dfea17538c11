"""UI test fixtures: a seeded workspace, the app in English, a main window with inline tasks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

UI_PASSPHRASE = "ui-test-passphrase"


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A seeded workspace built once; each test gets a copy."""
    from app.seed import seed
    from app.workspace import create_workspace

    path = tmp_path_factory.mktemp("template") / "ws"
    ws = create_workspace(path, UI_PASSPHRASE)
    seed(ws, customers=300, products=40, seed=7)
    ws.close()
    return path


@pytest.fixture
def seeded_ws(seeded_template: Path, tmp_path: Path) -> Iterator[Any]:
    """A fresh copy of the seeded workspace, opened."""
    import shutil

    from app.workspace import open_workspace

    target = tmp_path / "ws"
    shutil.copytree(seeded_template, target)
    ws = open_workspace(target, UI_PASSPHRASE)
    yield ws
    ws.close()


@pytest.fixture
def qapp_lang(qapp: Any) -> Iterator[Any]:
    """The QApplication with the bundled font and English translators."""
    from ui import i18n
    from ui.app import load_fonts

    load_fonts(qapp)
    i18n.install_language("en")
    yield qapp
    i18n.install_language("en")


@pytest.fixture
def ctx(qapp_lang: Any, seeded_ws: Any) -> Any:
    """An AppContext over the seeded workspace with inline (synchronous) tasks."""
    from ui.context import AppContext
    from ui.tasks import TaskRunner

    runner = TaskRunner(synchronous=True)
    return AppContext(seeded_ws, runner, today=dt.date.today)


@pytest.fixture
def window(qtbot: Any, ctx: Any) -> Iterator[Any]:
    """The main window on the seeded workspace, shown."""
    from ui.main_window import MainWindow

    w = MainWindow(ctx.ws, ctx.runner, ctx)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.shutdown()
