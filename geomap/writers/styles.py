"""QGIS styles (QML) mirroring the web map's symbols.

Points: a filled circle for a named site, a hollow dashed ring for an item
only placed at a region or country (``geo_precision`` 3). The front line is a
dashed orange line, the occupied area a translucent red fill, the regions named
a light fill with a dashed outline. Labels show
place names and reported-vs-measured figures.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from ..layers import Layer
from .symbols import LABELS, SYMBOLS, rgb

# Layers drawn under the others: a light fill and a dashed outline.
_FILL_ALPHA = {"regions": 25}
_HEAD = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"


def _options(**values: object) -> str:
    items = "".join(
        f'<Option name="{k}" type="QString" value={quoteattr(str(v))}/>' for k, v in values.items()
    )
    return f'<Option type="Map">{items}</Option>'


def _marker(name: str, colour: str, *, area: bool) -> str:
    if area:
        options = _options(
            color=rgb(colour, 25),
            name="circle",
            outline_color=rgb(colour),
            outline_style="dash",
            outline_width="0.5",
            size="5",
            size_unit="MM",
        )
    else:
        options = _options(
            color=rgb(colour, 230),
            name="circle",
            outline_color="35,35,35,255",
            outline_style="solid",
            outline_width="0.3",
            size="3",
            size_unit="MM",
        )
    return (
        f'<symbol type="marker" name="{name}" alpha="1" clip_to_extent="1" force_rhr="0">'
        f'<layer class="SimpleMarker" enabled="1" pass="0" locked="0">{options}</layer>'
        "</symbol>"
    )


def _renderer(layer: Layer) -> str:
    colour = SYMBOLS[layer.name][1]
    if layer.geometry_type == "Point":
        return (
            '<renderer-v2 type="RuleRenderer" symbollevels="0" enableorderby="0" '
            'forceraster="0"><rules key="{root}">'
            '<rule key="{site}" symbol="0" label="Named site" '
            'filter="&quot;geo_precision&quot; IS NULL OR &quot;geo_precision&quot; &lt; 3"/>'
            '<rule key="{area}" symbol="1" label="Region or country only (representative point)" '
            'filter="&quot;geo_precision&quot; = 3"/>'
            f"</rules><symbols>{_marker('0', colour, area=False)}"
            f"{_marker('1', colour, area=True)}</symbols></renderer-v2>"
        )
    if layer.geometry_type == "MultiLineString":
        symbol = (
            '<symbol type="line" name="0" alpha="1" clip_to_extent="1" force_rhr="0">'
            '<layer class="SimpleLine" enabled="1" pass="0" locked="0">'
            + _options(
                line_color=rgb(colour),
                line_width="0.8",
                line_width_unit="MM",
                line_style="dash",
                capstyle="round",
                joinstyle="round",
            )
            + "</layer></symbol>"
        )
    else:
        symbol = (
            '<symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">'
            '<layer class="SimpleFill" enabled="1" pass="0" locked="0">'
            + _options(
                color=rgb(colour, _FILL_ALPHA.get(layer.name, 70)),
                outline_color=rgb(colour),
                outline_width="0.4",
                outline_width_unit="MM",
                style="solid",
                outline_style="dash" if layer.name in _FILL_ALPHA else "solid",
            )
            + "</layer></symbol>"
        )
    return (
        f'<renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" '
        f'forceraster="0"><symbols>{symbol}</symbols></renderer-v2>'
    )


def _labeling(layer: Layer) -> str:
    expression = LABELS.get(layer.name)
    if expression is None:
        return ""
    placement = "2" if layer.geometry_type == "MultiLineString" else "0"
    return (
        '<labeling type="simple"><settings calloutType="simple">'
        f'<text-style fieldName={quoteattr(expression)} isExpression="1" fontSize="8" '
        'fontSizeUnit="Point" textColor="30,30,30,255" fontFamily="Sans Serif" '
        'textOpacity="1" namedStyle="Regular" fontWeight="50" fontItalic="0">'
        '<text-buffer bufferDraw="1" bufferSize="0.8" bufferSizeUnits="MM" '
        'bufferColor="255,255,255,255" bufferOpacity="0.8" bufferJoinStyle="128"/>'
        '</text-style><placement placement="' + placement + '" dist="1.5" distUnits="MM" '
        'placementFlags="10"/><rendering scaleVisibility="0" obstacle="1"/>'
        "</settings></labeling>"
    )


def qml(layer: Layer) -> str:
    """The QML document for ``layer``: its renderer and, where useful, labels."""
    labels = "1" if layer.name in LABELS else "0"
    return (
        f'{_HEAD}<qgis version="3.22.0" styleCategories="Symbology|Labeling" '
        f'labelsEnabled="{labels}">{_renderer(layer)}{_labeling(layer)}'
        "<blendMode>0</blendMode><featureBlendMode>0</featureBlendMode>"
        f"<layerGeometryType>{_GEOMETRY_CODE[layer.geometry_type]}</layerGeometryType>"
        "</qgis>\n"
    )


_GEOMETRY_CODE = {"Point": 0, "MultiLineString": 1, "MultiPolygon": 2}
