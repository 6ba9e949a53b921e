"""Create-once actions of the transfer workflow under simultaneous requests (issue 14, item 7), on
PostgreSQL (SQLite serialises writers, so a race cannot happen there: these tests skip).

Already covered elsewhere, not repeated here:
- a transfer request, 20 identical POSTs at once: one open request
  (`test_permohonan_sekali.test_dua_puluh_permohonan_serentak_hanya_satu_terbuka`);
- request numbers, 8 employees at once: no gap, no duplicate
  (`test_permohonan_alur.test_nomor_serentak_tanpa_celah_dan_ganda`);
- one approval step, two conflicting decisions at once (release / reject): one wins, one history row
  (`test_alur.test_dua_orang_bersamaan_hanya_satu_menang`); the same step by two HR staff at once:
  once (`test_alur.test_aksi_sama_bersamaan_hanya_sekali`);
- decree numbers, five drafts signed at once: 1..5 without gap or duplicate
  (`test_sk.test_penandatanganan_bersamaan_tanpa_celah_dan_ganda`);
- a review's answer and its closing at once: one of them (`evaluasi/tests/test_alur.py`);
- an import applied twice at once (`pegawai/tests/test_impor_serentak.py`).

Here: the same proposal made twice at once (by the service, and from an employee's request through
the new-proposal page), one step POSTed by ten browser tabs at once (the PPK's decision), one
draft decree prepared twice for the same proposal, one draft signed twice, an objection filed
twice, the notice acknowledged twice by the employee and its handing-over recorded twice by HR,
an objection answered and a request declined by two HR staff at once.
Each time: exactly one row, one history row, one audit row; the others get a clear refusal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from inti.galat import LayananError
from inti.models import CatatanAudit
from mutasi.models import (
    Keberatan,
    NomorUrutSK,
    RiwayatStatusUsulan,
    StatusKeberatan,
    StatusPermohonan,
    StatusSK,
    SuratKeputusan,
    SuratPemberitahuan,
    UsulanMutasi,
)
from mutasi.models import StatusUsulan as S
from mutasi.services.alur import usulan_transisi
from mutasi.services.keberatan import keberatan_ajukan, keberatan_jawab
from mutasi.services.pemberitahuan import pemberitahuan_konfirmasi, pemberitahuan_serahkan
from mutasi.services.permohonan import permohonan_buat, permohonan_tolak
from mutasi.services.sk import sk_tandatangani
from mutasi.services.sk_konsep import sk_siapkan
from mutasi.services.usulan import usulan_buat
from mutasi.tests.helpers import TMT, data_usulan, kinerja_baik

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
N = 8


@pytest.fixture(autouse=True)
def _hanya_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("butuh PostgreSQL (koneksi serentak)")


def serentak(fungsi: Callable[[int], object], n: int = N) -> list[object]:
    """Run fungsi(0..n-1) in n threads released at the same moment; each result or the exception it
    raised, in thread order."""
    mulai, hasil = threading.Barrier(n), [None] * n

    def jalan(i):
        try:
            mulai.wait()
            hasil[i] = fungsi(i)
        except Exception as exc:  # the test looks at what each thread got
            hasil[i] = exc
        finally:
            connections.close_all()

    ts = [threading.Thread(target=jalan, args=(i,)) for i in range(n)]
    [t.start() for t in ts]
    [t.join() for t in ts]
    return hasil


def _berhasil(hasil: list[object]) -> list[object]:
    tak_terduga = [h for h in hasil if isinstance(h, Exception) and not isinstance(h, LayananError)]
    assert not tak_terduga, tak_terduga  # a refusal is a LayananError with a message, never a crash
    return [h for h in hasil if not isinstance(h, Exception)]


def _audit(aksi: str) -> int:
    return CatatanAudit.objects.filter(aksi=aksi).count()


def test_usulan_sama_serentak_satu_draf(dunia):
    o = dunia.org
    kinerja_baik(o.anggota)
    data = data_usulan(dunia.tujuan, dunia.jabatan_tujuan)
    hasil = serentak(lambda i: usulan_buat(oleh=o.hr.akun, pegawai=o.anggota, data=data))
    assert len(_berhasil(hasil)) == 1
    assert all("sudah ada" in str(h) for h in hasil if isinstance(h, Exception))
    assert UsulanMutasi.objects.filter(pegawai=o.anggota).count() == 1
    assert RiwayatStatusUsulan.objects.filter(usulan__pegawai=o.anggota, aksi="buat").count() == 1


def test_usulan_dari_permohonan_serentak_satu(dunia):
    """HR presses "Simpan" twice (two tabs) on the new-proposal page opened from a request."""
    o = dunia.org
    kinerja_baik(o.anggota)
    p = permohonan_buat(oleh=o.anggota.akun, jenis="DALAM", alasan="Dekat dengan keluarga.", unit_pilihan=[])
    data = {
        k: (v.pk if hasattr(v, "pk") else v)
        for k, v in data_usulan(dunia.tujuan, dunia.jabatan_tujuan).items()
        if v is not None
    }
    data |= {"pegawai": o.anggota.pk, "tmt_usulan": TMT.isoformat()}
    klien = []
    for _ in range(N):
        c = Client()
        c.force_login(o.hr.akun)
        klien.append(c)
    url = reverse("mutasi:baru") + f"?permohonan={p.pk}"
    status = serentak(lambda i: klien[i].post(url, data).status_code)
    assert set(status) <= {200, 302}, status
    assert UsulanMutasi.objects.filter(pegawai=o.anggota).count() == 1
    p.refresh_from_db()
    assert p.status == StatusPermohonan.DIPROSES and p.usulan.pegawai_id == o.anggota.pk
    assert _audit("mutasi.permohonan.proses") == 1


def test_keputusan_ppk_dari_sepuluh_tab_sekali(dunia):
    """The PPK's decision POSTed from ten tabs at once: one decision, one history row."""
    o = dunia.org
    u = dunia.sampai(S.DIVERIFIKASI)
    klien = []
    for _ in range(10):
        c = Client()
        c.force_login(o.ppk.akun)
        klien.append(c)
    url = reverse("mutasi:aksi", kwargs={"pk": u.pk, "nama": "putuskan"})
    status = serentak(lambda i: klien[i].post(url, {"catatan": "Disetujui."}).status_code, n=10)
    assert set(status) == {302}, status  # each tab is sent back to the proposal, with its message
    u.refresh_from_db()
    assert u.status == S.DIPUTUSKAN and u.diputuskan_oleh_id == o.ppk.akun.pk
    assert RiwayatStatusUsulan.objects.filter(usulan=u, ke=S.DIPUTUSKAN).count() == 1
    assert _audit("mutasi.putuskan") == 1


