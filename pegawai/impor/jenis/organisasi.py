"""Units (matched by code) and positions (matched by exact name): small reference tables,
checked as one batch so a unit may name a parent further down the same file."""

from collections.abc import Callable
from typing import Any

from django.db.models import Model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inti.jejak import jejak_buat, perbarui_massal
from inti.models import CatatanAudit

from ...models import Jabatan, JenisJabatan, JenisUnit, JenjangJabatan, UnitKerja
from ..dasar import BARU, UBAH, JenisImpor, Konteks, Rencana, tampil
from ..jejak import jejak_impor
from ..nilai import HAPUS
from .kolom import KOLOM_IMPOR_JABATAN, KOLOM_IMPOR_UNIT

# Which levels fit which kind of position (UU 20/2023).
_JENJANG_SAH = {
    JenisJabatan.JPT: {JenjangJabatan.JPT_UTAMA, JenjangJabatan.JPT_MADYA, JenjangJabatan.JPT_PRATAMA},
    JenisJabatan.FUNGSIONAL: {
        JenjangJabatan.AHLI_UTAMA,
        JenjangJabatan.AHLI_MADYA,
        JenjangJabatan.AHLI_MUDA,
        JenjangJabatan.AHLI_PERTAMA,
        JenjangJabatan.PENYELIA,
        JenjangJabatan.MAHIR,
        JenjangJabatan.TERAMPIL,
        JenjangJabatan.PEMULA,
    },
}


def _oleh(konteks: Konteks):
    return konteks.oleh if getattr(konteks.oleh, "is_authenticated", False) else None


def _catatan(konteks: Konteks) -> str:
    return f"Impor #{konteks.impor.pk}" if konteks.impor else "Impor"


def audit_massal(objek_rencana, konteks: Konteks, aksi: str) -> None:
    """One audit row per written record, inserted in bulk."""
    catatan = _catatan(konteks)
    CatatanAudit.objects.bulk_create(
        [
            CatatanAudit(
                waktu=konteks.waktu,
                oleh=_oleh(konteks),
                aksi=f"{aksi}_{'buat' if r.aksi == BARU else 'ubah'}",
                objek_tipe=obj._meta.label_lower,
                objek_id=str(obj.pk),
                ringkasan=(_("Dibuat lewat %(c)s") if r.aksi == BARU else _("Diubah lewat %(c)s")) % {"c": catatan},
                perubahan={k: [a, b] for k, (a, b) in r.perubahan.items()},
            )
            for obj, r in objek_rencana
        ],
        batch_size=1000,
    )


def tulis_massal(
    model: type[Model],
    rencana: list[Rencana],
    fields: list[str],
    konteks: Konteks,
    aksi: str,
    *,
    baru: Callable[[dict[str, Any]], Model],
) -> None:
    """Write the plans of one kind in bulk: a new row is `baru(values)`, a changed one (its data
    is (instance, values)) gets `fields` set; then one audit row per record."""
    dibuat, diubah, pasangan = [], [], []
    for r in rencana:
        if r.aksi == BARU:
            obj = baru(r.data)
            dibuat.append(obj)
        else:
            obj, d = r.data
            for k in fields:
                setattr(obj, k, d[k])
            diubah.append(obj)
        pasangan.append((obj, r))
    model.objects.bulk_create(dibuat, batch_size=1000)
    perbarui_massal(model, diubah, fields, **jejak_impor(konteks))
    jejak_buat(model, dibuat, **jejak_impor(konteks))
    audit_massal(pasangan, konteks, aksi)


_TEKS = {"CharField", "TextField", "EmailField"}


class TulisMassal(JenisImpor):
    """A kind whose rows each make or change one record of `model`: `terapkan` writes a batch with
    `tulis_massal`. A changed record gets `fields_tulis()` (`tulis`, and each of `tulis_bila_ada` the
    file has a column for: an absent optional column leaves stored values alone); `baru(d)` builds a
    new record."""

    model: type[Model]
    aksi_audit = ""
    tulis: tuple[str, ...] = ()
    tulis_bila_ada: tuple[str, ...] = ()
    isi_baru: tuple[str, ...] = ()  # the row's values a new record is made of
    tetap_baru: dict[str, Any] = {}  # ... and its fixed values, e.g. the data source

    def fields_tulis(self) -> list[str]:
        return [*self.tulis, *(k for k in self.tulis_bila_ada if self.ada(k))]

    def baru(self, d: dict[str, Any]) -> Model:
        """A new record of the row's `isi_baru` values; an empty text is stored as "" (no NULL text)."""
        nilai = {k: d.get(k) for k in self.isi_baru}
        for k, v in nilai.items():
            if v is None and self.model._meta.get_field(k).get_internal_type() in _TEKS:
                nilai[k] = ""
        return self.model(**nilai, **self.tetap_baru)

    def terapkan(self, rencana: list[Rencana], konteks: Konteks) -> None:
        tulis_massal(self.model, rencana, self.fields_tulis(), konteks, self.aksi_audit, baru=self.baru)


