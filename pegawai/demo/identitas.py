"""Demo people's reference data: names by origin and gender, birthplaces, phone prefixes,
education families and the ranks they lead to, and the disciplinary sanctions handed out.
"""

from __future__ import annotations

from ..models import GOLONGAN_PPPK, PANGKAT_PNS, TingkatHukuman
from .jabatan import JJ, A, F, J, L, P


def _daftar(teks: str) -> list[str]:
    return [x.strip() for x in teks.split(",")]


# (given names, family or second names) per origin and gender. Surabaya is mostly Javanese,
# with many Madurese, Arab-descended (Ampel) and Chinese-Indonesian residents.
NAMA = {
    "jawa": {
        "L": (
            _daftar(
                "Agus, Bambang, Budi, Dwi, Eko, Heru, Joko, Slamet, Sugeng, Teguh, Wahyu, Bayu, Sigit, Yudi, "
                "Hari, Tri, Setyo, Anang, Didik, Edi, Gatot, Imam, Rudi, Yoga, Adi, Dimas, Galih, Aris, Catur, "
                "Wisnu, Rizal, Fajar, Arif, Dedi"
            ),
            _daftar(
                "Santoso, Prasetyo, Wibowo, Susanto, Nugroho, Saputro, Kurniawan, Setiawan, Purnomo, Utomo, "
                "Wicaksono, Hartono, Sutrisno, Hidayat, Prakoso, Widodo, Suryono, Purwanto, Raharjo, Pamungkas, "
                "Firmansyah, Suharto, Sasongko, Priyambodo, Cahyono"
            ),
        ),
        "P": (
            _daftar(
                "Sri, Endang, Retno, Wulan, Ayu, Dewi, Ratna, Yuliani, Kartika, Indah, Novi, Puji, Tri, Dwi, "
                "Rina, Diah, Eka, Nanik, Sulis, Yuni, Rahmawati, Lilik, Anik, Wahyuni, Tutik, Febri, Intan, "
                "Putri, Rini, Dyah, Mega, Titik"
            ),
            _daftar(
                "Wulandari, Lestari, Rahayu, Handayani, Purwaningsih, Setyaningsih, Susanti, Anggraini, "
                "Kusumawati, Pratiwi, Maharani, Astuti, Ayuningtyas, Widyastuti, Suryaningsih, Rahmawati, "
                "Puspitasari, Utami, Hastuti, Kurniasari, Novitasari, Sulistyowati"
            ),
        ),
    },
    "madura": {
        "L": (
            _daftar("Moh., Ach., Abd., Mat, Moh., Ahmad, Abdul"),
            _daftar(
                "Holili, Sahrawi, Subairi, Busiri, Juhari, Mas'ud, Fathorrahman, Syaiful, Zainuri, Hosnan, "
                "Rasyidi, Sholeh, Baidowi, Qusyairi, Hasyim, Syamsul Arifin, Imam Baihaqi"
            ),
        ),
        "P": (
            _daftar("Siti, Nur, Ummi, Hosnol, Fatimatuz, Maimunah, Badriyah, Sumiyati, Holifah"),
            _daftar(
                "Holifah, Hasanah, Kalsum, Khotimah, Zahro, Aisyah, Rohmah, Maryam, Faridah, Muthmainnah, Sa'diyah"
            ),
        ),
    },
    "arab": {
        "L": (
            _daftar(
                "Ahmad, Muhammad, Abdullah, Faisal, Hasan, Umar, Zainal, Ali, Yusuf, Ibrahim, Hamzah, Husein, "
                "Salim, Fuad, Rizky, Ilham, Fikri, Farid"
            ),
            _daftar(
                "Fauzi, Basri, Abidin, Akbar, Assegaf, Alatas, Alaydrus, Baswedan, Bahasuan, Al Habsyi, Rahman, "
                "Hakim, Maulana, Amrullah, Syahputra, Nurdin"
            ),
        ),
        "P": (
            _daftar(
                "Fatimah, Aisyah, Khadijah, Nurul, Zahra, Laila, Salma, Syarifah, Aminah, Annisa, Nabila, Zulfa, "
                "Hafshah"
            ),
            _daftar("Huda, Aminah, Assegaf, Alatas, Azizah, Nuraini, Fitriyah, Zakiyah, Rahma, Hanum"),
        ),
    },
    "tionghoa": {
        "L": (
            _daftar(
                "Hendra, Andreas, Steven, Yohanes, Kevin, Sugianto, Hartono, Rudy, Jonathan, Wilson, Christian, "
                "Gunawan, Felix, Antonius"
            ),
            _daftar(
                "Wijaya, Tanuwijaya, Gunawan, Halim, Tanoto, Setiadi, Salim, Kurniawan, Tjahjadi, Santoso, "
                "Hartanto, Sutanto, Lim, Tjandra"
            ),
        ),
        "P": (
            _daftar(
                "Lanny, Melinda, Jessica, Yuliana, Lily, Veronika, Ivana, Sherly, Stefanie, Natalia, Meilani, Fransiska"
            ),
            _daftar("Susanto, Halim, Wijaya, Tanujaya, Hartanto, Gunawan, Salim, Tjandra, Setiawan, Kusuma"),
        ),
    },
    "lain": {
        "L": (
            _daftar("Yohanes, Robert, Daniel, Markus, Petrus, Samuel, Benny, Ronald"),
            _daftar("Simanjuntak, Siregar, Manurung, Pattiasina, Rumondor, Tanamal, Sitorus, Lumbantobing"),
        ),
        "P": (
            _daftar("Maria, Elisabeth, Theresia, Yosefina, Ruth, Debora, Grace"),
            _daftar("Simanjuntak, Siregar, Pattiasina, Rumondor, Manurung, Tambunan, Nainggolan"),
        ),
    },
}
ASAL = [("jawa", 58), ("madura", 14), ("arab", 14), ("tionghoa", 8), ("lain", 6)]
TEMPAT_LAHIR = ["Surabaya"] * 8 + _daftar(
    "Sidoarjo, Gresik, Bangkalan, Sumenep, Pamekasan, Sampang, Malang, Lamongan, Mojokerto, Jombang, Kediri, "
    "Madiun, Tuban, Pasuruan, Probolinggo, Jember, Blitar, Ngawi, Semarang"
)
# Mobile prefixes after "08" (Telkomsel, Indosat, XL, Smartfren). The list keeps 91 entries so the
# seeded random draws, and with them the rest of the demo data, stay as they were.
PREFIKS_HP = _daftar("11, 12, 13, 21, 52, 56, 57, 77, 95") * 8 + _daftar(
    "11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 51, 52, 53, 55, 56, 57, 58"
)

