"""Demo reviews for Kota Surabaya (`manage.py demo`, step `evaluasi.demo.evaluasi`).

Runs after the mutasi steps. The proposals demo carries out only a handful of transfers, too few
for the impact report to say anything, so this step first carries out about twenty more with TMTs
spread over the past two years (through the real workflow services, as the person whose turn it
is: mutasi.demo's helper), into the Kecamatan Mulyorejo, the Puskesmas, Dispendukcapil,
Diskominfo, RSUD and Dinsos, on every basis. Then:

- earlier yearly predicates (the two years before the TMT) for the transferred employees where missing;
- the reviews of every carried-out transfer (the daily scheduler);
- reviews due long ago made final (the reviewer's ratings, the employee's answer, most with a
  comment), a few left overdue, one draft, one sent and not yet read; those due lately or soon stay
  scheduled. Ratings follow a fixed seed and lean by basis (own requests and needs-based moves
  improve more often), so the charts show a picture, not noise.

Idempotent: the transfers are added once (marked by an audit row); scheduling and predicates fill
only what is missing; reviews are written only while none is final yet.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from inti.audit import audit_catat
from inti.galat import LayananError
from inti.kalender import tambah_bulan
from inti.models import CatatanAudit
from inti.surel import tanpa_notifikasi
from mutasi.demo import _Demo
from mutasi.models import DasarMutasi, StatusUsulan, UsulanMutasi
from pegawai.demo import AKUN, akun_untuk
from pegawai.models import KinerjaTahunan, Pegawai, Predikat, RiwayatJabatan, UnitKerja, User
from pegawai.selectors.abk import abk_posisi
from pegawai.selectors.pegawai import unit_turunan_ids

from .models import FIELD_PERILAKU, Evaluasi, RiwayatStatusEvaluasi, StatusEvaluasi
from .services.alur import evaluasi_ganti_penilai, evaluasi_simpan, evaluasi_tanggapi
from .services.jadwal import evaluasi_jadwalkan_semua

SEED = 20260707
PENANDA = "evaluasi.demo"
P = Predikat
A, S_, B = "DI_ATAS", "SESUAI", "DI_BAWAH"

# (from unit code prefix, to unit code, basis, TMT months ago)
MUTASI = [
    ("DISDIK-SEK", "KEL-MLY-KS", DasarMutasi.ROTASI, 26),
    ("DINSOS-SEK", "PKM-MLY", DasarMutasi.ANALISIS, 25),
    ("SETDA-PEM", "KEC-MLY-PEM", DasarMutasi.PENATAAN, 23),
    ("DISHUB-SEK", "DISPENDUKCAPIL-DAFDUK", DasarMutasi.ANALISIS, 22),
    ("BKPSDM-SEK", "DISKOMINFO-APTIKA", DasarMutasi.PERMINTAAN, 21),
    ("SATPOLPP-SEK", "KEL-MLY-DS", DasarMutasi.ROTASI, 20),
    ("INSPEKTORAT-SEK", "RSUD-ST-TU", DasarMutasi.ROTASI, 19),
    ("DISDIK-GTK", "DISPENDUKCAPIL-CAPIL", DasarMutasi.ANALISIS, 18),
    ("DINKES-SEK", "PKM-MLY", DasarMutasi.PERMINTAAN, 17),
    ("DISKOMINFO-IKP", "KEL-MLY-KJ", DasarMutasi.ROTASI, 16),
    ("SETDA-HKM", "KEC-MLY-TRANTIB", DasarMutasi.PENATAAN, 15),
    ("DISPENDUKCAPIL-SEK", "DINSOS-REHSOS", DasarMutasi.ANALISIS, 14),
    ("RSUD-ST-TU", "PKM-MLY", DasarMutasi.ANALISIS, 13),
    ("DISDIK-SD", "KEL-MLY-MS", DasarMutasi.ROTASI, 12),
    ("DINSOS-LINJAMSOS", "KEC-MLY-KESOS", DasarMutasi.PERMINTAAN, 11),
    ("DISHUB-LL", "DISPENDUKCAPIL-DAFDUK", DasarMutasi.ROTASI, 10),
    ("SATPOLPP-GAKDA", "KEL-MLY-KPT", DasarMutasi.ANALISIS, 9),
    ("DINKES-KESMAS", "RSUD-ST-YANMED", DasarMutasi.PERMINTAAN, 8),
    ("DISDIK-SMP", "KEL-MLY-MLY", DasarMutasi.ROTASI, 7),
    ("BKPSDM-PK", "DISKOMINFO-APTIKA", DasarMutasi.ANALISIS, 6),
    ("DISHUB-SARPRAS", "KEC-MLY-PEM", DasarMutasi.PENATAAN, 5),
    ("INSPEKTORAT-IRBAN1", "PKM-MLY", DasarMutasi.ROTASI, 4),
    ("DISDIK-SEK", "KEL-MLY-KS", DasarMutasi.ANALISIS, 3),
]
# The direction of the outcome, in turn, by basis: own requests and needs-based moves improve more often.
ARAH = {
    DasarMutasi.ANALISIS: ["naik", "tetap", "naik", "naik", "turun", "tetap", "naik"],
    DasarMutasi.PERMINTAAN: ["naik", "naik", "tetap", "naik"],
    DasarMutasi.ROTASI: ["tetap", "turun", "naik", "tetap", "turun", "tetap"],
    DasarMutasi.PENATAAN: ["tetap", "naik", "turun"],
}
URUTAN = [P.SANGAT_KURANG, P.KURANG, P.BUTUH_PERBAIKAN, P.BAIK, P.SANGAT_BAIK]
# Ratings (hasil, perilaku) that give each predikat.
NILAI = {
    P.SANGAT_BAIK: (A, A),
    P.BAIK: (S_, S_),
    P.BUTUH_PERBAIKAN: (B, S_),
    P.KURANG: (S_, B),
    P.SANGAT_KURANG: (B, B),
}
TEKS = {
    "bukti": [
        "Capaian SKP triwulan sesuai target; seluruh berkas layanan diselesaikan tepat waktu.",
        "Menyelesaikan pemutakhiran data {n} berkas dan menyusun laporan bulanan tanpa koreksi.",
        "Target layanan tercapai; dua kali terlambat menyerahkan laporan bulanan.",
    ],
    "kekuatan": [
        "Cepat belajar prosedur baru dan ramah kepada warga.",
        "Teliti dalam pengolahan data; dapat diandalkan saat beban kerja tinggi.",
        "Komunikatif dan mudah bekerja sama dengan rekan di unit baru.",
    ],
    "perbaikan": [
        "Perlu memperdalam aplikasi layanan yang dipakai unit.",
        "Perlu lebih disiplin pada tenggat laporan.",
        "Perlu lebih berani mengambil inisiatif dalam rapat koordinasi.",
    ],
    "tindak_lanjut": [
        "Mengikuti pelatihan aplikasi layanan pada triwulan berikutnya.",
        "Didampingi rekan senior selama satu bulan untuk tugas pelaporan.",
        "",
    ],
    "umpan_balik": [
        "Terima kasih, adaptasi Anda di unit ini berjalan baik. Pertahankan ketelitian dan keramahan Anda.",
        "Kinerja Anda sesuai harapan. Mari kita fokus pada ketepatan waktu laporan di periode berikutnya.",
        "Anda sudah menunjukkan kemajuan; kami akan membantu dengan pendampingan agar target tercapai.",
    ],
    "tanggapan": [
        "Terima kasih atas bimbingannya, saya akan mengikuti pelatihan yang disarankan.",
        "Saya setuju dengan penilaian ini dan akan memperbaiki ketepatan waktu laporan.",
        "Mohon dukungan akses aplikasi agar pekerjaan saya lebih cepat.",
        "",
    ],
}


def evaluasi(stdout) -> None:
    rnd = random.Random(SEED)
    with tanpa_notifikasi():
        baru = 0 if CatatanAudit.objects.filter(aksi=PENANDA).exists() else _mutasi_lampau(stdout)
        predikat = _predikat_sebelum(rnd)
        jadwal = evaluasi_jadwalkan_semua()
        ditulis = {}
        if not Evaluasi.objects.filter(status=StatusEvaluasi.FINAL).exists():
            ditulis = _isi_evaluasi(rnd)
            ditulis.update(_pelatihan())
    stdout.write(f"  mutasi lampau dilaksanakan {baru:>5} baru")
    stdout.write(f"  predikat tahunan sebelum   {predikat:>5} baru")
    stdout.write(f"  evaluasi dijadwalkan       {len(jadwal.dijadwalkan):>5} baru")
    per_status = dict.fromkeys(StatusEvaluasi.values, 0)
    for s in Evaluasi.objects.values_list("status", flat=True):
        per_status[s] += 1
    stdout.write("  evaluasi: " + ", ".join(f"{k.lower()} {v}" for k, v in per_status.items() if v))
    if ditulis:
        stdout.write("  diisi demo: " + ", ".join(f"{k} {v}" for k, v in ditulis.items()))


# --- Transfers carried out in the past -------------------------------------------------------------


def _bulan_lalu(hari: date, n: int) -> date:
    """The first day of the month `n` months before `hari`'s."""
    return tambah_bulan(hari.replace(day=1), -n)


