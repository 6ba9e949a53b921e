"""The field-level trail (django-auditlog, inti/jejak.py): entries for saves through services and
views with actor and address, the admin's bulk delete row by row, hand-written entries for
QuerySet.update() and bulk writes, and an append-only admin."""

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from inti.jejak import BUAT, HAPUS, UBAH, jejak_buat, perbarui_massal, selisih, ubah_massal
from pegawai.models import HukumanDisiplin, Pegawai, RiwayatJabatan, UnitKerja, User
from pegawai.services.pegawai import pegawai_nonaktifkan

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _batas(org):
    """Entries the fixtures wrote (accounts linked, heads set) are not the test's."""
    global _AWAL
    _AWAL = LogEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0


_AWAL = 0


def _entri(model, pk=None):
    qs = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(model), id__gt=_AWAL)
    return qs.filter(object_pk=str(pk)) if pk is not None else qs


def _data_profil(p: Pegawai, **ubah) -> dict:
    data = {f: getattr(p, f) for f in Pegawai.FIELD_PROFIL if f != "kompetensi"}
    data["tanggal_lahir"] = p.tanggal_lahir.isoformat()
    data.update(ubah)
    return data


class TestLewatPermintaan:
    def test_profile_change_has_old_new_actor_and_address(self, clients, org):
        p = org.anggota
        r = clients["hr"].post(
            reverse("pegawai:ubah", args=[p.pk]),
            _data_profil(p, telepon="0812-555", pendidikan="S2 Hukum"),
            REMOTE_ADDR="10.1.2.3",
            HTTP_X_FORWARDED_FOR="6.6.6.6",  # written by the client: never taken as the address
        )
        assert r.status_code == 302
        e = _entri(Pegawai, p.pk).get(action=UBAH)
        assert e.changes["telepon"] == [p.telepon, "0812-555"]
        assert e.changes["pendidikan"] == [p.pendidikan, "S2 Hukum"]
        assert "diubah" not in e.changes  # a timestamp, left out
        assert e.actor == org.hr.akun
        assert e.remote_addr == "10.1.2.3"
        assert e.additional_data == {"pegawai": p.pk}

    def test_new_sanction_is_filed_under_the_employee(self, clients, org):
        r = clients["hr"].post(
            reverse("pegawai:hukuman_baru", args=[org.anggota.pk]),
            {"tingkat": "RINGAN", "jenis": "Teguran lisan", "mulai": "2024-01-01", "selesai": "2024-06-30"},
            REMOTE_ADDR="10.9.9.9",
        )
        assert r.status_code == 302
        h = HukumanDisiplin.objects.get(pegawai=org.anggota)
        e = _entri(HukumanDisiplin, h.pk).get()
        assert e.action == BUAT
        assert e.changes["jenis"] == ["None", "Teguran lisan"]
        assert e.changes["pegawai"] == ["None", str(org.anggota.pk)]
        assert (e.actor, e.remote_addr) == (org.hr.akun, "10.9.9.9")
        assert e.additional_data == {"pegawai": org.anggota.pk}

    def test_account_password_is_never_recorded(self, org):
        u = org.anggota.akun
        u.set_password("sandi-baru-123")
        u.email = "baru@contoh.go.id"
        u.save()
        e = _entri(User, u.pk).filter(action=UBAH).latest("timestamp")
        assert "email" in e.changes
        assert "password" not in e.changes and "last_login" not in e.changes

    def test_no_actor_leaks_out_of_a_request(self, clients, org):
        clients["hr"].get(reverse("pegawai:detail", args=[org.anggota.pk]))
        p = Pegawai.objects.get(pk=org.anggota.pk)
        p.telepon = "031-1"
        p.save()
        assert _entri(Pegawai, p.pk).get(action=UBAH).actor is None


