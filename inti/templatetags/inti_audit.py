"""Audit rows in plain words: `{% load inti_audit %}{{ catatan.aksi|label_aksi }}`."""

from django import template

from ..audit import label_aksi as _label_aksi

register = template.Library()


@register.filter
def label_aksi(kode: str) -> str:
    return _label_aksi(kode or "")