def _staf(d: _Demo, kode: str, sebelum: date) -> Pegawai | None:
    """A non-head employee of the unit, in their post since well before `sebelum`, not used yet."""
    r = (
        RiwayatJabatan.objects.filter(
            unit__kode__startswith=kode,
            sampai__isnull=True,
            pegawai__aktif=True,
            jabatan__kepala_unit=False,
            mulai__lt=sebelum - timedelta(days=400),
        )
        .exclude(pegawai_id__in=d.dipakai)
        .order_by("pegawai__nip")
        .first()
    )
    if r is None:
        return None
    d.dipakai.add(r.pegawai_id)
    return Pegawai.objects.get(pk=r.pegawai_id)


def _jabatan_tujuan(unit: UnitKerja, cadangan):
    """The receiving unit's non-head position with the largest shortage (needs analysis)."""
    kandidat = [p for p in abk_posisi(unit_ids=[unit.pk]).values() if p.dianalisis and p.selisih and p.selisih > 0]
    if not kandidat:
        return cadangan
    from pegawai.models import Jabatan

    kepala = set(Jabatan.objects.filter(kepala_unit=True).values_list("pk", flat=True))
    kandidat = [p for p in kandidat if p.jabatan_id not in kepala]
    if not kandidat:
        return cadangan
    terbaik = max(kandidat, key=lambda p: (p.selisih, -p.jabatan_id))
    return Jabatan.objects.get(pk=terbaik.jabatan_id)


