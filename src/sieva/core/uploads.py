"""The cap on an uploaded request body, before any importer sees it.

Django bounds form fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but not files: without this handler a
10 GB upload would be streamed to a temporary file in full. Each importer still says "Berkas
berukuran … MB, melebihi batas impor … MB" for files under this cap (`sieva.core.tables`);
above it the request is refused at once as a bad request (the reverse proxy's
client_max_body_size should match, docs/deployment.md).
"""

from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler

__all__ = ["UploadSizeCap", "upload_max_bytes"]


def upload_max_bytes() -> int:
    return int(settings.SIEVA_UPLOAD_MAX_BYTES)


class UploadSizeCap(FileUploadHandler):
    """First of FILE_UPLOAD_HANDLERS: refuses a body announced or streamed past the cap."""

    def handle_raw_input(
        self, input_data: Any, META: Any, content_length: int, boundary: Any, encoding: Any = None
    ) -> None:
        if content_length > upload_max_bytes():
            raise RequestDataTooBig("Upload larger than SIEVA_UPLOAD_MAX_BYTES.")

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > upload_max_bytes():
            raise RequestDataTooBig("Upload larger than SIEVA_UPLOAD_MAX_BYTES.")
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler builds the file
