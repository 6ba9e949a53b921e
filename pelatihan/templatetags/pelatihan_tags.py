"""Template tags of the training topic (`{% load pelatihan_tags %}`). They let pages owned by the
proposals (the proposal page, the employee's notice) and the front page show this topic's part
without their views knowing about it. (Permission filters: `pelatihan_akses`.)"""

from django import template
from django.conf import settings
from django.utils import timezone

from mutasi.models import STATUS_TERLIHAT_PEGAWAI, StatusUsulan
from pegawai.akses import peran_user

from ..akses import boleh_kelola_adaptasi, boleh_lihat_adaptasi, boleh_lihat_checkin
from ..forms import TugaskanUsulanForm
from ..models import STATUS_AKTIF, PenugasanPelatihan, StatusPenugasan, pendampingan_dari
from ..selectors import jp_tahun_pegawai, kesenjangan_usulan

register = template.Library()


@register.simple_tag(takes_context=True)
def panel_usulan(context, u) -> dict:
    """What the proposal page shows about training and adaptation (empty before the decision; for a
    decided transfer cancelled since, what was closed with it)."""
    if u is None or u.tujuan_jabatan_id is None:
        return {"tampil": False}
    if u.status == StatusUsulan.DIBATALKAN and u.diputuskan_pada is not None:
        pd = pendampingan_dari(u)
        return {
            "tampil": True,
            "batal": True,
            "penugasan": list(u.penugasan_pelatihan.select_related("pelatihan", "usulan").order_by("tenggat", "id")),
            "pd": pd,
        }
    if u.status not in STATUS_TERLIHAT_PEGAWAI:
        return {"tampil": False}
    user = context["request"].user
    kelola = boleh_kelola_adaptasi(user, u)
    gap = kesenjangan_usulan(u)
    pd = pendampingan_dari(u)
    item = list(pd.item.all()) if pd else []
    return {
        "tampil": True,
        "gap": gap,
        "kelola": kelola,
        "form": TugaskanUsulanForm(saran=gap.saran, usulan=u) if kelola else None,
        "penugasan": list(u.penugasan_pelatihan.select_related("pelatihan", "usulan").order_by("tenggat", "id")),
        "pd": pd,
        "item_total": len(item),
        "item_selesai": sum(1 for i in item if i.selesai),
        # The warning is for those who follow the employee; the employee knows what they wrote.
        "kesulitan": boleh_lihat_checkin(user, u)
        and peran_user(user).pegawai_id != u.pegawai_id
        and u.checkin_adaptasi.filter(kesulitan=True).exists(),
        "lihat_adaptasi": boleh_lihat_adaptasi(user, u),
    }


@register.simple_tag
def pemberitahuan_pelatihan(u) -> dict:
    """Trainings (not cancelled) and the mentor of a transfer, for the employee's notice and its PDF."""
    if u is None or not u.pk:
        return {"penugasan": [], "pd": None}
    penugasan = list(
        u.penugasan_pelatihan.exclude(status=StatusPenugasan.DIBATALKAN)
        .select_related("pelatihan")
        .order_by("tenggat", "id")
    )
    pd = pendampingan_dari(u)
    if pd is not None:
        pd = type(pd).objects.select_related("mentor", "mentor__akun").get(pk=pd.pk)
        pd.posisi = pd.mentor.posisi_sekarang
    return {"penugasan": penugasan, "pd": pd}


@register.simple_tag(takes_context=True)
def ringkasan_pelatihan_saya(context) -> dict:
    """The signed-in employee's training at a glance for the front page, with the same figures as
    "Pelatihan saya": JP earned this year against the minimum, and open assignments (two queries)."""
    pegawai_id = peran_user(context["request"].user).pegawai_id
    if not pegawai_id:
        return {"tampil": False}
    tahun = timezone.localdate().year
    return {
        "tampil": True,
        "tahun": tahun,
        "jp": jp_tahun_pegawai(pegawai_id, tahun),
        "jp_minimal": settings.PELATIHAN_JP_MINIMAL,
        "aktif": PenugasanPelatihan.objects.filter(pegawai_id=pegawai_id, status__in=STATUS_AKTIF).count(),
    }


@register.filter
def status_warna(status: str) -> str:
    return {
        StatusPenugasan.DITUGASKAN: "secondary",
        StatusPenugasan.BERLANGSUNG: "info",
        StatusPenugasan.SELESAI: "success",
        StatusPenugasan.TIDAK_SELESAI: "danger",
        StatusPenugasan.DIBATALKAN: "light",
    }.get(status, "secondary")
