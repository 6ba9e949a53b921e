"""Workload tasks (Anjab/ABK) per unit and position, and yearly performance predicates:
the two kinds the needs-analysis and review issues import with the same engine."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy

from ...models import KinerjaTahunan, Predikat, TugasJabatan
from ..dasar import BARU, Rencana
from .kolom_riwayat import KOLOM_IMPOR_KINERJA, KOLOM_IMPOR_TUGAS
from .organisasi import TulisMassal
from .riwayat import _PerPegawai
from .rujukan import RujukanJabatan, RujukanUnit, rujuk


class ImporTugas(TulisMassal):
    kode = "tugas"
    label = gettext_lazy("Uraian tugas (ABK)")
    keterangan = gettext_lazy(
        "Beban kerja per unit dan jabatan (analisis beban kerja); dicocokkan dengan unit + jabatan + uraian tugas."
    )
    kolom = KOLOM_IMPOR_TUGAS
    kunci = ("unit", "jabatan", "uraian")
    model = TugasJabatan
    aksi_audit = "tugas.impor"
    tulis = ("volume", "norma_waktu")
    tulis_bila_ada = ("satuan_hasil",)
    isi_baru = ("unit_id", "jabatan_id", "uraian", "satuan_hasil", "volume", "norma_waktu")

    def siapkan(self) -> None:
        self.unit = RujukanUnit()
        self.jabatan = RujukanJabatan()

    def periksa(self, data: dict[str, Any], galat) -> dict[str, Any] | None:
        salah = rujuk(data, galat, ("Kode Unit", "unit", self.unit), ("Jabatan", "jabatan", self.jabatan))
        salah |= self.cek(galat, "Volume", "tugas_positif", volume=data["volume"], norma_waktu=data["norma_waktu"])
        return None if salah else data

    def kunci_baris(self, data: dict[str, Any]) -> tuple | None:
        # Resolved ids: the same unit written once by code and once by name is still one task.
        if data.get("unit_id") and data.get("jabatan_id") and data.get("uraian"):
            return (data["unit_id"], data["jabatan_id"], data["uraian"])
        return super().kunci_baris(data)

    def rencanakan(self, batch, galat) -> list[Rencana]:
        ada = {
            (t.unit_id, t.jabatan_id, t.uraian): t
            for t in TugasJabatan.objects.filter(
                unit_id__in={d["unit_id"] for _b, d in batch}, jabatan_id__in={d["jabatan_id"] for _b, d in batch}
            )
        }
        fields = self.fields_tulis()
        hasil = []
        for baris, d in batch:
            t = ada.get((d["unit_id"], d["jabatan_id"], d["uraian"]))
            self.tetap(d, {"satuan_hasil": t.satuan_hasil} if t is not None else None, ["satuan_hasil"])
            label = f"{self.unit.per_id[d['unit_id']].kode} · {d['jabatan']} · {d['uraian']}"
            if t is None:
                hasil.append(self.rencana_baru(baris, label, d, fields))
            else:
                hasil.append(self.rencana_ada(baris, label, t, d, fields, t))
        return hasil


class ImporKinerja(TulisMassal, _PerPegawai):
    kode = "kinerja"
    label = gettext_lazy("Predikat kinerja tahunan")
    keterangan = gettext_lazy(
        "Predikat kinerja (SKP) per pegawai per tahun; dicocokkan dengan NIP + tahun. Pegawainya harus sudah terdaftar."
    )
    kolom = KOLOM_IMPOR_KINERJA
    kunci = ("nip", "tahun")
    model = KinerjaTahunan
    aksi_audit = "kinerja.impor"
    tulis = ("predikat",)
    tulis_bila_ada = ("keterangan",)
    isi_baru = ("pegawai_id", "tahun", "predikat", "keterangan")

    def periksa(self, data: dict[str, Any], galat) -> dict[str, Any] | None:
        if self.cek(galat, "Tahun", "tahun_lampau", tahun=data["tahun"], hari_ini=timezone.localdate()):
            return None
        return data

    def rencanakan(self, batch, galat) -> list[Rencana]:
        pegawai = self.pegawai_batch(batch, galat, ())
        ids = [p["id"] for p in pegawai.values()]
        ada = {(k.pegawai_id, k.tahun): k for k in KinerjaTahunan.objects.filter(pegawai_id__in=ids)}
        fields = self.fields_tulis()
        hasil = []
        for baris, d, p, _lapor in self.per_pegawai(batch, pegawai, galat):
            d["pegawai_id"] = pid = p["id"]
            label = self.tanda(d, d["tahun"])
            k = ada.get((pid, d["tahun"]))
            self.tetap(d, {"keterangan": k.keterangan} if k is not None else None, ["keterangan"])
            if k is None:
                hasil.append(Rencana(baris, BARU, label, {"Predikat": ("-", str(Predikat(d["predikat"]).label))}, d))
                continue
            rencana = self.rencana_ada(baris, label, k, d, fields, k)
            if "Predikat" in rencana.perubahan:
                rencana.perubahan["Predikat"] = (str(Predikat(k.predikat).label), str(Predikat(d["predikat"]).label))
            hasil.append(rencana)
        return hasil
