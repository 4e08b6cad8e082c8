"""Open geomap's layers in QGIS and report what QGIS sees, as JSON on stdout.

Run by tests/test_qgis.py with Debian's Python (``/usr/bin/python3``), which
has the ``qgis`` bindings; it does not import geomap.

Usage: python3 tests/qgis_check.py LAYERS_DIR OUT_DIR NAME...
"""

import json
import sys
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsProject,
    QgsRectangle,
    QgsRenderContext,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor


def describe(layer):
    renderer = layer.renderer()
    symbols = renderer.symbols(QgsRenderContext()) if renderer else []
    return {
        "valid": layer.isValid(),
        "crs": layer.crs().authid(),
        "count": layer.featureCount(),
        "fields": {f.name(): f.typeName() for f in layer.fields()},
        "renderer": renderer.type() if renderer else None,
        "colours": sorted({s.color().name() for s in symbols}),
        "labels": bool(layer.labelsEnabled()),
        "geometry": layer.geometryType(),
    }


def render(layers, path):
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    extent = QgsRectangle()
    for layer in layers:
        extent.combineExtentWith(layer.extent())
    extent.grow(1.0)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(600, 400))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    image.save(str(path))
    colours = {image.pixel(x, y) for x in range(0, 600, 3) for y in range(0, 400, 3)}
    return len(colours)


def main():
    layers_dir, out_dir, names = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
    app = QgsApplication([], False)
    app.initQgis()
    report = {"geojson": {}, "gpkg": {}}
    loaded = []
    for name in names:
        geojson = QgsVectorLayer(str(layers_dir / f"{name}.geojson"), name, "ogr")
        gpkg = QgsVectorLayer(f"{layers_dir / 'geomap.gpkg'}|layername={name}", name, "ogr")
        report["geojson"][name] = describe(geojson)
        report["gpkg"][name] = describe(gpkg)
        loaded += [geojson, gpkg]
    drawn = [layer for layer in loaded if layer.isValid() and layer.featureCount()]
    report["render_colours"] = render(drawn, out_dir / "render.png")
    print(json.dumps(report))
    QgsProject.instance().clear()
    del drawn, loaded, geojson, gpkg  # layers must go before exitQgis(), or it crashes
    app.exitQgis()


if __name__ == "__main__":
    main()