GOLONGAN = list(PANGKAT_PNS)  # I/a .. IV/e
GOL = {g: i for i, g in enumerate(GOLONGAN)}

# Education families: (entry level, [(school, degree)]) and master's degrees some earn later.
# Entry level fixes the starting rank: SMA II/a, D-III II/c, S-1/D-IV III/a, dokter III/b.
S1_UMUM = [
    ("S-1 Administrasi Publik", "S.AP."),
    ("S-1 Ilmu Administrasi Negara", "S.Sos."),
    ("S-1 Manajemen", "S.E."),
    ("S-1 Ilmu Pemerintahan", "S.IP."),
    ("S-1 Ilmu Hukum", "S.H."),
    ("S-1 Akuntansi", "S.E."),
]
PENDIDIKAN = {
    "umum": (
        "S1",
        S1_UMUM,
        [("S-2 Administrasi Publik", "M.AP."), ("S-2 Manajemen", "M.M."), ("S-2 Ilmu Administrasi", "M.Si.")],
    ),
    "pamong": (
        "S1",
        [
            ("D-IV Ilmu Pemerintahan (IPDN)", "S.STP."),
            ("S-1 Ilmu Pemerintahan", "S.IP."),
            ("S-1 Administrasi Publik", "S.AP."),
        ],
        [("S-2 Ilmu Pemerintahan", "M.Si."), ("S-2 Administrasi Publik", "M.AP.")],
    ),
    "sdm": (
        "S1",
        [("S-1 Psikologi", "S.Psi."), ("S-1 Administrasi Publik", "S.AP."), ("S-1 Manajemen", "S.E.")],
        [("S-2 Psikologi", "M.Psi."), ("S-2 Manajemen", "M.M."), ("S-2 Administrasi Publik", "M.AP.")],
    ),
    "akuntansi": (
        "S1",
        [("S-1 Akuntansi", "S.E."), ("S-1 Akuntansi", "S.Ak.")],
        [("S-2 Akuntansi", "M.Ak."), ("S-2 Manajemen", "M.M.")],
    ),
    "hukum": ("S1", [("S-1 Ilmu Hukum", "S.H.")], [("S-2 Ilmu Hukum", "M.H.")]),
    "sosial": (
        "S1",
        [("S-1 Kesejahteraan Sosial", "S.Sos."), ("S-1 Sosiologi", "S.Sos."), ("S-1 Psikologi", "S.Psi.")],
        [("S-2 Ilmu Kesejahteraan Sosial", "M.Si.")],
    ),
    "komunikasi": (
        "S1",
        [("S-1 Ilmu Komunikasi", "S.I.Kom."), ("S-1 Ilmu Komunikasi", "S.Sos.")],
        [("S-2 Ilmu Komunikasi", "M.I.Kom.")],
    ),
    "it": (
        "S1",
        [("S-1 Teknik Informatika", "S.Kom."), ("S-1 Sistem Informasi", "S.Kom."), ("S-1 Teknik Elektro", "S.T.")],
        [("S-2 Teknik Informatika", "M.Kom."), ("S-2 Manajemen", "M.M.")],
    ),
    "teknik": (
        "S1",
        [("S-1 Teknik Sipil", "S.T."), ("S-1 Perencanaan Wilayah dan Kota", "S.T.")],
        [("S-2 Teknik Sipil", "M.T."), ("S-2 Manajemen", "M.M.")],
    ),
    "kesmas": ("S1", [("S-1 Kesehatan Masyarakat", "S.K.M.")], [("S-2 Kesehatan Masyarakat", "M.Kes.")]),
    "guru": (
        "S1",
        [
            ("S-1 Pendidikan Guru Sekolah Dasar", "S.Pd."),
            ("S-1 Pendidikan Bahasa Indonesia", "S.Pd."),
            ("S-1 Pendidikan Matematika", "S.Pd."),
            ("S-1 Pendidikan Agama Islam", "S.Pd.I."),
            ("S-1 Pendidikan Bahasa Inggris", "S.Pd."),
        ],
        [("S-2 Manajemen Pendidikan", "M.Pd.")],
    ),
    "dokter": (
        "DOKTER",
        [("S-1 Pendidikan Dokter", "dr.")],
        [("S-2 Kesehatan Masyarakat", "M.Kes."), ("S-2 Manajemen Rumah Sakit", "M.M.R.S.")],
    ),
    "dokter_gigi": ("DOKTER", [("S-1 Kedokteran Gigi", "drg.")], [("S-2 Kesehatan Masyarakat", "M.Kes.")]),
    "ners": ("S1", [("S-1 Keperawatan (Profesi Ners)", "S.Kep., Ns.")], [("S-2 Keperawatan", "M.Kep.")]),
    "apoteker": ("S1", [("Profesi Apoteker", "S.Farm., Apt.")], [("S-2 Farmasi", "M.Farm.")]),
    "perawat_d3": ("D3", [("D-III Keperawatan", "A.Md.Kep.")], []),
    "bidan": ("D3", [("D-III Kebidanan", "A.Md.Keb.")], []),
    "it_d3": ("D3", [("D-III Manajemen Informatika", "A.Md.Kom."), ("D-III Teknik Komputer", "A.Md.T.")], []),
    "d3_umum": ("D3", [("D-III Kearsipan", "A.Md."), ("D-III Administrasi Perkantoran", "A.Md.")], []),
    "teknik_d3": ("D3", [("D-III Teknik Otomotif", "A.Md.T."), ("D-III Transportasi Darat", "A.Md.Tra.")], []),
    "sma": ("SMA", [("SMA", ""), ("SMK", "")], []),
}
AWAL_GOLONGAN = {"SMA": "II/a", "D3": "II/c", "S1": "III/a", "DOKTER": "III/b"}
PUNCAK_PELAKSANA = {"SMA": "III/b", "D3": "III/c", "S1": "III/d", "DOKTER": "III/d"}
USIA_MASUK = {"SMA": (19, 26), "D3": (21, 28), "S1": (22, 30), "DOKTER": (25, 31)}
GOLONGAN_JENJANG = {
    JJ.JPT_PRATAMA: ("IV/c", "IV/d"),
    JJ.AHLI_PERTAMA: ("III/a", "III/b"),
    JJ.AHLI_MUDA: ("III/c", "III/d"),
    JJ.AHLI_MADYA: ("IV/a", "IV/c"),
    JJ.TERAMPIL: ("II/c", "II/d"),
}
GOLONGAN_JENIS = {A: ("IV/a", "IV/b"), P: ("III/c", "III/d")}
PPPK_GOLONGAN = {"SMA": "V", "D3": "VII", "S1": "IX", "DOKTER": "X"}
# Share of S-2 holders by kind of post.
PORSI_S2 = {J: 0.9, A: 0.6, P: 0.3, F: 0.12, L: 0.03}

# Sanctions of PP 94/2021: (tingkat, jenis, start in months from today, duration in months). Light
# sanctions are one-off acts (start = end); some sanctions are still running today, some are over.
HUKUMAN = [
    (TingkatHukuman.RINGAN, "Teguran tertulis", -8, 0),
    (TingkatHukuman.RINGAN, "Pernyataan tidak puas secara tertulis", -2, 0),
    (TingkatHukuman.SEDANG, "Pemotongan tunjangan kinerja sebesar 25% selama 6 bulan", -3, 6),
    (TingkatHukuman.SEDANG, "Pemotongan tunjangan kinerja sebesar 25% selama 9 bulan", -20, 9),
    (TingkatHukuman.BERAT, "Penurunan jabatan setingkat lebih rendah selama 12 bulan", -5, 12),
    (TingkatHukuman.RINGAN, "Teguran lisan", -14, 0),
]

# PPPK golongan must be one the model accepts; a typo here would only show at full_clean.
assert set(PPPK_GOLONGAN.values()) <= set(GOLONGAN_PPPK)
