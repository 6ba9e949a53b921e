"""Writes of an employee's rank history and education history, and the rule that keeps the
profile in step with them: the latest rank whose TMT has come sets `Pegawai.golongan` (a rank
with a future TMT waits for its day), the highest education sets `Pegawai.pendidikan`. Every
write, the sync included, happens in the caller's transaction and is audited on the employee."""

from collections.abc import Iterable
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from inti.audit import audit_catat
from inti.galat import LayananError
from inti.models import CatatanAudit

from ..models import Pegawai, RiwayatGolongan, RiwayatPendidikan, SumberData, TingkatPendidikan, User
from .pegawai_riwayat import riwayat_simpan


def golongan_berlaku(riwayat: Iterable[tuple[date, str]], hari: date) -> str | None:
    """The golongan of the latest (TMT, golongan) pair whose TMT is on or before `hari`."""
    sudah = [(tmt, gol) for tmt, gol in riwayat if tmt <= hari]
    return max(sudah)[1] if sudah else None


def pendidikan_tertinggi(riwayat: Iterable[RiwayatPendidikan]) -> RiwayatPendidikan | None:
    """The highest level; between two of one level, the later graduation."""
    return max(riwayat, key=lambda r: (TingkatPendidikan.urutan(r.tingkat), r.tahun_lulus, r.pk or 0), default=None)


def profil_sinkron(*, oleh: User | None, pegawai_ids: Iterable[int], hari: date | None = None, lewat: str = "") -> int:
    """Set golongan and pendidikan of these employees from their histories (an employee with no
    history keeps what the profile says). Returns how many employees changed; one audit row each
    (`audit_catat`; an import's batch inserts the same rows together). A fixed number of queries."""
    ids = list(set(pegawai_ids))
    if not ids:
        return 0
    hari = hari or timezone.localdate()
    pangkat: dict[int, list[tuple[date, str]]] = {}
    for pid, tmt, gol in RiwayatGolongan.objects.filter(pegawai_id__in=ids).values_list(
        "pegawai_id", "tmt", "golongan"
    ):
        pangkat.setdefault(pid, []).append((tmt, gol))
    sekolah: dict[int, list[RiwayatPendidikan]] = {}
    for r in RiwayatPendidikan.objects.filter(pegawai_id__in=ids):
        sekolah.setdefault(r.pegawai_id, []).append(r)
    diubah: list[tuple[Pegawai, dict[str, list[str]]]] = []
    for p in Pegawai.objects.filter(pk__in=ids).only("id", "nip", "nama", "golongan", "pendidikan"):
        perubahan = {}
        gol = golongan_berlaku(pangkat.get(p.pk, []), hari)
        if gol and gol != p.golongan:
            perubahan["golongan"] = [p.golongan, gol]
        tertinggi = pendidikan_tertinggi(sekolah.get(p.pk, []))
        if tertinggi is not None and tertinggi.teks != p.pendidikan:
            perubahan["pendidikan"] = [p.pendidikan, tertinggi.teks]
        if perubahan:
            diubah.append((p, perubahan))
    if not diubah:
        return 0
    # one UPDATE per distinct new value (ranks are few, education texts repeat): far cheaper than
    # bulk_update's CASE per row on an import's batch
    for kolom in ("golongan", "pendidikan"):
        per_nilai: dict[str, list[int]] = {}
        for p, perubahan in diubah:
            if kolom in perubahan:
                per_nilai.setdefault(perubahan[kolom][1], []).append(p.pk)
        for nilai, pks in per_nilai.items():
            Pegawai.objects.filter(pk__in=pks).update(**{kolom: nilai, "diubah": timezone.now()})
    catatan = [(p, _ringkasan(perubahan, lewat), perubahan) for p, perubahan in diubah]
    if len(catatan) == 1:
        p, ringkasan, perubahan = catatan[0]
        audit_catat(oleh=oleh, aksi=AKSI_SINKRON, objek=p, ringkasan=ringkasan, perubahan=perubahan)
    else:  # an import's batch: the same rows as audit_catat writes, inserted together
        CatatanAudit.objects.bulk_create(
            [
                CatatanAudit(
                    oleh=oleh if getattr(oleh, "is_authenticated", False) else None,
                    aksi=AKSI_SINKRON,
                    objek_tipe=p._meta.label_lower,
                    objek_id=str(p.pk),
                    ringkasan=ringkasan,
                    perubahan=perubahan,
                )
                for p, ringkasan, perubahan in catatan
            ],
            batch_size=1000,
        )
    return len(diubah)


