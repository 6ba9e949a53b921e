"""Forms of the employee pages: the list filter, the profile (create/edit), moving to another post,
deactivating, and the sanction and performance records. Validation that belongs to the record
(NIP against birth date and gender, golongan against status) stays in `Pegawai.clean`; the
ModelForm runs it and puts each message on its field."""

from datetime import date

from crispy_forms.bootstrap import InlineCheckboxes
from crispy_forms.layout import HTML, Column, Fieldset, Row
from django import forms
from django.core.validators import MaxValueValidator
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .. import aturan
from .. import nip as nip_rules
from ..models import (
    GOLONGAN_PPPK,
    PANGKAT_PNS,
    HukumanDisiplin,
    Jabatan,
    JenisJabatan,
    JenisKelamin,
    Kompetensi,
    Pegawai,
    Predikat,
    StatusAsn,
    TingkatHukuman,
    UnitKerja,
)
from .fields import PilihanBanyakField, helper_tanpa_tag
from .unit_cari import UnitCariField

TANGGAL = {"type": "date"}
# Django 6.1's blank label ("- Select an option -") has no Indonesian translation yet.
PILIH = _("- Pilih -")

GOLONGAN_BERKELOMPOK = [
    ("", PILIH),
    (_("PNS"), [(g, f"{g} - {p}") for g, p in PANGKAT_PNS.items()]),
    (_("PPPK"), [(g, f"{g} (PPPK)") for g in GOLONGAN_PPPK]),
]


def _tanggal_widget() -> forms.DateInput:
    return forms.DateInput(attrs=TANGGAL, format="%Y-%m-%d")


class JabatanChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Jabatan) -> str:
        return f"{obj.nama} ({obj.get_jenis_display()}, kelas {obj.kelas})"


# --- List filter -----------------------------------------------------------------------


