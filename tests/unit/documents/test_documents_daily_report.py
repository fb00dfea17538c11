"""销售日报: PDF sections and figures, long lists, and the .xlsx workbook."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import openpyxl

from app.documents import render_daily_report, samples, write_daily_report_xlsx
from app.documents.daily_report import report_totals
from tests.unit.documents.documents_helpers import pages_text, squeeze


def test_report_totals_sum_only_receipts_that_stand() -> None:
    data = samples.daily_report(4)  # receipt 2 of 4 is voided
    totals = report_totals(data)
    assert totals.collected == Decimal("500.00") + Decimal("751.00") + Decimal("876.50")
    assert (totals.receipts, totals.voided) == (4, 1)
    assert (totals.planned, totals.done) == (10, 7)


def test_daily_report_prints_every_section_and_figure(tmp_path: Path) -> None:
    data = samples.daily_report()
    text = "\n".join(pages_text(render_daily_report(data, tmp_path / "d.pdf")))
    flat = squeeze(text)
    for expected in (
        "销售日报",
        "一、拜访情况",
        "二、业务指标",
        "三、新增客户",
        "四、收款明细",
        "五、问题与解决方案",
        "六、明日计划",
        "成交率",
        "28.6%",
        "70.0%",
        "¥2,127.50",
        "3/¥18,650.00",
        "2/¥9,870.40",
        "6/5",
        "4(1)",
        "新测试客户1号店",
        "R-D01-000121",
        "作废",
        "竞品降价促销",
        "申请堆头费用支持",
        "送货收款，核对上月对账单",
        "2026年11月22日",
        "李示例",
        "示例区东片",
        "主管审阅",
    ):
        assert expected in flat, expected


def test_empty_lists_print_none(tmp_path: Path) -> None:
    data = dataclasses.replace(
        samples.daily_report(),
        new_customers=(),
        receipts=(),
        problems=(),
        tomorrow=(),
        conversion_rate=None,
    )
    flat = squeeze("".join(pages_text(render_daily_report(data, tmp_path / "d.pdf"))))
    assert flat.count("（无）") == 4
    assert "¥0.00" in flat
    assert "—" in flat


def test_long_report_repeats_table_headers_on_later_pages(tmp_path: Path) -> None:
    pages = pages_text(render_daily_report(samples.daily_report(80), tmp_path / "d.pdf"))
    assert len(pages) >= 4
    later = [p for p in pages[1:] if "竞品降价促销" in p]
    assert later and all("遇到问题" in p and "解决方案" in p for p in later)
    for n, page in enumerate(pages, start=1):
        assert f"第 {n} 页 / 共 {len(pages)} 页" in page


def test_xlsx_has_the_same_figures(tmp_path: Path) -> None:
    data = samples.daily_report()
    out = write_daily_report_xlsx(data, tmp_path / "d.xlsx")
    assert [p.name for p in tmp_path.iterdir()] == ["d.xlsx"]
    ws = openpyxl.load_workbook(out).active
    cells = {c.value for row in ws.iter_rows() for c in row if c.value is not None}
    for expected in (
        "测试商贸有限公司",
        "销售日报",
        "李示例",
        "成交率",
        "R-D01-000121",
        "作废",
        "竞品降价促销，货架陈列位置被挤占，店主要求增加陈列费用。",
    ):
        assert expected in cells, expected
    rows = {row[0]: row[1:] for row in ws.iter_rows(values_only=True) if row and row[0]}
    assert Decimal(str(rows["收款金额"][0])) == Decimal("2127.50")
    assert Decimal(str(rows["报价（单数 / 金额）"][1])) == Decimal("18650.00")
    assert rows["订单（单数 / 金额）"][0] == 2
    assert rows["跟进（应跟进 / 已跟进）"][:2] == (6, 5)
    assert Decimal(str(rows["成交率"][0])) == Decimal("0.2857")
    totals = [row for row in ws.iter_rows(values_only=True) if row and row[0] == "合计"]
    assert totals[0][1:3] == (10, 7)  # visits planned, done
    assert Decimal(str(totals[1][3])) == Decimal("2127.50")  # receipts that stand


def test_xlsx_in_english(tmp_path: Path) -> None:
    out = write_daily_report_xlsx(samples.daily_report(), tmp_path / "d.xlsx", language="en")
    ws = openpyxl.load_workbook(out).active
    assert ws.title == "Daily Sales Report"
    assert ws["A2"].value == "Daily Sales Report"
