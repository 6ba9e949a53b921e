"""The records HR keeps about each employee besides the current post: position history,
disciplinary sanctions, competences and contact data. Every row names an employee by NIP,
who must be registered (import employees first)."""

from collections.abc import Iterator
from datetime import date
from typing import Any

from django.db.models import Model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inti.jejak import Entri, jejak_massal, perbarui_massal

from ...models import HukumanDisiplin, Kompetensi, Pegawai, RiwayatJabatan
from ..dasar import BARU, SAMA, UBAH, JenisImpor, Konteks, Lapor, Rencana, lapor_baris, tampil
from ..jejak import jejak_impor
from .kolom_riwayat import KOLOM_IMPOR_HUKUMAN, KOLOM_IMPOR_KOMPETENSI, KOLOM_IMPOR_KONTAK, KOLOM_IMPOR_RIWAYAT_JABATAN
from .organisasi import TulisMassal, audit_massal
from .rujukan import RujukanFormasi, RujukanJabatan, RujukanUnit, normal_nama, rujuk, saran


class _PerPegawai(JenisImpor):
    """Rows keyed by NIP (+ more): the employees of a batch in one query."""

    def pegawai_batch(
        self, batch, galat, fields: tuple[str, ...] = ("status", "tanggal_lahir", "email", "telepon")
    ) -> dict[str, dict[str, Any]]:
        """NIP -> the employee's `id`, `nip` and `fields`; a row naming no registered employee is an error."""
        ada = {
            p["nip"]: p
            for p in Pegawai.objects.filter(nip__in={d["nip"] for _b, d in batch}).values("id", "nip", *fields)
        }
        for baris, d in batch:
            if d["nip"] not in ada:
                galat(baris, "NIP", _("pegawai dengan NIP %(n)s tidak terdaftar") % {"n": d["nip"]})
        return ada

    @staticmethod
    def per_pegawai(batch, ada: dict[str, dict[str, Any]], galat) -> Iterator[tuple[int, dict, dict, Lapor]]:
        """The rows whose employee is registered, each as (row, item, employee, the row's reporter)."""
        for baris, d in batch:
            p = ada.get(d["nip"])
            if p is not None:
                yield baris, d, p, lapor_baris(galat, baris)

    def tanda(self, d: dict[str, Any], *rest: Any) -> str:
        return " · ".join([f"{d['nip']} {d.get('nama') or ''}".strip(), *(tampil(x) for x in rest)])

    def lampau(self, galat, kolom: str, tgl: date | None) -> bool:
        return self.cek(galat, kolom, "tanggal_lampau", tanggal=tgl)


class ImporKontak(_PerPegawai):
    kode = "kontak"
    label = gettext_lazy("Data kontak")
    keterangan = gettext_lazy("Email dan nomor telepon/HP pegawai; dicocokkan dengan NIP.")
    kolom = KOLOM_IMPOR_KONTAK
    kunci = ("nip",)

    def periksa(self, data, galat):
        t = data.get("telepon")
        if isinstance(t, str) and not all(c.isdigit() or c in "+-() " for c in t):
            galat("Telepon", _("nomor telepon %(t)s berisi huruf") % {"t": t})
            return None
        return data

    def rencanakan(self, batch, galat) -> list[Rencana]:
        ada = self.pegawai_batch(batch, galat)
        fields = [k for k in ("email", "telepon") if self.ada(k)]
        hasil = []
        for baris, d, p, _lapor in self.per_pegawai(batch, ada, galat):
            self.tetap(d, p, fields)
            hasil.append(self.rencana_ada(baris, self.tanda(d), p, d, fields, p["id"]))
        return hasil

    def terapkan(self, rencana, konteks: Konteks) -> None:
        fields = [k for k in ("email", "telepon") if self.ada(k)]
        objs = [Pegawai(pk=pid, **{k: d[k] for k in fields}) for pid, d in (r.data for r in rencana)]
        perbarui_massal(Pegawai, objs, fields, **jejak_impor(konteks))
        audit_massal(list(zip(objs, rencana, strict=True)), konteks, "pegawai.impor_kontak")