def test_konsep_sk_serentak_satu(dunia):
    u = dunia.sampai(S.DIPUTUSKAN)
    hasil = serentak(lambda i: sk_siapkan(oleh=dunia.org.hr.akun, usulan_ids=[u.pk], tmt=TMT))
    assert len(_berhasil(hasil)) == 1
    assert SuratKeputusan.objects.filter(cakupan=u).count() == 1


def test_sk_sama_ditandatangani_serentak_sekali(dunia):
    """The PPK signs one draft twice at once (double click, two tabs): one number, one signature."""
    o = dunia.org
    u = dunia.sampai(S.DIPUTUSKAN)
    sk = sk_siapkan(oleh=o.hr.akun, usulan_ids=[u.pk], tmt=TMT)
    hasil = serentak(lambda i: sk_tandatangani(oleh=o.ppk.akun, sk=sk, laksanakan_segera=False), n=4)
    assert len(_berhasil(hasil)) == 1
    sk.refresh_from_db()
    assert sk.status == StatusSK.DITETAPKAN and sk.urut == 1
    assert NomorUrutSK.objects.get(jenis="SK", tahun=date.today().year).terakhir == 1
    assert sk.riwayat_status.filter(ke=StatusSK.DITETAPKAN).count() == 1
    assert SuratKeputusan.objects.exclude(urut=None).count() == 1
    u.refresh_from_db()
    assert u.status == S.SK_TERBIT and u.sk_id == sk.pk


