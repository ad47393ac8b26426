"""What the frozen bundle leaves out, in one place: the spec filters with it, build.py reports it.

Measured on Linux with PySide6 6.12: PyInstaller's hooks bring every plugin of each Qt module
used, all Qt translations, all Babel locales and the host's desktop libraries — about twice the
size the kit needs. The lists below keep what the kit uses: widgets, SVG, images, video
playback (QtMultimedia's FFmpeg backend), the X11/Wayland/offscreen platforms.
"""

from __future__ import annotations

import re
from pathlib import PurePath

# Python modules never shipped. The Qt ones are large and unused; QtWebEngine and QtPdf are
# banned outright. QtQml/QtQuick *libraries* stay (the FFmpeg plugin links them), not the
# Python modules, QML files or QML plugins.
EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "unittest", "pydoc", "pydoc_data", "lib2to3", "test",
    "pytest", "_pytest", "pytestqt", "hypothesis", "setuptools", "pkg_resources", "pip",
    "PyInstaller",
    # No network, ever: without these the frozen kit cannot even open a TLS connection, and
    # leaving out OpenSSL saves 5 MB. hashlib falls back to its built-in digests.
    "ssl", "_ssl", "_hashlib",
    # East-Asian codecs (1 MB): the packs are UTF-8.
    "encodings.big5", "encodings.big5hkscs", "encodings.cp932", "encodings.cp949",
    "encodings.cp950", "encodings.euc_jis_2004", "encodings.euc_jisx0213", "encodings.euc_jp",
    "encodings.euc_kr", "encodings.gb18030", "encodings.gb2312", "encodings.gbk",
    "encodings.hz", "encodings.iso2022_jp", "encodings.iso2022_jp_1", "encodings.iso2022_jp_2",
    "encodings.iso2022_jp_2004", "encodings.iso2022_jp_3", "encodings.iso2022_jp_ext",
    "encodings.iso2022_kr", "encodings.johab", "encodings.shift_jis",
    "encodings.shift_jis_2004", "encodings.shift_jisx0213",
    "_codecs_cn", "_codecs_hk", "_codecs_iso2022", "_codecs_jp", "_codecs_kr", "_codecs_tw",
    *(f"PySide6.{name}" for name in (
        "QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "QtWebChannel",
        "QtWebSockets", "QtWebView", "QtPdf", "QtPdfWidgets", "Qt3DCore", "Qt3DRender",
        "Qt3DInput", "Qt3DLogic", "Qt3DAnimation", "Qt3DExtras", "QtQml", "QtQuick",
        "QtQuick3D", "QtQuickControls2", "QtQuickWidgets", "QtCharts", "QtDataVisualization",
        "QtGraphs", "QtGraphsWidgets", "QtDesigner", "QtHelp", "QtLocation", "QtPositioning",
        "QtBluetooth", "QtNfc", "QtSensors", "QtSerialPort", "QtSerialBus", "QtSql", "QtTest",
        "QtTextToSpeech", "QtHttpServer", "QtRemoteObjects", "QtScxml", "QtStateMachine",
        "QtUiTools", "QtNetworkAuth", "QtSpatialAudio", "QtAxContainer", "QtCanvasPainter",
    )),
]

# Qt plugins kept, by "<type>/<stem>" ("platforms/libqxcb" on Linux, "platforms/qwindows"
# on Windows). A plugin type absent from this table is kept whole; a type listed here keeps
# only the plugins named.
_KEPT_PLUGINS = {
    "platforms": {"qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qcocoa"},
    "platformthemes": {"qxdgdesktopportal"},
    "imageformats": {"qsvg", "qjpeg", "qgif", "qwebp", "qico"},
    "iconengines": {"qsvgicon"},
    "multimedia": {"ffmpegmediaplugin"},
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-graphics-integration-client": {"qt-plugin-wayland-egl", "shm-emulation-server"},
    "wayland-decoration-client": {"bradient"},
    "platforminputcontexts": {"composeplatforminputcontextplugin",
                              "ibusplatforminputcontextplugin"},
    "tls": set(),  # no network, ever
    "networkinformation": set(),
    "egldeviceintegrations": set(),
    "generic": set(),
    "sqldrivers": set(),
    "qmltooling": set(),
    "position": set(),
    "texttospeech": set(),
    "renderers": set(),
    "sceneparsers": set(),
    "geometryloaders": set(),
    "assetimporters": set(),
    "webview": set(),
    "designer": set(),
}

# Qt translations kept: Qt's own strings in the kit's languages.
_KEPT_QT_TRANSLATION = re.compile(r"^qtbase_(fr|de|en)\.qm$")
# Babel locale data kept: the kit's languages (all their regional variants) and the root.
_KEPT_BABEL_LOCALE = re.compile(r"^(root|en|fr|de)(_\w+)?\.dat$")

