"""The summary cards of a unit's needs page count the unit alone, but the rotation card counts the unit
with its sub-units (it links to the rotation watch filtered that way): the card says so."""

import pytest
from django.urls import reverse

from pegawai.tests.test_abk_views import abk  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def _kartu_rotasi(html: str) -> str:
    return html.split('id="rekap-rotasi"', 1)[0].rsplit("<a ", 1)[1]


def test_kartu_rotasi_unit_dengan_sub_unit_menyebut_cakupannya(clients, org, abk):  # noqa: F811
    html = clients["hr"].get(reverse("abk:unit", args=[org.unit.pk])).content.decode()
    assert "termasuk sub-unit" in _kartu_rotasi(html)


def test_kartu_rotasi_unit_tanpa_sub_unit_dan_ikhtisar_tanpa_catatan(clients, org, abk):  # noqa: F811
    html = clients["hr"].get(reverse("abk:unit", args=[org.subunit.pk])).content.decode()
    assert "termasuk sub-unit" not in _kartu_rotasi(html)
    html = clients["hr"].get(reverse("abk:ikhtisar")).content.decode()
    assert "termasuk sub-unit" not in _kartu_rotasi(html)
