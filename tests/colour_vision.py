"""Colour arithmetic for the palette tests: WCAG contrast, colour-vision simulation, CIEDE2000.

Colour-vision deficiencies are simulated with the matrices of Machado, Oliveira and Fernandes
(2009, "A physiologically-based model for simulation of color vision deficiency", IEEE TVCG
15(6)) at severity 1: protanopia, deuteranopia and tritanopia, applied to linear RGB.
Distances are CIEDE2000 (Sharma, Wu and Dalal 2005) between CIELAB colours under D65.
"""

from __future__ import annotations

import math
import re

import numpy as np

RGB = tuple[float, float, float]

#: Machado et al. (2009), severity 1.0, on linear sRGB.
DEFICIENCIES: dict[str, np.ndarray] = {
    "protanopia": np.array(
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ]
    ),
    "deuteranopia": np.array(
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ]
    ),
    "tritanopia": np.array(
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ]
    ),
}
#: Normal vision first, then each deficiency.
VISIONS = ("normal", *DEFICIENCIES)

_SRGB_TO_XYZ = np.array(
    [
        [0.4124564, 0.3575761, 0.1804375],
        [0.2126729, 0.7151522, 0.0721750],
        [0.0193339, 0.1191920, 0.9503041],
    ]
)
_D65 = np.array([0.95047, 1.0, 1.08883])


def parse(colour: str) -> tuple[RGB, float]:
    """``"#rrggbb"`` or ``"rgba(r, g, b, a)"`` as sRGB in 0..1 and its opacity.

    Examples
    --------
    >>> parse("rgba(255, 0, 0, 0.5)")
    ((1.0, 0.0, 0.0), 0.5)
    """
    if colour.startswith("#") and len(colour) in (4, 7):
        digits = colour[1:] if len(colour) == 7 else "".join(c * 2 for c in colour[1:])
        r, g, b = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
        return (r, g, b), 1.0
    match = re.fullmatch(r"rgba?\(([^)]*)\)", colour.replace(" ", ""))
    if not match:
        raise ValueError(f"not a colour: {colour!r}")
    parts = [float(p) for p in match.group(1).split(",")]
    return (parts[0] / 255, parts[1] / 255, parts[2] / 255), parts[3] if len(parts) == 4 else 1.0


def over(colour: str, background: str) -> RGB:
    """``colour`` as seen over the opaque ``background`` (alpha compositing in sRGB, as browsers do)."""
    (fg, alpha), (bg, _) = parse(colour), parse(background)
    return tuple(alpha * f + (1 - alpha) * b for f, b in zip(fg, bg, strict=True))  # type: ignore[return-value]


def _linear(rgb: RGB) -> np.ndarray:
    c = np.asarray(rgb, dtype=float)
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _gamma(linear: np.ndarray) -> RGB:
    c = np.clip(linear, 0.0, 1.0)
    srgb = np.where(c <= 0.0031308, 12.92 * c, 1.055 * c ** (1 / 2.4) - 0.055)
    return tuple(float(v) for v in srgb)  # type: ignore[return-value]


def luminance(rgb: RGB) -> float:
    """WCAG 2 relative luminance."""
    r, g, b = _linear(rgb)
    return float(0.2126 * r + 0.7152 * g + 0.0722 * b)


def contrast(a: RGB, b: RGB) -> float:
    """WCAG 2 contrast ratio, 1 to 21.

    Examples
    --------
    >>> round(contrast((0, 0, 0), (1, 1, 1)), 1)
    21.0
    """
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def simulate(rgb: RGB, vision: str) -> RGB:
    """``rgb`` as a person with ``vision`` ("normal" or a key of ``DEFICIENCIES``) sees it."""
    if vision == "normal":
        return rgb
    return _gamma(DEFICIENCIES[vision] @ _linear(rgb))


def lab(rgb: RGB) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour."""
    xyz = (_SRGB_TO_XYZ @ _linear(rgb)) / _D65
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return float(116 * f[1] - 16), float(500 * (f[0] - f[1])), float(200 * (f[1] - f[2]))


def delta_e(a: RGB, b: RGB) -> float:
    """CIEDE2000 colour difference between two sRGB colours (about 2.3 is just noticeable)."""
    (l1, a1, b1), (l2, a2, b2) = lab(a), lab(b)
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360
    h2p = math.degrees(math.atan2(b2, a2p)) % 360
    dl, dc = l2 - l1, c2p - c1p
    dh = 0.0
    if c1p * c2p:
        dh = h2p - h1p
        dh = dh - 360 if dh > 180 else dh + 360 if dh < -180 else dh
    dhh = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_mean, cp_mean = (l1 + l2) / 2, (c1p + c2p) / 2
    h_mean = h1p + h2p
    if c1p * c2p:
        h_mean = (h1p + h2p) / 2 if abs(h1p - h2p) <= 180 else (h1p + h2p + 360) / 2
        h_mean = h_mean if abs(h1p - h2p) <= 180 or h1p + h2p < 360 else h_mean - 360
    t = (
        1
        - 0.17 * math.cos(math.radians(h_mean - 30))
        + 0.24 * math.cos(math.radians(2 * h_mean))
        + 0.32 * math.cos(math.radians(3 * h_mean + 6))
        - 0.20 * math.cos(math.radians(4 * h_mean - 63))
    )
    sl = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    sc, sh = 1 + 0.045 * cp_mean, 1 + 0.015 * cp_mean * t
    rt = (
        -2
        * math.sqrt(cp_mean**7 / (cp_mean**7 + 25**7))
        * math.sin(math.radians(60 * math.exp(-(((h_mean - 275) / 25) ** 2))))
    )
    return math.sqrt(
        (dl / sl) ** 2 + (dc / sc) ** 2 + (dhh / sh) ** 2 + rt * (dc / sc) * (dhh / sh)
    )
