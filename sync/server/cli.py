"""The `waiqin-server` command (placeholder until the server lands)."""


def main() -> int:
    """Entry point."""
    return 0