def _mutasi_lampau(stdout) -> int:
    d = _Demo(stdout)
    # Heads act on the proposals: give them logins first, cheaply.
    for kepala_id in UnitKerja.objects.filter(kepala__isnull=False).values_list("kepala_id", flat=True):
        akun_untuk(kepala_id)
    dipakai_mutasi = set(UsulanMutasi.objects.values_list("pegawai_id", flat=True))
    d.dipakai |= dipakai_mutasi
    n = 0
    for asal, tujuan, dasar, bulan in MUTASI:
        tmt = _bulan_lalu(d.hari, bulan)
        pegawai = _staf(d, asal, tmt)
        unit = UnitKerja.objects.filter(kode=tujuan).first()
        if pegawai is None or unit is None:
            continue
        jabatan = _jabatan_tujuan(unit, pegawai.posisi_sekarang.jabatan)
        u = d.usulan(
            pegawai,
            tujuan,
            tmt=tmt,
            dasar=dasar,
            jabatan=jabatan,
            alasan=ALASAN[dasar],
        )
        u = d.maju(u, StatusUsulan.DILAKSANAKAN, tmt_sk=tmt, tanggal_sk=tmt - timedelta(days=14))
        d.mundurkan(u, tmt - timedelta(days=14))
        n += 1
    audit_catat(oleh=None, aksi=PENANDA, objek=UnitKerja.objects.order_by("pk").first(), ringkasan="Data demo evaluasi")
    return n


ALASAN = {
    DasarMutasi.ANALISIS: "Menurut analisis beban kerja, unit tujuan kekurangan pegawai pada jabatan ini.",
    DasarMutasi.ROTASI: "Rotasi berkala untuk penyegaran dan pemerataan pengalaman kerja.",
    DasarMutasi.PERMINTAAN: "Atas permintaan sendiri: pegawai ingin mengembangkan karier di bidang pelayanan.",
    DasarMutasi.PENATAAN: "Penataan organisasi setelah perubahan struktur perangkat daerah.",
}


# --- Earlier predicates --------------------------------------------------------------------------


def _predikat_sebelum(rnd: random.Random) -> int:
    """The two years before each carried-out transfer's TMT, where missing."""
    usulan = list(
        UsulanMutasi.objects.filter(status=StatusUsulan.DILAKSANAKAN, tmt__isnull=False)
        .order_by("tmt", "pk")
        .values_list("pegawai_id", "tmt")
    )
    ada = set(KinerjaTahunan.objects.values_list("pegawai_id", "tahun"))
    baru = []
    for pegawai_id, tmt in usulan:
        for tahun in (tmt.year - 2, tmt.year - 1):
            if (pegawai_id, tahun) not in ada:
                pred = rnd.choices([P.SANGAT_BAIK, P.BAIK, P.BUTUH_PERBAIKAN], [2, 7, 2])[0]
                baru.append(KinerjaTahunan(pegawai_id=pegawai_id, tahun=tahun, predikat=pred))
                ada.add((pegawai_id, tahun))
    KinerjaTahunan.objects.bulk_create(baru)
    return len(baru)


