"""Employee pages. Everyone reads through `pegawai_ambil` (404 for whoever may not see the
employee); HR staff create, edit, move, deactivate and record sanctions and predicates."""

from datetime import date
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.formulir import simpan_form, tambah_galat
from inti.galat import LayananError
from inti.halaman import halaman
from inti.kalender import bulan_penuh

from ..akses import boleh_kelola_pegawai, boleh_lihat_audit, boleh_lihat_organisasi, peran_user, perlu
from ..forms.pegawai import (
    HukumanForm,
    NonaktifkanForm,
    PegawaiBuatForm,
    PegawaiFilterForm,
    PegawaiForm,
    PindahJabatanForm,
)
from ..models import Pegawai, PindahTerjadwal, RiwayatJabatan, UnitKerja
from ..selectors.abk.rotasi import q_dini, q_wajib, rotasi_dini, rotasi_wajib
from ..selectors.akun import status_akun
from ..selectors.pegawai import (
    URUTAN_PEGAWAI,
    bup_usia,
    pegawai_ambil,
    pegawai_audit,
    pegawai_cari,
    tanggal_pensiun,
    unit_terlihat,
)
from ..selectors.pindah import mutasi_tertunda, pindah_terjadwal_pegawai
from ..selectors.unit import unit_leluhur
from ..services.pangkat import pendidikan_tertinggi
from ..services.pegawai import pegawai_buat, pegawai_nonaktifkan, pegawai_ubah
from ..services.pegawai_riwayat import hukuman_tambah
from ..services.pindah import pindah_jabatan_catat
from ..services.pindah_terjadwal import pindah_terjadwal_batalkan

PER_HALAMAN = 25


def masa_jabatan(posisi: RiwayatJabatan | None, hari: date) -> str:
    """'jatuh_tempo' at or past the latest transfer point, 'baru' before the earliest, else ''
    (whole years in the post by the calendar)."""
    if posisi is None:
        return ""
    if rotasi_wajib(posisi.mulai, hari):
        return "jatuh_tempo"
    if rotasi_dini(posisi.mulai, hari):
        return "baru"
    return ""


def pegawai_tersaring(request) -> tuple[PegawaiFilterForm, QuerySet[Pegawai], str, dict[str, Any]]:
    """The employee list as its query string asks (search, filters, time in post, sort), read
    with the list's own form, so the list page and its export show the same rows. Returns the
    form, the rows, the sort key and the criteria applied."""
    form = PegawaiFilterForm(request.GET, unit_qs=unit_terlihat(request.user))
    urut = request.GET.get("urut", "nama")
    if urut.lstrip("-") not in URUTAN_PEGAWAI:
        urut = "nama"
    saring = form.filter()
    masa = saring.pop("masa")
    qs = pegawai_cari(request.user, **saring, urut=urut)
    hari = timezone.localdate()
    if masa == "jatuh_tempo":
        qs = qs.filter(q_wajib(hari, "posisi__mulai"))
    elif masa == "baru":
        qs = qs.filter(q_dini(hari, "posisi__mulai"))
    return form, qs, urut, {**saring, "masa": masa}


# --- Reading -----------------------------------------------------------------------------


@perlu(boleh_lihat_organisasi)
def daftar(request):
    form, qs, urut, _kriteria = pegawai_tersaring(request)
    hari = timezone.localdate()
    page = halaman(request, qs, PER_HALAMAN)
    page.object_list = list(page.object_list)
    for p in page.object_list:
        posisi = p.posisi_sekarang
        p.lama_jabatan = posisi.lama_tahun(hari) if posisi else None
        p.masa_jabatan = masa_jabatan(posisi, hari)
    return render(
        request,
        "pegawai/daftar.html",
        {
            "form": form,
            "page_obj": page,
            "urut": urut,
            "ada_filter": form.ada_filter,
            "mutasi_min": settings.MUTASI_MIN_TAHUN,
            "mutasi_max": settings.MUTASI_MAX_TAHUN,
        },
    )


