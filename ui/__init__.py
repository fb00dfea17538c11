"""Waiqin desktop UI (PySide6): main window, pages, table models, dialogs, background tasks."""