class TestAdmin:
    @pytest.fixture
    def admin(self, client, org):
        u = User.objects.create_superuser("199001012015011001", "rahasia-123")
        client.force_login(u)
        return client, u

    def test_bulk_delete_writes_one_entry_per_row_with_the_actor(self, admin, org):
        client, u = admin
        h = [
            HukumanDisiplin.objects.create(
                pegawai=org.anggota,
                tingkat="RINGAN",
                jenis=f"Teguran {i}",
                mulai=date(2024, 1, 1),
                selesai=date(2024, 2, 1),
            )
            for i in range(2)
        ]
        r = client.post(
            reverse("admin:pegawai_hukumandisiplin_changelist"),
            {"action": "delete_selected", "_selected_action": [x.pk for x in h], "post": "yes"},
            REMOTE_ADDR="10.0.0.8",
        )
        assert r.status_code == 302
        assert not HukumanDisiplin.objects.exists()
        hapus = _entri(HukumanDisiplin).filter(action=HAPUS)
        assert sorted(hapus.values_list("object_pk", flat=True)) == sorted(str(x.pk) for x in h)
        assert {(e.actor_id, e.remote_addr) for e in hapus} == {(u.pk, "10.0.0.8")}
        assert {e.changes["jenis"][0] for e in hapus} == {"Teguran 0", "Teguran 1"}

    def test_entries_cannot_be_added_changed_or_deleted(self, admin, org):
        client, _u = admin
        p = org.anggota
        p.telepon = "1"
        p.save()
        e = _entri(Pegawai, p.pk).latest("timestamp")
        assert client.get(reverse("admin:auditlog_logentry_changelist")).status_code == 200
        assert client.get(reverse("admin:auditlog_logentry_add")).status_code == 403
        client.post(reverse("admin:auditlog_logentry_change", args=[e.pk]), {"object_repr": "palsu"})
        client.post(reverse("admin:auditlog_logentry_delete", args=[e.pk]), {"post": "yes"})
        client.post(
            reverse("admin:auditlog_logentry_changelist"),
            {"action": "delete_selected", "_selected_action": [e.pk], "post": "yes"},
        )
        e.refresh_from_db()
        assert e.object_repr != "palsu"


class TestTulisMassal:
    def test_ubah_massal_records_each_changed_row(self, org):
        pegawai_nonaktifkan(oleh=org.hr.akun, pegawai=org.kepala, alasan="Pensiun", tanggal=date(2025, 1, 31))
        r = RiwayatJabatan.objects.get(pegawai=org.kepala)
        e = _entri(RiwayatJabatan, r.pk).get(action=UBAH)
        assert e.changes == {"sampai": ["None", "2025-01-31"]}
        assert e.actor == org.hr.akun
        assert e.additional_data == {"pegawai": org.kepala.pk}
        unit = _entri(UnitKerja, org.unit.pk).get(action=UBAH)
        assert unit.changes == {"kepala": [str(org.kepala.pk), "None"]}
        akun = _entri(User, org.kepala.akun_id).filter(action=UBAH).get()
        assert akun.changes == {"is_active": ["True", "False"]}

    def test_ubah_massal_skips_rows_that_did_not_change(self, org):
        n = ubah_massal(UnitKerja.objects.filter(pk__in=[org.unit.pk, org.lain.pk]), alamat="Jl. Baru 1")
        assert n == 2
        assert _entri(UnitKerja).filter(action=UBAH).count() == 2
        ubah_massal(UnitKerja.objects.filter(pk__in=[org.unit.pk, org.lain.pk]), alamat="Jl. Baru 1")
        assert _entri(UnitKerja).filter(action=UBAH).count() == 2

    def test_perbarui_massal_and_jejak_buat(self, org):
        a, b = UnitKerja.objects.get(pk=org.unit.pk), UnitKerja.objects.get(pk=org.lain.pk)
        a.nama = "Kecamatan Baru"
        perbarui_massal(UnitKerja, [a, b], ["nama"], tambahan={"impor": 7})
        e = _entri(UnitKerja).get(action=UBAH)
        assert e.object_pk == str(a.pk)
        assert e.changes == {"nama": ["Kecamatan Mulyorejo", "Kecamatan Baru"]}
        assert e.additional_data == {"impor": 7, "unit": a.pk}
        baru = UnitKerja.objects.bulk_create([UnitKerja(kode="X1", nama="Unit X", jenis=org.unit.jenis)])
        assert jejak_buat(UnitKerja, baru) == 1
        assert _entri(UnitKerja, baru[0].pk).get(action=BUAT).changes["nama"] == ["None", "Unit X"]

    def test_selisih_reads_like_auditlog(self, org):
        assert selisih(RiwayatJabatan, {"sampai": None}, {"sampai": date(2025, 1, 2)}) == {
            "sampai": ["None", "2025-01-02"]
        }
        assert selisih(User, {"password": "a"}, {"password": "b"}) == {}
