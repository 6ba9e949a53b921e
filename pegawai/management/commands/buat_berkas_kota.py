"""manage.py buat_berkas_kota [--pegawai 20000] [--ke var/kota/] [--format csv|xlsx] [--benih 1]

A city-sized set of import files, made up but plausible, in the formats the import accepts (for trial
runs, load tests and training, never for a server with real data):

  01-unit.csv                 the unit tree: OPDs with secretariat, fields (bidang) and sections (seksi),
                              31 kecamatan with their kelurahan, puskesmas, primary and junior schools
  02-jabatan.csv              the positions (head posts, structural, functional with levels, clerical)
  03-tugas.csv                one workload task per position and unit (the formasi the checks read)
  03-pegawai-riwayat-1.csv    the first post of employees with three posts in their career
  04-pegawai-riwayat-2.csv    the post before the current one (employees with two or three posts)
  05-pegawai.csv (or .xlsx)   every employee with the current post, rank, education and e-mail
  06-riwayat-golongan.csv     the rank history: entry rank on the TMT CPNS, one step per four years
  07-pendidikan.csv           the education history (secondary school, diploma/bachelor/master), in
                              SIASN's rw-pendidikan field names

Imported in that order (`manage.py impor FILE --jenis unit|jabatan|tugas|pegawai|riwayat_golongan|
pendidikan`, or the web import), the employee files build each employee's position history: a changed
post closes the previous one the day before the new TMT; the rank file ends at each employee's current
golongan, and the education file's highest level becomes their pendidikan ('S-1 MANAJEMEN'). NIPs
are valid (birth date, TMT CPNS, gender digit, sequence); TMT CPNS lies between ages 20 and 35, every
post starts after it and none in the future; the rank follows education and years of service. The same
--benih gives the same files."""

import csv
import random
from datetime import date, timedelta
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from inti.kalender import tambah_tahun
from pegawai.impor.jenis import JENIS
from pegawai.management.kota_data import (
    BELAKANG,
    BOBOT,
    DEPAN_L,
    DEPAN_P,
    GOLONGAN,
    JABATAN,
    JURUSAN,
    KAMPUS,
    KECAMATAN,
    KELURAHAN_PER_KEC,
    KEPALA,
    OPD,
    PENDIDIKAN,
    PUSKESMAS,
    SEKOLAH_SD,
    SEKOLAH_SMP,
    STAF_KANTOR,
    STAF_PUSKESMAS,
)

JUDUL_PEGAWAI = ["NIP", "Nama", "Gelar Depan", "Gelar Belakang", "Jenis Kelamin", "Tanggal Lahir", "Status"]
JUDUL_PEGAWAI += ["Golongan", "Jabatan", "Unit Kerja", "TMT Jabatan", "Pendidikan", "Email"]
JUDUL_GOLONGAN = ["NIP", "Nama", "Golongan", "TMT Golongan", "Nomor SK", "Tanggal SK", "Jenis Kenaikan"]
# the education file uses SIASN's rw-pendidikan field names, which the import accepts as aliases
JUDUL_PENDIDIKAN = ["nipBaru", "nama", "tkPendidikanNama", "pendidikanNama", "namaSekolah", "tahunLulus", "nomorIjasah"]


def _unit() -> list[dict]:
    """The unit tree, with a weight (how many employees it gets) and a type for its staff."""
    u = []

    def tambah(kode, nama, jenis, induk="", tipe=None):
        u.append({"kode": kode, "nama": nama, "jenis": jenis, "induk": induk, "tipe": tipe or jenis})

    for kode, nama in OPD:
        tambah(kode, nama, "OPD")
        tambah(f"{kode}-SEK", f"Sekretariat {nama}", "Sekretariat", kode)
        for b in range(1, 4):
            tambah(f"{kode}-B{b}", f"Bidang {b} {nama}", "Bidang", kode)
            for s in range(1, 3):
                tambah(f"{kode}-B{b}-S{s}", f"Seksi {b}.{s} {nama}", "Seksi", f"{kode}-B{b}")
    for i, kec in enumerate(KECAMATAN, 1):
        nama = kec.replace("-", " ")
        tambah(f"KEC-{i:02d}", f"Kecamatan {nama}", "Kecamatan")
        for k in range(1, KELURAHAN_PER_KEC + 1):
            tambah(f"KEC-{i:02d}-KEL-{k}", f"Kelurahan {nama} {k}", "Kelurahan", f"KEC-{i:02d}")
    for i in range(1, PUSKESMAS + 1):
        tambah(f"PKM-{i:02d}", f"Puskesmas Surabaya {i}", "Puskesmas", "DINKES")
    for i in range(1, SEKOLAH_SD + 1):
        tambah(f"SDN-{i:03d}", f"SD Negeri Surabaya {i}", "Sekolah", "DISPENDIK", "SD")
    for i in range(1, SEKOLAH_SMP + 1):
        tambah(f"SMPN-{i:02d}", f"SMP Negeri {i} Surabaya", "Sekolah", "DISPENDIK", "SMP")
    return u