def _riwayat_golongan(pegawai: Pegawai, hari) -> list:
    """Newest first; the row that gives the current golongan and those still waiting for their TMT marked."""
    baris = list(pegawai.riwayat_golongan.order_by("-tmt", "-id"))
    sekarang = next((r for r in baris if r.tmt <= hari), None)
    for r in baris:
        r.mendatang = r.tmt > hari
        r.sekarang = r is sekarang
    return baris


def _riwayat_pendidikan(pegawai: Pegawai) -> list:
    baris = list(pegawai.riwayat_pendidikan.order_by("-tahun_lulus", "-id"))
    tertinggi = pendidikan_tertinggi(baris)
    for r in baris:
        r.tertinggi = r is tertinggi
    return baris


def _konteks_detail(request, pegawai: Pegawai) -> dict:
    hari = timezone.localdate()
    posisi = pegawai.posisi_sekarang
    riwayat = list(pegawai.riwayat_jabatan.select_related("unit", "jabatan").order_by("-mulai", "-id"))
    for r in riwayat:
        r.lama = r.lama_tahun(hari)
    hukuman = list(pegawai.hukuman_disiplin.all())
    for h in hukuman:
        h.berlaku = h.berlaku_pada(hari)

    lama = posisi.lama_tahun(hari) if posisi else None
    unit = leluhur = atasan = None
    syarat_kompetensi = []
    if posisi:
        unit = UnitKerja.objects.get(pk=posisi.unit_id)
        leluhur = unit_leluhur(unit)
        # The direct superior: the unit's head; for the head themself, or while the post is
        # vacant, the nearest head above.
        kepala_id = next(
            (u.kepala_id for u in [unit, *reversed(leluhur)] if u.kepala_id and u.kepala_id != pegawai.pk), None
        )
        atasan = Pegawai.objects.filter(pk=kepala_id).first() if kepala_id else None
        syarat_kompetensi = list(posisi.jabatan.kompetensi.all())
    kompetensi = list(pegawai.kompetensi.all())
    dimiliki = {k.pk for k in kompetensi}
    for k in syarat_kompetensi:
        k.dimiliki = k.pk in dimiliki

    # The retirement age follows the current post; for someone no longer active, the last one.
    jabatan_bup = posisi.jabatan if posisi else (riwayat[0].jabatan if riwayat else None)
    bup = bup_usia(jabatan_bup)
    pensiun = tanggal_pensiun(pegawai.tanggal_lahir, bup) if bup else None
    return {
        "pegawai": pegawai,
        "posisi": posisi,
        "unit": unit,
        "leluhur": leluhur,
        "atasan": atasan,
        "lama_jabatan": lama,
        "masa_jabatan": masa_jabatan(posisi, hari),
        "mutasi_min": settings.MUTASI_MIN_TAHUN,
        "mutasi_max": settings.MUTASI_MAX_TAHUN,
        "usia": pegawai.usia_pada(hari),
        "bup": bup,
        "pensiun": pensiun,
        # whole calendar months to go, shown in years
        "sisa_tahun": round(bulan_penuh(hari, pensiun) / 12, 1) if pensiun and pensiun > hari else None,
        "riwayat": riwayat,
        "hukuman": hukuman,
        "riwayat_golongan": _riwayat_golongan(pegawai, hari),
        "riwayat_pendidikan": _riwayat_pendidikan(pegawai),
        "hari": hari,
        "kinerja": list(pegawai.kinerja_tahunan.all()),
        "kompetensi": kompetensi,
        "syarat_kompetensi": syarat_kompetensi,
        "unit_dipimpin": list(pegawai.unit_dipimpin.all()),
        "terjadwal": pindah_terjadwal_pegawai(pegawai),
        "akun": pegawai.akun,
        "status_akun": status_akun(pegawai.akun),
        "audit": _audit_tampil(pegawai) if boleh_lihat_audit(request.user) else None,
        "sendiri": peran_user(request.user).pegawai_id == pegawai.pk,
    }


