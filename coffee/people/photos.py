"""Profile photos: decoded by Pillow (never trusted by name or type), re-encoded, stripped of EXIF.

A photo is accepted only if Pillow decodes it as JPEG, PNG or WebP, within 5 MB and 4000 by 4000
pixels. What is stored is a new image drawn from the decoded pixels (no metadata survives), at most
800 pixels on its longest side, as JPEG, or PNG when it has transparency, under a random name.
"""

from __future__ import annotations

import io
import secrets
from dataclasses import dataclass
from typing import IO, Any

from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from coffee.people.errors import ProfileError

MAX_BYTES = 5 * 1024 * 1024
MAX_SIDE_IN = 4000
MAX_SIDE_OUT = 800
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
CONTENT_TYPES = {".jpg": "image/jpeg", ".png": "image/png"}
_DECODING_ERRORS = (
    UnidentifiedImageError,
    OSError,
    SyntaxError,
    ValueError,
    Image.DecompressionBombError,
)


@dataclass(frozen=True)
class ProcessedPhoto:
    content: ContentFile[bytes]
    name: str
    content_type: str


def _refuse(code: str) -> ProfileError:
    messages: dict[str, Any] = {
        "photo_too_large": _("This photo is too large: send a file of 5 MB at most."),
        "photo_too_many_pixels": _(
            "This photo is too large: send an image of 4000 by 4000 pixels at most."
        ),
        "photo_invalid": _("This file is not a photo we can read: send a JPEG, PNG or WebP image."),
    }
    return ProfileError(messages[code], code=code)


def _open(upload: IO[bytes]) -> Image.Image:
    """Decode the upload fully, after checking its format and size from the header."""
    upload.seek(0)
    image = Image.open(upload)
    if image.format not in ACCEPTED_FORMATS:
        raise _refuse("photo_invalid")
    width, height = image.size
    if width > MAX_SIDE_IN or height > MAX_SIDE_IN:
        raise _refuse("photo_too_many_pixels")
    image.load()
    return image


def _has_transparency(image: Image.Image) -> bool:
    return image.mode in {"RGBA", "LA", "PA"} or (
        image.mode == "P" and "transparency" in image.info
    )


def _encode(image: Image.Image) -> tuple[bytes, str]:
    """Redraw the pixels into a new image, without metadata, as PNG or JPEG."""
    image = ImageOps.exif_transpose(image) or image
    image.thumbnail((MAX_SIDE_OUT, MAX_SIDE_OUT))
    buffer = io.BytesIO()
    if _has_transparency(image):
        clean = Image.new("RGBA", image.size)
        clean.paste(image.convert("RGBA"))
        clean.save(buffer, format="PNG", optimize=True)
        return buffer.getvalue(), ".png"
    clean = Image.new("RGB", image.size)
    clean.paste(image.convert("RGB"))
    clean.save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue(), ".jpg"


def photo_process(upload: Any) -> ProcessedPhoto:
    """Check and re-encode an uploaded photo; ProfileError with a code when it is refused."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise _refuse("photo_too_large")
    try:
        image = _open(upload)
        data, extension = _encode(image)
    except ProfileError:
        raise
    except _DECODING_ERRORS:
        raise _refuse("photo_invalid") from None
    name = f"{secrets.token_hex(16)}{extension}"
    return ProcessedPhoto(ContentFile(data, name=name), name, CONTENT_TYPES[extension])


def photo_content_type(name: str) -> str:
    """The true type of a stored photo, from the extension this module gave it."""
    for extension, content_type in CONTENT_TYPES.items():
        if name.lower().endswith(extension):
            return content_type
    return "application/octet-stream"
