"""Uploaded files of any kind, broken or hostile, give a form error, never a 500.

The class of hole: Wagtail opens an upload, then reads its size; a file that opens but
cannot be decoded (a truncated GIF) raised Pillow's own error from inside that check.
"""

import io
import struct
import zlib

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

from tests.factories import UserFactory


def picture(kind):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), "teal").save(buffer, kind)
    return buffer.getvalue()


def png_with_bad_checksum():
    data = bytearray(picture("PNG"))
    data[29] ^= 0xFF  # inside the IHDR chunk: its CRC no longer matches
    return bytes(data)


def huge_declared_gif():
    """A GIF whose header claims 65535 x 65535 pixels and holds none of them."""
    return b"GIF89a" + struct.pack("<HH", 65535, 65535) + b"\x00\x00\x00;"


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


BROKEN = {
    "truncated GIF": picture("GIF")[:40],
    "truncated PNG": picture("PNG")[:60],
    "truncated JPEG": picture("JPEG")[:200],
    "empty file": b"",
    "GIF header then HTML": b"GIF89a<script>alert(1)</script>",
    "PNG with a bad checksum": png_with_bad_checksum(),
    "GIF claiming 4 gigapixels": huge_declared_gif(),
    "PNG without image data": b"\x89PNG\r\n\x1a\n"
    + png_chunk(b"IHDR", struct.pack(">IIBBBBB", 10, 10, 8, 2, 0, 0, 0))
    + png_chunk(b"IEND", b""),
    "text named .png": b"not a picture at all",
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", BROKEN)
def test_the_image_form_refuses_a_broken_file_with_a_message(name):
    form_class = get_image_form(get_image_model())
    upload = SimpleUploadedFile("broken.gif", BROKEN[name], "image/gif")
    form = form_class(data={"title": name}, files={"file": upload})
    assert not form.is_valid()
    assert form.errors["file"]


@pytest.mark.django_db
def test_a_real_picture_is_still_accepted():
    form_class = get_image_form(get_image_model())
    upload = SimpleUploadedFile("fine.png", picture("PNG"), "image/png")
    form = form_class(data={"title": "Fine"}, files={"file": upload})
    assert form.is_valid(), form.errors


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["truncated GIF", "truncated PNG", "GIF claiming 4 gigapixels"])
def test_both_upload_screens_answer_a_broken_file_without_a_server_error(client, home, name):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    single = client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile("broken.gif", BROKEN[name], "image/gif")},
    )
    assert single.status_code == 200
    assert "The image could not be created due to errors." in single.content.decode()
    multiple = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("broken.gif", BROKEN[name], "image/gif")},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert multiple.status_code < 500
    assert multiple.json()["success"] is False
