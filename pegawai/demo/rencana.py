"""The demo employees planned in memory (no database): identity, rank consistent with education
and years of service, 2-12 years of position history and competences, from a seeded random
generator (deterministic for a given day).
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from .. import nip as nip_rules
from ..models import StatusAsn
from .akun import AKUN, ORANG_DEMO
from .identitas import (
    ASAL,
    AWAL_GOLONGAN,
    GOL,
    GOLONGAN,
    GOLONGAN_JENIS,
    GOLONGAN_JENJANG,
    NAMA,
    PENDIDIKAN,
    PORSI_S2,
    PPPK_GOLONGAN,
    PUNCAK_PELAKSANA,
    TEMPAT_LAHIR,
    USIA_MASUK,
)
from .jabatan import JABATAN, JJ, KEPALA_KHUSUS, KOMPETENSI, A, F, J, JabatanDef, L, P
from .unit import UNIT, UNIT_KERJA

SEED = 20260101
PPPK_PORSI = 0.15  # share of PPPK among the generated employees


@dataclass
class Orang:
    unit: str
    jabatan: str
    nip: str = ""
    status: str = StatusAsn.PNS
    nama: str = ""
    gelar_depan: str = ""
    gelar_belakang: str = ""
    jenis_kelamin: str = "L"
    tanggal_lahir: date | None = None
    tempat_lahir: str = ""
    golongan: str = ""
    pendidikan: str = ""
    tmt: date | None = None  # TMT CPNS (PNS) or appointment (PPPK)
    riwayat: list[tuple[str, str, date, date | None, str]] = field(default_factory=list)
    kompetensi: list[str] = field(default_factory=list)
    kategori: str = "normal"  # how long in the current post: baru (<2 y), normal (2-5 y), lama (>5 y)
    akun: str | None = None  # demo role


def awal_bulan(d: date) -> date:
    return d.replace(day=1)


def _tahun_lalu(d: date, tahun: float) -> date:
    return d - timedelta(days=round(tahun * 365.25))


class Perencana:
    """Makes the list of people (in memory, no database) from a seeded random generator."""

    def __init__(self, hari_ini: date, seed: int = SEED):
        self.rnd = random.Random(seed)
        self.hari_ini = hari_ini
        self.nip_dipakai: set[str] = set(AKUN.values())
        self.nama_dipakai: set[str] = {d["nama"] for d in ORANG_DEMO.values()}
        self.unit_jabatan: dict[str, list[str]] = {}  # position -> units where it exists
        for u in UNIT_KERJA:
            self.unit_jabatan.setdefault(u.kepala, []).append(u.kode)
            for jab, _n in u.staf:
                if u.kode not in self.unit_jabatan.setdefault(jab, []):
                    self.unit_jabatan[jab].append(u.kode)

    # -- slots ------------------------------------------------------------------
    def slot(self) -> list[Orang]:
        orang = []
        demo = {(d["unit"], d["jabatan"]): peran for peran, d in ORANG_DEMO.items()}
        for u in UNIT_KERJA:
            for jab, n in ((u.kepala, 1), *u.staf):
                for _ in range(n):
                    peran = demo.pop((u.kode, jab), None)
                    orang.append(Orang(unit=u.kode, jabatan=jab, akun=peran))
        assert not demo, f"demo people without a slot: {demo}"
        return orang

    def rencana(self) -> list[Orang]:
        rnd = self.rnd
        orang = self.slot()
        # PPPK: a share of the positions PPPK are appointed to, never heads or demo people.
        calon = [o for o in orang if JABATAN[o.jabatan].pppk and not o.akun]
        bobot = {F: 1.0, L: 0.35}
        calon.sort(key=lambda o: rnd.random() / bobot[JABATAN[o.jabatan].jenis])
        for o in calon[: round(PPPK_PORSI * len(orang))]:
            o.status = StatusAsn.PPPK
        # How long each has been in the current post: a few overdue for rotation, some new.
        for o in orang:
            x = rnd.random()
            o.kategori = "lama" if x < 0.09 else "baru" if x < 0.30 else "normal"
        for o in orang:
            if o.akun:
                self._isi_demo(o)
            elif o.status == StatusAsn.PPPK:
                self._isi_pppk(o)
            else:
                self._isi_pns(o)
            self._isi_kompetensi(o)
        return orang

    # -- identity ------------------------------------------------------------------
    def _nama(self, kelamin: str) -> str:
        """A unique two-word name (some Javanese get a third), of a random origin."""
        rnd = self.rnd
        asal = rnd.choices([a for a, _ in ASAL], weights=[w for _, w in ASAL])[0]
        depan, belakang = NAMA[asal][kelamin]
        for _ in range(100):
            kata = [rnd.choice(depan), rnd.choice(belakang)]
            if asal == "jawa" and rnd.random() < 0.12:
                kata.append(rnd.choice(belakang))
            if len(set(kata)) < len(kata):
                continue
            nama = " ".join(kata)
            if nama not in self.nama_dipakai:
                self.nama_dipakai.add(nama)
                return nama
        raise RuntimeError("nama demo habis")

    def _nip_pns(self, lahir: date, tmt: date, kelamin: str) -> str:
        for urut in [1, 1, 1, 2, 3, 4, 5, *range(6, 999)]:
            nip = f"{lahir:%Y%m%d}{tmt:%Y%m}{'1' if kelamin == 'L' else '2'}{urut:03d}"
            if nip not in self.nip_dipakai:
                self.nip_dipakai.add(nip)
                return nip
        raise RuntimeError("NIP demo habis")

    def _nip_pppk(self, lahir: date, tahun: int, kelamin: str) -> str:
        # Birth date + appointment year + 2 digits (the formation year) + gender + sequence.
        for urut in range(self.rnd.randint(1, 60), 999):
            nip = f"{lahir:%Y%m%d}{tahun}{(tahun - 1) % 100:02d}{'1' if kelamin == 'L' else '2'}{urut:03d}"
            if nip not in self.nip_dipakai:
                self.nip_dipakai.add(nip)
                return nip
        raise RuntimeError("NI PPPK demo habis")

    def _kunci_pendidikan(self, o: Orang, jab: JabatanDef) -> str:
        """The education family (key of PENDIDIKAN) for someone holding `jab` in `o.unit`."""
        rnd = self.rnd
        kunci = jab.pendidikan
        if kunci == "pelaksana":
            kunci = rnd.choices(["sma", "d3_umum", "umum"], weights=[45, 20, 35])[0]
        elif kunci == "pelaksana_d3":
            kunci = rnd.choices(["sma", "it_d3", "umum", "it"], weights=[15, 30, 40, 15])[0]
        elif jab.kepala and kunci == "umum":
            kunci = UNIT[o.unit].bidang_pendidikan
            if kunci in ("dokter", "kesmas") and jab.jenis == A:
                kunci = rnd.choice(["kesmas", "umum"])
        return kunci

    def _gelar(self, o: Orang, jab: JabatanDef, kunci: str, *, boleh_s2: bool = True) -> None:
        """Education and titles; needs the birth date (older graduates carry Drs./Dra.)."""
        rnd = self.rnd
        level, sekolah, magister = PENDIDIKAN[kunci]
        o.pendidikan, gelar = rnd.choice(sekolah)
        if gelar in ("dr.", "drg."):
            o.gelar_depan, gelar = gelar, ""
        elif level == "S1" and o.tanggal_lahir.year < 1970 and gelar in ("S.Sos.", "S.E."):
            o.gelar_depan, gelar = ("Drs." if o.jenis_kelamin == "L" else "Dra."), ""  # degrees before 1993
        if boleh_s2 and magister and rnd.random() < PORSI_S2.get(jab.jenis, 0):
            o.pendidikan, gelar_s2 = rnd.choice(magister)
            gelar = f"{gelar}, {gelar_s2}" if gelar else gelar_s2
        o.gelar_belakang = gelar

    # -- PNS -------------------------------------------------------------------------
    def _rentang_golongan(self, jab: JabatanDef, level: str) -> tuple[int, int]:
        if jab.golongan:
            lo, hi = jab.golongan
        elif jab.jenjang in GOLONGAN_JENJANG:
            lo, hi = GOLONGAN_JENJANG[jab.jenjang]
        elif jab.jenis in GOLONGAN_JENIS:
            lo, hi = GOLONGAN_JENIS[jab.jenis]
        else:  # pelaksana: from the entry rank up to the ceiling for the education
            lo, hi = AWAL_GOLONGAN[level], PUNCAK_PELAKSANA[level]
        return GOL[lo], GOL[hi]

    def _isi_pns(self, o: Orang) -> None:
        rnd = self.rnd
        jab = JABATAN[o.jabatan]
        o.jenis_kelamin = (
            "P" if o.jabatan == "Bidan Terampil" else rnd.choices("LP", weights=[6, 4] if jab.kepala else [1, 1])[0]
        )
        o.nama = self._nama(o.jenis_kelamin)
        kunci = self._kunci_pendidikan(o, jab)
        level = PENDIDIKAN[kunci][0]
        awal = GOL[AWAL_GOLONGAN[level]]
        lo, hi = self._rentang_golongan(jab, level)
        lo = max(lo, awal)
        hi = max(hi, lo)
        gol = rnd.randint(lo, hi)
        # A regular promotion every 4 years: the rank tells roughly how long the person has served.
        masa_kerja = max(3, (gol - awal) * 4 + rnd.randint(0, 3))
        if jab.jenis == L and gol == hi:
            masa_kerja += rnd.randint(0, 8)  # stuck at the ceiling for their education
        usia_masuk = rnd.randint(*USIA_MASUK[level])
        batas = 59 if jab.jenis == J else 56
        if usia_masuk + masa_kerja > batas:
            usia_masuk = max(USIA_MASUK[level][0], batas - masa_kerja)
            masa_kerja = min(masa_kerja, batas - usia_masuk)
        tmt = date(self.hari_ini.year - masa_kerja, rnd.choice([1, 2, 3, 4, 12]), 1)
        if tmt > _tahun_lalu(self.hari_ini, 3):
            tmt = date(tmt.year - 1, tmt.month, 1)
        o.tanggal_lahir = date(tmt.year - usia_masuk, rnd.randint(1, 12), rnd.randint(1, 28))
        o.tmt, o.golongan = tmt, GOLONGAN[gol]
        self._gelar(o, jab, kunci)
        o.tempat_lahir = rnd.choice(TEMPAT_LAHIR)
        o.nip = self._nip_pns(o.tanggal_lahir, tmt, o.jenis_kelamin)
        self._riwayat(o)

    def _isi_pppk(self, o: Orang) -> None:
        rnd = self.rnd
        jab = JABATAN[o.jabatan]
        o.jenis_kelamin = "P" if o.jabatan == "Bidan Terampil" else rnd.choice("LP")
        o.nama = self._nama(o.jenis_kelamin)
        kunci = self._kunci_pendidikan(o, jab)
        level = PENDIDIKAN[kunci][0]
        # PPPK appointments: 2019 and yearly since 2021; at least 3 years ago, so there is some history.
        tahun = min(rnd.choice([2019, 2021, 2022, 2022, 2023]), self.hari_ini.year - 3)
        o.tanggal_lahir = date(
            tahun - rnd.randint(USIA_MASUK[level][0] + 2, 42), rnd.randint(1, 12), rnd.randint(1, 28)
        )
        o.tmt = date(tahun, rnd.choice([1, 3, 4]), 1)
        o.golongan = PPPK_GOLONGAN[level]
        self._gelar(o, jab, kunci, boleh_s2=False)
        o.tempat_lahir = rnd.choice(TEMPAT_LAHIR)
        o.nip = self._nip_pppk(o.tanggal_lahir, tahun, o.jenis_kelamin)
        if o.kategori == "lama":
            o.kategori = "normal"
        self._riwayat(o)

    def _isi_demo(self, o: Orang) -> None:
        d = ORANG_DEMO[o.akun]
        o.nip = AKUN[o.akun]
        info = nip_rules.parse(o.nip)
        o.nama, o.gelar_depan, o.gelar_belakang = d["nama"], d.get("gelar_depan", ""), d.get("gelar_belakang", "")
        o.jenis_kelamin, o.tanggal_lahir = info.jenis_kelamin, info.tanggal_lahir
        o.tmt = date(info.tahun_masuk, info.bulan_masuk or 1, 1)
        o.golongan, o.pendidikan, o.tempat_lahir = d["golongan"], d["pendidikan"], d["tempat_lahir"]
        o.kategori = "normal"
        self._riwayat(o)

    # -- position history ---------------------------------------------------------------
    def _jabatan_sebelum(self, nama: str) -> str:
        """A plausible earlier post for someone who now holds `nama`."""
        rnd = self.rnd
        jab = JABATAN[nama]
        khusus = {
            "Camat": ["Sekretaris Kecamatan", "Lurah", "Kepala Bagian Pemerintahan dan Kesejahteraan Rakyat"],
            "Sekretaris Kecamatan": ["Lurah", "Kepala Seksi Pemerintahan"],
            "Lurah": [
                "Sekretaris Kelurahan",
                "Kepala Seksi Pemerintahan",
                "Kepala Seksi Ketenteraman dan Ketertiban",
                "Kepala Seksi Pemerintahan Kelurahan",
            ],
            "Sekretaris Kelurahan": [
                "Kepala Seksi Pemerintahan Kelurahan",
                "Kepala Seksi Kesejahteraan Sosial Kelurahan",
                "Pengolah Data",
            ],
            "Kepala Puskesmas": ["Dokter Ahli Muda", "Dokter Ahli Pertama"],
            "Kepala Sekolah": ["Guru Ahli Muda"],
            "Guru Ahli Muda": ["Guru Ahli Pertama", "Guru Ahli Muda"],
            "Dokter Ahli Muda": ["Dokter Ahli Pertama", "Dokter Ahli Muda"],
            "Analis SDM Aparatur Ahli Muda": ["Analis SDM Aparatur Ahli Pertama"],
            "Auditor Ahli Muda": ["Auditor Ahli Pertama"],
            "Direktur Rumah Sakit Umum Daerah": [
                "Kepala Bidang Pelayanan Medik dan Keperawatan",
                "Kepala Bidang Pelayanan Kesehatan",
            ],
            "Polisi Pamong Praja Ahli Pertama": ["Polisi Pamong Praja Terampil"],
            "Kepala Dinas Kesehatan": ["Direktur Rumah Sakit Umum Daerah", "Kepala Bidang Pelayanan Kesehatan"],
            "Kepala Dinas Pendidikan": ["Kepala Bidang Guru dan Tenaga Kependidikan", "Sekretaris Dinas"],
            "Pranata Komputer Ahli Pertama": ["Pranata Komputer Ahli Pertama", "Pengolah Data"],
        }
        if nama in khusus:
            return rnd.choice(khusus[nama])
        umum = [j for j in JABATAN.values() if j.nama not in KEPALA_KHUSUS]
        if jab.jenis == J:
            return rnd.choice([j.nama for j in umum if j.jenis == A and j.nama != "Camat"])
        if jab.jenis == A:
            jenis = A if rnd.random() < 0.35 else P
            return rnd.choice([j.nama for j in umum if j.jenis == jenis and (j.kepala or jenis == P)])
        if jab.jenis == P:
            if rnd.random() < 0.4:
                return rnd.choice([j.nama for j in umum if j.jenis == P])
            return rnd.choice(["Pengolah Data", "Pengelola Layanan Operasional", "Analis SDM Aparatur Ahli Pertama"])
        pelaksana = [j.nama for j in JABATAN.values() if j.jenis == L]
        if jab.jenis == L or len(self.unit_jabatan.get(nama, [])) < 2:
            return rnd.choice(pelaksana)  # a pelaksana before, or before moving into this functional post
        return nama  # fungsional: the same post in another unit

    def _unit_untuk(self, jabatan: str, kecuali: str) -> str:
        pilihan = [u for u in self.unit_jabatan.get(jabatan, []) if u != kecuali]
        return self.rnd.choice(pilihan) if pilihan else kecuali

    def _riwayat(self, o: Orang) -> None:
        """2-4 contiguous rows covering 2 to ~12 years, the last one open (the current post)."""
        rnd = self.rnd
        hari_ini = self.hari_ini
        masa = (hari_ini - o.tmt).days / 365.25
        lama = {"baru": (0.3, 1.9), "normal": (2.1, 4.9), "lama": (5.2, 8.0)}[o.kategori]
        lama_sekarang = min(rnd.uniform(*lama), masa - 1.0)
        tersedia = min(masa, 11.5) - lama_sekarang  # years left for the earlier rows
        jumlah = min(rnd.choice([1, 2, 2, 3, 3]), max(1, int(tersedia)))
        total = rnd.uniform(max(jumlah * 1.0, 2.0 - lama_sekarang), max(jumlah * 1.0, min(tersedia, jumlah * 4.0)))
        if o.status == StatusAsn.PPPK:
            total = max(jumlah * 1.0, tersedia)  # a PPPK's whole (short) career since appointment
        bobot = [rnd.random() for _ in range(jumlah)]
        sebelum = [1.0 + (total - jumlah) * w / sum(bobot) for w in bobot]  # each at least a year

        baris = []
        mulai = awal_bulan(_tahun_lalu(hari_ini, lama_sekarang))
        baris.append((o.unit, o.jabatan, mulai, None))
        jabatan, unit = o.jabatan, o.unit
        for tahun in sebelum:
            sampai = mulai - timedelta(days=1)
            mulai = max(awal_bulan(_tahun_lalu(sampai, tahun)), o.tmt)
            if mulai >= sampai:
                break
            jabatan = self._jabatan_sebelum(jabatan)
            unit = self._unit_untuk(jabatan, kecuali=unit)
            baris.append((unit, jabatan, mulai, sampai))
        baris.reverse()
        # A first row close to the appointment is the appointment itself, in an entry-level post.
        unit, jabatan, mulai, sampai = baris[0]
        if (mulai - o.tmt).days < 200:
            awal = JABATAN[jabatan]
            pertama = jabatan.replace("Ahli Muda", "Ahli Pertama")
            if awal.jenjang == JJ.AHLI_MUDA and pertama in JABATAN:
                jabatan = pertama
            elif awal.kepala or awal.jenis in (J, A, P) or awal.jenjang not in ("", JJ.AHLI_PERTAMA, JJ.TERAMPIL):
                jabatan = rnd.choice(["Pengolah Data", "Pengelola Layanan Operasional", "Pengadministrasi Umum"])
            if jabatan != baris[0][1]:
                unit = self._unit_untuk(jabatan, kecuali=baris[1][0])
            baris[0] = (unit, jabatan, o.tmt, sampai)
            ket = ["Pengangkatan CPNS" if o.status == StatusAsn.PNS else "Pengangkatan PPPK"]
        else:
            ket = ["Mutasi"]
        for (_u, lama_jab, *_), (_u2, baru_jab, *_) in itertools.pairwise(baris):
            lama_def, baru_def = JABATAN[lama_jab], JABATAN[baru_jab]
            naik = baru_def.kelas > lama_def.kelas and (
                baru_def.jenis in (J, A, P) or baru_def.jenjang != lama_def.jenjang
            )
            ket.append("Promosi" if naik else "Mutasi")
        o.riwayat = [(*row, k) for row, k in zip(baris, ket, strict=True)]

    def _isi_kompetensi(self, o: Orang) -> None:
        rnd = self.rnd
        punya = []
        for _unit, jabatan, *_rest in reversed(o.riwayat):
            for k in JABATAN[jabatan].kompetensi:
                if k not in punya and rnd.random() < 0.8:
                    punya.append(k)
        if rnd.random() < 0.3:
            extra = rnd.choice(KOMPETENSI)[0]
            if extra not in punya:
                punya.append(extra)
        o.kompetensi = punya
