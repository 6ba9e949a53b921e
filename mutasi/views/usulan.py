"""Proposals: list (with filters, export), inbox, create/edit, detail with the eligibility
checks (`views.syarat`: overrides and the external decision) and the timeline, and every workflow
action."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from inti.formulir import jalankan, jalankan_dari_form
from inti.halaman import halaman
from inti.lembar import Tabel, respons_xlsx
from inti.masukan import angka, id_aman
from pegawai.akses import peran_user, perlu
from pegawai.models import Jabatan, Pegawai, UnitKerja
from pegawai.selectors.pegawai import pegawai_terlihat

from .. import akses
from ..forms import (
    CatatanForm,
    FilterForm,
    LampiranForm,
    PersetujuanMenteriForm,
    SKForm,
    TinjauForm,
    UsulanBaruForm,
    UsulanForm,
)
from ..models import FIELD_USULAN, DasarMutasi, JenisMutasi, PermohonanMutasi, StatusUsulan
from ..selectors import (
    atasan_baru,
    kotak_masuk_hr_lain,
    lampiran_ambil,
    linimasa,
    permohonan_ambil,
    usulan_ambil,
    usulan_cari,
)
from ..selectors.kotak_masuk import JUDUL, URUTAN, kotak_masuk_baris, kotak_masuk_hitung, penyetuju_lampirkan
from ..selectors.penyetuju import KEPALA_ASAL, KEPALA_TUJUAN, MENUNGGU, STATUS_PROSES, penyetuju_langkah, unit_peta
from ..services.alur import ALUR, TRANSISI, aksi_tersedia, usulan_transisi
from ..services.permohonan import permohonan_tautkan
from ..services.usulan import (
    lampiran_hapus,
    lampiran_tambah,
    persetujuan_menteri_catat,
    usulan_buat,
    usulan_tandai_perubahan,
    usulan_tinjau,
    usulan_ubah,
)
from ._umum import aksi_berkas, aksi_usulan, unduh_view
from .dokumen_syarat import konteks_dokumen
from .syarat import konteks_syarat

PER_HALAMAN = 25
penyusun = perlu(akses.boleh_daftar_usulan)


def _filter(request) -> tuple[FilterForm, dict]:
    form = FilterForm(request.GET or None)
    # A bad value (?status=nonsense, ?dari=2024-13-45) is dropped and shown on the form; the
    # other filters still apply.
    data = {}
    if form.is_bound:
        form.is_valid()
        data = form.cleaned_data
    kwargs = {
        "q": data.get("q") or "",
        "status": data.get("status") or "",
        "unit": data["unit"].pk if data.get("unit") else None,
        "jenis": data.get("jenis") or "",
        "dasar": data.get("dasar") or "",
        "dari": data.get("dari"),
        "sampai": data.get("sampai"),
        "batch": data.get("batch"),
        "urut": data.get("urut") or "-dibuat",
    }
    return form, kwargs


@penyusun
def daftar(request):
    form, kwargs = _filter(request)
    qs = usulan_cari(request.user, **kwargs)
    page = halaman(request, qs, PER_HALAMAN)
    return render(
        request,
        "mutasi/daftar.html",
        {"form": form, "page_obj": page, "usulan_list": page.object_list, "urut": kwargs["urut"]},
    )


KOLOM_EKSPOR = [
    ("Nomor", 15),
    ("NIP", 20),
    ("Nama", 30),
    ("Jenis", 22),
    ("Dasar", 22),
    ("Unit asal", 30),
    ("Jabatan asal", 30),
    ("Unit/instansi tujuan", 30),
    ("Jabatan tujuan", 30),
    ("TMT usulan", 12),
    ("Status", 22),
    ("Batch", 20),
    ("Nomor SK", 24),
    ("TMT", 12),
    ("Alasan", 50),
]


def _baris_ekspor(u) -> list:
    return [
        u.nomor,
        u.pegawai.nip,
        u.pegawai.nama_lengkap,
        u.get_jenis_display(),
        u.get_dasar_display(),
        str(u.asal_unit or u.instansi_eksternal),
        str(u.asal_jabatan or ""),
        str(u.tujuan_unit or u.instansi_eksternal),
        str(u.tujuan_jabatan or u.jabatan_eksternal),
        u.tmt_usulan,
        u.get_status_display(),
        str(u.batch or ""),
        u.sk.nomor if u.sk else "",
        u.tmt,
        u.alasan,
    ]


@penyusun
def ekspor(request):
    """The filtered list as a workbook, through the one spreadsheet writer (typed text that looks
    like a formula stays text)."""
    _form, kwargs = _filter(request)
    tabel = Tabel(
        judul="Usulan mutasi",
        kepala=[k for k, _lebar in KOLOM_EKSPOR],
        lebar=[lebar for _k, lebar in KOLOM_EKSPOR],
        baris=(_baris_ekspor(u) for u in usulan_cari(request.user, **kwargs).iterator(chunk_size=500)),
    )
    return respons_xlsx(f"usulan-mutasi-{timezone.localdate():%Y%m%d}.xlsx", tabel)


@login_required
def kotak(request):
    """One page of what waits for the user: every section's count (one query), then the rows of
    the section asked for (`?langkah=`, all by default, each proposal once), sorted (`?urut=`)."""
    hitung, semua = kotak_masuk_hitung(request.user)
    langkah = request.GET.get("langkah", "")
    if langkah not in hitung:
        langkah = ""
    urut = request.GET.get("urut", "")
    if urut not in URUTAN:
        urut = "lama"
    jumlah = hitung[langkah] if langkah else semua
    page = halaman(request, kotak_masuk_baris(request.user, langkah or None, urut), PER_HALAMAN, jumlah=jumlah)
    page.object_list = penyetuju_lampirkan(page.object_list)
    lain = kotak_masuk_hr_lain() if akses.boleh_kelola_permohonan(request.user) else {}
    # A proposal in two sections (say, to verify and flagged) counts once, as on the nav badge.
    konteks = {
        "bagian": [(k, JUDUL[k], n) for k, n in hitung.items()],
        "langkah": langkah,
        "judul_langkah": JUDUL.get(langkah, ""),
        "urut": urut,
        "page_obj": page,
        "jumlah": jumlah,
        "semua": semua,
        "lain": lain,
        "total": semua + sum(lain.values()),
        "plh": peran_user(request.user).pengganti,  # "Anda bertindak sebagai Plh. ... sampai ..."
    }
    return render(request, "mutasi/kotak_masuk.html", konteks)


def _awal_dari_query(request) -> tuple[dict, Pegawai | None, PermohonanMutasi | None]:
    """Pre-fill from ?pegawai=&unit=&jabatan=&dasar= (a needs-analysis candidate) or ?permohonan=."""
    awal: dict = {"tmt_usulan": timezone.localdate().replace(day=1)}
    pegawai = permohonan = None
    g = request.GET
    if (pk_permohonan := id_aman(g.get("permohonan"))) is not None:
        permohonan = permohonan_ambil(request.user, pk_permohonan)
        akses.wajib(akses.boleh_tanggapi_permohonan(request.user, permohonan))
        pegawai = permohonan.pegawai
        awal.update(dasar=DasarMutasi.PERMINTAAN, jenis=permohonan.jenis, alasan=permohonan.alasan)
        if permohonan.jenis == JenisMutasi.KELUAR:
            awal["instansi_eksternal"] = permohonan.instansi_tujuan
        unit = permohonan.unit_pilihan.first()
        if unit:
            awal["tujuan_unit"] = unit.pk
    if (pk_pegawai := id_aman(g.get("pegawai"))) is not None:
        pegawai = pegawai_terlihat(request.user).filter(pk=pk_pegawai, aktif=True).first()
    elif g.get("nip", "").strip():
        nip = angka(g["nip"])[:18]
        pegawai = pegawai_terlihat(request.user).filter(nip=nip, aktif=True).first()
        if pegawai is None:
            messages.warning(
                request, _("Pegawai dengan NIP %(nip)s tidak ditemukan atau di luar wewenang Anda.") % {"nip": nip}
            )
    if (pk_unit := id_aman(g.get("unit"))) is not None and UnitKerja.objects.filter(pk=pk_unit).exists():
        awal["tujuan_unit"] = pk_unit
    if (pk_jabatan := id_aman(g.get("jabatan"))) is not None and Jabatan.objects.filter(pk=pk_jabatan).exists():
        awal["tujuan_jabatan"] = pk_jabatan
    dasar = {"analisis": DasarMutasi.ANALISIS}.get(g.get("dasar", ""), g.get("dasar", "").upper())
    if dasar in DasarMutasi.values:
        awal["dasar"] = dasar
    if pegawai is not None:
        awal["pegawai"] = pegawai.pk
        awal["nip"] = pegawai.nip
    return awal, pegawai, permohonan


@perlu(akses.boleh_buat_usulan)
def baru(request):
    awal, pegawai, permohonan = _awal_dari_query(request)
    if request.method == "POST":
        form = UsulanBaruForm(request.POST)
        form.fields["pegawai"].queryset = pegawai_terlihat(request.user).filter(aktif=True)
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k not in ("pegawai", "nip")}
            hasil = {}

            @transaction.atomic  # the proposal and the request's move together, or neither
            def buat():
                hasil["u"] = usulan_buat(oleh=request.user, pegawai=form.cleaned_data["pegawai"], data=data)
                if permohonan is not None and permohonan.pegawai_id == hasil["u"].pegawai_id:
                    permohonan_tautkan(oleh=request.user, permohonan=permohonan, usulan=hasil["u"])

            if jalankan(request, buat, _("Draf usulan dibuat. Periksa syaratnya, lalu ajukan.")):
                return redirect("mutasi:detail", hasil["u"].pk)
        pegawai = getattr(form, "cleaned_data", {}).get("pegawai") or pegawai
    else:
        form = UsulanBaruForm(initial=awal)
    posisi = pegawai.posisi_sekarang if pegawai else None
    return render(
        request,
        "mutasi/form.html",
        {
            "form": form,
            "pegawai": pegawai,
            "posisi": posisi,
            "baru": True,
            "permohonan": permohonan,
            "nip_cari": request.GET.get("nip") or (pegawai.nip if pegawai else ""),
        },
    )


@login_required
def ubah(request, pk):
    u = usulan_ambil(request.user, pk)
    akses.wajib(akses.boleh_ubah_usulan(request.user, u))
    if request.method == "POST":
        form = UsulanForm(request.POST, instance=UsulanForm.Meta.model.objects.get(pk=u.pk))
        if form.is_valid():
            data = {k: form.cleaned_data[k] for k in FIELD_USULAN}
            if jalankan(request, lambda: usulan_ubah(oleh=request.user, usulan=u, data=data), _("Usulan disimpan.")):
                return redirect("mutasi:detail", u.pk)
    else:
        form = UsulanForm(instance=u)
    return render(
        request, "mutasi/form.html", {"form": form, "u": u, "pegawai": u.pegawai, "posisi": None, "baru": False}
    )


@login_required
def detail(request, pk):
    u = usulan_ambil(request.user, pk)
    terbuka = (*STATUS_PROSES, StatusUsulan.DRAFT, StatusUsulan.DIKEMBALIKAN, StatusUsulan.DIPUTUSKAN)
    if u.status in terbuka and akses.boleh_daftar_usulan(request.user):
        usulan_tandai_perubahan(usulan=u)
    peta = unit_peta()
    keberatan = list(u.keberatan.select_related("dijawab_oleh"))
    aksi = aksi_tersedia(u, request.user, peta)
    konteks = {
        "u": u,
        "pegawai_sendiri": akses.mutasi_sendiri(request.user, u),
        **konteks_syarat(u, request.user),
        **konteks_dokumen(u, request.user, aksi),
        "aksi": aksi,
        # The step's own action up front; return, reject, withdraw and cancel one click away.
        "aksi_utama": [t for t in aksi if t.gaya in ("primary", "success")],
        "aksi_lain": [t for t in aksi if t.gaya not in ("primary", "success")],
        "penyetuju_asal": penyetuju_langkah(u, KEPALA_ASAL, peta),
        "penyetuju_tujuan": penyetuju_langkah(u, KEPALA_TUJUAN, peta),
        "riwayat": ALUR.berjudul(linimasa(u)),
        "lampiran": u.lampiran.select_related("diunggah_oleh", "usulan"),
        "keberatan": keberatan,
        "keberatan_terbuka": any(not k.terjawab for k in keberatan),
        "catatan_form": CatatanForm(),
        "tinjau_form": TinjauForm(),
        "menteri_form": PersetujuanMenteriForm(initial={"teks": u.persetujuan_menteri}),
        "lampiran_form": LampiranForm(),
        "sk_form": SKForm(initial=SKForm.awal(u.tmt_usulan, mengganti=u.sk)),
        "atasan_baru": atasan_baru(u, peta)
        if u.status not in (StatusUsulan.DITOLAK, StatusUsulan.DIBATALKAN)
        else None,
        "menunggu": MENUNGGU.get(u.status),
    }
    return render(request, "mutasi/detail.html", konteks)


@aksi_usulan
def aksi(request, u, nama):
    t = TRANSISI.get(nama)
    if t is None or t.internal:
        raise Http404
    jalankan_dari_form(
        request,
        CatatanForm(request.POST),
        lambda d: usulan_transisi(usulan=u, aksi=nama, oleh=request.user, catatan=d["catatan"]),
        _("%(aksi)s: berhasil.") % {"aksi": t.label},
    )
    if not akses.boleh_lihat_usulan(request.user, u):
        return redirect("mutasi:kotak_masuk")
    return None


@aksi_usulan
def tinjau(request, u):
    jalankan_dari_form(
        request,
        TinjauForm(request.POST),
        lambda d: usulan_tinjau(oleh=request.user, usulan=u, catatan=d["catatan"]),
        _("Tinjauan dicatat."),
    )


@aksi_usulan
def menteri(request, u):
    teks = request.POST.get("teks", "")
    jalankan(
        request,
        lambda: persetujuan_menteri_catat(oleh=request.user, usulan=u, teks=teks),
        _("Persetujuan Menteri dicatat."),
    )


@aksi_usulan
def lampiran_tambah_view(request, u):
    jalankan_dari_form(
        request,
        LampiranForm(request.POST, request.FILES),
        lambda d: lampiran_tambah(oleh=request.user, usulan=u, berkas=d["berkas"], jenis=d["jenis"]),
        _("Lampiran ditambahkan."),
        galat=_("Pilih jenis dokumen dan berkasnya."),
    )


lampiran_unduh = unduh_view(lampiran_ambil)


@aksi_berkas(lampiran_ambil)
def lampiran_hapus_view(request, lampiran):
    jalankan(request, lambda: lampiran_hapus(oleh=request.user, lampiran=lampiran), _("Lampiran dihapus."))