def _naik(gol: str, langkah: int, maks: str) -> str:
    return GOLONGAN[min(GOLONGAN.index(gol) + max(0, langkah), GOLONGAN.index(maks))]


class Kota:
    def __init__(self, n: int, benih: int, hari_ini: date):
        self.acak = random.Random(benih)
        self.hari_ini = hari_ini
        self.unit = _unit()
        self.nip: set[str] = set()
        self.pegawai = [self._orang(i) for i in range(n)]
        self._tempatkan()

    def _orang(self, i: int) -> dict:
        a = self.acak
        jk = a.choice("LP")
        pend = a.choices(list(PENDIDIKAN), weights=(25, 20, 45, 10))[0]
        masuk_min = max(20, 18 + PENDIDIKAN[pend][3] + 1)
        umur = a.randint(masuk_min + 2, 57)
        lahir = date(self.hari_ini.year - umur, a.randint(1, 12), a.randint(1, 28))
        umur_masuk = a.randint(masuk_min, min(35, umur - 1))
        tmt_cpns = date(lahir.year + umur_masuk, a.randint(1, 12), 1)
        if tmt_cpns >= self.hari_ini:
            tmt_cpns = date(self.hari_ini.year - 1, 1, 1)
        urut = 1
        while True:
            nip = f"{lahir:%Y%m%d}{tmt_cpns:%Y%m}{'1' if jk == 'L' else '2'}{urut:03d}"
            if nip not in self.nip:
                break
            urut += 1
        self.nip.add(nip)
        depan = a.choice(DEPAN_L if jk == "L" else DEPAN_P)
        return {
            "nip": nip,
            "nama": f"{depan} {a.choice(BELAKANG)}",
            "jk": jk,
            "lahir": lahir,
            "pend": pend,
            "tmt_cpns": tmt_cpns,
            "email": f"{depan.lower()}.{nip[-10:]}@surabaya.go.id",
        }

    def _gol(self, p: dict, pada: date) -> str:
        awal, maks, _g, _t = PENDIDIKAN[p["pend"]]
        return _naik(awal, (pada - p["tmt_cpns"]).days // (4 * 365), maks)

    def _staf(self, tipe: str, p: dict, senior: bool) -> str:
        a = self.acak
        if tipe in ("SD", "SMP"):
            nama = "Guru"
        elif tipe == "Puskesmas":
            nama = a.choice(STAF_PUSKESMAS)
        else:
            nama = a.choice(STAF_KANTOR)
        ahli = p["pend"] in ("S1", "S2")
        if nama in ("Guru", "Analis Sumber Daya Manusia Aparatur", "Perencana", "Dokter"):
            if not ahli:
                return "Pengadministrasi Umum" if nama != "Guru" else "Pengolah Data"
            if nama == "Guru" and senior and p["pend"] == "S2":
                return "Guru Ahli Madya"
            return f"{nama} Ahli Muda" if senior else f"{nama} Ahli Pertama"
        if nama == "Perawat":
            return "Perawat Ahli Pertama" if ahli else "Perawat Terampil"
        return nama

    def _tempatkan(self) -> None:
        """Current unit and post of everyone; one head per unit that has staff; earlier posts."""
        a = self.acak
        bobot = [BOBOT[u["tipe"]] for u in self.unit]
        pilih = a.choices(range(len(self.unit)), weights=bobot, k=len(self.pegawai))
        berkepala: set[int] = set()
        for p, iu in zip(self.pegawai, pilih, strict=True):
            u = self.unit[iu]
            masa = (self.hari_ini - p["tmt_cpns"]).days // 365
            kepala = KEPALA.get(u["jenis"])
            jadi_kepala = iu not in berkepala and kepala and masa >= 8 and p["pend"] in ("S1", "S2")
            if jadi_kepala:
                berkepala.add(iu)
            p["karier"] = []
            jumlah = a.choices((1, 2, 3), weights=(35, 35, 30))[0] if masa >= 6 else 1
            # Post starts: after TMT CPNS, in order, the last at least a month ago.
            batas = (self.hari_ini - p["tmt_cpns"]).days - 30
            if batas < 31 + jumlah:
                jumlah, mulai = 1, [max(0, batas // 2)]
            else:
                mulai = sorted(a.sample(range(30, batas), jumlah))
            for k, d in enumerate(mulai):
                tmt = p["tmt_cpns"] + timedelta(days=d)
                terakhir = k == jumlah - 1
                if terakhir:
                    unit = u
                else:  # an earlier post: another unit of the same type, a staff post
                    unit = a.choice([x for x in self.unit[max(0, iu - 40) : iu + 40] if x["tipe"] == u["tipe"]] or [u])
                jab = kepala if terakhir and jadi_kepala else self._staf(unit["tipe"], p, senior=k > 0 or masa > 12)
                p["karier"].append({"unit": unit["kode"], "jabatan": jab, "tmt": tmt, "gol": self._gol(p, tmt)})
            p["gol"] = self._gol(p, self.hari_ini)
            if jadi_kepala:
                p["gol"] = _naik(p["gol"], 0, PENDIDIKAN[p["pend"]][1])

    def baris_tugas(self) -> list[list]:
        """One workload task (ABK) per position in each unit that ever holds it: the units' formasi, which
        the plausibility rule 'position fits its unit' reads, before any employee is imported."""
        pasangan = sorted({(k["unit"], k["jabatan"]) for p in self.pegawai for k in p["karier"]})
        return [[u, j, f"Melaksanakan tugas pokok {j}", "Dokumen", 120, 60] for u, j in pasangan]

    def baris_pegawai(self, langkah: int) -> list[list]:
        """Rows of the employee file: langkah 0 = the current post; 1 = the one before; 2 = two before."""
        rows = []
        for p in self.pegawai:
            if len(p["karier"]) <= langkah:
                continue
            pos = p["karier"][-1 - langkah]
            gelar = PENDIDIKAN[p["pend"]][2]
            rows.append(
                [
                    p["nip"],
                    p["nama"],
                    "dr." if pos["jabatan"].startswith("Dokter") else "",
                    gelar,
                    p["jk"],
                    p["lahir"].isoformat(),
                    "PNS",
                    p["gol"] if langkah == 0 else pos["gol"],
                    pos["jabatan"],
                    pos["unit"],
                    pos["tmt"].isoformat(),
                    p["pend"],
                    p["email"],
                ]
            )
        return rows


def baris_golongan(kota: "Kota") -> list[list]:
    """Rank history: the entry golongan of the education on the TMT CPNS, one step per four calendar
    years of service (as `_gol` counts them) up to the current golongan; every TMT has passed."""
    rows = []
    for p in kota.pegawai:
        awal = GOLONGAN.index(PENDIDIKAN[p["pend"]][0])
        for k in range(GOLONGAN.index(p["gol"]) - awal + 1):
            tmt = tambah_tahun(p["tmt_cpns"], 4 * k) if k else p["tmt_cpns"]
            tmt = min(tmt, kota.hari_ini)
            jenis = "Pengangkatan" if k == 0 else "Reguler"
            sk = f"823.3/{p['nip'][-6:]}{k:02d}/436.7.2/{tmt.year}"
            rows.append([p["nip"], p["nama"], GOLONGAN[awal + k], tmt.isoformat(), sk, tmt.isoformat(), jenis])
    return rows


def baris_pendidikan(kota: "Kota") -> list[list]:
    """Education: secondary school, then the level of the profile (a master's over a bachelor's)."""
    label = {"SMA": "SLTA", "D3": "Diploma III", "S1": "S-1/Sarjana", "S2": "S-2"}
    lulus = {"SMA": 18, "D3": 21, "S1": 22, "S2": 24}
    rows = []
    for p in kota.pegawai:
        n = int(p["nip"][-9:])
        jurusan = JURUSAN[p["pend"]][n % len(JURUSAN[p["pend"]])]
        tingkat = ["SMA"] + (["S1"] if p["pend"] == "S2" else []) + ([p["pend"]] if p["pend"] != "SMA" else [])
        for t in tingkat:
            tahun = min(p["lahir"].year + lulus[t], p["tmt_cpns"].year)
            nama_jurusan = "" if t == "SMA" else f"{label[t].split('/')[0]} {jurusan.upper()}"
            kampus = KAMPUS[t][n % len(KAMPUS[t])]
            rows.append([p["nip"], p["nama"], label[t], nama_jurusan, kampus, tahun, f"{t}/{tahun}/{n % 100000:05d}"])
    return rows


def _tulis(path: Path, judul: list[str], rows: list[list], fmt: str) -> Path:
    if fmt == "xlsx":
        import openpyxl

        path = path.with_suffix(".xlsx")
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet("Data")
        ws.append(judul)
        for r in rows:
            ws.append(r)
        wb.save(path)
        return path
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(judul)
        w.writerows(rows)
    return path


class Command(BaseCommand):
    help = "Buat satu set file impor seukuran kota (unit, jabatan, pegawai dengan riwayat jabatan) untuk uji coba."

    def add_arguments(self, parser):
        parser.add_argument("--pegawai", type=int, default=20000, help="Jumlah pegawai (bawaan 20000)")
        parser.add_argument("--ke", default="var/kota", help="Folder tujuan (bawaan var/kota)")
        parser.add_argument("--format", choices=("csv", "xlsx"), default="csv", help="Format file pegawai terkini")
        parser.add_argument("--benih", type=int, default=1, help="Benih acak: benih sama, file sama")

    def handle(self, *args, pegawai, ke, format, benih, **options):
        if pegawai < 1:
            raise CommandError("--pegawai minimal 1")
        for jenis in ("unit", "jabatan", "pegawai", "riwayat_golongan", "pendidikan"):
            if jenis not in JENIS:
                raise CommandError(f"Jenis impor {jenis} tidak ada")
        folder = Path(ke)
        folder.mkdir(parents=True, exist_ok=True)
        kota = Kota(pegawai, benih, timezone.localdate())
        berkas = [
            (
                _tulis(
                    folder / "01-unit.csv",
                    ["Kode", "Nama", "Jenis", "Kode Induk"],
                    [[u["kode"], u["nama"], u["jenis"], u["induk"]] for u in kota.unit],
                    "csv",
                ),
                "unit",
            ),
            (
                _tulis(
                    folder / "02-jabatan.csv",
                    ["Nama", "Jenis", "Kelas", "Jenjang", "Kepala Unit"],
                    [[n, j, k, jj, "Ya" if kp else "Tidak"] for n, (j, k, jj, kp) in JABATAN.items()],
                    "csv",
                ),
                "jabatan",
            ),
            (
                _tulis(
                    folder / "03-tugas.csv",
                    ["Kode Unit", "Jabatan", "Uraian Tugas", "Satuan Hasil", "Volume", "Norma Waktu"],
                    kota.baris_tugas(),
                    "csv",
                ),
                "tugas",
            ),
            (_tulis(folder / "03-pegawai-riwayat-1.csv", JUDUL_PEGAWAI, kota.baris_pegawai(2), "csv"), "pegawai"),
            (_tulis(folder / "04-pegawai-riwayat-2.csv", JUDUL_PEGAWAI, kota.baris_pegawai(1), "csv"), "pegawai"),
            (_tulis(folder / "05-pegawai.csv", JUDUL_PEGAWAI, kota.baris_pegawai(0), format), "pegawai"),
            (
                _tulis(folder / "06-riwayat-golongan.csv", JUDUL_GOLONGAN, baris_golongan(kota), "csv"),
                "riwayat_golongan",
            ),
            (_tulis(folder / "07-pendidikan.csv", JUDUL_PENDIDIKAN, baris_pendidikan(kota), "csv"), "pendidikan"),
        ]
        urutan = "\n".join(f"manage.py impor {p} --jenis {j}" for p, j in berkas)
        (folder / "00-BACA.txt").write_text(
            "Data buatan untuk uji coba (bukan data nyata). Impor berurutan:\n" + urutan + "\n", encoding="utf-8"
        )
        riwayat = sum(len(p["karier"]) for p in kota.pegawai)
        self.stdout.write(
            f"{len(kota.unit)} unit, {len(JABATAN)} jabatan, {len(kota.pegawai)} pegawai, "
            f"{riwayat} riwayat jabatan -> {folder}/"
        )
        for p, j in berkas:
            self.stdout.write(f"  {p.name} ({j})")
