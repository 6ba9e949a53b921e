"""Hypothesis helpers shared by the property tests (pegawai and mutasi): arbitrary form input as a
browser would POST it, and the check every form must pass on it."""

from django import forms
from django.http import QueryDict
from django.utils.html import conditional_escape
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Small and deterministic: CI runs the same examples on SQLite and PostgreSQL, quickly.
CEPAT = settings(max_examples=60, deadline=None, derandomize=True)
DB = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FORM = settings(DB, max_examples=50)  # a form example is cheap: a few queries, no file

# What people (and robots) type into a field: any Unicode, digits of any script, NUL and other
# control characters, numbers past 64 bits, impossible dates, markup, very long text.
TEKS_FORM = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=st.characters(categories=["Nd", "No"]), max_size=20),
    st.sampled_from(
        [
            "",
            " ",
            "0",
            "-1",
            "9" * 25,
            "1e400",
            "NaN",
            "2024-02-30",
            "0000-00-00",
            "31/12/1999",
            "x@",
            "\x00",
            "a\x00b",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            '=HYPERLINK("http://x")',
        ]
    ),
    st.builds(lambda c, n: c * n, st.characters(), st.integers(200, 6000)),
)

_WIDGET_TEKS = (forms.TextInput, forms.Textarea)  # EmailInput, DateInput, NumberInput... are TextInputs


def isian(*sah) -> st.SearchStrategy:
    """A field's value: sometimes one a valid form would hold, otherwise anything."""
    return st.one_of(*(st.sampled_from(s) if isinstance(s, list | tuple) else s for s in sah), TEKS_FORM)


@st.composite
def data_post(draw, bidang: dict[str, st.SearchStrategy], ganda: tuple[str, ...] = ()) -> QueryDict:
    """A POST body: each field present or not, multi-valued ones (`ganda`) with 0-3 values, and a
    stray field now and then."""
    data = QueryDict(mutable=True)
    for nama, nilai in bidang.items():
        if draw(st.integers(0, 5)) == 0:
            continue  # the field missing from the request
        if nama in ganda:
            data.setlist(nama, draw(st.lists(nilai, max_size=3)))
        else:
            data[nama] = draw(nilai)
    for nama, nilai in draw(st.dictionaries(st.text(min_size=1, max_size=8), TEKS_FORM, max_size=2)).items():
        if nama not in bidang:
            data[nama] = nilai
    return data


def periksa_formulir(form: forms.BaseForm, data: QueryDict) -> bool:
    """`is_valid()` answers (never raises); an invalid form names only its own fields in error, each
    with a message, and shows every value as typed, so nothing has to be typed twice."""
    sah = form.is_valid()
    assert form.data is data
    if sah:
        return True
    assert form.errors
    for nama, pesan in form.errors.items():
        assert nama == "__all__" or nama in form.fields, nama
        assert pesan and all(str(p).strip() for p in pesan), nama
    for nama, field in form.fields.items():
        if nama not in data or isinstance(field, forms.FileField):
            continue
        bf = form[nama]
        if getattr(field.widget, "allow_multiple_selected", False):
            assert list(bf.value()) == data.getlist(nama), nama
            continue
        ketik = data[nama]
        assert bf.value() == ketik, nama
        html = str(bf)  # rendering a bound field never raises
        if isinstance(field.widget, _WIDGET_TEKS) and not field.widget.is_hidden and ketik:
            assert str(conditional_escape(ketik)) in html, nama
    return False
