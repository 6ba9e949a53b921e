"""Employees, matched by NIP. A changed unit or position closes the open position-history
row the day before TMT Jabatan and opens a new one, all in bulk."""

from collections import defaultdict
from datetime import timedelta
from typing import Any

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inti.jejak import perbarui_massal
from inti.models import CatatanAudit

from ... import nip as nip_rules
from ...models import GOLONGAN_PPPK, Pegawai, RiwayatJabatan, StatusAsn, UnitKerja
from ..dasar import BARU, SAMA, UBAH, JenisImpor, Konteks, Rencana, lapor_baris, tampil
from ..jejak import JejakImpor, baris_baru, tambahan
from ..sisip import sisip_massal
from .kolom import KOLOM_IMPOR_PEGAWAI
from .rujukan import RujukanFormasi, RujukanJabatan, RujukanUnit, rujuk

# Profile fields compared and written as they are (the post is handled apart).
_PROFIL = ("nama", "jenis_kelamin", "tanggal_lahir", "status", "golongan")
_PROFIL_OPSIONAL = ("gelar_depan", "gelar_belakang", "pendidikan", "email")  # compared only when the file has them
_NIP_KOLOM = {"nip": "NIP", "tanggal_lahir": "Tanggal Lahir", "jenis_kelamin": "Jenis Kelamin"}


