"""Writes of the required documents (`mutasi.models.dokumen`): a proposal's uploads (added,
replaced, removed; each audited, the file checked like every attachment) and HR's catalogue of
document kinds with the rules saying which transfers need them before which step. The workflow
refuses a step while a document it needs is missing (`mutasi.services.alur`)."""

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from inti.audit import audit_catat, selisih, simpan_tercatat
from inti.surel import setelah_commit
from pegawai.models import User

from .. import akses
from ..models import AturanDokumenSyarat, DokumenUsulan, JenisDokumenSyarat, UsulanMutasi
from . import AlurError, pastikan
from .lampiran import berkas_periksa

FIELD_JENIS = ["kode", "nama", "keterangan", "sumber", "aktif", "urutan"]


def _hapus_berkas_nanti(berkas) -> None:
    """Remove a replaced or removed file once the change is committed (a rollback keeps it)."""
    if berkas:
        storage, nama = berkas.storage, berkas.name
        setelah_commit(lambda: storage.delete(nama))


@transaction.atomic
def dokumen_unggah(
    *, oleh: User, usulan: UsulanMutasi, jenis: JenisDokumenSyarat, berkas: UploadedFile
) -> DokumenUsulan:
    """Upload the document of one kind for a proposal; an earlier upload of that kind is replaced."""
    pastikan(akses.boleh_unggah_dokumen(oleh, usulan))
    if not jenis.aktif:
        raise AlurError(_('Jenis dokumen "%(nama)s" tidak aktif.') % {"nama": jenis.nama})
    tipe = berkas_periksa(berkas)
    dok = DokumenUsulan.objects.select_for_update().filter(usulan=usulan, jenis=jenis).first()
    lama = dok.nama_asli if dok else ""
    if dok is None:
        dok = DokumenUsulan(usulan=usulan, jenis=jenis)
    else:
        _hapus_berkas_nanti(dok.berkas)
    dok.pasang(berkas, tipe)
    dok.diunggah_oleh = oleh
    ringkasan = f"Dokumen {jenis.nama}: {dok.nama_asli}" + (f" (mengganti {lama})" if lama else " diunggah")
    simpan_tercatat(
        dok,
        oleh=oleh,
        aksi="mutasi.dokumen_unggah",
        objek=usulan,
        ringkasan=ringkasan,
        perubahan={"dokumen": [lama, dok.nama_asli], "jenis": jenis.kode},
    )
    return dok


@transaction.atomic
def dokumen_hapus(*, oleh: User, dokumen: DokumenUsulan) -> None:
    u = dokumen.usulan
    pastikan(akses.boleh_hapus_dokumen(oleh, u))
    nama, jenis = dokumen.nama_asli, dokumen.jenis
    _hapus_berkas_nanti(dokumen.berkas)
    dokumen.delete()
    audit_catat(
        oleh=oleh,
        aksi="mutasi.dokumen_hapus",
        objek=u,
        ringkasan=f"Dokumen {jenis.nama}: {nama} dihapus",
        perubahan={"dokumen": [nama, ""], "jenis": jenis.kode},
    )


@transaction.atomic
def jenis_dokumen_simpan(
    *, oleh: User, jenis: JenisDokumenSyarat | None, data: dict, aturan: dict[str, dict[str, str]]
) -> JenisDokumenSyarat:
    """Create or change a document kind and set its rules: `aturan` maps each kind of transfer to
    {"langkah": step or "" (not required), "dasar": basis or "" (every basis)}."""
    if not akses.boleh_kelola_dokumen_syarat(oleh):
        raise AlurError(_("Hanya staf BKPSDM yang dapat mengatur dokumen syarat."))
    baru = jenis is None
    jenis = jenis or JenisDokumenSyarat()
    perubahan = selisih(jenis, {k: data[k] for k in FIELD_JENIS}) if not baru else {}
    for k in FIELD_JENIS:
        setattr(jenis, k, data[k])
    jenis.full_clean()
    jenis.save()
    lama = {a.jenis_mutasi: a for a in jenis.aturan.all()}
    for jenis_mutasi, isi in aturan.items():
        a = lama.get(jenis_mutasi)
        langkah, dasar = isi.get("langkah", ""), isi.get("dasar", "")
        sebelum = f"{a.langkah}/{a.dasar}" if a else ""
        if not langkah:
            if a:
                a.delete()
        else:
            a = a or AturanDokumenSyarat(jenis_dokumen=jenis, jenis_mutasi=jenis_mutasi)
            a.langkah, a.dasar = langkah, dasar
            a.full_clean()
            a.save()
        sesudah = f"{langkah}/{dasar}" if langkah else ""
        if sebelum != sesudah:
            perubahan[f"aturan_{jenis_mutasi}"] = [sebelum, sesudah]
    audit_catat(
        oleh=oleh,
        aksi="mutasi.dokumen_syarat",
        objek=jenis,
        ringkasan=f"Dokumen syarat {jenis.nama} " + ("ditambahkan" if baru else "diubah"),
        perubahan=perubahan,
    )
    return jenis
