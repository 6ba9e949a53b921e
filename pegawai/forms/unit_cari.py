"""The one unit field of every form and filter: it renders only the chosen unit, never the whole
tree (2,000+ units at a province's scale made every list page a 170 KB drop-down).

HTML: a hidden input `<name>` with the unit's id and a visible text input `<name>_cari` with its
path. `static/js/unit-cari.js` turns the text input into a search-as-you-type list that loads
matches from `pegawai:unit_cari` (JSON) and puts the picked id into the hidden input; typing again
clears the id. Without the script the text input is a plain search by unit name or code: the
server resolves the text to the one unit it names (`unit_dari_teks`), or says it names none or
several. A link with only `?unit=<id>` (no `_cari`) keeps working.

Validation is the server's: the id (or the text) must name a unit of the field's queryset.
`cakupan` tells the endpoint which units to offer: "terlihat" (those the user may see, for lists
and employee forms) or "semua" (any unit, e.g. a transfer's target); `aktif` only open units."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from inti.masukan import id_aman

from ..models import UnitKerja
from ..selectors.unit_cari import dengan_jalur, unit_dari_teks, unit_jalur

AKHIRAN = "_cari"


class UnitCariWidget(forms.Widget):
    template_name = "pegawai/widgets/unit_cari.html"

    def __init__(self, attrs=None, *, cakupan: str = "terlihat", aktif: bool = False):
        super().__init__(attrs)
        self.cakupan, self.aktif = cakupan, aktif
        self.tampilkan = None  # set by UnitCariField: value -> (id, text)

    def _render(self, template_name, context, renderer=None):
        # The project's templates (the default form renderer only sees Django's own).
        return mark_safe(render_to_string(template_name, context))  # noqa: S308 - a template, escaped

    def value_from_datadict(self, data, files, name):
        """The id as sent when only the id is (a link, the JS-less form's first GET); else (id, text)."""
        if name + AKHIRAN not in data:
            return data.get(name)
        return (data.get(name) or "", data.get(name + AKHIRAN))

    def value_omitted_from_data(self, data, files, name):
        return name not in data and name + AKHIRAN not in data

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        pk, teks = self.tampilkan(value) if self.tampilkan else ("", "")
        w = context["widget"]
        w.update(
            nama_cari=name + AKHIRAN,
            id_nilai=pk,
            teks=teks,
            url=reverse("pegawai:unit_cari"),
            cakupan=self.cakupan,
            aktif="1" if self.aktif else "",
        )
        w["attrs"].setdefault("placeholder", _("Ketik nama unit…"))
        return context


class UnitCariField(forms.Field):
    """A unit of `queryset`, chosen by id (the script) or by its typed name; cleans to the
    UnitKerja or None. Each value is resolved once per form (one query)."""

    widget = UnitCariWidget
    default_error_messages = {
        "invalid_choice": _("Unit kerja tidak ditemukan."),
        "tidak_ada": _("Tidak ada unit kerja bernama “%(teks)s”."),
        "banyak": _("“%(teks)s” cocok dengan %(n)s unit kerja: ketik lebih lengkap atau pilih dari daftar."),
    }

    def __init__(self, *, queryset: QuerySet[UnitKerja], cakupan: str = "terlihat", aktif: bool = False, **kwargs):
        kwargs.setdefault("widget", UnitCariWidget(cakupan=cakupan, aktif=aktif))
        super().__init__(**kwargs)
        self.queryset = queryset

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.queryset = self.queryset.all()  # also points the copied widget at this copy
        return result

    @property
    def queryset(self) -> QuerySet[UnitKerja]:
        return self._queryset

    @queryset.setter
    def queryset(self, qs: QuerySet[UnitKerja]) -> None:
        self._queryset = qs
        self._hasil = {}
        self.widget.tampilkan = self._tampilkan

    def _pecah(self, value) -> tuple[str, str | None]:
        """(id text, typed text or None when no text input was sent)."""
        if isinstance(value, tuple):
            return str(value[0] or "").strip(), value[1] if value[1] is None else str(value[1]).strip()
        if isinstance(value, UnitKerja):
            return str(value.pk), None
        return str(value or "").strip(), None

    def _selesaikan(self, value) -> UnitKerja | None:
        """The unit the value names, None for an empty value; raises ValidationError."""
        pk_teks, teks = self._pecah(value)
        return self._sekali((pk_teks, teks), lambda: self._cari(pk_teks, teks))

    def _sekali(self, kunci, hitung):
        """`hitung()` once per form for this value (clean and the widget both ask), its
        ValidationError kept and raised again like its result."""
        if kunci not in self._hasil:
            try:
                self._hasil[kunci] = hitung()
            except forms.ValidationError as e:
                self._hasil[kunci] = e
        hasil = self._hasil[kunci]
        if isinstance(hasil, forms.ValidationError):
            raise hasil
        return hasil

    def _cari(self, pk_teks: str, teks: str | None) -> UnitKerja | None:
        if teks == "" or (teks is None and not pk_teks):
            return None  # the text was cleared: no unit, whatever id is left
        if pk_teks:
            pk = id_aman(pk_teks)
            unit = dengan_jalur(self.queryset).filter(pk=pk).first() if pk else None
            if unit is None:
                raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
            if teks is None or teks.casefold() in (unit_jalur(unit).casefold(), unit.nama.casefold()):
                return unit
        unit, n = unit_dari_teks(self.queryset, teks or "")
        if unit is not None:
            return unit
        kode, params = ("banyak", {"teks": teks, "n": n}) if n else ("tidak_ada", {"teks": teks})
        raise forms.ValidationError(self.error_messages[kode], code=kode, params=params)

    def _tampilkan(self, value) -> tuple[str, str]:
        """(id, text) to render: the unit's id and path, or what was typed when it names none."""
        try:
            unit = self._selesaikan(value)
        except forms.ValidationError:
            return "", self._pecah(value)[1] or ""
        return (str(unit.pk), unit_jalur(unit)) if unit else ("", "")

    def clean(self, value):
        unit = self._selesaikan(value)
        if unit is None and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return unit

    def has_changed(self, initial, data) -> bool:
        lama = initial.pk if isinstance(initial, UnitKerja) else initial
        try:
            baru = self._selesaikan(data)
        except forms.ValidationError:
            return True
        return str(lama or "") != str(baru.pk if baru else "")


class UnitSaringForm(forms.Form):
    """A GET form with one unit field named `nama` (a page filtered by a unit and nothing else)."""

    def __init__(self, data=None, *, nama: str, label: str, unit_qs: QuerySet[UnitKerja]):
        super().__init__(data)
        self.nama = nama
        self.fields[nama] = UnitCariField(label=label, required=False, queryset=unit_qs)

    def unit(self) -> UnitKerja | None:
        """The chosen unit; None when none is chosen or the value names none (shown on the form)."""
        return self.cleaned_data.get(self.nama) if self.is_valid() else None


class UnitCariBanyakWidget(UnitCariWidget):
    """Several units: each chosen one is a checked checkbox (unticking drops it, with or without the
    script), and the text input adds one more (the script adds a checkbox per pick)."""

    template_name = "pegawai/widgets/unit_cari_banyak.html"
    allow_multiple_selected = True

    def value_from_datadict(self, data, files, name):
        ids = data.getlist(name) if hasattr(data, "getlist") else data.get(name)
        if name + AKHIRAN not in data:
            return ids
        return (ids or [], data.get(name + AKHIRAN))

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        w = context["widget"]
        w["terpilih"] = w.pop("id_nilai")  # [(id, path)] from UnitCariBanyakField._tampilkan
        return context


class UnitCariBanyakField(UnitCariField):
    """Several units of `queryset`: the ticked ids plus the one the text names; cleans to a list."""

    widget = UnitCariBanyakWidget

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget", UnitCariBanyakWidget(cakupan=kwargs.get("cakupan", "terlihat"), aktif=kwargs.get("aktif", False))
        )
        super().__init__(**kwargs)

    def _pecah_banyak(self, value) -> tuple[list[str], str]:
        ids, teks = value if isinstance(value, tuple) else (value, "")
        if isinstance(ids, str | int):
            ids = [ids]
        return [str(i).strip() for i in ids or [] if str(i).strip()], (teks or "").strip()

    def _units(self, ids: list[str]) -> list[UnitKerja]:
        pk = [id_aman(i) for i in ids]
        if None in pk:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        units = list(dengan_jalur(self.queryset).filter(pk__in=pk)) if pk else []
        if len(units) != len(set(pk)):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return sorted(units, key=lambda u: pk.index(u.pk))

    def _selesaikan(self, value) -> list[UnitKerja]:
        ids, teks = self._pecah_banyak(value)

        def hitung() -> list[UnitKerja]:
            units = self._units(ids)
            if teks:
                units.append(self._cari("", teks))
            return list({u.pk: u for u in units}.values())

        return self._sekali((tuple(ids), teks), hitung)

    def _tampilkan(self, value) -> tuple[list[tuple[int, str]], str]:
        ids, teks = self._pecah_banyak(value)
        try:
            return [(u.pk, unit_jalur(u)) for u in self._selesaikan(value)], ""
        except forms.ValidationError:
            sah = [i for i in ids if id_aman(i)]
            units = dengan_jalur(self.queryset).filter(pk__in=[id_aman(i) for i in sah]) if sah else []
            return [(u.pk, unit_jalur(u)) for u in units], teks

    def clean(self, value):
        units = self._selesaikan(value)
        if not units and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return units

    def has_changed(self, initial, data) -> bool:
        try:
            baru = {u.pk for u in self._selesaikan(data)}
        except forms.ValidationError:
            return True
        return {getattr(u, "pk", u) for u in initial or []} != baru