# Libraries of the host desktop: every Linux desktop has them, and bundled copies clash with
# the host's drivers (GL, Wayland, D-Bus) — AppImage's exclude list says the same. The .deb
# depends on them; the tarball's README names them.
_HOST_LIBRARIES = re.compile(
    r"^lib(GL|GLX|GLdispatch|EGL|OpenGL|gbm|drm|X11|X11-xcb|Xau|Xdmcp|Xext|Xrender|Xrandr|Xi|"
    r"Xfixes|Xcursor|Xinerama|xcb(-[\w-]+)?|xkbcommon(-x11)?|wayland-[\w-]+|fontconfig|"
    r"freetype|glib-2\.0|gobject-2\.0|gthread-2\.0|gio-2\.0|gmodule-2\.0|dbus-1|pulse|"
    r"pulse-simple|pulsecommon-[\d.]+|asound|systemd|expat|z|png16|harfbuzz|"
    r"gssapi_krb5|krb5|k5crypto|krb5support|com_err|keyutils|gcrypt|gpg-error|"
    r"sndfile|FLAC|vorbis|vorbisenc|ogg|opus|mpg123|mp3lame|asyncns|"
    r"cap|lz4|lzma|zstd|bz2|bsd|md|pcre2-8|ffi|brotlidec|brotlicommon|"
    r"stdc\+\+|gcc_s|"
    # GTK's stack, dragged in by Qt's GTK theme plugin, which is left out.
    r"gtk-3|gdk-3|atk-1\.0|atk-bridge-2\.0|atspi|cairo|cairo-gobject|pango-1\.0|pangocairo-1\.0|"
    r"pangoft2-1\.0|gdk_pixbuf-2\.0|fribidi|thai|datrie|graphite2|pixman-1|epoxy|"
    r"selinux|blkid|mount|uuid|"
    # OpenSSL, which PyInstaller's QtNetwork hook adds for Qt's TLS plugin (left out).
    r"ssl|crypto|"
    # CUPS and what it links (TLS, service discovery), for Qt's print-support plugin: the
    # host's copy gets the security updates (the .deb depends on libcups2).
    r"cups|avahi-client|avahi-common|gnutls|nettle|hogweed|gmp|idn2|unistring|tasn1|p11-kit)"
    r"\.so(\.[\d.]+)?$")

# Qt libraries PyInstaller may drag in through a plugin's dependencies but the kit never
# loads. Qt6Quick/Qml/QmlMeta/QmlModels/QmlWorkerScript/OpenGL are NOT here: the FFmpeg
# multimedia plugin links them.
_UNUSED_QT_LIBRARIES = re.compile(
    r"(^|/)(lib)?Qt6(WebEngine\w*|Pdf\w*|3D\w*|Quick3D\w*|QuickControls2\w*|QuickTemplates2|"
    r"QuickDialogs2\w*|QuickLayouts|QuickShapes|QuickParticles|QuickTest|QuickWidgets|"
    r"Charts\w*|DataVisualization\w*|Graphs\w*|Designer\w*|Help|Location|Positioning\w*|"
    r"Bluetooth|Nfc|Sensors\w*|SerialPort|SerialBus|Sql|Test|TextToSpeech|WebSockets|"
    r"WebChannel\w*|WebView\w*|HttpServer|RemoteObjects\w*|Scxml\w*|StateMachine\w*|"
    r"UiTools|NetworkAuth|SpatialAudio|VirtualKeyboard\w*|Lottie\w*|Labs\w*|ShaderTools|"
    r"CanvasPainter|VectorImage\w*|EglFSDeviceIntegration|EglFsKmsSupport)(\.so\.6|\.dll|\.framework.*)?$")


def keep(dest: str) -> bool:
    """Whether a bundle entry (its destination path inside the bundle) is shipped."""
    path = PurePath(dest.replace("\\", "/"))
    parts = path.parts
    name = path.name
    if "translations" in parts and name.endswith(".qm"):
        return bool(_KEPT_QT_TRANSLATION.match(name))
    if "locale-data" in parts and name.endswith(".dat"):
        return bool(_KEPT_BABEL_LOCALE.match(name))
    if "qml" in parts and ("Qt" in parts or "PySide6" in parts):
        return False  # QML modules: the kit has no QML
    if "plugins" in parts:
        plugin_type = parts[parts.index("plugins") + 1] if parts[-1] != "plugins" else ""
        kept = _KEPT_PLUGINS.get(plugin_type)
        if kept is not None:
            stem = name.split(".")[0]
            stem = stem[3:] if stem.startswith("lib") else stem
            return stem in kept
        return True
    if _UNUSED_QT_LIBRARIES.search(name):
        return False
    if _HOST_LIBRARIES.match(name) and len(parts) == 1:
        return False  # a host library copied to the bundle's top level
    return True


def filter_toc(toc):
    """The PyInstaller TOC entries (dest, source, typecode) that `keep` accepts."""
    return [entry for entry in toc if keep(entry[0])]
