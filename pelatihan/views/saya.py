"""The employee's own page ("Pelatihan saya") and the 20-JP page with its export."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from inti.lembar import Tabel, respons_xlsx
from pegawai.akses import peran_user, perlu
from pegawai.models import Pegawai
from pegawai.selectors.pegawai import unit_terlihat

from ..akses import boleh_lihat_penugasan_staf, boleh_lihat_semua_penugasan
from ..forms import JpFilterForm, UnggahBuktiForm
from ..selectors import adaptasi_saya, jp_pegawai, jp_rekap_unit, jp_tahun_pegawai, mentee_saya, pelatihan_saya
from .umum import urut_dari


def _persen(bagian: int, dari: int) -> int:
    return min(100, round(100 * bagian / dari)) if dari else 100


@login_required
def saya(request: HttpRequest) -> HttpResponse:
    pegawai_id = peran_user(request.user).pegawai_id
    hari_ini = timezone.localdate()
    semua = list(pelatihan_saya(request.user))
    jp = jp_tahun_pegawai(pegawai_id, hari_ini.year)
    return render(
        request,
        "pelatihan/saya.html",
        {
            "punya_data": bool(pegawai_id),
            "aktif": [t for t in semua if t.aktif],
            "riwayat": [t for t in semua if not t.aktif],
            "jp": jp,
            "jp_minimal": settings.PELATIHAN_JP_MINIMAL,
            "jp_persen": _persen(jp, settings.PELATIHAN_JP_MINIMAL),
            "hari_ini": hari_ini,
            "adaptasi": adaptasi_saya(request.user, hari_ini=hari_ini),
            "mentee": list(mentee_saya(request.user)),
            "unggah_form": UnggahBuktiForm(),
        },
    )


@perlu(boleh_lihat_penugasan_staf)
def jp(request: HttpRequest) -> HttpResponse:
    form = JpFilterForm(request.GET or None, unit_qs=unit_terlihat(request.user))
    filt = form.filter()
    urut = urut_dari(request, "jp", {"jp", "nama", "unit"})
    qs = jp_pegawai(request.user, **filt, urut=urut)
    if request.GET.get("format") == "xlsx":
        return _jp_ekspor(qs, filt["tahun"])
    rekap = jp_rekap_unit(request.user, tahun=filt["tahun"], unit=filt["unit"])
    total = sum(r.jumlah for r in rekap)
    memenuhi = sum(r.memenuhi for r in rekap)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "pelatihan/jp.html",
        {
            "form": form,
            "filt": filt,
            "page_obj": page,
            "urut": urut,
            "rekap": rekap,
            "total": total,
            "memenuhi": memenuhi,
            "kurang": total - memenuhi,
            "persen": round(100 * memenuhi / total) if total else 0,
            "jp_minimal": settings.PELATIHAN_JP_MINIMAL,
            "per_opd": filt["unit"] is None and boleh_lihat_semua_penugasan(request.user),
        },
    )


def _jp_ekspor(qs: QuerySet[Pegawai], tahun: int) -> FileResponse:
    """JP per employee as a workbook (written by inti.lembar: typed text never becomes a formula)."""
    minimal = settings.PELATIHAN_JP_MINIMAL

    def baris():
        for pg in qs.iterator(chunk_size=500):
            posisi = pg.posisi_sekarang
            yield [
                pg.nip,
                pg.nama_lengkap,
                posisi.jabatan.nama if posisi else "",
                posisi.unit.nama if posisi else "",
                pg.jp,
                "ya" if pg.jp < minimal else "",
            ]

    tabel = Tabel(
        judul=f"JP {tahun}",
        kepala=["NIP", "Nama", "Jabatan", "Unit kerja", f"JP {tahun}", f"Kurang dari {minimal}"],
        lebar=[20, 32, 36, 32, 8, 14],
        baris=baris(),
    )
    return respons_xlsx(f"pemenuhan-jp-{tahun}.xlsx", tabel)
