"""SQLAlchemy models of the rep's workspace. Import from here."""

from app.models.base import Base, MasterData, Money, Synced, UTCDateTime, new_id, utcnow
from app.models.customers import Attachment, Complaint, Contact, Customer, FollowUpTask
from app.models.money import Receipt, ReceiptBlock, ReceiptVoid, Receivable
from app.models.reference import CompanyProfile, PriceBand, Product, Promotion, RepProfile, TaxRate
from app.models.sales import OrderDraft, OrderLine, Quote, QuoteLine
from app.models.system import AuditEvent, Conflict, OutboxEntry, Secret, Setting, SyncState
from app.models.visits import Visit, VisitNote, VisitPlan, VisitPlanStop

__all__ = [
    "Attachment",
    "AuditEvent",
    "Base",
    "CompanyProfile",
    "Complaint",
    "Conflict",
    "Contact",
    "Customer",
    "FollowUpTask",
    "MasterData",
    "Money",
    "OrderDraft",
    "OrderLine",
    "OutboxEntry",
    "PriceBand",
    "Product",
    "Promotion",
    "Quote",
    "QuoteLine",
    "Receipt",
    "ReceiptBlock",
    "ReceiptVoid",
    "Receivable",
    "RepProfile",
    "Secret",
    "Setting",
    "SyncState",
    "Synced",
    "TaxRate",
    "UTCDateTime",
    "Visit",
    "VisitNote",
    "VisitPlan",
    "VisitPlanStop",
    "new_id",
    "utcnow",
]


def synced_models() -> dict[str, type[Synced]]:
    """Every synced model by table name (what the outbox and the sync protocol name)."""
    out: dict[str, type[Synced]] = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if issubclass(cls, Synced):
            out[cls.__tablename__] = cls  # type: ignore[attr-defined]
    return out
