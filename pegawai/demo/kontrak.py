"""Demo step `kontrak_pppk` (`manage.py demo`, after `pegawai.demo.simpan.organisasi`): a contract
period for every active PPPK employee that has none, five years from their current post's TMT,
and for one in three a contract ending within the next six months (so HR's watch list shows
something). Deterministic and idempotent: an employee with a contract is left as they are."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from inti.kalender import tambah_bulan, tambah_tahun

from ..models import KontrakPPPK, Pegawai, StatusAsn


def kontrak_pppk(stdout) -> None:
    hari = timezone.localdate()
    baru = []
    pegawai = (
        Pegawai.objects.filter(status=StatusAsn.PPPK, aktif=True, kontrak_pppk__isnull=True)
        .with_posisi()
        .order_by("pk")
    )
    for i, p in enumerate(pegawai):
        posisi = p.posisi_sekarang
        mulai = posisi.mulai if posisi else hari.replace(month=1, day=1)
        if i % 3 == 0:
            selesai = tambah_bulan(hari, 1 + (i // 3) % 6) - timedelta(days=(i * 7) % 20 + 1)
            mulai = min(mulai, tambah_tahun(selesai, -5) + timedelta(days=1))
        else:
            selesai = tambah_tahun(mulai, 5) - timedelta(days=1)
            while selesai < hari:
                mulai, selesai = selesai + timedelta(days=1), tambah_tahun(selesai, 5)
        baru.append(
            KontrakPPPK(pegawai=p, mulai=mulai, selesai=selesai, nomor=f"800.1.13/{1000 + p.pk}/PK/{mulai.year}")
        )
    KontrakPPPK.objects.bulk_create(baru)
    stdout.write(f"  kontrak PPPK: {len(baru)} dibuat")
