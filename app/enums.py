"""Closed sets of domain values (stored as short English codes) and their labels."""

from __future__ import annotations

from enum import StrEnum

from app.i18n import QT_TRANSLATE_NOOP, msg


class CustomerKind(StrEnum):
    """个人 / 企业 / 经销商 / 零售终端 / KA."""

    PERSON = "person"
    COMPANY = "company"
    DEALER = "dealer"
    RETAIL = "retail"
    KEY_ACCOUNT = "ka"


class Grade(StrEnum):
    """A ≤1 month to close, B ≤3, C ≤6, D latent, E no chance (archived)."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"


class Intention(StrEnum):
    """直接型 / 间接型 / 潜在型."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    POTENTIAL = "potential"


class CustomerSource(StrEnum):
    """Where the customer came from."""

    REFERRAL = "referral"
    TRADE_FAIR = "trade_fair"
    INTERNET = "internet"
    COLD_VISIT = "cold_visit"
    OTHER = "other"


class ContactRole(StrEnum):
    """Decision maker, influencer (关键人) or other."""

    DECISION_MAKER = "decision_maker"
    INFLUENCER = "influencer"
    OTHER = "other"


class VisitKind(StrEnum):
    """初访 / 回访 / 送货收款 / 售后."""

    FIRST = "first"
    FOLLOW_UP = "follow_up"
    DELIVERY = "delivery"
    AFTER_SALES = "after_sales"


class VisitChannel(StrEnum):
    """On site or by phone."""

    ON_SITE = "on_site"
    PHONE = "phone"


class VisitStage(StrEnum):
    """访前准备 → 观察分析 → 开场白 → 产品介绍 → 处理拒绝意见 → 促成 → 签约."""

    PREPARE = "prepare"
    OBSERVE = "observe"
    OPENING = "opening"
    PRESENT = "present"
    OBJECTIONS = "objections"
    CLOSING = "closing"
    SIGNED = "signed"


class VisitStatus(StrEnum):
    """A visit is open while checked in; finished visits are facts."""

    OPEN = "open"
    FINISHED = "finished"


class PlanStatus(StrEnum):
    """Visit plan approval state."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"


class QuoteStatus(StrEnum):
    """Quote life cycle."""

    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class OrderStatus(StrEnum):
    """Order draft → submitted (待同步) → pending review → approved/rejected → ... → done."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    PENDING_REVIEW = "pending_review"
    APPROVED = "approved"
    REJECTED = "rejected"
    SHIPPED = "shipped"
    SIGNED = "signed"
    DONE = "done"
    CANCELLED = "cancelled"


ORDER_TRANSITIONS: dict[OrderStatus, frozenset[OrderStatus]] = {
    OrderStatus.DRAFT: frozenset({OrderStatus.SUBMITTED, OrderStatus.CANCELLED}),
    OrderStatus.SUBMITTED: frozenset({OrderStatus.PENDING_REVIEW, OrderStatus.DRAFT}),
    OrderStatus.PENDING_REVIEW: frozenset({OrderStatus.APPROVED, OrderStatus.REJECTED}),
    OrderStatus.REJECTED: frozenset({OrderStatus.DRAFT, OrderStatus.CANCELLED}),
    OrderStatus.APPROVED: frozenset({OrderStatus.SHIPPED, OrderStatus.CANCELLED}),
    OrderStatus.SHIPPED: frozenset({OrderStatus.SIGNED}),
    OrderStatus.SIGNED: frozenset({OrderStatus.DONE}),
    OrderStatus.DONE: frozenset(),
    OrderStatus.CANCELLED: frozenset(),
}


class ReceivableStatus(StrEnum):
    """未付款 / 部分付款 / 已付款 / 逾期."""

    UNPAID = "unpaid"
    PARTLY_PAID = "partly_paid"
    PAID = "paid"
    OVERDUE = "overdue"


class PaymentMethod(StrEnum):
    """How money was collected."""

    CASH = "cash"
    BANK_TRANSFER = "bank_transfer"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    CHEQUE = "cheque"


class ComplaintStatus(StrEnum):
    """Complaint handling state."""

    OPEN = "open"
    RESOLVED = "resolved"


