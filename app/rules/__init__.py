"""Business rules shared by the client and the server: money, tax, validation."""
