"""Objections (keberatan): the employee raises one within KEBERATAN_BATAS_HARI days of the
decree; HR answers and decides to uphold, revise or cancel. An unanswered objection holds the
move until HR decides; it never silently stops it.

Revising: a new TMT alone gets an amending decree at once; a new destination goes back to the
new receiving head's acceptance, HR verification and a fresh PPK decision before the amending
decree (the rule and its reasons are in `mutasi.services.alur`)."""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.audit import audit_catat
from pegawai.akses import peran_user
from pegawai.models import Jabatan, UnitKerja

from ..models import JenisMutasi, Keberatan, KeputusanKeberatan, RiwayatStatusUsulan, StatusUsulan, UsulanMutasi
from . import AlurError
from .alur import usulan_transisi
from .notifikasi import jadwalkan, notifikasi_kirim
from .sk import DataSK, sk_terbitkan

KEBERATAN_MAKS = 5000


def keberatan_batas(usulan: UsulanMutasi) -> date | None:
    if usulan.sk_id is None:
        return None
    return usulan.sk.tanggal + timedelta(days=settings.KEBERATAN_BATAS_HARI)


def keberatan_boleh(usulan: UsulanMutasi, hari_ini: date | None = None) -> tuple[bool, str]:
    hari_ini = hari_ini or timezone.localdate()
    if usulan.status not in (StatusUsulan.SK_TERBIT, StatusUsulan.DILAKSANAKAN):
        return False, _("Keberatan dapat diajukan setelah SK terbit.")
    batas = keberatan_batas(usulan)
    if batas and hari_ini > batas:
        return False, _("Batas waktu pengajuan keberatan (%(tgl)s) sudah lewat.") % {"tgl": f"{batas:%d-%m-%Y}"}
    if any(not k.terjawab for k in usulan.keberatan.all()):  # uses the prefetch when there is one
        return False, _("Keberatan Anda sebelumnya masih menunggu jawaban.")
    return True, ""


@transaction.atomic
def keberatan_ajukan(*, oleh, usulan: UsulanMutasi, isi: str, hari_ini: date | None = None) -> Keberatan:
    u = UsulanMutasi.objects.select_for_update(of=("self",)).select_related("sk", "pegawai").get(pk=usulan.pk)
    if peran_user(oleh).pegawai_id != u.pegawai_id:
        raise AlurError(_("Hanya pegawai yang dimutasi yang dapat mengajukan keberatan."))
    boleh, alasan = keberatan_boleh(u, hari_ini)
    if not boleh:
        raise AlurError(alasan)
    if len(isi.strip()) < 10:
        raise AlurError(_("Uraikan keberatan Anda (minimal 10 karakter)."))
    if len(isi) > KEBERATAN_MAKS:
        raise AlurError(_("Keberatan terlalu panjang (maksimal %(n)d karakter).") % {"n": KEBERATAN_MAKS})
    k = Keberatan(usulan=u, isi=isi.strip())
    k.full_clean()
    k.save()
    RiwayatStatusUsulan.objects.create(
        usulan=u, aksi="keberatan", dari=u.status, ke=u.status, oleh=oleh, sebagai=_("pegawai"), catatan=k.isi
    )
    audit_catat(oleh=oleh, aksi="mutasi.keberatan", objek=u, ringkasan=f"Keberatan atas {u.nomor} diajukan")
    from pegawai.models import Peran

    from .notifikasi import _email_peran

    jadwalkan(
        lambda: notifikasi_kirim(
            alamat=_email_peran(Peran.HR),
            judul=_("Keberatan pegawai atas mutasi: %(nama)s") % {"nama": u.pegawai.nama_lengkap},
            template="email/mutasi_keberatan.txt",
            konteks={"u": u, "k": k},
        )
    )
    return k


