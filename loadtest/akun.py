"""The demo accounts the load test uses (pegawai/demo/akun.py), shared by the locustfile and sesi.py."""

PASSWORD = "demo12345"  # noqa: S105 - the published demo password (pegawai/demo/akun.py)
NIP = {
    "hr": "198503152010012003",
    "ppk": "196807121994031005",
    "kepala": "197604222000121002",
    "kepala_pkm": "198011052006042009",
    "pegawai": "199002172015031004",
}
SESI_COOKIE = "sessionid"