def _audit_tampil(pegawai: Pegawai) -> list:
    """Audit rows with their changes as (field, "old → new") pairs for display."""
    baris = list(pegawai_audit(pegawai))
    for a in baris:
        a.rincian = [
            (k, f"{v[0] or '—'} → {v[1] or '—'}" if isinstance(v, list) and len(v) == 2 else str(v))
            for k, v in (a.perubahan or {}).items()
        ]
    return baris


@login_required
def detail(request, pk: int):
    pegawai = pegawai_ambil(request.user, pk)
    return render(request, "pegawai/detail.html", _konteks_detail(request, pegawai))


@login_required
def profil_saya(request):
    pegawai_id = peran_user(request.user).pegawai_id
    if pegawai_id is None:
        raise Http404(_("Akun ini tidak terhubung dengan data pegawai."))
    pegawai = pegawai_ambil(request.user, pegawai_id)
    return render(request, "pegawai/detail.html", _konteks_detail(request, pegawai))


# --- HR: profile -----------------------------------------------------------------------


@perlu(boleh_kelola_pegawai)
def buat(request):
    form = PegawaiBuatForm(request.POST or None, unit_qs=unit_terlihat(request.user).filter(aktif=True))
    return simpan_form(
        request,
        form,
        lambda d: pegawai_buat(
            oleh=request.user,
            data=form.data_layanan(),
            unit=d["unit"],
            jabatan=d["jabatan"],
            tmt=d["tmt"],
            nomor_sk=d["nomor_sk"],
        ),
        lambda pegawai: _("Pegawai %(nama)s ditambahkan.") % {"nama": pegawai.nama_lengkap},
        lambda pegawai: _url_detail(pegawai.pk),
    ) or render(request, "pegawai/form.html", {"form": form, "pegawai": None})


@perlu(boleh_kelola_pegawai)
def ubah(request, pk: int):
    pegawai = pegawai_ambil(request.user, pk)
    form = PegawaiForm(request.POST or None, instance=pegawai)
    if request.method == "POST" and form.is_valid():
        if not form.has_changed():
            messages.info(request, _("Tidak ada perubahan."))
            return redirect("pegawai:detail", pk=pk)
        # The form has already written the new values onto its instance: the service compares
        # against a fresh copy so that the audit trail records what changed.
        asli = Pegawai.objects.get(pk=pk)
        try:
            pegawai_ubah(oleh=request.user, pegawai=asli, data=form.data_layanan())
        except (ValidationError, LayananError) as e:
            tambah_galat(form, e)
        else:
            messages.success(request, _("Data pegawai disimpan."))
            return redirect("pegawai:detail", pk=pk)
    return render(request, "pegawai/form.html", {"form": form, "pegawai": Pegawai.objects.get(pk=pk)})


# --- HR: post and status ------------------------------------------------------------------


def _tolak_bila_nonaktif(request, pegawai: Pegawai):
    if not pegawai.aktif:
        messages.error(request, _("Pegawai ini sudah tidak aktif."))
        return redirect("pegawai:detail", pk=pegawai.pk)
    return None


