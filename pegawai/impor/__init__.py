"""Bulk import of spreadsheets (CSV, XLSX) and export of the employee list.

- berkas.py  reading a file as a stream of rows; refusing a file as a whole
- nilai.py   cell parsers (dates, numbers, choices, NIP)
- dasar.py   the declarative pieces of a kind (Kolom, JenisImpor, Rencana, Galat)
- jenis/     the kinds: pegawai, unit, jabatan, tugas (ABK), kinerja
- mesin.py   the engine: one pass, batches, bulk writes (`proses`)
- ekspor.py  the employee list to CSV/XLSX in the import's columns; import templates

Services (transactions, run log, temporary files) are in pegawai/services/impor.py.
"""
