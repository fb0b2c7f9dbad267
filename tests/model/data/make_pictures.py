#!/usr/bin/env python3
"""Writes the tiny PNG and JPEG test pictures (no image library needed). Run from this folder."""
import struct
import sys
import zlib


def png(width, height, rgb):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def grey_jpeg():
    """A baseline 8x8 mid-grey JPEG: one block whose DC and AC coefficients are all zero."""
    out = b"\xff\xd8"
    out += b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    out += b"\xff\xdb" + struct.pack(">H", 67) + b"\x00" + b"\x01" * 64
    out += b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, 8, 8, 1) + b"\x01\x11\x00"
    for table_class in (0x00, 0x10):  # DC then AC: one 1-bit code for symbol 0 (DC size 0 / EOB)
        out += b"\xff\xc4" + struct.pack(">H", 20) + bytes([table_class]) + b"\x01" + b"\x00" * 15 + b"\x00"
    out += b"\xff\xda" + struct.pack(">H", 8) + b"\x01\x01\x00\x00\x3f\x00"
    out += b"\x3f"  # DC code 0, EOB code 0, padded with ones
    return out + b"\xff\xd9"


if __name__ == "__main__":
    for path, data in (("valid-source/assets/poster.png", png(4, 4, (26, 95, 180))),
                       ("valid-source/assets/feedback-qr.jpg", grey_jpeg()),
                       ("broken-source/assets/ok.png", png(2, 2, (255, 255, 255)))):
        with open(path, "wb") as f:
            f.write(data)
        print("wrote", path, len(data), "bytes", file=sys.stderr)
