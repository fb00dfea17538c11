"""Use cases the UI and CLI call."""
