"""Domain logic, free of HTTP concerns, so it can be tested without a client."""
