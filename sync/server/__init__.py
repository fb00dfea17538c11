"""Central server."""
