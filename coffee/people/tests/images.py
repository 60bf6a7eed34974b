"""Images made on the fly for the photo tests."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_bytes(
    size: tuple[int, int] = (1200, 900),
    fmt: str = "PNG",
    mode: str = "RGB",
    exif_text: str = "",
) -> bytes:
    """An image of one colour; a JPEG may carry an EXIF description (to prove it is removed)."""
    image = Image.new(mode, size, (200, 120, 60, 128) if mode == "RGBA" else (200, 120, 60))
    buffer = io.BytesIO()
    options: dict[str, object] = {}
    if exif_text:
        exif = Image.Exif()
        exif[0x010E] = exif_text  # ImageDescription
        exif[0x0112] = 1  # Orientation
        options["exif"] = exif
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def upload(name: str = "me.png", data: bytes | None = None, content_type: str = "image/png"):  # type: ignore[no-untyped-def]
    return SimpleUploadedFile(name, image_bytes() if data is None else data, content_type)
