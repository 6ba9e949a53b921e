"""Forms of training and adaptation (crispy-forms, bootstrap5). They validate input only; the rules
live in `pelatihan.services`."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inti.masukan import angka
from pegawai.forms.fields import PilihanBanyakField
from pegawai.forms.unit_cari import UnitCariField
from pegawai.models import Kompetensi, Pegawai, UnitKerja

from .models import STATUS_AKTIF, JenisPelatihan, ModePelatihan, Pelatihan, PenugasanPelatihan, StatusPenugasan
from .services.penugasan import Pilihan, tenggat_bawaan

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SEMUA = [("", _("Semua"))]


def _kolom_cari(label: str, contoh: str) -> forms.CharField:
    """The free-text search box of a list's filter."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": contoh}),
    )


class PelatihanForm(forms.ModelForm):
    class Meta:
        model = Pelatihan
        fields = ["nama", "jenis", "jp", "penyelenggara", "mode", "kompetensi", "deskripsi", "aktif"]
        field_classes = {"kompetensi": PilihanBanyakField}
        widgets = {
            "kompetensi": forms.CheckboxSelectMultiple,
            "deskripsi": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"kompetensi": _("Kompetensi yang dimiliki pegawai setelah pelatihan ini diverifikasi selesai.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kompetensi"].queryset = Kompetensi.objects.order_by("nama")


class KatalogFilterForm(forms.Form):
    q = _kolom_cari(_("Cari"), _("Nama atau penyelenggara"))
    jenis = forms.ChoiceField(label=_("Jenis"), required=False, choices=SEMUA + JenisPelatihan.choices)
    mode = forms.ChoiceField(label=_("Metode"), required=False, choices=SEMUA + ModePelatihan.choices)
    kompetensi = forms.ModelChoiceField(
        label=_("Kompetensi"), required=False, queryset=Kompetensi.objects.order_by("nama"), empty_label=_("Semua")
    )
    aktif = forms.ChoiceField(
        label=_("Keaktifan"),
        required=False,
        choices=[("1", _("Aktif")), ("0", _("Tidak aktif")), ("semua", _("Semua"))],
    )

    def filter(self) -> dict:
        d = self.cleaned_data if self.is_valid() else {}
        aktif = {"0": False, "semua": None}.get(d.get("aktif") or "1", True)
        return {
            "q": d.get("q") or "",
            "jenis": d.get("jenis") or "",
            "mode": d.get("mode") or "",
            "kompetensi": d["kompetensi"].pk if d.get("kompetensi") else None,
            "aktif": aktif,
        }


STATUS_FILTER = [
    ("", _("Semua")),
    ("aktif", _("Belum selesai (ditugaskan/berlangsung)")),
    ("menunggu_verifikasi", _("Menunggu verifikasi")),
    *StatusPenugasan.choices,
]


class PenugasanFilterForm(forms.Form):
    """GET filter of the assignment list; invalid values are ignored, never an error page."""

    q = _kolom_cari(_("Cari"), _("NIP, nama atau pelatihan"))
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_FILTER)
    unit = UnitCariField(label=_("Unit kerja (termasuk sub-unit)"), required=False, queryset=UnitKerja.objects.none())
    pelatihan = forms.TypedChoiceField(label=_("Pelatihan"), required=False, coerce=int)
    sumber = forms.ChoiceField(
        label=_("Sumber"),
        required=False,
        choices=[("", _("Semua")), ("mutasi", _("Dari mutasi")), ("lain", _("Di luar mutasi"))],
    )
    terlambat = forms.BooleanField(label=_("Hanya yang melewati tenggat"), required=False)

    def __init__(self, *args, unit_qs, pelatihan_pilihan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_qs
        self.fields["pelatihan"].choices = [("", _("Semua pelatihan")), *pelatihan_pilihan]

    def filter(self) -> dict:
        d = self.cleaned_data if self.is_valid() else {}
        return {
            "q": d.get("q") or "",
            "status": d.get("status") or "",
            "unit": d["unit"].pk if d.get("unit") else None,
            "pelatihan": d.get("pelatihan") or None,
            "terlambat": bool(d.get("terlambat")),
            "usulan": {"mutasi": True, "lain": False}.get(d.get("sumber") or ""),
        }


class PenugasanBaruForm(forms.Form):
    """Assign a training outside a transfer. The employee is found by NIP among those the user may see."""

    nip = forms.CharField(label=_("NIP pegawai"), max_length=30)
    pelatihan = forms.ModelChoiceField(label=_("Pelatihan"), queryset=Pelatihan.objects.none())
    tenggat = forms.DateField(label=_("Tenggat"), widget=TANGGAL)
    catatan = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, pegawai_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.pegawai_qs = pegawai_qs
        self.fields["pelatihan"].queryset = Pelatihan.objects.filter(aktif=True).order_by("nama")
        self.fields["tenggat"].initial = tenggat_bawaan()

    def clean_nip(self) -> Pegawai:
        nip = angka(self.cleaned_data["nip"])
        pegawai = self.pegawai_qs.filter(nip=nip, aktif=True).first()
        if pegawai is None:
            raise forms.ValidationError(_("Pegawai aktif dengan NIP ini tidak ditemukan atau di luar wewenang Anda."))
        return pegawai


class TugaskanUsulanForm(forms.Form):
    """Confirm the suggested trainings of a transfer (each with its due date) and add others."""

    tambahan = PilihanBanyakField(
        label=_("Tambah pelatihan lain"),
        required=False,
        queryset=Pelatihan.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    tenggat_tambahan = forms.DateField(label=_("Tenggat pelatihan tambahan"), required=False, widget=TANGGAL)
    catatan = forms.CharField(
        label=_("Catatan untuk pegawai"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, saran, usulan, **kwargs):
        super().__init__(*args, **kwargs)
        self.saran = saran
        bawaan = tenggat_bawaan(usulan)
        self.baris = []
        for s in saran:
            pk = s.pelatihan.pk
            self.fields[f"pilih_{pk}"] = forms.BooleanField(label=s.pelatihan.nama, required=False, initial=True)
            self.fields[f"tenggat_{pk}"] = forms.DateField(
                label=_("Tenggat"), required=False, initial=bawaan, widget=TANGGAL
            )
            self.baris.append((s, self[f"pilih_{pk}"], self[f"tenggat_{pk}"]))
        disarankan = [s.pelatihan.pk for s in saran]
        berjalan = PenugasanPelatihan.objects.filter(pegawai=usulan.pegawai_id, status__in=STATUS_AKTIF)
        self.fields["tambahan"].queryset = (
            Pelatihan.objects.filter(aktif=True)
            .exclude(pk__in=disarankan)
            .exclude(pk__in=berjalan.values("pelatihan_id"))
            .order_by("nama")
        )
        self.fields["tenggat_tambahan"].initial = bawaan

    def clean(self):
        data = super().clean()
        pilihan = []
        for s in self.saran:
            pk = s.pelatihan.pk
            if data.get(f"pilih_{pk}"):
                if not data.get(f"tenggat_{pk}"):
                    self.add_error(f"tenggat_{pk}", _("Isi tenggatnya."))
                else:
                    pilihan.append(Pilihan(s.pelatihan, data[f"tenggat_{pk}"]))
        tambahan = data.get("tambahan") or []
        if tambahan and not data.get("tenggat_tambahan"):
            self.add_error("tenggat_tambahan", _("Isi tenggat untuk pelatihan tambahan."))
        pilihan += [Pilihan(p, data["tenggat_tambahan"]) for p in tambahan if data.get("tenggat_tambahan")]
        if not pilihan and not self.errors:
            raise forms.ValidationError(_("Pilih minimal satu pelatihan."))
        data["pilihan"] = pilihan
        return data


class UnggahBuktiForm(forms.Form):
    berkas = forms.FileField(
        label=_("Sertifikat / bukti"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berkas"].help_text = _("PDF, PNG atau JPEG, maksimal %(mb)d MB.") % {"mb": settings.UPLOAD_MAX_MB}


class VerifikasiForm(forms.Form):
    tanggal_selesai = forms.DateField(label=_("Tanggal selesai"), widget=TANGGAL)
    jp = forms.IntegerField(label=_("JP diperoleh"), min_value=1, max_value=1000)

    def __init__(self, *args, penugasan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tanggal_selesai"].initial = timezone.localdate()
        self.fields["jp"].initial = penugasan.pelatihan.jp


class AlasanForm(forms.Form):
    alasan = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)


class AlasanOpsionalForm(forms.Form):
    """The reason sent with any status action (the service decides which actions need one); read
    through a form so its length and characters are checked like every other input."""

    alasan = forms.CharField(label=_("Alasan"), required=False, max_length=1000)


class TenggatForm(forms.Form):
    tenggat = forms.DateField(label=_("Tenggat baru"), widget=TANGGAL)
    alasan = forms.CharField(label=_("Alasan perubahan"), required=False, max_length=300)


class MentorForm(forms.Form):
    mentor = forms.ModelChoiceField(label=_("Pendamping"), queryset=Pegawai.objects.none())

    def __init__(self, *args, kandidat, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = kandidat
        self.fields["mentor"].label_from_instance = _label_mentor


def _label_mentor(p: Pegawai) -> str:
    posisi = p.posisi_sekarang
    return f"{p.nama_lengkap} — {posisi.jabatan.nama}" if posisi else p.nama_lengkap


class ItemForm(forms.Form):
    judul = forms.CharField(label=_("Kegiatan"), max_length=200)
    tenggat = forms.DateField(label=_("Tenggat"), widget=TANGGAL)


class CheckInForm(forms.Form):
    minggu_ke = forms.TypedChoiceField(
        label=_("Check-in"), coerce=int, choices=[(2, _("Minggu ke-2")), (6, _("Minggu ke-6"))]
    )
    isi = forms.CharField(
        label=_("Bagaimana adaptasi Anda berjalan?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=3000,
        help_text=_("Misalnya: tugas yang sudah dijalani, dukungan dari atasan dan rekan, hal yang masih baru."),
    )
    kesulitan = forms.BooleanField(label=_("Saya mengalami kesulitan"), required=False)
    kesulitan_isi = forms.CharField(
        label=_("Kesulitan yang dihadapi"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=3000,
        help_text=_("Terlihat oleh kepala unit tujuan dan BKPSDM (tidak oleh pendamping)."),
    )

    def clean(self):
        data = super().clean()
        if data.get("kesulitan") and not (data.get("kesulitan_isi") or "").strip():
            self.add_error("kesulitan_isi", _("Uraikan kesulitan yang Anda hadapi."))
        return data


class JpFilterForm(forms.Form):
    tahun = forms.TypedChoiceField(label=_("Tahun"), coerce=int, required=False)
    unit = UnitCariField(label=_("OPD / unit kerja"), required=False, queryset=UnitKerja.objects.none())
    q = _kolom_cari(_("Cari pegawai"), _("NIP atau nama"))
    kurang = forms.BooleanField(label=_("Hanya yang belum memenuhi"), required=False)

    def __init__(self, *args, unit_qs, **kwargs):
        super().__init__(*args, **kwargs)
        ini = timezone.localdate().year
        self.fields["tahun"].choices = [(t, str(t)) for t in range(ini, ini - 5, -1)]
        self.fields["unit"].queryset = unit_qs
        self.fields["kurang"].label = _("Hanya yang di bawah %(n)d JP") % {"n": settings.PELATIHAN_JP_MINIMAL}

    def filter(self) -> dict:
        d = self.cleaned_data if self.is_valid() else {}
        return {
            "tahun": d.get("tahun") or timezone.localdate().year,
            "unit": d["unit"].pk if d.get("unit") else None,
            "q": d.get("q") or "",
            "hanya_kurang": bool(d.get("kurang")),
        }


class AdaptasiFilterForm(forms.Form):
    q = _kolom_cari(_("Cari pegawai"), _("NIP atau nama"))
    unit = UnitCariField(label=_("Unit tujuan"), required=False, queryset=UnitKerja.objects.none())
    kesulitan = forms.BooleanField(label=_("Melaporkan kesulitan"), required=False)
    tanpa_mentor = forms.BooleanField(label=_("Belum ada pendamping"), required=False)

    def __init__(self, *args, unit_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_qs

    def filter(self) -> dict:
        d = self.cleaned_data if self.is_valid() else {}
        return {
            "q": d.get("q") or "",
            "unit": d["unit"].pk if d.get("unit") else None,
            "kesulitan": bool(d.get("kesulitan")),
            "tanpa_mentor": bool(d.get("tanpa_mentor")),
        }
