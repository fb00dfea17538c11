"""Spec of app.rules.pricing: rounded line totals and document totals that add up."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import ValidationError
from app.rules.pricing import (
    DocumentTotals,
    LineInput,
    LineTotals,
    allocate,
    document_totals,
    line_totals,
)
from app.rules.tax import ALLOWED_VAT_RATES

D = Decimal


def _line(
    qty: str, price: str, pct: str = "0", rate: str = "0.13", incl: bool = False
) -> LineInput:
    return LineInput(
        D(qty), D(price), discount_pct=D(pct), tax_rate=D(rate), prices_include_tax=incl
    )


# --- one line ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (_line("2", "10"), LineTotals(D("20.00"), D("0.00"), D("20.00"), D("2.60"), D("22.60"))),
        (
            _line("3", "3.3333", "10"),  # 9.9999 -> 10.00; 10 % -> 1.00
            LineTotals(D("10.00"), D("1.00"), D("9.00"), D("1.17"), D("10.17")),
        ),
        (
            _line("1.5", "0.15", rate="0.09"),  # 0.225 -> 0.23 (half up); tax 0.0207 -> 0.02
            LineTotals(D("0.23"), D("0.00"), D("0.23"), D("0.02"), D("0.25")),
        ),
        (
            _line("7", "1.25", "12.5", "0.06"),  # 8.75; 1.09375 -> 1.09
            LineTotals(D("8.75"), D("1.09"), D("7.66"), D("0.46"), D("8.12")),
        ),
        (
            _line("5", "0", rate="0"),
            LineTotals(D("0.00"), D("0.00"), D("0.00"), D("0.00"), D("0.00")),
        ),
        (
            _line("1", "99.99", "100"),
            LineTotals(D("99.99"), D("99.99"), D("0.00"), D("0.00"), D("0.00")),
        ),
    ],
)
def test_line_totals_exclusive(line: LineInput, expected: LineTotals) -> None:
    assert line_totals(line) == expected


def test_line_totals_tax_inclusive_keeps_the_printed_amount() -> None:
    # 3 x 11.30 incl. 13 % VAT: the customer pays exactly 33.90.
    t = line_totals(_line("3", "11.30", incl=True))
    assert t.total == D("33.90")
    assert t.net == D("30.00")
    assert t.tax == D("3.90")
    assert (t.gross, t.discount) == (D("30.00"), D("0.00"))


def test_line_totals_tax_inclusive_with_discount() -> None:
    # 1 x 100 incl. 9 %, 10 % off: pays 90.00 = 82.57 net + 7.43 tax.
    t = line_totals(_line("1", "100", "10", "0.09", incl=True))
    assert t == LineTotals(D("91.74"), D("9.17"), D("82.57"), D("7.43"), D("90.00"))


def test_line_input_takes_rate_and_discount_by_keyword() -> None:
    with pytest.raises(TypeError):
        LineInput(D("1"), D("1"), D("0"), D("0.13"))  # type: ignore[misc]
    assert LineInput(D("1"), D("2"), tax_rate=D("0")).discount_pct == 0


@pytest.mark.parametrize(
    ("line", "field"),
    [
        (_line("0", "1"), "quantity"),
        (_line("-1", "1"), "quantity"),
        (_line("1.0001", "1"), "quantity"),
        (_line("1000000.001", "1"), "quantity"),
        (_line("1", "-0.01"), "unit_price"),
        (_line("1", "1.00001"), "unit_price"),
        (_line("1", "1", "-1"), "discount"),
        (_line("1", "1", "100.5"), "discount"),
        (_line("1", "1", rate="0.17"), "tax_rate"),
        (_line("1", "1", rate="13"), "tax_rate"),
    ],
)
def test_line_totals_rejects_bad_input(line: LineInput, field: str) -> None:
    with pytest.raises(ValidationError) as err:
        line_totals(line)
    assert err.value.field == field


# --- documents --------------------------------------------------------------------------


def test_document_totals_sum_rounded_lines() -> None:
    lines = [_line("3", "0.3333"), _line("3", "0.3333"), _line("3", "0.3333")]
    doc = document_totals(lines)
    # each line 0.9999 -> 1.00 and tax 0.13: the sum of rounded lines, not round(sum)
    assert doc.subtotal == D("3.00")
    assert doc.tax == D("0.39")
    assert doc.total == D("3.39")
    assert doc.lines == tuple(line_totals(x) for x in lines)


def test_document_tax_by_rate() -> None:
    doc = document_totals(
        [
            _line("1", "100"),
            _line("1", "50", rate="0.09"),
            _line("2", "100"),
            _line("1", "8", rate="0"),
        ]
    )
    assert doc.tax_by_rate == {D("0.13"): D("39.00"), D("0.09"): D("4.50"), D("0"): D("0.00")}
    assert sum(doc.tax_by_rate.values()) == doc.tax


def test_empty_document_is_all_zero() -> None:
    doc = document_totals([])
    assert doc == DocumentTotals(D("0"), D("0"), D("0"), D("0"), (), {})
    assert str(doc.total) == "0.00"


def test_document_discount_is_spread_pro_rata_and_tax_recomputed() -> None:
    doc = document_totals([_line("1", "300"), _line("1", "100", rate="0.06")], D("40"))
    first, second = doc.lines
    assert (first.discount, first.net, first.tax) == (D("30.00"), D("270.00"), D("35.10"))
    assert (second.discount, second.net, second.tax) == (D("10.00"), D("90.00"), D("5.40"))
    assert doc.discount == D("40.00")
    assert doc.total == D("400.50")


def test_document_discount_cents_add_up_exactly() -> None:
    doc = document_totals([_line("1", "1")] * 3, D("0.10"))
    assert [t.discount for t in doc.lines] == [D("0.04"), D("0.03"), D("0.03")]
    assert doc.discount == D("0.10")


@pytest.mark.parametrize("discount", [D("-1"), D("0.001"), D("400.01")])
def test_document_discount_rejected(discount: Decimal) -> None:
    with pytest.raises(ValidationError) as err:
        document_totals([_line("1", "300"), _line("1", "100")], discount)
    assert err.value.field == "discount"


def test_document_discount_on_empty_document_rejected() -> None:
    with pytest.raises(ValidationError):
        document_totals([], D("1"))


def test_allocate() -> None:
    assert allocate(D("1.00"), [D("1"), D("1"), D("1")]) == [D("0.34"), D("0.33"), D("0.33")]
    assert allocate(D("0"), []) == []
    assert allocate(D("0"), [D("0")]) == [D("0.00")]
    with pytest.raises(ValueError):
        allocate(D("1"), [D("0"), D("0")])


# --- properties -------------------------------------------------------------------------

quantities = st.decimals(min_value=D("0.001"), max_value=D("1000000"), places=3)
prices = st.decimals(min_value=D("0"), max_value=D("99999.9999"), places=4)
pcts = st.decimals(min_value=D("0"), max_value=D("100"), places=2)
rates = st.sampled_from(ALLOWED_VAT_RATES)
lines_st = st.builds(
    LineInput,
    quantities,
    prices,
    discount_pct=pcts,
    tax_rate=rates,
    prices_include_tax=st.booleans(),
)


def _cents(x: Decimal) -> bool:
    return x.as_tuple().exponent == -2


@settings(max_examples=300, deadline=None)
@given(lines_st)
def test_line_invariants(line: LineInput) -> None:
    t = line_totals(line)
    for value in (t.gross, t.discount, t.net, t.tax, t.total):
        assert _cents(value)
        assert value >= 0
    assert t.net == t.gross - t.discount
    assert t.total == t.net + t.tax
    if line.prices_include_tax:
        gross_incl = (line.quantity * line.unit_price).quantize(D("0.01"), "ROUND_HALF_UP")
        assert t.total <= gross_incl


@settings(max_examples=200, deadline=None)
@given(st.lists(lines_st, max_size=8), st.integers(min_value=0, max_value=100))
def test_document_invariants(lines: list[LineInput], discount_share: int) -> None:
    net_before = sum((line_totals(x).net for x in lines), D("0.00"))
    discount = (net_before * discount_share / 100).quantize(D("0.01"), "ROUND_DOWN")
    doc = document_totals(lines, discount)
    for value in (doc.subtotal, doc.discount, doc.tax, doc.total):
        assert _cents(value) or (value == 0 and not lines)
        assert value >= 0
    assert doc.total == doc.subtotal - doc.discount + doc.tax
    assert doc.subtotal == sum((t.gross for t in doc.lines), D(0))
    assert doc.tax == sum(doc.tax_by_rate.values(), D(0))
    assert doc.total == sum((t.total for t in doc.lines), D(0))
    assert doc.subtotal - doc.discount == net_before - discount
    for t in doc.lines:
        assert t.net == t.gross - t.discount and t.total == t.net + t.tax and t.net >= 0


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=D("99999.99"), places=2), st.lists(prices, min_size=1))
def test_allocate_sums_exactly(amount: Decimal, weights: list[Decimal]) -> None:
    if sum(weights) == 0:
        weights = [*weights[:-1], D("1")]
    shares = allocate(amount, weights)
    assert sum(shares, D(0)) == amount
    assert all(s >= 0 and _cents(s) for s in shares)