# --- Reviews ------------------------------------------------------------------------------------


def _target(giliran: dict[str, int], sebelum: str | None, dasar: str) -> str:
    """The predikat after: the basis's next direction from the predikat before."""
    pola = ARAH.get(dasar, ARAH[DasarMutasi.ROTASI])
    arah = pola[giliran.get(dasar, 0) % len(pola)]
    giliran[dasar] = giliran.get(dasar, 0) + 1
    i = URUTAN.index(sebelum) if sebelum else URUTAN.index(P.BAIK)
    if arah == "naik":
        i = min(i + 1, len(URUTAN) - 1)
    elif arah == "turun":
        i = max(i - 1, URUTAN.index(P.KURANG))
    return URUTAN[i]


def _data(rnd: random.Random, predikat: str) -> dict:
    hasil, perilaku = NILAI[predikat]
    data = {
        "hasil_kerja": hasil,
        "perilaku": perilaku,
        "hasil_kerja_bukti": rnd.choice(TEKS["bukti"]).format(n=rnd.randint(120, 900)),
        "adaptasi": {A: "SANGAT_BAIK", S_: "BAIK", B: "CUKUP"}[perilaku],
        "adaptasi_catatan": "Sudah mengenal tim dan prosedur kerja unit."
        if perilaku != B
        else "Masih perlu pendampingan.",
        "kekuatan": rnd.choice(TEKS["kekuatan"]),
        "perbaikan": rnd.choice(TEKS["perbaikan"]),
        "tindak_lanjut": rnd.choice(TEKS["tindak_lanjut"]),
        "umpan_balik": rnd.choice(TEKS["umpan_balik"]),
    }
    for f in FIELD_PERILAKU:
        # Most values as the overall judgement, one or two a step apart.
        data[f] = perilaku if rnd.random() < 0.7 else rnd.choice([A, S_, B] if perilaku == S_ else [perilaku, S_])
    return data


def _pada(hari: date, jam: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(hari, time(jam)))


def _isi_evaluasi(rnd: random.Random) -> dict[str, int]:
    hari = timezone.localdate()
    sebelum = {}
    for pid, tahun, pred in KinerjaTahunan.objects.order_by("tahun").values_list("pegawai_id", "tahun", "predikat"):
        sebelum.setdefault(pid, {})[tahun] = pred
    evs = list(
        Evaluasi.objects.filter(status=StatusEvaluasi.TERJADWAL, penilai__isnull=False)
        .select_related("usulan")
        .order_by("jatuh_tempo", "pk")
    )
    lampau = [e for e in evs if e.jatuh_tempo <= hari - timedelta(days=14)]
    # Left as they are, to show each state to the demo accounts: the Camat (AKUN kepala) gets a
    # draft (BKPSDM hands him a review in his Kecamatan, as if the head below were on leave), the
    # Kepala Puskesmas an overdue one; one more stays overdue and one is sent and not yet read.
    camat = Pegawai.objects.filter(nip=AKUN["kepala"]).first()
    kecamatan = set(unit_turunan_ids(UnitKerja.objects.filter(kode="KEC-MLY").values_list("pk", flat=True)))
    pkm = UnitKerja.objects.filter(kode="PKM-MLY").values_list("kepala_id", flat=True).first()

    def ambil(syarat) -> list[Evaluasi]:
        pilih = next((e for e in reversed(lampau) if syarat(e)), None)
        if pilih is None:
            return []
        lampau.remove(pilih)
        return [pilih]

    draf = ambil(lambda e: camat and e.usulan.tujuan_unit_id in kecamatan and e.penilai_id != camat.pk)
    for e in draf:
        evaluasi_ganti_penilai(
            evaluasi=e,
            oleh=User.objects.get(nip=AKUN["hr"]),
            penilai=camat,
            alasan="Kepala unit sedang cuti panjang; dinilai atasan berikutnya.",
        )
        e.refresh_from_db()
    terlambat = ambil(lambda e: e.penilai_id == pkm) + ambil(lambda e: True)
    terkirim = ambil(lambda e: e.penilai_id == pkm) or ambil(lambda e: True)
    final = lampau
    hitung = {"final": 0, "dikirim": 0, "draf": 0, "terlambat": len(terlambat)}
    target_usulan: dict[int, str] = {}
    giliran: dict[str, int] = {}
    for ev in [*final, *terkirim, *draf]:
        u = ev.usulan
        tahun_sebelum = [t for t in sebelum.get(ev.pegawai_id, {}) if t < u.tmt.year]
        pred_sebelum = sebelum[ev.pegawai_id][max(tahun_sebelum)] if tahun_sebelum else None
        # One direction per transfer, the same in each of its reviews.
        if u.pk not in target_usulan:
            target_usulan[u.pk] = _target(giliran, pred_sebelum, u.dasar)
        target = target_usulan[u.pk]
        penilai = akun_untuk(ev.penilai_id)
        if ev in draf:
            evaluasi_simpan(evaluasi=ev, oleh=penilai, data={**_data(rnd, target), "umpan_balik": ""})
            hitung["draf"] += 1
            continue
        ev = evaluasi_simpan(evaluasi=ev, oleh=penilai, data=_data(rnd, target), kirim=True)
        dikirim = _pada(min(ev.jatuh_tempo + timedelta(days=rnd.randint(1, 10)), hari - timedelta(days=3)))
        if ev in terkirim:
            Evaluasi.objects.filter(pk=ev.pk).update(dikirim_pada=dikirim)
            _mundurkan(ev, {"jadwalkan": _pada(u.tmt, 6), "kirim": dikirim})
            hitung["dikirim"] += 1
            continue
        ev = evaluasi_tanggapi(evaluasi=ev, oleh=akun_untuk(ev.pegawai_id), tanggapan=rnd.choice(TEKS["tanggapan"]))
        dibaca = dikirim + timedelta(days=rnd.randint(0, 2), hours=2)
        selesai = dibaca + timedelta(hours=rnd.randint(1, 30))
        Evaluasi.objects.filter(pk=ev.pk).update(
            dikirim_pada=dikirim, dibaca_pada=dibaca, tanggapan_pada=selesai, final_pada=selesai
        )
        _mundurkan(ev, {"jadwalkan": _pada(u.tmt, 6), "kirim": dikirim, "tanggapi": selesai})
        hitung["final"] += 1
    return hitung


