"""Try the SIASN pages without BKN: start the fake SIASN of the tests (pegawai/tests/palsu_siasn.py)
on 127.0.0.1, let it know the employees of this database (as they are here, so a comparison shows
no difference until you change something in SIMUTASI), print the SIASN_* settings to start the site
with, and serve until Ctrl+C. For development and demonstrations only; never point a production
site at it.

    .venv/bin/python scripts/siasn_palsu.py [--port 8799] [--batas 500]
    # then, in another terminal, with the printed settings:
    env SIASN_AKTIF=true SIASN_API_URL=... .venv/bin/python manage.py runserver
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--batas", type=int, default=500, help="at most this many employees are known to it")
    args = parser.parse_args()

    import django

    django.setup()
    from pegawai.models import Pegawai
    from pegawai.tests.palsu_siasn import SiasnPalsu

    palsu = SiasnPalsu()
    palsu.mulai(port=args.port)
    n = 0
    for p in Pegawai.objects.aktif().with_posisi()[: args.batas]:
        posisi = p.posisi_sekarang
        palsu.daftar(
            p.nip,
            nama=p.nama.upper(),
            gelarDepan=p.gelar_depan,
            gelarBelakang=p.gelar_belakang,
            tempatLahir=p.tempat_lahir.upper(),
            tglLahir=f"{p.tanggal_lahir:%d-%m-%Y}",
            jenisKelamin="M" if p.jenis_kelamin == "L" else "F",
            golRuangAkhir=p.golongan,
            pendidikanTerakhirNama=p.pendidikan,
            email=p.email,
            noHp=p.telepon,
            jabatanNama=posisi.jabatan.nama if posisi else "",
            unorNama=posisi.unit.nama if posisi else "",
            tmtJabatan=f"{posisi.mulai:%d-%m-%Y}" if posisi else "",
        )
        n += 1
    print(f"SIASN palsu di {palsu.url}, mengenal {n} pegawai. Pengaturan untuk situs:")
    for k, v in palsu.pengaturan().items():
        print(f"{k}={'true' if v is True else v}")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        palsu.berhenti()


if __name__ == "__main__":
    main()
