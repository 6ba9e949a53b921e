"""What the training services share: their domain error, and absolute links for the mail."""

from django.conf import settings
from django.urls import reverse

from inti.galat import LayananError


class PelatihanError(LayananError):
    """A training or adaptation request was refused; the message is for the user."""


def tautan(nama: str, *args: object) -> str:
    """An absolute link to one of our pages, for a mail (SITE_URL + the page's path)."""
    return settings.SITE_URL.rstrip("/") + reverse(nama, args=args)
