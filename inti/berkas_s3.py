"""Uploads on S3-compatible object storage (STORAGE_URL=s3://..., config/skala.py), through django-storages.

Imported only when STORAGE_URL names a bucket: a deployment on the file system needs neither
django-storages nor boto3 loaded. Files keep the random names of inti.berkas and stay private: they are
read through the storage by views that check permission (`storage.open()`), never linked to the bucket.
"""

from storages.backends.s3 import S3Storage

from inti.berkas import NamaAcakMixin


class PenyimpananPrivatS3(NamaAcakMixin, S3Storage):
    """S3Storage that stores every new file under a random name (see inti.berkas)."""