class ImporHukuman(TulisMassal, _PerPegawai):
    kode = "hukuman"
    label = gettext_lazy("Hukuman disiplin")
    keterangan = gettext_lazy("Hukuman disiplin per pegawai; dicocokkan dengan NIP + jenis + tanggal mulai.")
    kolom = KOLOM_IMPOR_HUKUMAN
    kunci = ("nip", "jenis", "mulai")
    model = HukumanDisiplin
    aksi_audit = "hukuman.impor"
    tulis = ("tingkat", "selesai")
    tulis_bila_ada = ("nomor_sk",)
    isi_baru = ("pegawai_id", "tingkat", "jenis", "mulai", "selesai", "nomor_sk")

    def periksa(self, data, galat):
        if self.lampau(galat, "Mulai", data["mulai"]):
            return None
        if data["selesai"] < data["mulai"]:
            galat("Selesai", _("tanggal selesai sebelum tanggal mulai"))
            return None
        return data

    def rencanakan(self, batch, galat) -> list[Rencana]:
        ada = self.pegawai_batch(batch, galat)
        lama = {
            (h.pegawai_id, h.jenis.casefold(), h.mulai): h
            for h in HukumanDisiplin.objects.filter(pegawai_id__in=[p["id"] for p in ada.values()])
        }
        fields = self.fields_tulis()
        hasil = []
        for baris, d, p, _lapor in self.per_pegawai(batch, ada, galat):
            d["pegawai_id"] = p["id"]
            h = lama.get((p["id"], d["jenis"].casefold(), d["mulai"]))
            self.tetap(d, {"nomor_sk": h.nomor_sk} if h else None, ["nomor_sk"])
            label = self.tanda(d, d["jenis"], d["mulai"])
            if h is None:
                hasil.append(Rencana(baris, BARU, label, {"Tingkat": ("-", d["tingkat"])}, d))
                continue
            hasil.append(self.rencana_ada(baris, label, h, d, fields, h))
        return hasil


class ImporRiwayatJabatan(TulisMassal, _PerPegawai):
    kode = "riwayat_jabatan"
    label = gettext_lazy("Riwayat jabatan")
    keterangan = gettext_lazy(
        "Jabatan-jabatan yang sudah selesai (jabatan sekarang lewat impor pegawai); dicocokkan dengan NIP + mulai."
    )
    kolom = KOLOM_IMPOR_RIWAYAT_JABATAN
    kunci = ("nip", "mulai")
    model = RiwayatJabatan
    aksi_audit = "riwayat_jabatan.impor"
    tulis = ("unit_id", "jabatan_id", "sampai")
    tulis_bila_ada = ("nomor_sk",)
    isi_baru = ("pegawai_id", "unit_id", "jabatan_id", "mulai", "sampai", "nomor_sk")

    def siapkan(self) -> None:
        self.unit = RujukanUnit()
        self.jabatan = RujukanJabatan()
        self.formasi = RujukanFormasi(self.unit)

    def periksa(self, data, galat):
        salah = rujuk(data, galat, ("Unit Kerja", "unit", self.unit), ("Jabatan", "jabatan", self.jabatan))
        if data["selesai"] < data["mulai"]:
            galat("Selesai", _("tanggal selesai sebelum tanggal mulai"))
            salah = True
        salah |= self.lampau(galat, "Selesai", data["selesai"])
        if not salah:
            salah |= self.cek(
                galat, "Jabatan", "formasi_unit_jabatan", **self.formasi.data(data["unit_id"], data["jabatan_id"])
            )
        return None if salah else data

    def rencanakan(self, batch, galat) -> list[Rencana]:
        ada = self.pegawai_batch(batch, galat)
        ids = [p["id"] for p in ada.values()]
        semua: dict[int, list[dict]] = {}
        for r in RiwayatJabatan.objects.filter(pegawai_id__in=ids).values(
            "id", "pegawai_id", "unit_id", "jabatan_id", "mulai", "sampai", "nomor_sk"
        ):
            semua.setdefault(r["pegawai_id"], []).append(r)
        fields = self.fields_tulis()
        hasil = []
        for baris, d, p, lapor in self.per_pegawai(batch, ada, galat):
            if self.cek(lapor, "Mulai", "jabatan_sebelum_cpns", nip=d["nip"], status=p["status"], mulai=d["mulai"]):
                continue
            d["pegawai_id"], d["sampai"] = p["id"], d["selesai"]
            baris_ini = {r["mulai"]: r for r in semua.get(p["id"], [])}
            r = baris_ini.get(d["mulai"])
            if r is not None and r["sampai"] is None:
                galat(baris, "Mulai", _("ini jabatan sekarang; ubah lewat impor pegawai"))
                continue
            bentrok = [
                x
                for x in semua.get(p["id"], [])
                if x is not r and x["mulai"] <= d["selesai"] and (x["sampai"] is None or x["sampai"] >= d["mulai"])
            ]
            if bentrok:
                x = bentrok[0]
                galat(
                    baris,
                    "Mulai",
                    _("tumpang tindih dengan jabatan yang tercatat mulai %(m)s") % {"m": tampil(x["mulai"])},
                )
                continue
            self.tetap(d, r, ["nomor_sk"])
            label = self.tanda(d, d["jabatan"], d["mulai"])
            if r is None:
                hasil.append(
                    Rencana(
                        baris, BARU, label, {"Jabatan": ("-", d["jabatan"]), "Selesai": ("-", tampil(d["selesai"]))}, d
                    )
                )
                continue
            perubahan = {}
            if r["unit_id"] != d["unit_id"]:
                perubahan["Unit Kerja"] = (self.unit.per_id[r["unit_id"]].nama, self.unit.per_id[d["unit_id"]].nama)
            if r["jabatan_id"] != d["jabatan_id"]:
                perubahan["Jabatan"] = (self.jabatan.per_id[r["jabatan_id"]].nama, d["jabatan"])
            if r["sampai"] != d["sampai"]:
                perubahan["Selesai"] = (tampil(r["sampai"]), tampil(d["sampai"]))
            if "nomor_sk" in fields and r["nomor_sk"] != d["nomor_sk"]:
                perubahan["Nomor SK"] = (tampil(r["nomor_sk"]), tampil(d["nomor_sk"]))
            hasil.append(Rencana(baris, UBAH if perubahan else SAMA, label, perubahan, (RiwayatJabatan(pk=r["id"]), d)))
        return hasil


