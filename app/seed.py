"""Deterministic synthetic demo data: a catalog, a customer base and a month of work.

Everything is invented: company names combine place-like prefixes, made-up
brand syllables and industry words; phones use the synthetic ``1x[0-9]0000xxxx``
pattern; credit codes are random but carry a valid check character. The same
``seed`` (and ``today``) gives the same names, numbers and amounts; only the
UUIDv7 ids and creation instants differ.

The seed is written in ONE transaction with bulk inserts, as if pulled from the
server (``session.info["remote"]``): it is not the rep's unsynced work, so it
fills no outbox, and rows carry ``server_rev`` = 1 ("the server has it").
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import random
import time
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, update

from app.db import transaction
from app.errors import StateError
from app.i18n import QT_TRANSLATE_NOOP, msg
from app.models import (
    CompanyProfile,
    Contact,
    Customer,
    PriceBand,
    Product,
    ReceiptBlock,
    RepProfile,
    SyncState,
    TaxRate,
)
from app.outbox import REMOTE, WorkspaceSession
from app.rules.duplicates import normalize_company_name, phone_key_digits
from app.rules.grades import FIRST_CONTACT_DAYS, add_months, next_follow_up_due
from app.rules.money import round_money
from app.rules.pinyin import pinyin_keys
from app.rules.validation import CREDIT_CODE_ALPHABET, credit_code_check_char
from app.seed_activity import SeedContext, bulk, local_instant, seed_activity, synced
from app.workspace import Workspace, device_code

log = logging.getLogger(__name__)

REP_USERNAME = "rep_demo"

PLACES = [
    "东岭",
    "西湖岸",
    "南川",
    "北屿",
    "金桥",
    "青石",
    "云岭",
    "江畔",
    "海川",
    "松林",
    "梧桐",
    "白鹭",
    "红枫",
    "临江",
    "宁川",
    "星河",
    "翠湾",
    "银杏",
    "清源",
    "长滩",
    "丰泽",
    "安澜",
    "明湖",
    "鹿鸣",
    "凤栖",
    "龙湾",
    "柳岸",
    "桃源",
    "望山",
    "玉泉",
    "锦屏",
    "紫荆",
]
BRAND = "鑫华盛达泰隆瑞丰恒宏源祥嘉和润佳美新创汇诚信德安康通利远明博启辰昊骏"
INDUSTRIES = [
    "商贸",
    "食品",
    "饮料",
    "日化",
    "建材",
    "家居",
    "百货",
    "五金",
    "电器",
    "贸易",
    "实业",
    "物流",
    "酒业",
    "副食",
    "粮油",
    "地板",
    "家具",
    "办公用品",
    "母婴",
    "乳品",
]
COMPANY_SUFFIXES = ("有限公司", "有限公司", "有限责任公司", "商行", "经营部")
RETAIL_WORDS = ("超市", "便利店", "百货店", "食品店", "烟酒店")
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建文斌宇浩凯俊峰晨瑶雪琳欣怡"
ROADS = [
    "人民",
    "解放",
    "建设",
    "和平",
    "中山",
    "文化",
    "幸福",
    "光明",
    "朝阳",
    "新华",
    "迎宾",
    "滨江",
    "工业",
    "育才",
    "长安",
]
DISTRICTS = ["城东", "城西", "高新", "开发", "新城", "滨湖", "老城", "东港"]
TITLES = ("总经理", "采购经理", "店长", "老板", "财务主管", "采购员", "副总经理")

# (category, product words, unit, spec choices, price range, VAT rate)
CATALOG: tuple[tuple[str, tuple[str, ...], str, tuple[str, ...], tuple[int, int], str], ...] = (
    (
        "饮料",
        ("矿泉水", "绿茶", "橙汁", "苏打水", "凉茶", "乌龙茶"),
        "箱",
        ("550ml×24瓶", "350ml×12瓶", "1.5L×6瓶"),
        (24, 96),
        "0.13",
    ),
    (
        "食品",
        ("苏打饼干", "方便面", "坚果礼盒", "蛋卷", "芝麻糊"),
        "箱",
        ("200g×20袋", "500g×12盒", "1kg×6袋"),
        (30, 260),
        "0.13",
    ),
    (
        "粮油",
        ("东北大米", "菜籽油", "挂面", "小米"),
        "袋",
        ("5kg", "10kg", "25kg"),
        (25, 180),
        "0.09",
    ),
    (
        "日化",
        ("洗衣液", "洗发水", "牙膏", "洗洁精", "沐浴露"),
        "箱",
        ("2kg×6瓶", "400ml×12瓶", "120g×48支"),
        (60, 320),
        "0.13",
    ),
    (
        "地板",
        ("实木地板", "强化地板", "复合地板", "踢脚线"),
        "平方米",
        ("1210×165×12mm", "910×125×15mm", "808×130×12mm"),
        (68, 420),
        "0.13",
    ),
    ("服务", ("上门安装", "送货服务", "陈列服务"), "次", ("标准", "加急"), (50, 300), "0.06"),
    ("农产品", ("鲜鸡蛋", "时令蔬菜"), "筐", ("15kg", "10kg"), (40, 120), "0"),
)


@dataclass
class SeedResult:
    """What the seed made: rows per table and the time it took."""

    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def person_name_parts(rng: random.Random) -> tuple[str, ...]:
    """A synthetic Chinese person name as (surname, given name)."""
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
    return (rng.choice(SURNAMES), given)


def person_name(rng: random.Random) -> str:
    """A synthetic Chinese person name: a common surname and one or two given characters."""
    return "".join(person_name_parts(rng))


def company_name_parts(rng: random.Random, kind: str) -> tuple[str, ...]:
    """A synthetic company name as (place-like prefix, invented brand, industry, legal form)."""
    brand = rng.choice(BRAND) + rng.choice(BRAND)
    place = rng.choice(PLACES)
    if kind == "retail":
        return (place, brand, rng.choice(RETAIL_WORDS))
    return (place, brand, rng.choice(INDUSTRIES), rng.choice(COMPANY_SUFFIXES))


def company_name(rng: random.Random, kind: str) -> str:
    """A synthetic company name: place-like prefix, invented brand, industry, legal form."""
    return "".join(company_name_parts(rng, kind))


_part_keys = functools.lru_cache(maxsize=None)(pinyin_keys)


def keys_of_parts(parts: tuple[str, ...]) -> tuple[str, str]:
    """pinyin_keys of a name built from ``parts``, computed part by part (cached).

    The seed's vocabulary has no pinyin phrase spanning two parts, so this equals
    ``pinyin_keys("".join(parts))`` (tests/unit/test_seed.py checks it) at a
    fraction of the cost for 100,000 names.
    """
    keys = [_part_keys(p) for p in parts]
    return "".join(k[0] for k in keys), "".join(k[1] for k in keys)


def mobile(index: int) -> str:
    """The ``index``-th synthetic mobile number, ``1[3-9][0-9]0000xxxx`` (700,000 of them)."""
    return f"1{3 + index // 100000 % 7}{index // 10000 % 10}0000{index % 10000:04d}"


def credit_code(rng: random.Random) -> str:
    """A random unified social credit code with a valid GB 32100 check character."""
    region = f"{rng.randint(11, 65)}{rng.randint(0, 9999):04d}"
    org = "".join(rng.choice(CREDIT_CODE_ALPHABET) for _ in range(9))
    body = f"91{region}{org}"
    return body + credit_code_check_char(body)


def address(rng: random.Random) -> str:
    """A synthetic street address."""
    return (
        f"{rng.choice(PLACES)}市{rng.choice(DISTRICTS)}区{rng.choice(ROADS)}路"
        f"{rng.randint(1, 999)}号"
    )


def seed(
    ws: Workspace,
    customers: int = 200,
    products: int = 50,
    seed: int = 1,
    today: dt.date | None = None,
) -> SeedResult:
    """Fill an empty workspace with synthetic demo data; refuses a workspace with customers."""
    started = time.perf_counter()
    day = today or dt.date.today()
    ctx = SeedContext(
        rng=random.Random(seed),
        today=day,
        now=local_instant(day, 8, 0),
        device_code=device_code(ws),
        rep=REP_USERNAME,
        rep_name="",
    )
    with transaction(ws.sessions) as s:
        s.info[REMOTE] = True
        if s.scalar(select(func.count()).select_from(Customer)):
            raise StateError(
                msg(
                    "seed",
                    QT_TRANSLATE_NOOP(
                        "seed", "This workspace already has customers; seed an empty one."
                    ),
                )
            )
        _profiles(s, ctx)
        _products(s, ctx, products)
        _customers(s, ctx, customers)
        seed_activity(s, ctx)
        used = ctx.counts.get("receipt", 0)
        s.execute(
            update(ReceiptBlock)
            .where(ReceiptBlock.device_code == ctx.device_code, ReceiptBlock.first_no == 1)
            .values(next_no=used + 1)
        )
        s.merge(
            SyncState(
                key="last_sync_at", value=local_instant(day, 7, 45).astimezone(dt.UTC).isoformat()
            )
        )
    result = SeedResult(ctx.counts, time.perf_counter() - started)
    log.info("seeded %d customers, %d products in %.1f s", customers, products, result.seconds)
    return result


def _profiles(s: WorkspaceSession, ctx: SeedContext) -> None:
    rng = ctx.rng
    ctx.rep_name = person_name(rng)
    bulk(
        s,
        CompanyProfile,
        [
            {
                **synced(ctx),
                "name": f"{rng.choice(PLACES)}{rng.choice(BRAND)}{rng.choice(BRAND)}商贸有限公司",
                "address": address(rng),
                "phone": f"0571-5550{rng.randint(0, 9999):04d}",
                "tax_id": credit_code(rng),
                "bank_name": "示例银行城东支行",
                "bank_account": "6222" + "".join(str(rng.randint(0, 9)) for _ in range(15)),
                "logo_path": None,
            }
        ],
        ctx,
    )
    bulk(
        s,
        RepProfile,
        [
            {
                **synced(ctx),
                "username": ctx.rep,
                "display_name": ctx.rep_name,
                "role": "rep",
                "territory": "城东片区",
                "team": "一组",
                "phone": mobile(699999),
            }
        ],
        ctx,
    )
    bulk(
        s,
        TaxRate,
        [
            {**synced(ctx), "code": code, "name": name, "rate": Decimal(rate)}
            for code, name, rate in (
                ("VAT13", "增值税13%", "0.13"),
                ("VAT9", "增值税9%", "0.09"),
                ("VAT6", "增值税6%", "0.06"),
                ("VAT0", "零税率", "0"),
            )
        ],
        ctx,
    )


def _products(s: WorkspaceSession, ctx: SeedContext, n: int) -> None:
    rng = ctx.rng
    rows: list[dict[str, Any]] = []
    bands: list[dict[str, Any]] = []
    for i in range(n):
        category, words, unit, specs, (low, high), rate = CATALOG[i % len(CATALOG)]
        name = f"{rng.choice(BRAND)}{rng.choice(BRAND)}{rng.choice(words)}"
        price = Decimal(rng.randint(low * 100, high * 100)) / 100
        min_price = round_money(price * Decimal(rng.choice((85, 88, 90, 92, 95))) / 100)
        initials, full = pinyin_keys(name)
        row = {
            **synced(ctx),
            "code": f"P{i + 1:05d}",
            "name": name,
            "spec": rng.choice(specs),
            "unit": unit,
            "category": category,
            "list_price": price,
            "min_price": min_price,
            "tax_rate": Decimal(rate),
            "stock_qty": Decimal(rng.choice((0, 5, 20, 60, 150, 400))),
            "stock_as_of": ctx.now,
            "active": True,
            "pinyin_initials": initials,
            "pinyin_full": full,
        }
        rows.append(row)
        bands.append(
            {
                **synced(ctx),
                "product_id": row["id"],
                "customer_kind": None,
                "min_price": min_price,
                "max_price": round_money(price * Decimal("1.2")),
                "valid_from": None,
                "valid_to": None,
            }
        )
    ctx.products = rows
    bulk(s, Product, rows, ctx)
    bulk(s, PriceBand, bands, ctx)


_KINDS = ("company", "company", "dealer", "retail", "retail", "retail", "ka", "person")
_GRADE_WEIGHTS = (("A", 8), ("B", 17), ("C", 25), ("D", 40), ("E", 10))
_SOURCES = ("referral", "trade_fair", "internet", "cold_visit", "other")


def _expected_close(rng: random.Random, grade: str, today: dt.date) -> dt.date | None:
    """A close date inside the grade's window (A ≤1 month, B ≤3, C ≤6; D none or later)."""
    bounds = {"A": (0, 1), "B": (1, 3), "C": (3, 6)}
    if grade in bounds:
        lo_m, hi_m = bounds[grade]
        lo = add_months(today, lo_m) + dt.timedelta(days=1 if lo_m else 0)
        hi = add_months(today, hi_m)
        return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))
    if grade == "D" and rng.random() < 0.5:
        return add_months(today, 6) + dt.timedelta(days=rng.randint(1, 180))
    return None


