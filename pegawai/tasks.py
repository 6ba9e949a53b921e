"""Background tasks of the pegawai app (Django's tasks API; the worker is `manage.py db_worker`).

Each takes the id of its progress row (inti.tugas.ProgresTugas) and JSON arguments, and may run
again after a crash (inti.tugas.tugas_pulihkan): the work itself lives in services."""

from django.tasks import task

from inti.tugas import tugas_jalankan

from .services.akun import akun_buat_massal_latar
from .services.impor import impor_periksa_latar, impor_simpan_latar
from .services.siasn import siasn_banding_unit_latar, siasn_kirim_jatuh_tempo
from .siasn.klien import SiasnError


@task
def impor_periksa_tugas(*, progres_id: int, token: str) -> str:
    return tugas_jalankan(progres_id, lambda p: impor_periksa_latar(token=token, pelapor=p))


@task
def impor_simpan_tugas(*, progres_id: int, token: str) -> str:
    return tugas_jalankan(progres_id, lambda p: impor_simpan_latar(token=token, pelapor=p))


@task
def akun_undang_tugas(*, progres_id: int, pegawai_ids: list[int], base_url: str) -> str:
    return tugas_jalankan(
        progres_id, lambda p: akun_buat_massal_latar(pegawai_ids=pegawai_ids, base_url=base_url, pelapor=p)
    )


@task
def siasn_banding_tugas(*, progres_id: int, unit_id: int) -> str:
    return tugas_jalankan(progres_id, lambda p: siasn_banding_unit_latar(unit_id=unit_id, pelapor=p))


@task
def siasn_kirim_tugas() -> str:
    """Send the due rows of the SIASN outbox (queued after each new row; cron runs `kirim_siasn`
    as well). Without a progress row: the outbox page is its progress."""
    try:
        return str(siasn_kirim_jatuh_tempo())
    except SiasnError as e:  # off, or a setting missing: said plainly, the rows wait
        return str(e)