class ImporKompetensi(_PerPegawai):
    kode = "kompetensi"
    label = gettext_lazy("Kompetensi pegawai")
    keterangan = gettext_lazy(
        "Kompetensi yang dimiliki pegawai, satu baris per kompetensi; dicocokkan dengan NIP + nama kompetensi."
    )
    kolom = KOLOM_IMPOR_KOMPETENSI
    kunci = ("nip", "kompetensi")

    def siapkan(self) -> None:
        self.per_nama = {normal_nama(n): (pk, n) for pk, n in Kompetensi.objects.values_list("pk", "nama")}

    def kunci_baris(self, data):
        k = data.get("kompetensi")
        return (data.get("nip"), normal_nama(k)) if data.get("nip") and k else None

    def periksa(self, data, galat):
        ketemu = self.per_nama.get(normal_nama(data["kompetensi"]))
        if ketemu is None:
            galat(
                "Kompetensi",
                _("kompetensi %(k)s tidak ada di daftar kompetensi") % {"k": data["kompetensi"]}
                + saran(data["kompetensi"], {k: n for k, (_pk, n) in self.per_nama.items()}),
            )
            return None
        data["kompetensi_id"], data["kompetensi"] = ketemu
        return data

    def rencanakan(self, batch, galat) -> list[Rencana]:
        ada = self.pegawai_batch(batch, galat)
        Lewat = Pegawai.kompetensi.through
        punya = set(
            Lewat.objects.filter(pegawai_id__in=[p["id"] for p in ada.values()]).values_list(
                "pegawai_id", "kompetensi_id"
            )
        )
        hasil = []
        for baris, d, p, _lapor in self.per_pegawai(batch, ada, galat):
            d["pegawai_id"] = p["id"]
            aksi = SAMA if (p["id"], d["kompetensi_id"]) in punya else BARU
            hasil.append(
                Rencana(baris, aksi, self.tanda(d), {"Kompetensi": ("-", d["kompetensi"])} if aksi == BARU else {}, d)
            )
        return hasil

    def terapkan(self, rencana, konteks: Konteks) -> None:
        Lewat = Pegawai.kompetensi.through
        Lewat.objects.bulk_create(
            [Lewat(pegawai_id=r.data["pegawai_id"], kompetensi_id=r.data["kompetensi_id"]) for r in rencana],
            batch_size=1000,
            ignore_conflicts=True,
        )
        # The trail as auditlog writes a many-to-many addition (the through rows bypass its signal).
        tambah = [{"type": "m2m", "operation": "add", "objects": [r.data["kompetensi"]]} for r in rencana]
        jejak_massal(
            Pegawai,
            [
                Entri(pk=r.data["pegawai_id"], perubahan={"kompetensi": t}, induk={"pegawai": r.data["pegawai_id"]})
                for r, t in zip(rencana, tambah, strict=True)
            ],
            **jejak_impor(konteks),
        )
        objs: list[Model] = [Pegawai(pk=r.data["pegawai_id"]) for r in rencana]
        audit_massal(list(zip(objs, rencana, strict=True)), konteks, "pegawai.impor_kompetensi")