def _customers(s: WorkspaceSession, ctx: SeedContext, n: int) -> None:
    rng, today = ctx.rng, ctx.today
    grades = [g for g, w in _GRADE_WEIGHTS for _ in range(w)]
    phones = rng.sample(range(690000), n) if n <= 690000 else list(range(n))
    seen: set[str] = set()
    rows: list[dict[str, Any]] = []
    for i in range(n):
        kind = rng.choice(_KINDS)
        parts = person_name_parts(rng) if kind == "person" else company_name_parts(rng, kind)
        name = "".join(parts)
        key = normalize_company_name(name)
        if key in seen:
            parts = (*parts, f"（{rng.choice(DISTRICTS)}{i % 97 + 1}号店）")
            name = "".join(parts)
            key = normalize_company_name(name)
        seen.add(key)
        grade = rng.choice(grades)
        age_days = rng.randint(0, 720) if i % 50 else rng.randint(4, FIRST_CONTACT_DAYS)
        created = local_instant(today - dt.timedelta(days=age_days), 9 + i % 9, i % 60)
        contacted = i % 50 != 0
        last = None
        if contacted:
            back = rng.randint(0, min(age_days, 45))
            last = max(local_instant(today - dt.timedelta(days=back), 10, i % 60), created)
        phone = mobile(phones[i])
        initials, full = keys_of_parts(parts)
        company = kind != "person"
        rows.append(
            {
                **synced(ctx, created),
                "code": f"C{i + 1:06d}",
                "name": name,
                "name_key": key,
                "kind": kind,
                "grade": grade,
                "intention": rng.choice(("direct", "indirect", "potential")),
                "expected_close": _expected_close(rng, grade, today),
                "address": address(rng),
                "phone": phone,
                "phone_digits": phone_key_digits(phone),
                "email": None,
                "source": rng.choice(_SOURCES),
                "owner": ctx.rep,
                "territory": "城东片区",
                "team": "一组",
                "credit_code": credit_code(rng) if company else None,
                "legal_rep": person_name(rng) if company else None,
                "bank_name": None,
                "bank_account": None,
                "tax_id": None,
                "id_number": None,
                "birthday": None,
                "family_note": None,
                "credit_limit": Decimal(rng.choice((0, 5000, 10000, 20000, 50000)))
                if company
                else None,
                "payment_rating": rng.randint(1, 5),
                "potential": rng.randint(1, 5),
                "notes": None,
                "first_contact_at": created if contacted else None,
                "last_contact_at": last,
                "next_follow_up": next_follow_up_due(
                    grade, last.date() if last else None, created.date()
                ),
                "archived": grade == "E",
                "pinyin_initials": initials,
                "pinyin_full": full,
                "sync_base": None,
            }
        )
    ctx.customers = rows
    bulk(s, Customer, rows, ctx)
    contacts = []
    for c in rows:
        if c["kind"] == "person":
            continue
        contacts.append(
            {
                **synced(ctx, c["created_at"]),
                "customer_id": c["id"],
                "name": person_name(rng),
                "title": rng.choice(TITLES),
                "role": rng.choice(("decision_maker", "influencer", "other")),
                "phone": c["phone"],
                "phone_digits": c["phone_digits"],
                "email": None,
                "birthday": None,
                "notes": None,
                "sync_base": None,
            }
        )
    bulk(s, Contact, contacts, ctx)
