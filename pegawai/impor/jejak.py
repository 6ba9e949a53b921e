"""The import's side of the field-level trail (inti/jejak.py): what ties an entry to its run, and
the plain values an employee row is inserted with (the same dict feeds the INSERT and the entry)."""

from typing import Any

from auditlog.models import LogEntry

from inti.jejak import BUAT, UBAH, Entri, jejak_baris, selisih

from ..models import Pegawai, RiwayatJabatan
from .dasar import Konteks
from .sisip import sisip_massal


def baris_baru(d: dict[str, Any]) -> dict[str, Any]:
    return {
        "nip": d["nip"],
        "nama": d["nama"],
        "gelar_depan": d.get("gelar_depan") or "",
        "gelar_belakang": d.get("gelar_belakang") or "",
        "jenis_kelamin": d["jenis_kelamin"],
        "tanggal_lahir": d["tanggal_lahir"],
        "status": d["status"],
        "golongan": d["golongan"],
        "pendidikan": d.get("pendidikan") or "",
        "email": d.get("email") or "",
    }


def teks_pegawai(d: dict[str, Any]) -> str:
    return str(
        Pegawai(
            nip=d["nip"],
            nama=d["nama"],
            gelar_depan=d.get("gelar_depan") or "",
            gelar_belakang=d.get("gelar_belakang") or "",
        )
    )


def tambahan(konteks: Konteks) -> dict[str, Any]:
    """What ties a trail entry to its import run (the run's page lists them)."""
    return {"impor": konteks.impor.pk} if konteks.impor else {"impor": None}


def cid(konteks: Konteks) -> str:
    return f"impor-{konteks.impor.pk}" if konteks.impor else "impor"


def jejak_impor(konteks: Konteks) -> dict[str, Any]:
    """The keyword arguments of inti.jejak's bulk writers for an import run."""
    return {"oleh": konteks.oleh, "tambahan": tambahan(konteks), "cid": cid(konteks)}


class JejakImpor:
    """A batch's trail entries, collected while the batch is written and then written in bulk: one
    per employee and position-history row created or changed, tied to the run (`tambahan`)."""

    def __init__(self, konteks: Konteks, unit: dict[int, Any], jabatan: dict[int, Any]):
        self.konteks, self.unit, self.jabatan = konteks, unit, jabatan
        self.pegawai: list[Entri] = []
        self.riwayat: list[Entri] = []

    def pegawai_ubah(self, pid: int, lama: dict[str, Any], d: dict[str, Any], fields: list[str]) -> None:
        perubahan = selisih(Pegawai, {k: lama[k] for k in fields}, {k: d[k] for k in fields})
        self.pegawai.append(Entri(pk=pid, perubahan=perubahan, teks=teks_pegawai(d), induk={"pegawai": pid}))

    def pegawai_baru(self, pid: int, d: dict[str, Any]) -> None:
        perubahan = selisih(Pegawai, None, {**baris_baru(d), "aktif": True})
        self.pegawai.append(Entri(pk=pid, perubahan=perubahan, teks=teks_pegawai(d), aksi=BUAT, induk={"pegawai": pid}))

    def riwayat_ubah(self, r: dict[str, Any], pid: int, lama, baru, aksi: int = UBAH) -> None:
        """A position-history row, named without a query (units and positions are loaded)."""
        teks = f"{self.jabatan[r['jabatan_id']].nama} - {self.unit[r['unit_id']].nama}"
        perubahan = selisih(RiwayatJabatan, lama, baru)
        self.riwayat.append(Entri(pk=r["id"], perubahan=perubahan, teks=teks, aksi=aksi, induk={"pegawai": pid}))

    def riwayat_baru(self, buka: list[tuple[int, dict[str, Any]]], keterangan: str) -> None:
        """The rows just opened (one open row per employee: a database constraint gives their ids)."""
        if not buka:
            return
        ids = dict(
            RiwayatJabatan.objects.sekarang()
            .filter(pegawai_id__in=[pid for pid, _d in buka])
            .values_list("pegawai_id", "id")
        )
        for pid, d in buka:
            nilai = {"pegawai_id": pid, "unit_id": d["unit_id"], "jabatan_id": d["jabatan_id"], "mulai": d["tmt"]}
            self.riwayat_ubah({"id": ids[pid], **nilai}, pid, None, {**nilai, "keterangan": keterangan}, BUAT)

    def tulis(self) -> None:
        """Through the import's fast INSERT (..sisip): LogEntry.objects.bulk_create doubled the time
        of a run of new employees."""
        k = self.konteks
        jejak = {"oleh": k.oleh, "tambahan": tambahan(k), "cid": cid(k), "waktu": k.waktu}
        for model, entri in ((Pegawai, self.pegawai), (RiwayatJabatan, self.riwayat)):
            sisip_massal(LogEntry, jejak_baris(model, entri, **jejak), waktu=k.waktu)
