"""Forms of the transfer workflow (crispy-forms, bootstrap5). They validate input only; the
rules live in the services."""

from datetime import date
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from pegawai.forms.unit_cari import UnitCariBanyakField, UnitCariField
from pegawai.models import Jabatan, Pegawai, UnitKerja

from .models import (
    FIELD_USULAN,
    DasarMutasi,
    JenisLampiran,
    JenisMutasi,
    KeputusanKeberatan,
    StatusUsulan,
    UsulanMutasi,
)

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def unit_tujuan_field(kelas: type[UnitCariField] = UnitCariField, **kwargs: Any) -> UnitCariField:
    """A transfer's target unit (or units): any open unit of the city, whatever units the user sees."""
    return kelas(queryset=UnitKerja.objects.filter(aktif=True), cakupan="semua", aktif=True, **kwargs)


def area_teks(**baris: int) -> dict[str, forms.Textarea]:
    """A ModelForm's `widgets` for its long text fields: a Textarea of that many rows each."""
    return {nama: forms.Textarea(attrs={"rows": n}) for nama, n in baris.items()}


class UsulanForm(forms.ModelForm):
    class Meta:
        model = UsulanMutasi
        fields = FIELD_USULAN
        widgets = {
            "tmt_usulan": TANGGAL,
            **area_teks(alasan=3, manfaat_organisasi=2, manfaat_pegawai=2, alasan_tanpa_kekurangan=2),
        }
        help_texts = {
            "alasan": _("Ditampilkan kepada pegawai dalam surat pemberitahuan."),
            "manfaat_pegawai": _("Ditampilkan kepada pegawai: apa yang ia peroleh dari mutasi ini."),
            "instansi_eksternal": _("Hanya untuk mutasi antar instansi."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bawaan = self.fields["tujuan_unit"]
        self.fields["tujuan_unit"] = unit_tujuan_field(label=bawaan.label, help_text=bawaan.help_text, required=False)
        self.fields["tujuan_jabatan"].queryset = Jabatan.objects.order_by("nama")
        self.fields["tujuan_jabatan"].required = False

    def clean(self):
        data = super().clean()
        jenis = data.get("jenis")
        if jenis != JenisMutasi.KELUAR:
            for f in ("tujuan_unit", "tujuan_jabatan"):
                if not data.get(f):
                    self.add_error(f, _("Wajib diisi untuk mutasi dalam instansi dan mutasi masuk."))
        if jenis in (JenisMutasi.KELUAR, JenisMutasi.MASUK) and not data.get("instansi_eksternal"):
            self.add_error("instansi_eksternal", _("Wajib diisi untuk mutasi antar instansi."))
        return data


class UsulanBaruForm(UsulanForm):
    pegawai = forms.ModelChoiceField(
        label=_("Pegawai"),
        queryset=Pegawai.objects.filter(aktif=True),
        widget=forms.HiddenInput,
    )
    nip = forms.CharField(
        label=_("NIP pegawai"),
        required=False,
        help_text=_("Ketik NIP (18 digit) lalu tekan Cari; atau buka dari halaman pegawai/kandidat ABK."),
    )

    class Meta(UsulanForm.Meta):
        fields = ["pegawai", *UsulanForm.Meta.fields]

    field_order = ["nip", "pegawai"]


class CatatanForm(forms.Form):
    catatan = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class TinjauForm(forms.Form):
    catatan = forms.CharField(label=_("Hasil tinjauan"), widget=forms.Textarea(attrs={"rows": 2}))


class PersetujuanMenteriForm(forms.Form):
    teks = forms.CharField(label=_("Nomor dan tanggal persetujuan Menteri Dalam Negeri"), max_length=200)


class LampiranForm(forms.Form):
    jenis = forms.ChoiceField(label=_("Jenis dokumen"), choices=JenisLampiran.choices)
    berkas = forms.FileField(
        label=_("Berkas"),
        help_text=format_lazy(_("PDF, PNG atau JPEG, maksimal {mb} MB."), mb=settings.UPLOAD_MAX_MB),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )


class SKForm(forms.Form):
    """HR prepares a decree for the PPK: what it says. Number, date and signatory come when the PPK
    signs it (from his account), never typed here."""

    tmt = forms.DateField(label=_("TMT"), widget=TANGGAL, help_text=_("Tidak boleh sebelum tanggal SK."))
    tentang = forms.CharField(
        label=_("Tentang"),
        max_length=300,
        required=False,
        help_text=_("Kosong: disusun otomatis menurut jenis mutasi dan status pegawai."),
    )

    @classmethod
    def awal(cls, tmt: date | None = None, ppk_user=None, mengganti=None) -> dict:
        return {"tmt": max(tmt or timezone.localdate(), timezone.localdate())}


class BatchForm(forms.Form):
    MODE = [("daftar", _("Daftar: NIP, kode unit tujuan, jabatan tujuan")), ("rotasi", _("Rotasi melingkar"))]
    nama = forms.CharField(label=_("Nama batch"), max_length=200)
    dasar = forms.ChoiceField(label=_("Dasar mutasi"), choices=DasarMutasi.choices, initial=DasarMutasi.ROTASI)
    tmt_usulan = forms.DateField(label=_("TMT yang diusulkan"), widget=TANGGAL)
    mode = forms.ChoiceField(label=_("Cara mengisi"), choices=MODE, widget=forms.RadioSelect, initial="daftar")
    daftar = forms.CharField(
        label=_("Daftar pegawai"),
        widget=forms.Textarea(attrs={"rows": 8, "class": "font-monospace"}),
        help_text=_(
            "Satu pegawai per baris; boleh ditempel dari spreadsheet (dipisah tab, titik koma atau koma). "
            "Daftar: NIP; KODE-UNIT; Nama Jabatan. Rotasi: NIP saja — tiap pegawai menempati posisi pegawai "
            "di baris berikutnya, yang terakhir menempati posisi yang pertama."
        ),
    )
    alasan = forms.CharField(label=_("Alasan mutasi"), widget=forms.Textarea(attrs={"rows": 2}))
    manfaat_organisasi = forms.CharField(label=_("Manfaat bagi organisasi"), widget=forms.Textarea(attrs={"rows": 2}))
    manfaat_pegawai = forms.CharField(label=_("Manfaat bagi pegawai"), widget=forms.Textarea(attrs={"rows": 2}))
    alasan_tanpa_kekurangan = forms.CharField(
        label=_("Alasan bila unit tujuan tidak kekurangan pegawai"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    keterangan = forms.CharField(label=_("Keterangan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Cari"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Semua status")), *StatusUsulan.choices, ("perlu_tinjauan", _("Perlu ditinjau"))],
    )
    jenis = forms.ChoiceField(label=_("Jenis"), required=False, choices=[("", _("Semua jenis")), *JenisMutasi.choices])
    dasar = forms.ChoiceField(label=_("Dasar"), required=False, choices=[("", _("Semua dasar")), *DasarMutasi.choices])
    unit = UnitCariField(label=_("Unit"), required=False, queryset=UnitKerja.objects.all(), cakupan="semua")
    dari = forms.DateField(label=_("TMT dari"), required=False, widget=TANGGAL)
    sampai = forms.DateField(label=_("TMT sampai"), required=False, widget=TANGGAL)
    batch = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)
    urut = forms.CharField(required=False, widget=forms.HiddenInput)


class PermohonanForm(forms.Form):
    jenis = forms.ChoiceField(
        label=_("Jenis"),
        choices=[
            (JenisMutasi.DALAM, _("Pindah unit di lingkungan Pemerintah Kota")),
            (JenisMutasi.KELUAR, _("Pindah ke instansi lain")),
        ],
    )
    alasan = forms.CharField(label=_("Alasan permohonan"), widget=forms.Textarea(attrs={"rows": 4}), min_length=20)
    unit_pilihan = unit_tujuan_field(
        UnitCariBanyakField,
        label=_("Unit kerja yang diinginkan"),
        required=False,
        help_text=_("Ketik nama unit lalu pilih; boleh lebih dari satu."),
    )
    instansi_tujuan = forms.CharField(label=_("Instansi tujuan"), required=False, max_length=200)
    berkas = forms.FileField(
        label=_("Lampiran (opsional)"),
        required=False,
        help_text=format_lazy(_("PDF, PNG atau JPEG, maksimal {mb} MB."), mb=settings.UPLOAD_MAX_MB),
    )


class TolakPermohonanForm(forms.Form):
    alasan = forms.CharField(label=_("Alasan penolakan (dibaca pegawai)"), widget=forms.Textarea(attrs={"rows": 3}))


class KeberatanForm(forms.Form):
    isi = forms.CharField(
        label=_("Keberatan atau keprihatinan Anda"),
        widget=forms.Textarea(attrs={"rows": 4}),
        min_length=10,
        max_length=5000,
    )


class JawabKeberatanForm(forms.Form):
    keputusan = forms.ChoiceField(label=_("Keputusan"), choices=KeputusanKeberatan.choices, widget=forms.RadioSelect)
    jawaban = forms.CharField(label=_("Jawaban untuk pegawai"), widget=forms.Textarea(attrs={"rows": 4}))
    tmt_baru = forms.DateField(label=_("TMT baru (bila direvisi)"), required=False, widget=TANGGAL)
    tujuan_unit = unit_tujuan_field(
        label=_("Unit tujuan baru (bila direvisi)"),
        required=False,
        help_text=_("Mengubah unit atau jabatan tujuan mengembalikan usulan ke persetujuan kepala unit tujuan baru."),
    )
    tujuan_jabatan = forms.ModelChoiceField(
        label=_("Jabatan tujuan baru (bila direvisi)"), required=False, queryset=Jabatan.objects.order_by("nama")
    )
