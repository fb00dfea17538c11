"""拜访计划, 订单确认 and the customer tracking table: content, masking, long tables."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from app.documents import (
    render_order_confirmation,
    render_route_sheet,
    render_tracking_table,
    samples,
)
from app.documents.formatting import fmt_money, fmt_words
from tests.unit.documents.documents_helpers import page_sizes, pages_text, squeeze


def test_route_sheet_lists_stops_in_order_with_everything_a_rep_needs(tmp_path: Path) -> None:
    data = samples.route_sheet(5)
    out = render_route_sheet(data, tmp_path / "route.pdf")
    width, height = page_sizes(out)[0]
    assert width > height  # A4 landscape: a wide table
    text = "\n".join(pages_text(out))
    flat = squeeze(text)
    for expected in (
        "拜访计划",
        "2026年11月22日",
        "张主管",
        "宣传资料、样品、价目表、收据本",
        "上海市测试区样例路10号1楼",
        "021-5555 2000",
        "赵测试",
        "新品介绍，送样品",
        "首次拜访",
        "2026年11月14日",
        "上次反馈包装破损",
        "已确认",
        "未确认",
        "09:00",
    ):
        assert squeeze(expected) in flat, expected
    positions = [text.index(f"样例路{10 + i}号") for i in range(5)]
    assert positions == sorted(positions)


def test_long_route_sheet_repeats_its_header(tmp_path: Path) -> None:
    pages = pages_text(render_route_sheet(samples.route_sheet(120), tmp_path / "r.pdf"))
    assert len(pages) >= 3
    for page in pages:
        assert "遗留问题" in page and "拜访目的" in page
    addresses = re.findall(r"样例路(\d+)号\d楼", squeeze("".join(pages)))
    assert [int(a) for a in addresses] == list(range(10, 130))


def test_order_confirmation_before_the_server_number(tmp_path: Path) -> None:
    data = samples.order(6)
    text = "\n".join(pages_text(render_order_confirmation(data, tmp_path / "o.pdf")))
    flat = squeeze(text)
    for expected in (
        "订单确认单",
        "审核通过后分配",
        "D-D01-000045",
        "待审核",
        "测试便利店",
        "2026年11月27日",
        "货到付款",
        "供方送货",
        "需方确认",
        "北京市示例区测试街2号",
        fmt_money(data.subtotal),
        fmt_money(data.tax),
        fmt_money(data.total),
        fmt_words(data.total),
        "WQ-10005",
    ):
        assert squeeze(expected) in flat, expected


def test_order_confirmation_with_official_number_and_many_lines(tmp_path: Path) -> None:
    data = dataclasses.replace(samples.order(60), number="SO-2026-000042")
    pages = pages_text(render_order_confirmation(data, tmp_path / "o.pdf"))
    assert len(pages) >= 2
    assert "SO-2026-000042" in pages[0]
    assert "审核通过后分配" not in "".join(pages)
    for page in pages:
        if "WQ-1" in page:
            assert "物料编码" in page


def test_tracking_table_masks_personal_id_and_bank_account(tmp_path: Path) -> None:
    data = samples.tracking(4)
    text = "\n".join(pages_text(render_tracking_table(data, tmp_path / "t.pdf")))
    assert data.customer.id_number not in text
    assert "990000********1237" in text
    assert data.customer.bank_account not in text
    assert "6222" in text and "2333" in text and "***" in text
    # Our own bank account on the letterhead stays in full.
    assert "6222 0000 1111 2222 333" in text


def test_tracking_table_basic_block_and_follow_up_rows(tmp_path: Path) -> None:
    data = samples.tracking(4)
    flat = squeeze("".join(pages_text(render_tracking_table(data, tmp_path / "t.pdf"))))
    for expected in (
        "客户基本信息及业务跟踪情况表",
        "测试个体商户",
        "零售终端",
        "直接型",
        "孙测试（店主）",
        "陌生拜访",
        "2026年9月28日",
        "希望增加低糖饮品品类",
        "情况描述",
        "遇到问题",
        "解决方案",
        "2026年10月1日",
        "09:30",
        "第4次拜访",
        "店主担心新品动销慢",
        "提供首批铺货支持",
    ):
        assert squeeze(expected) in flat, expected


def test_long_tracking_table_splits_with_the_header_repeated(tmp_path: Path) -> None:
    pages = pages_text(render_tracking_table(samples.tracking(300), tmp_path / "t.pdf"))
    assert len(pages) >= 10
    for n, page in enumerate(pages, start=1):
        assert "情况描述" in page and "解决方案" in page
        assert f"第 {n} 页 / 共 {len(pages)} 页" in page
    visits = re.findall(r"第(\d+)次拜访", "".join(pages))
    assert [int(v) for v in visits] == list(range(1, 301))


def test_tracking_table_without_follow_ups(tmp_path: Path) -> None:
    data = dataclasses.replace(samples.tracking(0), follow_ups=())
    flat = squeeze("".join(pages_text(render_tracking_table(data, tmp_path / "t.pdf"))))
    assert "（无）" in flat
