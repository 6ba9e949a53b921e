"""Rank history (riwayat golongan) and education history (riwayat pendidikan): rows keyed by NIP
(+ golongan + TMT, or + level + major), the employee already registered. After a batch is written
the profile follows its histories (`services.pangkat.profil_sinkron`): the latest rank whose TMT
has come sets the golongan, the highest education the pendidikan. SIASN's rw-golongan and
rw-pendidikan field names are accepted as headers."""

import re
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...models import (
    GOLONGAN_PPPK,
    RiwayatGolongan,
    RiwayatPendidikan,
    StatusAsn,
    SumberData,
    TingkatPendidikan,
)
from ...services.pangkat import profil_sinkron
from ..dasar import BARU, Konteks, Rencana, tampil
from ..nilai import HAPUS
from .kolom_riwayat import KOLOM_IMPOR_PENDIDIKAN, KOLOM_IMPOR_RIWAYAT_GOLONGAN
from .organisasi import TulisMassal, _catatan, _oleh
from .riwayat import _PerPegawai
from .rujukan import normal_nama

T = TingkatPendidikan
# A major written with its level in front, as SIASN's pendidikanNama does ("S-1 ILMU HUKUM").
_AWALAN_TINGKAT = re.compile(r"^(S\s*-?\s*[123]|D\s*-?\s*(I{1,3}|IV|[1-4])|SMA|SMK|SLTA|SMP|SLTP|SD)\b[\s.:-]*", re.I)


class _RiwayatProfil(TulisMassal, _PerPegawai):
    """A history the profile follows: imported rows are marked as such, and after each written
    batch the employees' profiles are brought in line with their histories."""

    tetap_baru = {"sumber": SumberData.IMPOR}

    def rencana_riwayat(
        self, baris: int, label: str, r: dict | None, d: dict, fields, baru: tuple[str, str]
    ) -> Rencana:
        """The plan of a row: a new history record (the preview shows `baru`: a column and its
        value) when no stored record `r` matches, else `r` compared with the row."""
        if r is None:
            return Rencana(baris, BARU, label, {baru[0]: ("-", baru[1])}, d)
        return self.rencana_ada(baris, label, r, d, fields, self.model(pk=r["id"]))

    def terapkan(self, rencana, konteks: Konteks) -> None:
        super().terapkan(rencana, konteks)
        pegawai_ids = [(r.data if r.aksi == BARU else r.data[1])["pegawai_id"] for r in rencana]
        profil_sinkron(oleh=_oleh(konteks), pegawai_ids=pegawai_ids, lewat=_catatan(konteks))


class ImporRiwayatGolongan(_RiwayatProfil):
    kode = "riwayat_golongan"
    label = gettext_lazy("Riwayat golongan (pangkat)")
    keterangan = gettext_lazy(
        "Golongan/pangkat per pegawai dengan TMT dan SK; dicocokkan dengan NIP + golongan + TMT. "
        "Golongan terakhir yang TMT-nya sudah tiba menjadi golongan pegawai."
    )
    kolom = KOLOM_IMPOR_RIWAYAT_GOLONGAN
    kunci = ("nip", "golongan", "tmt")
    model = RiwayatGolongan
    aksi_audit = "riwayat_golongan.impor"
    tulis_bila_ada = ("nomor_sk", "tanggal_sk", "jenis_kenaikan")
    isi_baru = ("pegawai_id", "golongan", "tmt", "nomor_sk", "tanggal_sk", "jenis_kenaikan")

    def siapkan(self) -> None:
        self.terlihat: dict[int, list[tuple[date, str]]] = {}  # rows of earlier batches, per employee

    def periksa(self, data, galat):
        salah = self.lampau(galat, "TMT Golongan", data["tmt"])
        if isinstance(data.get("tanggal_sk"), date):
            salah |= self.lampau(galat, "Tanggal SK", data["tanggal_sk"])
        return None if salah else data

    def rencanakan(self, batch, galat) -> list[Rencana]:
        ada = self.pegawai_batch(batch, galat, ("status", "pendidikan", "nama"))
        ids = [p["id"] for p in ada.values()]
        lama: dict[int, dict[tuple[str, date], dict]] = {}
        for r in RiwayatGolongan.objects.filter(pegawai_id__in=ids).values(
            "id", "pegawai_id", "golongan", "tmt", "nomor_sk", "tanggal_sk", "jenis_kenaikan"
        ):
            lama.setdefault(r["pegawai_id"], {})[(r["golongan"], r["tmt"])] = r
        sekolah: dict[int, list[tuple[int, int, str]]] = {}
        for r in RiwayatPendidikan.objects.filter(pegawai_id__in=ids):
            sekolah.setdefault(r.pegawai_id, []).append((r.tahun_lulus, T.urutan(r.tingkat), r.teks))
        fields = self.fields_tulis()
        hasil = []
        for baris, d, p, lapor in self.per_pegawai(batch, ada, galat):
            pppk = d["golongan"] in GOLONGAN_PPPK
            if (p["status"] == StatusAsn.PPPK) != pppk:
                pesan = _("golongan PPPK adalah I sampai XVII, bukan %(g)s") if not pppk else None
                pesan = pesan or _("golongan PNS adalah I/a sampai IV/e, bukan %(g)s")
                lapor("Golongan", pesan % {"g": d["golongan"]})
                continue
            pid = p["id"]
            lain = [(t, g) for (g, t) in lama.get(pid, {})] + self.terlihat.get(pid, [])
            salah = self.cek(
                lapor, "TMT Golongan", "golongan_sebelum_cpns", nip=d["nip"], status=p["status"], tmt=d["tmt"]
            )
            salah |= self.cek(lapor, "Golongan", "golongan_naik", golongan=d["golongan"], tmt=d["tmt"], lain=lain)
            lulus = [x for x in sekolah.get(pid, []) if x[0] <= d["tmt"].year]
            pendidikan = max(lulus, key=lambda x: (x[1], x[0]))[2] if lulus else p["pendidikan"]
            salah |= self.cek_golongan(lapor, "Golongan", d["nip"], p["status"], d["golongan"], pendidikan, d["tmt"])
            self.terlihat.setdefault(pid, []).append((d["tmt"], d["golongan"]))
            if salah:
                continue
            d["pegawai_id"] = pid
            r = lama.get(pid, {}).get((d["golongan"], d["tmt"]))
            self.tetap(d, r, ["nomor_sk", "jenis_kenaikan"])
            self.tetap(d, r, ["tanggal_sk"], kosong=None)
            label = self.tanda(d, d["golongan"], d["tmt"])
            hasil.append(self.rencana_riwayat(baris, label, r, d, fields, ("Golongan", d["golongan"])))
        return hasil


