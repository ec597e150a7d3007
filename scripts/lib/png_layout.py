#!/usr/bin/env python3
"""Reads a PNG screenshot (8-bit RGB/RGBA, as headless Chromium writes) with the standard
library only, and checks that it looks like a documentation page rather than raw text:
a non-blank page, tinted code blocks, a dark text colour, and a two-column layout (a
contents column on the left). Prints the measurements; exits 1 when a check fails."""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG file")
    pos, idat, width, height, colour = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise SystemExit(f"{path}: unsupported PNG (depth {depth}, colour {colour}, interlace {interlace})")
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    channels = 4 if colour == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        previous = line
    return width, height, channels, rows


def main(path, layout="two-columns"):
    """layout: 'two-columns' (contents column beside the text, as on a desktop) or
    'one-column' (a phone: the text uses the whole width, no empty gutter)."""
    width, height, channels, rows = read_png(path)
    total = width * height
    non_white = code_tint = dark = left_dark = gutter_dark = 0
    for y, row in enumerate(rows):
        for x in range(0, width * channels, channels):
            r, g, b = row[x], row[x + 1], row[x + 2]
            if r < 245 or g < 245 or b < 245:
                non_white += 1
            if abs(r - 0xF6) <= 3 and abs(g - 0xF8) <= 3 and abs(b - 0xFA) <= 3:
                code_tint += 1
            if r < 90 and g < 90 and b < 90:
                dark += 1
                if x // channels < width * 0.23:
                    left_dark += 1
                elif width * 0.24 <= x // channels < width * 0.29:
                    gutter_dark += 1
    checks = [
        ("non-white pixels", non_white / total, 0.03),
        ("code-block tint", code_tint / total, 0.02),
        ("dark text", dark / total, 0.005),
        ("text in the left quarter", left_dark / max(dark, 1), 0.02),
    ]
    gutter = gutter_dark / max(dark, 1)
    if layout == "one-column":
        # One column: text runs through where a desktop layout keeps its gutter.
        gutter_ok = gutter >= 0.01
        print(f"  {'text across the gutter':30} {gutter:7.2%}  (at least 1%) {'ok' if gutter_ok else 'FAILED'}")
    else:
        # Two columns: an empty gutter between the contents and the page text.
        gutter_ok = gutter <= 0.005
        print(f"  {'text in the gutter':30} {gutter:7.2%}  (at most 0.5%) {'ok' if gutter_ok else 'FAILED'}")
    failed_gutter = not gutter_ok
    failed = False
    for name, value, minimum in checks:
        ok = value >= minimum
        failed |= not ok
        print(f"  {name:30} {value:7.2%}  (at least {minimum:.0%}) {'ok' if ok else 'FAILED'}")
    return 1 if failed or failed_gutter else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], *sys.argv[2:3]))
