"""An editor cannot upload an image whose renditions would exhaust a worker."""

import struct
import zlib

import pytest

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images.fields import WagtailImageField


def black_and_white_png(width, height):
    """A valid, tiny PNG of any size: one bit a pixel, every row zeros, compressed."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    compressor = zlib.compressobj(9)
    row = bytes(1 + (width + 7) // 8)
    pixels = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


# Pillow warns past 89 megapixels and refuses past 179; 121 would still be let through.
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_an_eleven_thousand_pixel_square_is_refused():
    upload = SimpleUploadedFile("huge.png", black_and_white_png(11_000, 11_000), "image/png")
    assert upload.size < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    with pytest.raises(ValidationError) as refused:
        WagtailImageField().clean(upload)
    assert refused.value.code == "file_too_many_pixels"


def test_a_camera_photo_is_accepted():
    upload = SimpleUploadedFile("photo.png", black_and_white_png(6_000, 4_000), "image/png")
    assert WagtailImageField().clean(upload) is upload


def test_a_file_over_the_upload_size_is_refused():
    upload = SimpleUploadedFile("big.png", black_and_white_png(200, 200), "image/png")
    upload.size = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE + 1
    with pytest.raises(ValidationError) as refused:
        WagtailImageField().clean(upload)
    assert refused.value.code == "file_too_large"