class ImporPegawai(JenisImpor):
    kode = "pegawai"
    label = gettext_lazy("Pegawai")
    keterangan = gettext_lazy(
        "Data pegawai (PNS dan PPPK) dengan jabatan dan unit kerja sekarang; dicocokkan dengan NIP: "
        "NIP yang sudah ada diperbarui, NIP baru ditambahkan."
    )
    kolom = KOLOM_IMPOR_PEGAWAI
    kunci = ("nip",)

    def siapkan(self) -> None:
        self.unit = RujukanUnit()
        self.jabatan = RujukanJabatan()
        self.formasi = RujukanFormasi(self.unit)
        self.hari_ini = timezone.localdate()
        self.kepala_baru: dict[int, int] = {}  # unit id -> row that makes its holder head (file-wide)
        self.kepala_set: dict[int, int] = {}  # unit id -> employee id, applied at the end
        self.kepala_lepas: set[int] = set()  # units whose head leaves the head post

    # -- one row, no queries --
    def periksa(self, data: dict[str, Any], galat) -> dict[str, Any] | None:
        salah = False

        def lapor(kolom, pesan):
            nonlocal salah
            salah = True
            galat(kolom, pesan)

        for field, pesan in nip_rules.periksa(
            data["nip"], status=data["status"], tanggal_lahir=data["tanggal_lahir"], jenis_kelamin=data["jenis_kelamin"]
        ).items():
            lapor(_NIP_KOLOM[field], pesan)
        if not salah and self.cek(galat, "NIP", "usia_pengangkatan", nip=data["nip"], status=data["status"]):
            salah = True
        pppk_gol = data["golongan"] in GOLONGAN_PPPK
        if data["status"] == StatusAsn.PPPK and not pppk_gol:
            lapor("Golongan", _("golongan PPPK adalah I sampai XVII, bukan %(g)s") % {"g": data["golongan"]})
        elif data["status"] == StatusAsn.PNS and pppk_gol:
            lapor("Golongan", _("golongan PNS adalah I/a sampai IV/e, bukan %(g)s") % {"g": data["golongan"]})

        posisi = {k: data.get(k) for k in ("jabatan", "unit", "tmt")}
        diisi = [k for k, v in posisi.items() if v is not None]
        data["unit_id"] = data["jabatan_id"] = None
        if diisi and len(diisi) < 3:
            for k in posisi:
                if posisi[k] is None:
                    lapor(self.nama_kolom(k), _("wajib diisi bila Jabatan, Unit Kerja atau TMT Jabatan diisi"))
        rujuk(data, lapor, ("Unit Kerja", "unit", self.unit), ("Jabatan", "jabatan", self.jabatan))
        tmt = posisi["tmt"]
        if tmt is not None:
            if tmt > self.hari_ini:
                lapor("TMT Jabatan", _("TMT %(t)s ada di masa depan") % {"t": tmt.strftime("%d-%m-%Y")})
            elif tmt <= data["tanggal_lahir"]:
                lapor("TMT Jabatan", _("TMT %(t)s tidak sesudah tanggal lahir") % {"t": tmt.strftime("%d-%m-%Y")})
            elif self.cek(
                galat, "TMT Jabatan", "jabatan_sebelum_cpns", nip=data["nip"], status=data["status"], mulai=tmt
            ):
                salah = True
        if data["unit_id"] and data["jabatan_id"]:
            salah |= self.cek(
                galat, "Jabatan", "formasi_unit_jabatan", **self.formasi.data(data["unit_id"], data["jabatan_id"])
            )
        return None if salah else data

    # -- a batch against the database --
    def rencanakan(self, batch, galat) -> list[Rencana]:
        # Plain values, not model instances: comparing 100,000 rows must stay cheap.
        ada = {
            p["nip"]: p
            for p in Pegawai.objects.filter(nip__in=[d["nip"] for _b, d in batch]).values(
                "id", "nip", "aktif", *_PROFIL, *_PROFIL_OPSIONAL
            )
        }
        posisi = {
            r["pegawai_id"]: r
            for r in RiwayatJabatan.objects.sekarang()
            .filter(pegawai_id__in=[p["id"] for p in ada.values()])
            .values("id", "pegawai_id", "unit_id", "jabatan_id", "mulai")
        }
        profil = [k for k in _PROFIL + _PROFIL_OPSIONAL if k in _PROFIL or self.ada(k)]
        nama_kolom = {k.kunci: k.nama for k in self.kolom}
        hasil: list[Rencana] = []
        koreksi: list[tuple[Rencana, dict[str, Any]]] = []
        for baris, d in batch:
            label = f"{d['nip']} {d['nama']}"
            p = ada.get(d["nip"])
            self.tetap(d, p, _PROFIL_OPSIONAL)
            pendidikan = d.get("pendidikan") if self.ada("pendidikan") else (p or {}).get("pendidikan")
            if self.cek_golongan(
                lapor_baris(galat, baris), "Golongan", d["nip"], d["status"], d["golongan"], pendidikan, self.hari_ini
            ):
                continue
            ada_posisi = d["unit_id"] is not None
            if p is None:
                if not ada_posisi:
                    for k in ("jabatan", "unit", "tmt"):
                        galat(baris, nama_kolom[k], _("wajib diisi untuk pegawai baru"))
                    continue
                if not self._kepala_bebas(baris, d, galat):
                    continue
                perubahan = {
                    nama_kolom["jabatan"]: ("-", d["jabatan"]),
                    nama_kolom["unit"]: ("-", self.unit.per_id[d["unit_id"]].nama),
                    nama_kolom["tmt"]: ("-", tampil(d["tmt"])),
                }
                hasil.append(Rencana(baris, BARU, label, perubahan, {"baru": d}))
                continue
            perubahan = self.bandingkan(p, d, nama_kolom, profil)
            data = {"id": p["id"], "field": [k for k in profil if p[k] != d[k]], "d": d, "posisi": None, "lama": p}
            r = posisi.get(p["id"])
            if ada_posisi:
                pindah = r is None or r["unit_id"] != d["unit_id"] or r["jabatan_id"] != d["jabatan_id"]
                if pindah and not p["aktif"]:
                    galat(
                        baris,
                        nama_kolom["jabatan"],
                        _("pegawai ini tidak aktif; jabatannya tidak dapat diubah lewat impor"),
                    )
                    continue
                if pindah and r is not None and d["tmt"] <= r["mulai"]:
                    galat(
                        baris,
                        nama_kolom["tmt"],
                        _("TMT baru (%(b)s) harus sesudah TMT jabatan sekarang (%(a)s)")
                        % {"b": tampil(d["tmt"]), "a": tampil(r["mulai"])},
                    )
                    continue
                if pindah:
                    if not self._kepala_bebas(baris, d, galat):
                        continue
                    data["posisi"] = ("pindah", r)
                    if r is None or r["jabatan_id"] != d["jabatan_id"]:
                        lama_j = self.jabatan.per_id[r["jabatan_id"]].nama if r else "-"
                        perubahan[nama_kolom["jabatan"]] = (lama_j, d["jabatan"])
                    if r is None or r["unit_id"] != d["unit_id"]:
                        lama_u = self.unit.per_id[r["unit_id"]].nama if r else "-"
                        perubahan[nama_kolom["unit"]] = (lama_u, self.unit.per_id[d["unit_id"]].nama)
                    perubahan[nama_kolom["tmt"]] = (tampil(r["mulai"]) if r else "-", tampil(d["tmt"]))
                elif d["tmt"] != r["mulai"]:
                    data["posisi"] = ("koreksi", r)
                    perubahan[nama_kolom["tmt"]] = (tampil(r["mulai"]), tampil(d["tmt"]))
            rencana = Rencana(baris, UBAH if perubahan else SAMA, label, perubahan, data)
            if data["posisi"] and data["posisi"][0] == "koreksi":
                koreksi.append((rencana, r))
            hasil.append(rencana)
        return self._periksa_koreksi(hasil, koreksi, galat)

    def _kepala_bebas(self, baris: int, d: dict[str, Any], galat) -> bool:
        """Two rows of one file may not both make their holder the head of the same unit."""
        if not self.jabatan.per_id[d["jabatan_id"]].kepala_unit:
            return True
        lain = self.kepala_baru.setdefault(d["unit_id"], baris)
        if lain != baris:
            galat(
                baris,
                "Jabatan",
                _("baris %(a)s dan %(b)s sama-sama menjadi kepala unit %(u)s")
                % {"a": lain, "b": baris, "u": d["unit"]},
            )
            return False
        return True

    def _periksa_koreksi(self, hasil, koreksi, galat) -> list[Rencana]:
        """A corrected TMT on an unchanged post must stay after the previous post ended."""
        if not koreksi:
            return hasil
        akhir = dict(
            RiwayatJabatan.objects.filter(pegawai_id__in=[r["pegawai_id"] for _x, r in koreksi], sampai__isnull=False)
            .values("pegawai_id")
            .annotate(akhir=Max("sampai"))
            .values_list("pegawai_id", "akhir")
        )
        buang = set()
        for rencana, r in koreksi:
            batas = akhir.get(r["pegawai_id"])
            tmt = rencana.data["d"]["tmt"]
            if batas is not None and tmt <= batas:
                galat(
                    rencana.baris,
                    "TMT Jabatan",
                    _("TMT %(t)s harus sesudah akhir jabatan sebelumnya (%(a)s)")
                    % {"t": tampil(tmt), "a": tampil(batas)},
                )
                buang.add(id(rencana))
        return [r for r in hasil if id(r) not in buang]

    # -- writes, in bulk --
    def terapkan(self, rencana: list[Rencana], konteks: Konteks) -> None:
        sekarang = konteks.waktu
        baru: list[Rencana] = []
        pindah: list[tuple[int, dict]] = []
        tutup, koreksi = [], []
        jejak = JejakImpor(konteks, self.unit.per_id, self.jabatan.per_id)
        per_field: dict[tuple[str, ...], list[Pegawai]] = defaultdict(list)
        catatan = f"Impor #{konteks.impor.pk}" if konteks.impor else "Impor"
        for r in rencana:
            if r.aksi == BARU:
                baru.append(r)
                continue
            pid, d = r.data["id"], r.data["d"]
            if r.data["field"]:
                # A bare instance carrying only what changes: bulk_update writes just these fields.
                fields = (*r.data["field"], "diubah")
                per_field[fields].append(Pegawai(pk=pid, diubah=sekarang, **{k: d[k] for k in r.data["field"]}))
                jejak.pegawai_ubah(pid, r.data["lama"], d, r.data["field"])
            if r.data["posisi"]:
                jenis, lama = r.data["posisi"]
                if jenis == "koreksi":
                    koreksi.append(RiwayatJabatan(pk=lama["id"], mulai=d["tmt"]))
                    jejak.riwayat_ubah(lama, pid, {"mulai": lama["mulai"]}, {"mulai": d["tmt"]})
                    continue
                if lama is not None:
                    tutup.append(RiwayatJabatan(pk=lama["id"], sampai=d["tmt"] - timedelta(days=1)))
                    jejak.riwayat_ubah(lama, pid, {"sampai": None}, {"sampai": tutup[-1].sampai})
                    if self.unit.per_id[lama["unit_id"]].kepala_id == pid:
                        self.kepala_lepas.add(lama["unit_id"])
                pindah.append((pid, d))
        # New rows go through the fast INSERT (see ..sisip): bulk_create's per-value work dominated.
        sisip_massal(Pegawai, (baris_baru(r.data["baru"]) for r in baru), waktu=sekarang)
        if baru:
            ids = dict(Pegawai.objects.filter(nip__in=[r.data["baru"]["nip"] for r in baru]).values_list("nip", "id"))
            for r in baru:
                r.data["id"] = ids[r.data["baru"]["nip"]]
                jejak.pegawai_baru(r.data["id"], r.data["baru"])
        for fields, objs in per_field.items():
            Pegawai.objects.bulk_update(objs, fields, batch_size=500)
        # Close before opening: at most one open row per employee (a database constraint).
        RiwayatJabatan.objects.bulk_update(tutup, ["sampai"], batch_size=500)
        RiwayatJabatan.objects.bulk_update(koreksi, ["mulai"], batch_size=500)
        buka = [(r.data["id"], r.data["baru"]) for r in baru] + pindah
        sisip_massal(
            RiwayatJabatan,
            (
                {
                    "pegawai_id": pid,
                    "unit_id": d["unit_id"],
                    "jabatan_id": d["jabatan_id"],
                    "mulai": d["tmt"],
                    "keterangan": catatan,
                }
                for pid, d in buka
            ),
            waktu=sekarang,
        )
        for pid, d in buka:
            if self.jabatan.per_id[d["jabatan_id"]].kepala_unit:
                self.kepala_set[d["unit_id"]] = pid
        # The field-level trail: one entry per record created or changed, tied to the run.
        jejak.riwayat_baru(buka, catatan)
        jejak.tulis()
        oleh_id = konteks.oleh.pk if getattr(konteks.oleh, "is_authenticated", False) else None
        dibuat, diubah = _("Dibuat lewat %(c)s") % {"c": catatan}, _("Diubah lewat %(c)s") % {"c": catatan}
        sisip_massal(
            CatatanAudit,
            (
                {
                    "waktu": sekarang,
                    "oleh_id": oleh_id,
                    "aksi": "pegawai.impor_buat" if r.aksi == BARU else "pegawai.impor_ubah",
                    "objek_tipe": "pegawai.pegawai",
                    "objek_id": str(r.data["id"]),
                    "ringkasan": dibuat if r.aksi == BARU else diubah,
                    "perubahan": {k: [a, b] for k, (a, b) in r.perubahan.items()},
                }
                for r in rencana
            ),
            waktu=sekarang,
        )

    def selesaikan(self, konteks: Konteks) -> None:
        """Head-of-unit rule: the holder of a head post heads the unit; a head who moves away stops."""
        ubah = dict.fromkeys(self.kepala_lepas)
        ubah.update(self.kepala_set)
        perbarui_massal(
            UnitKerja,
            [UnitKerja(pk=uid, kepala_id=pid) for uid, pid in ubah.items()],
            ["kepala"],
            oleh=konteks.oleh,
            tambahan=tambahan(konteks),
        )


def nilai_ekspor(p: Pegawai) -> dict[str, Any]:
    """An employee (from `with_posisi()`) as the import's columns: what export writes, so
    an export re-imports unchanged."""
    posisi = p.posisi_sekarang
    return {
        "nip": p.nip,
        "nama": p.nama,
        "gelar_depan": p.gelar_depan,
        "gelar_belakang": p.gelar_belakang,
        "jenis_kelamin": p.jenis_kelamin,
        "tanggal_lahir": p.tanggal_lahir,
        "status": p.status,
        "golongan": p.golongan,
        "jabatan": posisi.jabatan.nama if posisi else "",
        "unit": posisi.unit.kode if posisi else "",
        "tmt": posisi.mulai if posisi else None,
        "pendidikan": p.pendidikan,
        "email": p.email,
    }