def test_keberatan_serentak_satu(dunia):
    u = dunia.sampai(S.SK_TERBIT)
    isi = "Mohon ditinjau kembali karena keluarga saya sakit."
    hasil = serentak(lambda i: keberatan_ajukan(oleh=dunia.org.anggota.akun, usulan=u, isi=isi))
    assert len(_berhasil(hasil)) == 1
    assert Keberatan.objects.filter(usulan=u).count() == 1
    assert _audit("mutasi.keberatan.ajukan") == 1


def test_pemberitahuan_dikonfirmasi_serentak_sekali(dunia):
    u = dunia.sampai(S.SK_TERBIT)
    hasil = serentak(lambda i: pemberitahuan_konfirmasi(oleh=dunia.org.anggota.akun, usulan=u))
    assert sorted(_berhasil(hasil)) == [False] * (N - 1) + [True]
    assert _audit("mutasi.pemberitahuan_dibaca") == 1


def test_penyerahan_pemberitahuan_serentak_sekali(dunia):
    u = dunia.sampai(S.SK_TERBIT)
    s = SuratPemberitahuan.objects.get(usulan=u, sk_id=u.sk_id)
    hasil = serentak(
        lambda i: pemberitahuan_serahkan(oleh=dunia.org.hr.akun, usulan=u, tanggal=max(s.tanggal, date.today()))
    )
    assert len(_berhasil(hasil)) == 1
    assert all("sudah dicatat" in str(h) for h in hasil if isinstance(h, Exception))
    assert _audit("mutasi.pemberitahuan_diserahkan") == 1


def test_langkah_sama_oleh_banyak_serentak_sekali(dunia):
    """The sending head's release, by the service from eight threads: one history row."""
    o = dunia.org
    u = dunia.sampai(S.DIAJUKAN)
    hasil = serentak(lambda i: usulan_transisi(usulan=u.pk, aksi="lepas", oleh=o.kepala.akun))
    assert len(_berhasil(hasil)) == 1
    assert RiwayatStatusUsulan.objects.filter(usulan=u, dari=S.DIAJUKAN).count() == 1


def test_keberatan_dijawab_serentak_sekali(dunia):
    """Two HR staff answer the same objection at once: one answer, one history row."""
    o = dunia.org
    u = dunia.sampai(S.SK_TERBIT)
    k = keberatan_ajukan(oleh=o.anggota.akun, usulan=u, isi="Mohon ditinjau kembali karena keluarga saya sakit.")
    staf = [o.hr.akun, dunia.hr2.akun]
    hasil = serentak(
        lambda i: keberatan_jawab(oleh=staf[i % 2], keberatan=k, jawaban="Tetap dilaksanakan.", keputusan="TETAP")
    )
    assert len(_berhasil(hasil)) == 1
    k.refresh_from_db()
    assert k.status == StatusKeberatan.DIJAWAB
    assert k.riwayat_status.filter(ke=StatusKeberatan.DIJAWAB).count() == 1


def test_permohonan_ditolak_serentak_sekali(dunia):
    o = dunia.org
    p = permohonan_buat(oleh=o.anggota.akun, jenis="DALAM", alasan="Dekat dengan keluarga.", unit_pilihan=[])
    staf = [o.hr.akun, dunia.hr2.akun]
    hasil = serentak(lambda i: permohonan_tolak(oleh=staf[i % 2], permohonan=p, alasan="Formasi penuh."))
    assert len(_berhasil(hasil)) == 1
    p.refresh_from_db()
    assert p.status == StatusPermohonan.DITOLAK
    assert p.riwayat_status.filter(ke=StatusPermohonan.DITOLAK).count() == 1
