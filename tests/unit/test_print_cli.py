"""`waiqin print ...` and `waiqin report daily`: the path written on stdout, exit 0; a bad
id, number or date gives a clear message on stderr, exit 2, and no file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.cli import main
from app.models import AuditEvent, Customer, OrderDraft, Quote, Receipt
from app.seed import seed
from tests.conftest import TEST_PASSPHRASE

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def ws(workspace: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A seeded workspace the CLI opens with the passphrase from the environment."""
    monkeypatch.setenv("WAIQIN_PASSPHRASE", TEST_PASSPHRASE)
    seed(workspace, customers=20, products=8, seed=3, today=TODAY)
    return workspace


def run(ws: Any, *argv: str) -> int:
    return main([*argv, "--data-dir", str(ws.path)])


def text(path: Path) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(str(path)).pages)


def refs(ws: Any) -> dict[str, str]:
    with ws.sessions() as s:
        return {
            "quote": s.scalars(select(Quote.number).order_by(Quote.number)).first() or "",
            "receipt": s.scalars(select(Receipt.number).order_by(Receipt.number)).first() or "",
            "order": s.scalars(select(OrderDraft.local_number)).first() or "",
            "tracking": s.scalars(select(Customer.code).order_by(Customer.code)).first() or "",
            "route": TODAY.isoformat(),
        }


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("quote", "报价单"),
        ("receipt", "收款收据"),
        ("order", "订单确认单"),
        ("route", "拜访计划"),
        ("tracking", "客户基本信息及业务跟踪情况表"),
    ],
)
def test_print_writes_the_pdf_and_says_where(
    ws: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, title: str
) -> None:
    ref = refs(ws)[kind]
    out = tmp_path / "out" / f"{kind}.pdf"
    assert run(ws, "print", kind, ref, "--out", str(out)) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == str(out)
    assert captured.err == ""
    printed = text(out)
    assert title in printed
    if kind in ("quote", "receipt", "order"):
        assert ref in printed
    with ws.sessions() as s:
        assert s.scalar(select(AuditEvent.action).where(AuditEvent.action == "print")) == "print"


def test_receipt_printed_twice_is_marked_as_copy(ws: Any, tmp_path: Path) -> None:
    ref = refs(ws)["receipt"]
    assert run(ws, "print", "receipt", ref, "--out", str(tmp_path / "a.pdf")) == 0
    assert run(ws, "print", "receipt", ref, "--out", str(tmp_path / "b.pdf")) == 0
    assert "补打" not in text(tmp_path / "a.pdf")
    assert "第2次打印" in text(tmp_path / "b.pdf")


def test_receipt_copies_per_page_option(ws: Any, tmp_path: Path) -> None:
    ref = refs(ws)["receipt"]
    out = tmp_path / "r.pdf"
    assert run(ws, "print", "receipt", ref, "--out", str(out), "--copies-per-page", "1") == 0
    assert len(PdfReader(str(out)).pages) == 3


def test_report_daily_writes_pdf_and_workbook(
    ws: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf, xlsx = tmp_path / "d.pdf", tmp_path / "d.xlsx"
    day = (TODAY - dt.timedelta(days=1)).isoformat()
    argv = ["report", "daily", "--date", day, "--out", str(pdf), "--xlsx", str(xlsx)]
    assert run(ws, *argv) == 0
    assert capsys.readouterr().out.split() == [str(pdf), str(xlsx)]
    assert "销售日报" in text(pdf)
    assert xlsx.stat().st_size > 0
    with ws.sessions() as s:
        assert s.scalar(select(AuditEvent.entity).where(AuditEvent.action == "export")) == (
            "daily_report"
        )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["print", "quote", "Q-NOPE-0001"], "Q-NOPE-0001"),
        (["print", "receipt", "R-NOPE-000001"], "R-NOPE-000001"),
        (["print", "order", "D-NOPE-0001"], "D-NOPE-0001"),
        (["print", "tracking", "C-NOPE"], "C-NOPE"),
        (["print", "route", "2026-13-01"], "YYYY-MM-DD"),
        (["print", "route", "tomorrow"], "YYYY-MM-DD"),
        (["print", "route", "2031-01-01"], "2031-01-01"),
    ],
)
def test_bad_id_or_date_exits_2_with_a_message_and_no_file(
    ws: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    out = tmp_path / "out" / "x.pdf"
    assert main(["--lang", "en", *argv, "--out", str(out), "--data-dir", str(ws.path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("waiqin: ")
    assert message in captured.err
    assert "Traceback" not in captured.err
    assert not out.exists()
    with ws.sessions() as s:
        assert s.scalar(select(AuditEvent.id).where(AuditEvent.action == "print")) is None


def test_report_with_bad_date_exits_2_and_writes_nothing(
    ws: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "d.pdf"
    argv = ["--lang", "en", "report", "daily", "--date", "23/11/2026", "--out", str(pdf)]
    assert main([*argv, "--data-dir", str(ws.path)]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert not pdf.exists()