@perlu(boleh_kelola_pegawai)
def pindah_jabatan(request, pk: int):
    """The manual move: a TMT of today or earlier applies at once, a later one is scheduled. A decided
    transfer waiting to be carried out blocks it (shown with its link)."""
    pegawai = pegawai_ambil(request.user, pk)
    if tolak := _tolak_bila_nonaktif(request, pegawai):
        return tolak
    hari = timezone.localdate()
    form = PindahJabatanForm(
        request.POST or None,
        unit_qs=unit_terlihat(request.user).filter(aktif=True),
        initial={"tmt": hari},
    )

    def pesan(hasil) -> str:
        isi = {"nama": pegawai.nama_lengkap, "jabatan": hasil.jabatan, "unit": hasil.unit}
        if isinstance(hasil, PindahTerjadwal):
            return _(
                "Perpindahan %(nama)s ke %(jabatan)s di %(unit)s dijadwalkan mulai %(tmt)s. Sampai hari itu "
                "jabatan sekarang tidak berubah."
            ) % {**isi, "tmt": _tgl(hasil.tmt)}
        return _("%(nama)s kini %(jabatan)s di %(unit)s, TMT %(tmt)s.") % {**isi, "tmt": _tgl(hasil.mulai)}

    selesai = simpan_form(
        request,
        form,
        lambda d: pindah_jabatan_catat(oleh=request.user, pegawai=pegawai, hari_ini=hari, **d),
        pesan,
        _url_detail(pk),
    )
    if selesai:
        return selesai
    tertunda = mutasi_tertunda(pegawai.pk)
    return render(
        request,
        "pegawai/pindah_jabatan.html",
        {
            "form": form,
            "pegawai": pegawai,
            "posisi": pegawai.posisi_sekarang,
            "terjadwal": pindah_terjadwal_pegawai(pegawai),
            "tertunda": {"nomor": tertunda[0], "url": tertunda[1]} if tertunda else None,
            "hari_ini": hari,
        },
    )


@perlu(boleh_kelola_pegawai)
def pindah_terjadwal_batal(request, pk: int, pindah_pk: int):
    """HR cancels a move waiting for its TMT (POST, with a reason)."""
    pegawai = pegawai_ambil(request.user, pk)
    if request.method != "POST":
        return redirect("pegawai:detail", pk=pk)
    terjadwal = PindahTerjadwal.objects.filter(pk=pindah_pk, pegawai=pegawai).first()
    if terjadwal is None:
        raise Http404
    try:
        pindah_terjadwal_batalkan(oleh=request.user, pindah=terjadwal, alasan=request.POST.get("alasan", ""))
    except LayananError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Perpindahan terjadwal dibatalkan; jabatan sekarang tetap."))
    return redirect(f"{_url_detail(pk)}#jabatan-sekarang")


@perlu(boleh_kelola_pegawai)
def nonaktifkan(request, pk: int):
    pegawai = pegawai_ambil(request.user, pk)
    if tolak := _tolak_bila_nonaktif(request, pegawai):
        return tolak
    posisi = pegawai.posisi_sekarang
    form = NonaktifkanForm(
        request.POST or None,
        mulai_jabatan=posisi.mulai if posisi else None,
        initial={"tanggal": timezone.localdate()},
    )
    selesai = simpan_form(
        request,
        form,
        lambda d: pegawai_nonaktifkan(oleh=request.user, pegawai=pegawai, alasan=d["alasan"], tanggal=d["tanggal"]),
        _("%(nama)s dinonaktifkan.") % {"nama": pegawai.nama_lengkap},
        _url_detail(pk),
    )
    return selesai or render(
        request,
        "pegawai/nonaktifkan.html",
        {
            "form": form,
            "pegawai": pegawai,
            "posisi": posisi,
            "unit_dipimpin": list(pegawai.unit_dipimpin.all()),
            "tertunda": mutasi_tertunda(pegawai.pk),
            "alasan_umum": NonaktifkanForm.ALASAN_UMUM,
        },
    )


# --- HR: sanctions and predicates ------------------------------------------------------


@perlu(boleh_kelola_pegawai)
def hukuman_baru(request, pk: int):
    pegawai = pegawai_ambil(request.user, pk)
    form = HukumanForm(request.POST or None)
    return simpan_form(
        request,
        form,
        lambda d: hukuman_tambah(oleh=request.user, pegawai=pegawai, **d),
        _("Hukuman disiplin dicatat."),
        f"{_url_detail(pk)}#hukuman",
    ) or render(
        request,
        "pegawai/form_riwayat.html",
        {"form": form, "pegawai": pegawai, "judul": _("Catat hukuman disiplin"), "jangkar": "hukuman"},
    )


def _url_detail(pk: int) -> str:
    return reverse("pegawai:detail", args=[pk])


def _tgl(d: date) -> str:
    return d.strftime("%d-%m-%Y")