AKSI_SINKRON = "pegawai.profil_sinkron"


def _ringkasan(perubahan: dict[str, list[str]], lewat: str) -> str:
    bagian = []
    if "golongan" in perubahan:
        bagian.append(f"golongan menjadi {perubahan['golongan'][1]}")
    if "pendidikan" in perubahan:
        bagian.append(f"pendidikan terakhir menjadi {perubahan['pendidikan'][1]}")
    return ("Menurut riwayat: " + " dan ".join(bagian) + (f" ({lewat})" if lewat else ""))[:500]


@transaction.atomic
def riwayat_golongan_tambah(
    *,
    oleh: User,
    pegawai: Pegawai,
    golongan: str,
    tmt: date,
    nomor_sk: str = "",
    tanggal_sk: date | None = None,
    jenis_kenaikan: str = "",
    sumber: str = SumberData.MANUAL,
) -> RiwayatGolongan:
    """Record a rank with its TMT; the profile's golongan follows when it is the latest that has come."""
    if tmt > timezone.localdate() + timedelta(days=366):
        raise LayananError("TMT golongan lebih dari setahun ke depan.")
    if RiwayatGolongan.objects.filter(pegawai=pegawai, golongan=golongan, tmt=tmt).exists():
        raise LayananError(f"Golongan {golongan} dengan TMT {tmt:%d-%m-%Y} sudah tercatat.")
    r = RiwayatGolongan(
        pegawai=pegawai,
        golongan=golongan,
        tmt=tmt,
        nomor_sk=nomor_sk,
        tanggal_sk=tanggal_sk,
        jenis_kenaikan=jenis_kenaikan,
        sumber=sumber,
    )
    riwayat_simpan(
        r,
        oleh=oleh,
        aksi="pegawai.golongan_tambah",
        ringkasan=f"Riwayat golongan dicatat: {golongan} TMT {tmt:%d-%m-%Y}",
        kunci_id="riwayat_golongan_id",
        nomor_sk=nomor_sk,
    )
    profil_sinkron(oleh=oleh, pegawai_ids=[pegawai.pk])
    pegawai.refresh_from_db(fields=["golongan", "pendidikan"])
    return r


@transaction.atomic
def riwayat_pendidikan_tambah(
    *,
    oleh: User,
    pegawai: Pegawai,
    tingkat: str,
    jurusan: str = "",
    institusi: str,
    tahun_lulus: int,
    nomor_ijazah: str = "",
    tanggal_lulus: date | None = None,
    sumber: str = SumberData.MANUAL,
) -> RiwayatPendidikan:
    """Record an education; the profile's pendidikan follows when it is the highest."""
    if tahun_lulus > timezone.localdate().year:
        raise LayananError(f"Tahun lulus {tahun_lulus} belum terjadi.")
    if RiwayatPendidikan.objects.filter(pegawai=pegawai, tingkat=tingkat, jurusan=jurusan).exists():
        raise LayananError("Pendidikan dengan tingkat dan jurusan ini sudah tercatat.")
    r = RiwayatPendidikan(
        pegawai=pegawai,
        tingkat=tingkat,
        jurusan=jurusan,
        institusi=institusi,
        tahun_lulus=tahun_lulus,
        nomor_ijazah=nomor_ijazah,
        tanggal_lulus=tanggal_lulus,
        sumber=sumber,
    )
    riwayat_simpan(
        r,
        oleh=oleh,
        aksi="pegawai.pendidikan_tambah",
        ringkasan=f"Riwayat pendidikan dicatat: {r.teks}, {institusi} ({tahun_lulus})",
        kunci_id="riwayat_pendidikan_id",
    )
    profil_sinkron(oleh=oleh, pegawai_ids=[pegawai.pk])
    pegawai.refresh_from_db(fields=["golongan", "pendidikan"])
    return r