def _mundurkan(ev: Evaluasi, waktu: dict[str, datetime]) -> None:
    """The review's history at the demo's dates (as if written back then, like the dates it shows)."""
    for aksi, pada in waktu.items():
        RiwayatStatusEvaluasi.objects.filter(evaluasi=ev, aksi=aksi).update(waktu=pada)


# --- Training of the transferred employees ---------------------------------------------------------


def _pelatihan() -> dict[str, int]:
    """Trainings for the transfers added here, through the training module's services and demo
    helpers, so the report can set completion against outcome: those who improved mostly completed
    theirs, those who fell mostly did not; every fourth transfer gets none. (Mail is muted by the
    caller's `tanpa_notifikasi()`.)"""
    from io import StringIO

    from pelatihan.demo import ALASAN_TIDAK_SELESAI, _Isi, _katalog

    from .selectors.dampak import KOLOM_DAMPAK, dampak_dari, dengan_dampak

    usulan = (
        UsulanMutasi.objects.filter(
            status=StatusUsulan.DILAKSANAKAN, alasan__in=list(ALASAN.values()), penugasan_pelatihan__isnull=True
        )
        .select_related("pegawai", "tujuan_unit", "tujuan_jabatan")
        .order_by("tmt", "pk")
    )
    hasil = {b["id"]: dampak_dari(b).hasil for b in dengan_dampak(usulan).values(*KOLOM_DAMPAK)}
    d = _Isi(StringIO(), _katalog(StringIO()))
    n = {"pelatihan selesai": 0, "pelatihan belum/tidak selesai": 0}
    for i, u in enumerate(usulan):
        if i % 4 == 3:
            continue
        try:
            with transaction.atomic():
                tugas = d.tugaskan(u)
        except LayananError:
            continue  # already has an open assignment of that training from another step
        for j, t in enumerate(tugas):
            if hasil.get(u.pk) == "naik" or (hasil.get(u.pk) == "tetap" and j == 0):
                d.selesai(t, u.tmt + timedelta(days=60 + 10 * j))
                n["pelatihan selesai"] += 1
            elif hasil.get(u.pk) == "turun" and j == 0:
                d.tutup(t, "tidak_selesai", ALASAN_TIDAK_SELESAI)
                n["pelatihan belum/tidak selesai"] += 1
            else:
                n["pelatihan belum/tidak selesai"] += 1
    return n