class ImporUnit(JenisImpor):
    kode = "unit"
    label = gettext_lazy("Unit kerja")
    keterangan = gettext_lazy(
        "Pohon unit kerja (OPD, bidang, seksi, kecamatan, kelurahan...); dicocokkan dengan kode unit."
    )
    kolom = KOLOM_IMPOR_UNIT
    kunci = ("kode",)
    ukuran_batch = None

    def rencanakan(self, batch, galat) -> list[Rencana]:
        ada = {u.kode: u for u in UnitKerja.objects.all()}
        kode_id = {u.pk: u.kode for u in ada.values()}
        induk = {u.kode: kode_id.get(u.induk_id) for u in ada.values()}
        ubah_induk = self.ada("kode_induk")
        di_file = {d["kode"]: b for b, d in batch}
        salah = set()
        if ubah_induk:  # the empty-cell rule: empty keeps the stored parent, `-` makes a top unit
            for _b, d in batch:
                if d.get("kode_induk") is HAPUS:
                    d["kode_induk"] = None
                elif d.get("kode_induk") is None and d["kode"] in ada:
                    d["kode_induk"] = induk[d["kode"]]
        if ubah_induk:
            for baris, d in batch:
                k = d.get("kode_induk")
                if k is None:
                    continue
                if k == d["kode"]:
                    galat(baris, "Kode Induk", _("unit tidak boleh menjadi induk dirinya sendiri"))
                    salah.add(baris)
                elif k not in ada and k not in di_file:
                    galat(
                        baris, "Kode Induk", _("unit induk %(k)s tidak ada di basis data maupun di file ini") % {"k": k}
                    )
                    salah.add(baris)
            induk.update({d["kode"]: d.get("kode_induk") for _b, d in batch})
            for baris, d in batch:
                if baris in salah:
                    continue
                jalur, node = [d["kode"]], induk.get(d["kode"])
                while node is not None and node not in jalur:
                    jalur.append(node)
                    node = induk.get(node)
                if node is not None:
                    galat(
                        baris,
                        "Kode Induk",
                        _("unit induk membentuk lingkaran: %(j)s") % {"j": " → ".join([*jalur, node])},
                    )
                    salah.add(baris)
        hasil = []
        for baris, d in batch:
            if baris in salah:
                continue
            u = ada.get(d["kode"])
            label = f"{d['kode']} {d['nama']}"
            if u is None:
                baru = {"Jenis": ("-", tampil(JenisUnit(d["jenis"]).label))}
                if d.get("kode_induk"):
                    baru["Kode Induk"] = ("-", d["kode_induk"])
                hasil.append(Rencana(baris, BARU, label, baru, d))
                continue
            lama = {"nama": u.nama, "jenis": u.jenis, "kode_induk": kode_id.get(u.induk_id)}
            kunci = ["nama", "jenis"] + (["kode_induk"] if ubah_induk else [])
            hasil.append(self.rencana_ada(baris, label, lama, d, kunci, u))
        return hasil

    def terapkan(self, rencana: list[Rencana], konteks: Konteks) -> None:
        baru = [
            UnitKerja(kode=r.data["kode"], nama=r.data["nama"], jenis=r.data["jenis"])
            for r in rencana
            if r.aksi == BARU
        ]
        UnitKerja.objects.bulk_create(baru)
        jejak_buat(UnitKerja, baru, **jejak_impor(konteks))
        per_kode = dict(UnitKerja.objects.values_list("kode", "pk"))
        objek = {u.kode: u for u in baru}
        ubah = []
        for r in rencana:
            if r.aksi == UBAH:
                u, d = r.data
                u.nama, u.jenis = d["nama"], d["jenis"]
                objek[u.kode] = u
                ubah.append(u)
        if self.ada("kode_induk"):
            for r in rencana:
                d = r.data if r.aksi == BARU else r.data[1]
                u = objek[d["kode"]]
                u.induk_id = per_kode[d["kode_induk"]] if d.get("kode_induk") else None
                if r.aksi == BARU and u.induk_id:
                    ubah.append(u)
        perbarui_massal(UnitKerja, ubah, ["nama", "jenis", "induk"], **jejak_impor(konteks))
        audit_massal(
            [(objek[(r.data if r.aksi == BARU else r.data[1])["kode"]], r) for r in rencana], konteks, "unit.impor"
        )


class ImporJabatan(TulisMassal):
    kode = "jabatan"
    label = gettext_lazy("Jabatan")
    keterangan = gettext_lazy("Daftar jabatan (nama, jenis, kelas); dicocokkan dengan nama jabatan yang persis sama.")
    kolom = KOLOM_IMPOR_JABATAN
    kunci = ("nama",)
    ukuran_batch = None
    model = Jabatan
    aksi_audit = "jabatan.impor"
    tulis = ("jenis", "kelas")
    tulis_bila_ada = ("jenjang", "kepala_unit")

    def periksa(self, data: dict[str, Any], galat) -> dict[str, Any] | None:
        if self.ada("jenjang"):
            sah = _JENJANG_SAH.get(data["jenis"], set())
            jenjang = data.get("jenjang")
            if jenjang is not HAPUS and jenjang and jenjang not in sah:
                galat("Jenjang", _("jenjang ini tidak cocok dengan jenis jabatan %(j)s") % {"j": data["jenis"]})
                return None
        return data

    def rencanakan(self, batch, galat) -> list[Rencana]:
        ada = {j.nama: j for j in Jabatan.objects.filter(nama__in=[d["nama"] for _b, d in batch])}
        fields = self.fields_tulis()
        hasil = []
        for baris, d in batch:
            j = ada.get(d["nama"])
            lama = {k: getattr(j, k) for k in ("jenjang", "kepala_unit")} if j is not None else None
            self.tetap(d, lama, ["jenjang"])
            self.tetap(d, lama, ["kepala_unit"], kosong=False)
            if j is None:
                hasil.append(self.rencana_baru(baris, d["nama"], d, fields))
            else:
                hasil.append(self.rencana_ada(baris, d["nama"], j, d, fields, j))
        return hasil

    def baru(self, d: dict[str, Any]) -> Jabatan:
        return Jabatan(nama=d["nama"], **{k: d[k] for k in self.fields_tulis()})
