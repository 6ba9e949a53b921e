from pegawai.selectors.pegawai import pegawai_cari, pegawai_terlihat


def test_hr_and_ppk_see_everyone(org):
    semua = {org.hr, org.ppk, org.kepala, org.anggota, org.orang_luar}
    assert set(pegawai_terlihat(org.hr.akun)) == semua
    assert set(pegawai_terlihat(org.ppk.akun)) == semua


def test_unit_head_sees_their_unit_and_sub_units_only(org):
    assert set(pegawai_terlihat(org.kepala.akun)) == {org.kepala, org.anggota}


def test_employee_sees_only_themself(org):
    assert list(pegawai_terlihat(org.anggota.akun)) == [org.anggota]


def test_search_filters_by_unit_including_sub_units(org):
    hasil = pegawai_cari(org.hr.akun, unit=org.unit.pk)
    assert set(hasil) == {org.kepala, org.anggota}


def test_search_by_nip_prefix_and_name(org):
    assert list(pegawai_cari(org.hr.akun, q=org.anggota.nip[:10])) == [org.anggota]
    # A known name: a random one may begin with a title ("Ir."), which the search ignores on purpose.
    org.anggota.nama = "Amalia Aryani"
    org.anggota.save()
    assert org.anggota in pegawai_cari(org.hr.akun, q="Amal")
