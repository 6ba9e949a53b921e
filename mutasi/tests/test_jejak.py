"""The proposal page's "Riwayat perubahan data" (field-level trail, inti/jejak.py): the proposal's own
changes and those of the records filed under it, for HR only."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from mutasi.models import UsulanMutasi


def test_proposal_changes_for_hr_only(dunia, clients):
    u = dunia.usulan()
    e = LogEntry.objects.filter(object_pk=str(u.pk), content_type__model="usulanmutasi").get()
    assert e.action == LogEntry.Action.CREATE  # the actor comes from the request (see pegawai/tests/test_jejak.py)
    assert e.additional_data == {"usulan": u.pk, "pegawai": dunia.org.anggota.pk}
    assert "hasil_cek" not in e.changes and "diubah" not in e.changes
    url = reverse("mutasi:detail", args=[u.pk])
    html = clients["hr"].get(url).content.decode()
    assert 'id="riwayat-perubahan"' in html
    assert f"?induk=usulan%3A{u.pk}" in html
    for peran in ("ppk", "kepala"):
        r = clients[peran].get(url)
        assert 'id="riwayat-perubahan"' not in r.content.decode(), peran


@pytest.mark.parametrize("status", ["DIAJUKAN"])
def test_a_step_records_the_status_change(dunia, status):
    u = dunia.sampai(status)
    ubah = LogEntry.objects.filter(
        object_pk=str(u.pk), content_type__model="usulanmutasi", action=LogEntry.Action.UPDATE
    )
    assert any(e.changes.get("status") == ["DRAFT", status] for e in ubah)
    assert UsulanMutasi.objects.get(pk=u.pk).status == status
