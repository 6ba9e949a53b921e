"""SIASN (BKN's national civil-servant system): the web-service client (`klien`), the mapping of its
shapes to ours (`bentuk`). Off by default (`SIASN_AKTIF`); see docs/INTEGRASI.md.

Reads (compare before trusting) are in `pegawai.selectors.siasn`; writes (taking SIASN's values over,
the outbox of positions to push) in `pegawai.services.siasn`."""
