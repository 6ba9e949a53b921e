"""The base domain error: a business rule refused the request. Views turn it into a message."""


class LayananError(Exception):
    """A business rule refused the request; the message is shown to the user (Indonesian)."""