class ImporPendidikan(_RiwayatProfil):
    kode = "pendidikan"
    label = gettext_lazy("Riwayat pendidikan")
    keterangan = gettext_lazy(
        "Pendidikan yang ditamatkan, satu baris per ijazah; dicocokkan dengan NIP + tingkat + jurusan. "
        "Pendidikan tertinggi menjadi pendidikan terakhir pegawai."
    )
    kolom = KOLOM_IMPOR_PENDIDIKAN
    kunci = ("nip", "tingkat", "jurusan")
    model = RiwayatPendidikan
    aksi_audit = "riwayat_pendidikan.impor"
    tulis = ("institusi", "tahun_lulus")
    tulis_bila_ada = ("nomor_ijazah", "tanggal_lulus")
    isi_baru = ("pegawai_id", "tingkat", "jurusan", "institusi", "tahun_lulus", "nomor_ijazah", "tanggal_lulus")

    def kunci_baris(self, data):
        if not data.get("nip") or not data.get("tingkat"):
            return None
        jurusan = data.get("jurusan")
        return (data["nip"], data["tingkat"], normal_nama(jurusan) if isinstance(jurusan, str) else "")

    def periksa(self, data, galat):
        jurusan = data.get("jurusan")
        jurusan = "" if jurusan is None or jurusan is HAPUS else _AWALAN_TINGKAT.sub("", jurusan).strip()
        data["jurusan"] = jurusan
        salah = self.cek(galat, "Tahun Lulus", "lulus_lampau", tahun=data["tahun_lulus"])
        tgl = data.get("tanggal_lulus")
        if isinstance(tgl, date):
            salah |= self.lampau(galat, "Tanggal Lulus", tgl)
            if tgl.year != data["tahun_lulus"]:
                galat(
                    "Tanggal Lulus",
                    _("tanggal lulus %(t)s tidak di tahun lulus %(y)s") % {"t": tampil(tgl), "y": data["tahun_lulus"]},
                )
                salah = True
        return None if salah else data

    def rencanakan(self, batch, galat) -> list[Rencana]:
        ada = self.pegawai_batch(batch, galat, ("status", "tanggal_lahir", "golongan", "pendidikan"))
        ids = [p["id"] for p in ada.values()]
        lama: dict[tuple[int, str, str], dict] = {}
        for r in RiwayatPendidikan.objects.filter(pegawai_id__in=ids).values(
            "id", "pegawai_id", "tingkat", "jurusan", "institusi", "tahun_lulus", "nomor_ijazah", "tanggal_lulus"
        ):
            lama[(r["pegawai_id"], r["tingkat"], normal_nama(r["jurusan"]))] = r
        puncak: dict[int, int] = {}  # employee -> highest level recorded
        for pid, tingkat, _j in lama:
            puncak[pid] = max(puncak.get(pid, -1), T.urutan(tingkat))
        akhir = dict(puncak)  # ... and after this batch
        for _b, d in batch:
            if (p := ada.get(d["nip"])) is not None:
                akhir[p["id"]] = max(akhir.get(p["id"], -1), T.urutan(d["tingkat"]))
        fields = self.fields_tulis()
        hasil = []
        for baris, d, p, lapor in self.per_pegawai(batch, ada, galat):
            pid = p["id"]
            salah = self.cek(lapor, "Tahun Lulus", "lulus_usia", tahun=d["tahun_lulus"], lahir=p["tanggal_lahir"])
            urut = T.urutan(d["tingkat"])
            if urut == akhir[pid] > puncak.get(pid, -1):  # the new highest: the profile's rank must fit it
                teks = " ".join(x for x in (TingkatPendidikan(d["tingkat"]).label, d["jurusan"]) if x)
                salah |= self.cek_golongan(lapor, "Tingkat", d["nip"], p["status"], p["golongan"], teks)
            if salah:
                continue
            d["pegawai_id"] = pid
            r = lama.get((pid, d["tingkat"], normal_nama(d["jurusan"])))
            if r is not None:
                d["jurusan"] = r["jurusan"]  # the key keeps its stored spelling
            self.tetap(d, r, ["nomor_ijazah"])
            self.tetap(d, r, ["tanggal_lulus"], kosong=None)
            label = self.tanda(d, TingkatPendidikan(d["tingkat"]).label, d["jurusan"])
            hasil.append(self.rencana_riwayat(baris, label, r, d, fields, ("Institusi", d["institusi"])))
        return hasil