LABELS: dict[str, str] = {
    "person": QT_TRANSLATE_NOOP("enums", "Person"),
    "company": QT_TRANSLATE_NOOP("enums", "Company"),
    "dealer": QT_TRANSLATE_NOOP("enums", "Dealer"),
    "retail": QT_TRANSLATE_NOOP("enums", "Retail outlet"),
    "ka": QT_TRANSLATE_NOOP("enums", "Key account"),
    "direct": QT_TRANSLATE_NOOP("enums", "Direct"),
    "indirect": QT_TRANSLATE_NOOP("enums", "Indirect"),
    "potential": QT_TRANSLATE_NOOP("enums", "Potential"),
    "referral": QT_TRANSLATE_NOOP("enums", "Referral"),
    "trade_fair": QT_TRANSLATE_NOOP("enums", "Trade fair"),
    "internet": QT_TRANSLATE_NOOP("enums", "Internet"),
    "cold_visit": QT_TRANSLATE_NOOP("enums", "Cold visit"),
    "other": QT_TRANSLATE_NOOP("enums", "Other"),
    "decision_maker": QT_TRANSLATE_NOOP("enums", "Decision maker"),
    "influencer": QT_TRANSLATE_NOOP("enums", "Influencer"),
    "first": QT_TRANSLATE_NOOP("enums", "First visit"),
    "follow_up": QT_TRANSLATE_NOOP("enums", "Follow-up"),
    "delivery": QT_TRANSLATE_NOOP("enums", "Delivery and collection"),
    "after_sales": QT_TRANSLATE_NOOP("enums", "After-sales"),
    "on_site": QT_TRANSLATE_NOOP("enums", "On site"),
    "phone": QT_TRANSLATE_NOOP("enums", "Phone"),
    "prepare": QT_TRANSLATE_NOOP("enums", "Preparation"),
    "observe": QT_TRANSLATE_NOOP("enums", "Observation"),
    "opening": QT_TRANSLATE_NOOP("enums", "Opening"),
    "present": QT_TRANSLATE_NOOP("enums", "Product presentation"),
    "objections": QT_TRANSLATE_NOOP("enums", "Handling objections"),
    "closing": QT_TRANSLATE_NOOP("enums", "Closing"),
    "signed": QT_TRANSLATE_NOOP("enums", "Signed"),
    "open": QT_TRANSLATE_NOOP("enums", "Open"),
    "finished": QT_TRANSLATE_NOOP("enums", "Finished"),
    "draft": QT_TRANSLATE_NOOP("enums", "Draft"),
    "submitted": QT_TRANSLATE_NOOP("enums", "Submitted (to sync)"),
    "approved": QT_TRANSLATE_NOOP("enums", "Approved"),
    "sent": QT_TRANSLATE_NOOP("enums", "Sent"),
    "accepted": QT_TRANSLATE_NOOP("enums", "Accepted"),
    "declined": QT_TRANSLATE_NOOP("enums", "Declined"),
    "pending_review": QT_TRANSLATE_NOOP("enums", "Pending review"),
    "rejected": QT_TRANSLATE_NOOP("enums", "Rejected"),
    "shipped": QT_TRANSLATE_NOOP("enums", "Shipped"),
    "done": QT_TRANSLATE_NOOP("enums", "Done"),
    "cancelled": QT_TRANSLATE_NOOP("enums", "Cancelled"),
    "unpaid": QT_TRANSLATE_NOOP("enums", "Unpaid"),
    "partly_paid": QT_TRANSLATE_NOOP("enums", "Partly paid"),
    "paid": QT_TRANSLATE_NOOP("enums", "Paid"),
    "overdue": QT_TRANSLATE_NOOP("enums", "Overdue"),
    "cash": QT_TRANSLATE_NOOP("enums", "Cash"),
    "bank_transfer": QT_TRANSLATE_NOOP("enums", "Bank transfer"),
    "wechat": QT_TRANSLATE_NOOP("enums", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("enums", "Alipay"),
    "cheque": QT_TRANSLATE_NOOP("enums", "Cheque"),
    "resolved": QT_TRANSLATE_NOOP("enums", "Resolved"),
}


def label(value: str, language: str | None = None) -> str:
    """Translated display label of an enum value (grades print as themselves)."""
    source = LABELS.get(str(value))
    return msg("enums", source).text(language) if source else str(value)