class PegawaiFilterForm(forms.Form):
    """The GET filter of the employee list. Invalid values are ignored, never an error page."""

    AKTIF_PILIHAN = [("1", _("Aktif")), ("0", _("Tidak aktif")), ("semua", _("Semua"))]

    q = forms.CharField(
        label=_("Cari"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("NIP atau nama"), "autocomplete": "off"}),
    )
    unit = UnitCariField(label=_("Unit kerja (termasuk sub-unit)"), required=False, queryset=UnitKerja.objects.none())
    jenis_jabatan = forms.ChoiceField(
        label=_("Jenis jabatan"), required=False, choices=[("", _("Semua")), *JenisJabatan.choices]
    )
    golongan = forms.ChoiceField(label=_("Golongan"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Semua")), *StatusAsn.choices])
    aktif = forms.ChoiceField(label=_("Keaktifan"), required=False, choices=AKTIF_PILIHAN)
    masa = forms.ChoiceField(
        label=_("Lama di jabatan"),
        required=False,
        choices=[("", _("Semua")), ("jatuh_tempo", _("Jatuh tempo rotasi")), ("baru", _("Belum dapat dimutasi"))],
    )

    def __init__(self, *args, unit_qs: QuerySet[UnitKerja], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_qs
        self.fields["golongan"].choices = [("", _("Semua")), *GOLONGAN_BERKELOMPOK[1:]]

    def filter(self) -> dict:
        """The valid filter values (invalid ones fall back): `pegawai_cari`'s keyword arguments plus
        `masa` (time in the current post), which the list view applies."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        aktif = {"1": True, "0": False, "semua": None}.get(data.get("aktif") or "1", True)
        return {
            "masa": data.get("masa") or "",
            "q": data.get("q") or "",
            "unit": data["unit"].pk if data.get("unit") else None,
            "jenis_jabatan": data.get("jenis_jabatan") or "",
            "golongan": data.get("golongan") or "",
            "status": data.get("status") or "",
            "aktif": aktif,
        }

    @property
    def ada_filter(self) -> bool:
        f = self.filter()
        return bool(
            f["q"]
            or f["unit"]
            or f["jenis_jabatan"]
            or f["golongan"]
            or f["status"]
            or f["masa"]
            or f["aktif"] is not True
        )


# --- Profile -------------------------------------------------------------------------


class PegawaiForm(forms.ModelForm):
    """Profile fields. The post (unit, position) is not here: it changes by `Pindah jabatan`."""

    nip = forms.CharField(
        label=_("NIP / NI PPPK"),
        max_length=30,
        help_text=_("18 angka; boleh diketik berkelompok, misalnya 19860926 201505 1 001."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    class Meta:
        model = Pegawai
        fields = list(Pegawai.FIELD_PROFIL)
        field_classes = {"kompetensi": PilihanBanyakField}
        widgets = {
            "tanggal_lahir": _tanggal_widget(),
            "kompetensi": forms.CheckboxSelectMultiple,
            "pendidikan": forms.TextInput(attrs={"placeholder": _("mis. S1 Administrasi Publik")}),
        }
        help_texts = {"golongan": _("PNS: I/a sampai IV/e. PPPK: I sampai XVII.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["golongan"].choices = GOLONGAN_BERKELOMPOK
        self.fields["jenis_kelamin"].choices = [("", PILIH), *JenisKelamin.choices]
        self.fields["golongan"].widget.attrs["class"] = "js-golongan"
        self.fields["status"].widget.attrs["class"] = "js-status"
        self.fields["kompetensi"].queryset = Kompetensi.objects.order_by("jenis", "nama")
        self.fields["kompetensi"].required = False
        self.helper = helper_tanpa_tag(*self.susunan())

    def susunan(self) -> list:
        return [
            Fieldset(
                _("Identitas"),
                Row(Column("nip", css_class="col-md-6"), Column("status", css_class="col-md-3")),
                Row(
                    Column("gelar_depan", css_class="col-md-2"),
                    Column("nama", css_class="col-md-6"),
                    Column("gelar_belakang", css_class="col-md-4"),
                ),
                Row(
                    Column("jenis_kelamin", css_class="col-md-3"),
                    Column("tempat_lahir", css_class="col-md-5"),
                    Column("tanggal_lahir", css_class="col-md-4"),
                ),
            ),
            Fieldset(
                _("Kepegawaian dan kontak"),
                Row(Column("golongan", css_class="col-md-4"), Column("pendidikan", css_class="col-md-8")),
                Row(Column("email", css_class="col-md-6"), Column("telepon", css_class="col-md-6")),
                InlineCheckboxes("kompetensi"),
            ),
        ]

    def clean_nip(self) -> str:
        return nip_rules.normalisasi(self.cleaned_data["nip"])

    def clean(self):
        # The shared plausibility rules (pegawai.aturan), the same the import applies.
        data = super().clean()
        nip, status = data.get("nip"), data.get("status")
        for field, kode, args in (
            ("tanggal_lahir", "tanggal_lampau", {"tanggal": data.get("tanggal_lahir")}),
            ("nip", "usia_pengangkatan", {"nip": nip, "status": status}),
            (
                "golongan",
                "golongan_masa_kerja",
                {"nip": nip, "status": status, "golongan": data.get("golongan"), "pendidikan": data.get("pendidikan")},
            ),
        ):
            if field in self.errors or not all(v is not None for k, v in args.items() if k != "pendidikan"):
                continue
            pesan = aturan.periksa(kode, **args)
            if pesan:
                self.add_error(field, pesan[:1].upper() + pesan[1:] + ".")
        return data

    def data_layanan(self) -> dict:
        """The cleaned profile fields as the services take them."""
        return {f: self.cleaned_data[f] for f in self._meta.fields}


class PegawaiBuatForm(PegawaiForm):
    """Profile plus the first post."""

    unit = UnitCariField(label=_("Unit kerja"), queryset=UnitKerja.objects.none(), aktif=True)
    jabatan = JabatanChoiceField(
        label=_("Jabatan"), queryset=Jabatan.objects.filter(aktif=True).order_by("nama"), empty_label=PILIH
    )
    tmt = forms.DateField(label=_("TMT jabatan"), widget=_tanggal_widget())
    nomor_sk = forms.CharField(label=_("Nomor SK"), max_length=100, required=False)

    def __init__(self, *args, unit_qs: QuerySet[UnitKerja] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = UnitKerja.objects.filter(aktif=True) if unit_qs is None else unit_qs

    def susunan(self) -> list:
        return [
            *super().susunan(),
            Fieldset(
                _("Jabatan pertama"),
                HTML(
                    '<p class="small text-muted">'
                    + str(_("Perpindahan berikutnya dicatat lewat tombol Pindah jabatan di halaman pegawai."))
                    + "</p>"
                ),
                Row(Column("unit", css_class="col-md-6"), Column("jabatan", css_class="col-md-6")),
                Row(Column("tmt", css_class="col-md-4"), Column("nomor_sk", css_class="col-md-8")),
            ),
        ]

    def clean(self):
        data = super().clean()
        lahir, tmt = data.get("tanggal_lahir"), data.get("tmt")
        if lahir and tmt and tmt <= lahir:
            self.add_error("tmt", _("TMT jabatan harus sesudah tanggal lahir."))
        elif tmt and "tmt" not in self.errors and data.get("nip"):
            pesan = aturan.periksa("tanggal_lampau", tanggal=tmt) or aturan.periksa(
                "jabatan_sebelum_cpns", nip=data["nip"], status=data.get("status"), mulai=tmt
            )
            if pesan:
                self.add_error("tmt", pesan[:1].upper() + pesan[1:] + ".")
        return data


# --- Actions --------------------------------------------------------------------------


class PindahJabatanForm(forms.Form):
    unit = UnitCariField(label=_("Unit kerja baru"), queryset=UnitKerja.objects.none(), aktif=True)
    jabatan = JabatanChoiceField(
        label=_("Jabatan baru"), queryset=Jabatan.objects.filter(aktif=True).order_by("nama"), empty_label=PILIH
    )
    tmt = forms.DateField(label=_("TMT"), widget=_tanggal_widget())
    nomor_sk = forms.CharField(label=_("Nomor SK"), max_length=100, required=False)
    tanggal_sk = forms.DateField(label=_("Tanggal SK"), required=False, widget=_tanggal_widget())
    keterangan = forms.CharField(label=_("Keterangan"), max_length=250, required=False)

    def __init__(self, *args, unit_qs: QuerySet[UnitKerja] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = UnitKerja.objects.filter(aktif=True) if unit_qs is None else unit_qs
        self.helper = helper_tanpa_tag(
            Row(Column("unit", css_class="col-md-6"), Column("jabatan", css_class="col-md-6")),
            Row(
                Column("tmt", css_class="col-md-4"),
                Column("nomor_sk", css_class="col-md-4"),
                Column("tanggal_sk", css_class="col-md-4"),
            ),
            "keterangan",
        )


class NonaktifkanForm(forms.Form):
    ALASAN_UMUM = [
        _("Pensiun (BUP)"),
        _("Pensiun dini"),
        _("Meninggal dunia"),
        _("Pindah ke instansi lain"),
        _("Diberhentikan"),
        _("Mengundurkan diri"),
        _("Masa perjanjian kerja berakhir"),
    ]

    alasan = forms.CharField(
        label=_("Alasan"),
        max_length=100,
        help_text=_("Pilih dari saran atau ketik sendiri."),
        widget=forms.TextInput(attrs={"list": "alasan-umum", "autocomplete": "off"}),
    )
    tanggal = forms.DateField(
        label=_("Berlaku tanggal"),
        help_text=_("Jabatan sekarang ditutup pada tanggal ini."),
        widget=_tanggal_widget(),
    )

    def __init__(self, *args, mulai_jabatan: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.mulai_jabatan = mulai_jabatan
        self.helper = helper_tanpa_tag(
            Row(Column("alasan", css_class="col-md-8"), Column("tanggal", css_class="col-md-4"))
        )

    def clean_tanggal(self):
        tanggal = self.cleaned_data["tanggal"]
        if self.mulai_jabatan and tanggal < self.mulai_jabatan:
            raise forms.ValidationError(
                _("Tanggal tidak boleh sebelum TMT jabatan sekarang (%(t)s).")
                % {"t": self.mulai_jabatan.strftime("%d-%m-%Y")}
            )
        return tanggal


class HukumanForm(forms.ModelForm):
    class Meta:
        model = HukumanDisiplin
        fields = ["tingkat", "jenis", "nomor_sk", "mulai", "selesai", "keterangan"]
        widgets = {
            "mulai": _tanggal_widget(),
            "selesai": _tanggal_widget(),
            "keterangan": forms.Textarea(attrs={"rows": 3}),
            "jenis": forms.TextInput(attrs={"placeholder": _("mis. Teguran tertulis")}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tingkat"].choices = [("", PILIH), *TingkatHukuman.choices]
        self.helper = helper_tanpa_tag(
            Row(Column("tingkat", css_class="col-md-4"), Column("jenis", css_class="col-md-8")),
            Row(
                Column("nomor_sk", css_class="col-md-6"),
                Column("mulai", css_class="col-md-3"),
                Column("selesai", css_class="col-md-3"),
            ),
            "keterangan",
        )

    def clean(self):
        data = super().clean()
        mulai, selesai = data.get("mulai"), data.get("selesai")
        if mulai and selesai and selesai < mulai:
            self.add_error("selesai", _("Tanggal berakhir tidak boleh sebelum tanggal mulai."))
        return data


class KinerjaForm(forms.Form):
    tahun = forms.IntegerField(label=_("Tahun"), min_value=2000)
    predikat = forms.ChoiceField(label=_("Predikat kinerja"), choices=[("", PILIH), *Predikat.choices])
    keterangan = forms.CharField(label=_("Keterangan"), max_length=250, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        tahun_ini = date.today().year
        self.fields["tahun"].validators.append(MaxValueValidator(tahun_ini))
        self.fields["tahun"].widget.attrs["max"] = tahun_ini
        self.fields["tahun"].help_text = _(
            "Bila tahun itu sudah tercatat, predikatnya diganti (tercatat di jejak audit)."
        )
        self.helper = helper_tanpa_tag(
            Row(Column("tahun", css_class="col-md-5"), Column("predikat", css_class="col-md-7")),
            "keterangan",
        )
