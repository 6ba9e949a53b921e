"""Demo data for Kota Surabaya / Kecamatan Mulyorejo (`manage.py demo`). Being written."""

# Fixed demo accounts (role -> NIP); every demo module may rely on these.
DEMO_PASSWORD = "demo12345"
AKUN = {
    "hr": "198503152010012003",  # Rina Wulandari, S.Psi. - BKPSDM
    "ppk": "196807121994031005",  # Drs. Ikhsan, M.Si. - Sekretaris Daerah (PPK delegate)
    "kepala": "197604222000121002",  # Hendro Gunawan, S.STP., M.Si. - Camat Mulyorejo
    "kepala_pkm": "198011052006042009",  # dr. Laksmi Ayuningtyas - Kepala Puskesmas Mulyorejo
    "pegawai": "199002172015031004",  # Ahmad Fauzi, S.AP. - staff of Kelurahan Kalisari
}
