"""Render Hearth's icon from its one SVG into the raster formats each platform asks for.

Only ``resources/icons/hearth.svg`` is committed; the PNG (Linux hicolor theme), ICO (Windows
executable and installer) and ICNS (macOS app bundle) are derived at build time, so the icon
can never differ between platforms. ICO and ICNS are written here, with PNG payloads, because
Qt's writers for them store a single size and the shells pick a size for each view.
"""

from __future__ import annotations

import struct
from pathlib import Path

PNG_SIZE = 256
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Apple's PNG-capable icon types: (OSType, pixel size).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
    (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256),
    (b"ic14", 512),
)


def _renderer(svg: Path):
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG")
    return renderer


def _png(renderer, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError(f"could not encode a {size}px PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file holding one PNG per size (Windows Vista and later read PNG entries)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, payload = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(payload))
        payload += data
    return header + entries + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file with every PNG-capable element type macOS uses for app icons."""
    body = b"".join(ostype + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for ostype, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def render_icons(out_dir: Path, svg: Path) -> dict[str, Path]:
    """Write hearth.png, hearth.ico and hearth.icns into ``out_dir``; returns them by format."""
    renderer = _renderer(svg)
    sizes = {PNG_SIZE, *ICO_SIZES, *(size for _, size in ICNS_TYPES)}
    pngs = {size: _png(renderer, size) for size in sorted(sizes)}
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"png": out_dir / "hearth.png", "ico": out_dir / "hearth.ico",
             "icns": out_dir / "hearth.icns"}
    paths["png"].write_bytes(pngs[PNG_SIZE])
    paths["ico"].write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    paths["icns"].write_bytes(icns_bytes(pngs))
    return paths
