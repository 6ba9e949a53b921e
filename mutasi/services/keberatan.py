"""Objections (keberatan): the employee raises one within KEBERATAN_BATAS_HARI days of the
decree; HR answers and decides to uphold, revise (new TMT and/or destination, by an amending
decree) or cancel. An unanswered objection holds the move until HR decides; it never silently
stops it."""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pegawai.access import peran_user
from pegawai.models import Jabatan, UnitKerja
from pegawai.services.pegawai import audit_catat

from ..models import Keberatan, KeputusanKeberatan, RiwayatStatusUsulan, StatusUsulan, UsulanMutasi
from . import AlurError
from .alur import usulan_transisi
from .notifikasi import jadwalkan, notifikasi_kirim
from .sk import DataSK, sk_terbitkan


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
    if usulan.keberatan.filter(dijawab_pada__isnull=True).exists():
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
        if not (tmt_baru or tujuan_unit or tujuan_jabatan):
            raise AlurError(_("Revisi: isi TMT baru dan/atau unit/jabatan tujuan baru."))
        perubahan = {}
        if tujuan_unit and tujuan_unit != u.tujuan_unit:
            perubahan["tujuan_unit"] = [str(u.tujuan_unit), str(tujuan_unit)]
            u.tujuan_unit = tujuan_unit
        if tujuan_jabatan and tujuan_jabatan != u.tujuan_jabatan:
            perubahan["tujuan_jabatan"] = [str(u.tujuan_jabatan), str(tujuan_jabatan)]
            u.tujuan_jabatan = tujuan_jabatan
        tmt = tmt_baru or u.tmt
        if tmt != u.tmt:
            perubahan["tmt"] = [f"{u.tmt:%d-%m-%Y}", f"{tmt:%d-%m-%Y}"]
        u.save()
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
        k.perubahan = perubahan
        k.save()
        RiwayatStatusUsulan.objects.create(
            usulan=u, aksi="revisi", dari=u.status, ke=u.status, oleh=oleh, sebagai=_("staf BKPSDM"), catatan=k.jawaban
        )
    else:
        k.save()
    RiwayatStatusUsulan.objects.create(
        usulan=u,
        aksi="jawab_keberatan",
        dari=u.status,
        ke=UsulanMutasi.objects.values_list("status", flat=True).get(pk=u.pk),
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