def _revisi(*, oleh, u: UsulanMutasi, jawaban: str, tmt_baru, unit, jabatan, data_sk) -> dict:
    """Apply HR's revision; returns what changed. See `mutasi.services.alur` for the rule: a new
    destination goes back to the new receiving head's acceptance, a new TMT alone gets an
    amending decree at once."""
    from .kelayakan import kelayakan_usulan
    from .usulan import validasi_tujuan

    if u.status != StatusUsulan.SK_TERBIT:
        raise AlurError(_("Revisi hanya dapat dilakukan selama SK sudah terbit dan mutasi belum dilaksanakan."))
    unit_baru = unit or u.tujuan_unit
    jabatan_baru = jabatan or u.tujuan_jabatan
    tujuan_berubah = (unit_baru, jabatan_baru) != (u.tujuan_unit, u.tujuan_jabatan)
    tmt = tmt_baru or u.tmt
    if not tujuan_berubah and tmt == u.tmt:
        raise AlurError(_("Revisi: isi TMT baru dan/atau unit/jabatan tujuan yang berbeda dari SK sekarang."))
    perubahan: dict = {}
    if not tujuan_berubah:
        perubahan["tmt"] = [f"{u.tmt:%d-%m-%Y}", f"{tmt:%d-%m-%Y}"]
        lama = u.sk
        data = data_sk or DataSK(
            tanggal=timezone.localdate(),
            tmt=tmt,
            penandatangan_nama=lama.penandatangan_nama,
            penandatangan_nip=lama.penandatangan_nip,
            penandatangan_jabatan=lama.penandatangan_jabatan,
            tentang=_("Perubahan atas Keputusan Nomor %(n)s") % {"n": lama.nomor},
        )
        baru = sk_terbitkan(oleh=oleh, usulan_ids=[u.pk], data=data, mengganti=lama, laksanakan_segera=False)
        perubahan["sk"] = [lama.nomor, baru.nomor]
        RiwayatStatusUsulan.objects.create(
            usulan=u, aksi="revisi", dari=u.status, ke=u.status, oleh=oleh, sebagai=_("staf BKPSDM"), catatan=jawaban
        )
        return perubahan

    if u.jenis == JenisMutasi.KELUAR:
        raise AlurError(
            _("Mutasi keluar: tujuannya ditetapkan instansi lain. Batalkan mutasi ini dan buat usulan baru.")
        )
    if unit_baru != u.tujuan_unit:
        perubahan["tujuan_unit"] = [str(u.tujuan_unit), str(unit_baru)]
    if jabatan_baru != u.tujuan_jabatan:
        perubahan["tujuan_jabatan"] = [str(u.tujuan_jabatan), str(jabatan_baru)]
    if tmt != u.tmt:
        perubahan["tmt"] = [f"{u.tmt:%d-%m-%Y}", f"{tmt:%d-%m-%Y}"]
    perubahan["alur"] = [str(StatusUsulan.SK_TERBIT.label), str(StatusUsulan.DILEPAS.label)]

    def ubah(x: UsulanMutasi) -> None:
        x.tujuan_unit, x.tujuan_jabatan, x.tmt_usulan = unit_baru, jabatan_baru, tmt
        validasi_tujuan(x)
        cek = kelayakan_usulan(x)
        x.hasil_cek = [c.as_dict() for c in cek]
        x.dalam_masa_tenang = any(c.kode == "masa_tenang" and c.hasil != "lulus" for c in cek)
        gagal = [c for c in cek if c.gagal]
        if gagal:
            # HR's written answer is the justification every later approver sees.
            x.override_alasan = _("Revisi atas keberatan pegawai (%(syarat)s): %(jawaban)s") % {
                "syarat": "; ".join(c.judul for c in gagal),
                "jawaban": jawaban,
            }
            x.override_oleh, x.override_pada = oleh, timezone.now()

    usulan_transisi(usulan=u, aksi="revisi_tujuan", oleh=oleh, catatan=jawaban, sebelum_simpan=ubah)
    return perubahan


@transaction.atomic
def keberatan_jawab(
    *,
    oleh,
    keberatan: Keberatan,
    jawaban: str,
    keputusan: str,
    tmt_baru: date | None = None,
    tujuan_unit: UnitKerja | None = None,
    tujuan_jabatan: Jabatan | None = None,
    data_sk: DataSK | None = None,
) -> Keberatan:
    if not peran_user(oleh).hr:
        raise AlurError(_("Hanya staf BKPSDM yang dapat menjawab keberatan."))
    k = Keberatan.objects.select_for_update().get(pk=keberatan.pk)
    if k.dijawab_pada:
        raise AlurError(_("Keberatan ini sudah dijawab."))
    if keputusan not in KeputusanKeberatan.values:
        raise AlurError(_("Pilih keputusan: tetap, revisi atau batal."))
    if len(jawaban.strip()) < 10:
        raise AlurError(_("Tulis jawaban untuk pegawai (minimal 10 karakter)."))
    u = UsulanMutasi.objects.select_for_update(of=("self",)).select_related("sk", "pegawai").get(pk=k.usulan_id)
    if keputusan != KeputusanKeberatan.TETAP and u.status == StatusUsulan.DILAKSANAKAN:
        raise AlurError(_("Mutasi sudah dilaksanakan: revisi atau pembatalan memerlukan usulan mutasi baru."))
    k.jawaban, k.keputusan, k.dijawab_oleh, k.dijawab_pada = jawaban.strip(), keputusan, oleh, timezone.now()
    if keputusan == KeputusanKeberatan.BATAL:
        k.save()
        usulan_transisi(usulan=u, aksi="batalkan", oleh=oleh, catatan=_("Keberatan diterima: %(j)s") % {"j": k.jawaban})
    elif keputusan == KeputusanKeberatan.REVISI:
        k.perubahan = _revisi(
            oleh=oleh,
            u=u,
            jawaban=k.jawaban,
            tmt_baru=tmt_baru,
            unit=tujuan_unit,
            jabatan=tujuan_jabatan,
            data_sk=data_sk,
        )
        k.save()
    else:
        k.save()
    status_kini = UsulanMutasi.objects.values_list("status", flat=True).get(pk=u.pk)
    RiwayatStatusUsulan.objects.create(  # a note, not a state change: the transition has its own row
        usulan=u,
        aksi="jawab_keberatan",
        dari=status_kini,
        ke=status_kini,
        oleh=oleh,
        sebagai=_("staf BKPSDM"),
        catatan=f"{KeputusanKeberatan(keputusan).label}: {k.jawaban}",
    )
    audit_catat(
        oleh=oleh,
        aksi="mutasi.keberatan_jawab",
        objek=u,
        ringkasan=f"Keberatan atas {u.nomor} dijawab: {KeputusanKeberatan(keputusan).label}",
        perubahan=k.perubahan,
    )
    from .notifikasi import _email_pegawai

    jadwalkan(
        lambda: notifikasi_kirim(
            alamat=_email_pegawai(u.pegawai_id),
            judul=_("Jawaban atas keberatan Anda"),
            template="email/mutasi_keberatan_jawab.txt",
            konteks={"u": u, "k": k},
        )
    )
    return k
