"""Profile photos: decoded by Pillow, re-encoded without metadata, served only through a view."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from coffee.people.errors import ProfileError
from coffee.people.models import Visibility
from coffee.people.photos import MAX_BYTES, photo_process
from coffee.people.services import profile_remove_photo, profile_set_photo
from coffee.people.tests.factories import ProfileFactory
from coffee.people.tests.images import image_bytes, upload

pytestmark = pytest.mark.django_db


def _decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_a_png_photo_is_accepted_resized_and_stored_as_a_jpeg_with_a_random_name() -> None:
    processed = photo_process(upload("Camille Portrait.png", image_bytes((1600, 1200))))
    image = _decoded(processed.content.read())
    assert image.format == "JPEG"
    assert image.size == (800, 600)
    assert processed.name.endswith(".jpg")
    assert "Camille" not in processed.name
    assert len(processed.name) == len("0123456789abcdef0123456789abcdef.jpg")


def test_a_photo_with_transparency_stays_a_png() -> None:
    processed = photo_process(upload("logo.png", image_bytes((300, 300), mode="RGBA")))
    assert processed.name.endswith(".png")
    assert processed.content_type == "image/png"
    assert _decoded(processed.content.read()).format == "PNG"


def test_a_webp_photo_is_accepted() -> None:
    data = image_bytes((500, 500), fmt="WEBP")
    processed = photo_process(upload("me.webp", data, "image/webp"))
    assert processed.content_type == "image/jpeg"


def test_the_exif_metadata_of_a_jpeg_is_removed() -> None:
    data = image_bytes((640, 480), fmt="JPEG", exif_text="Secret GPS near Tournai")
    assert b"Secret GPS" in data
    processed = photo_process(upload("me.jpg", data, "image/jpeg"))
    stored = processed.content.read()
    assert b"Secret GPS" not in stored
    assert not _decoded(stored).getexif()


def test_an_html_file_named_png_is_refused() -> None:
    html = b"<html><script>alert('hi')</script></html>"
    with pytest.raises(ProfileError) as error:
        photo_process(SimpleUploadedFile("me.png", html, "image/png"))
    assert error.value.code == "photo_invalid"


def test_a_gif_is_refused_even_though_pillow_reads_it() -> None:
    with pytest.raises(ProfileError) as error:
        photo_process(upload("me.gif", image_bytes((50, 50), fmt="GIF"), "image/gif"))
    assert error.value.code == "photo_invalid"


def test_a_truncated_image_is_refused() -> None:
    data = image_bytes((400, 400), fmt="JPEG")[:300]
    with pytest.raises(ProfileError) as error:
        photo_process(upload("me.jpg", data, "image/jpeg"))
    assert error.value.code == "photo_invalid"


def test_a_file_over_five_megabytes_is_refused() -> None:
    big = SimpleUploadedFile("big.png", b"\0" * (MAX_BYTES + 1), "image/png")
    with pytest.raises(ProfileError) as error:
        photo_process(big)
    assert error.value.code == "photo_too_large"


def test_an_image_over_4000_pixels_wide_is_refused() -> None:
    data = image_bytes((4001, 10), fmt="PNG")
    with pytest.raises(ProfileError) as error:
        photo_process(upload("wide.png", data))
    assert error.value.code == "photo_too_many_pixels"


def test_a_new_photo_replaces_the_old_file_once_committed(
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    profile = ProfileFactory()
    profile_set_photo(profile=profile, upload=upload())
    first, storage = profile.photo.name, profile.photo.storage
    with django_capture_on_commit_callbacks(execute=True):
        profile_set_photo(profile=profile, upload=upload())
    assert profile.photo.name != first
    assert storage.exists(profile.photo.name)
    assert not storage.exists(first)


def test_removing_the_photo_deletes_the_file_after_commit(
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    profile = ProfileFactory()
    profile_set_photo(profile=profile, upload=upload())
    name, storage = profile.photo.name, profile.photo.storage
    with django_capture_on_commit_callbacks(execute=True):
        profile_remove_photo(profile=profile)
    assert not profile.photo
    assert not storage.exists(name)


def test_the_photo_is_served_with_its_true_type_inline_and_nosniff(client) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(visibility=Visibility.PUBLIC)
    profile_set_photo(profile=profile, upload=upload())
    response = client.get(reverse("people:photo", args=[profile.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == f'inline; filename="profile-{profile.pk}.jpg"'
    assert response["Cache-Control"] == "private, max-age=300"
    assert _decoded(b"".join(response.streaming_content)).format == "JPEG"


def test_a_profile_without_a_photo_has_no_photo_page(client) -> None:  # type: ignore[no-untyped-def]
    profile = ProfileFactory(visibility=Visibility.PUBLIC)
    assert client.get(reverse("people:photo", args=[profile.pk])).status_code == 404
