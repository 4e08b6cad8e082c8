// Draws geomap's layers. Article text reaches the page only as JSON data and
// the DOM only through textContent: nothing from an article is parsed as HTML.
function geomapDraw(map, data) {
  "use strict";
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  var PRECISION = {1: "day", 2: "week", 3: "month", 4: "year"};
  var GEO = {1: "exact site", 2: "near a town / part of a region",
             3: "region or country only (representative point)"};

  function popup(spec, p) {
    var box = el("div", "gm-popup");
    box.appendChild(el("div", "gm-title", p.name || p.location || spec.label));
    var rows = [];
    if (p.sub_event_type) { rows.push(["Type", p.event_type + " / " + p.sub_event_type]); }
    if (p.kind) { rows.push(["Kind", p.kind]); }
    if (p.event_date) {
      rows.push(["Date", p.event_date + " (" + (PRECISION[p.time_precision] || "?") +
                 " precision)"]);
    }
    if (p.as_of) { rows.push(["As of", p.as_of]); }
    if (p.geo_precision) { rows.push(["Location", GEO[p.geo_precision] || ""]); }
    spec.figures.forEach(function (f) {
      var value = p[f[0]];
      if (value === null || value === undefined) { return; }
      var hedge = f[2] ? p[f[2]] : null;
      rows.push([f[1], (hedge ? hedge + " " : "") + Number(value).toLocaleString("en")]);
    });
    if (p.weapon_detail) { rows.push(["Detail", p.weapon_detail]); }
    if (p.figures) { rows.push(["Figures", p.figures]); }
    if (p.end_date) { rows.push(["Until", p.end_date]); }
    if (p.summary) { rows.push(["Summary", p.summary]); }
    if (p.actor1) { rows.push(["Actors", [p.actor1, p.actor2].filter(Boolean).join(" / ")]); }
    if (p.reported_by) { rows.push(["Reported by", p.reported_by]); }
    if (p.disputed_by) { rows.push(["Disputed by", p.disputed_by]); }
    if (p.mentioned_as) { rows.push(["Written as", p.mentioned_as]); }
    var table = el("table", "gm-rows");
    rows.forEach(function (r) {
      var tr = el("tr");
      tr.appendChild(el("th", null, r[0]));
      tr.appendChild(el("td", null, r[1]));
      table.appendChild(tr);
    });
    box.appendChild(table);
    var quotes = (p.notes || p.quotes || "").split(" | ").filter(Boolean);
    quotes.slice(0, 5).forEach(function (q) { box.appendChild(el("blockquote", "gm-quote", q)); });
    var source = p.sources || p.source || p.line_source;
    if (source) { box.appendChild(el("div", "gm-source", "Source: " + source)); }
    return box;
  }

  var overlays = {};
  var groups = {};
  // The first view: precise events, else precise places, else everything.
  var bounds = {events: L.latLngBounds([]), places: L.latLngBounds([]),
                all: L.latLngBounds([])};
  var legend = [];
  var dates = [];
  data.layers.forEach(function (spec) {
    var group = (spec.cluster && L.markerClusterGroup) ?
      L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 40,
                            chunkedLoading: true}) :
      L.featureGroup();
    group.geomapName = spec.name;
    var members = [];
    L.geoJSON(spec.geojson, {
      pointToLayer: function (feature, latlng) {
        var area = feature.properties.geo_precision === 3;
        // Area-level items: a hollow dashed ring, never a solid dot.
        return L.circleMarker(latlng, area ?
          {radius: 11, color: spec.color, weight: 2, dashArray: "4 3", fillOpacity: 0.08} :
          {radius: 7, color: "#222", weight: 1, fillColor: spec.color, fillOpacity: 0.9});
      },
      style: function () {
        return spec.geometry === "MultiLineString" ?
          {color: spec.color, weight: 3, dashArray: "8 4"} :
          {color: spec.color, weight: 1, fillColor: spec.color, fillOpacity: 0.25};
      },
      onEachFeature: function (feature, layer) {
        var p = feature.properties;
        if (p.event_date) { dates.push(p.event_date); }
        var where = layer.getBounds ? layer.getBounds() : L.latLngBounds([layer.getLatLng()]);
        bounds.all.extend(where);
        if (p.geo_precision !== 3) {
          bounds[spec.name === "places" ? "places" : "events"].extend(where);
        }
        layer.geomapDate = p.event_date || null;
        members.push(layer);
      }
    });
    // One bulk insert, and popups and tooltips made on demand: a map of 50,000
    // events must not build 100,000 DOM fragments before it can be used.
    if (group.addLayers) { group.addLayers(members); } else { members.forEach(function (l) { group.addLayer(l); }); }
    group.on("click", function (e) {
      L.popup({maxWidth: 360}).setLatLng(e.latlng)
        .setContent(popup(spec, e.layer.feature.properties)).openOn(map);
    });
    group.on("mouseover", function (e) {
      var p = e.layer.feature.properties;
      if (!e.layer.getTooltip()) {
        e.layer.bindTooltip(el("span", null, p.name || p.location || spec.label));
      }
      e.layer.openTooltip(e.latlng);
    });
    group.addTo(map);
    var label = el("span", "gm-layer-label");
    var swatch = el("span", "gm-swatch gm-" + spec.geometry);
    swatch.style.background = spec.color;
    label.appendChild(swatch);
    label.appendChild(document.createTextNode(spec.label + (spec.note ? " (" + spec.note + ")" : "") + " (" + spec.geojson.features.length + ")"));
    overlays[label.outerHTML] = group;
    groups[spec.name] = group;
    legend.push(spec);
  });
  L.control.layers(null, overlays, {collapsed: false, position: "topright"}).addTo(map);
  L.control.scale({imperial: false}).addTo(map);

  var info = L.control({position: "topleft"});
  info.onAdd = function () {
    var box = el("div", "gm-info leaflet-bar");
    box.appendChild(el("div", "gm-title", data.title));
    box.appendChild(el("div", "gm-asof", data.as_of));
    var key = el("div", "gm-legend");
    key.appendChild(el("div", null, "● solid dot: exact site"));
    key.appendChild(el("div", null, "◌ dashed ring: region or country only"));
    box.appendChild(key);
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  info.addTo(map);

  var uniqueDates = dates.filter(function (d, i) { return dates.indexOf(d) === i; }).sort();
  if (uniqueDates.length > 1) {
    var slider = L.control({position: "bottomleft"});
    slider.onAdd = function () {
      var box = el("div", "gm-time leaflet-bar");
      var input = el("input");
      input.type = "range"; input.min = 0; input.max = uniqueDates.length - 1;
      input.value = uniqueDates.length - 1; input.id = "gm-date-filter";
      var text = el("span", null, "up to " + uniqueDates[uniqueDates.length - 1]);
      input.addEventListener("input", function () {
        var until = uniqueDates[Number(input.value)];
        text.textContent = "up to " + until;
        map.eachLayer(function (layer) {
          if (layer.geomapDate && layer.setStyle) {
            var hide = layer.geomapDate > until;
            layer.setStyle({opacity: hide ? 0 : 1, fillOpacity: hide ? 0 : 0.9});
          }
        });
      });
      box.appendChild(el("label", null, "Events "));
      box.appendChild(input);
      box.appendChild(text);
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    slider.addTo(map);
  }
  if (data.outline) {
    // Under the tiles: seen wherever tiles cannot load (offline).
    map.createPane("outline");
    map.getPane("outline").style.zIndex = 150;
    L.geoJSON(data.outline, {
      pane: "outline", interactive: false,
      style: {color: "#8a8a8a", weight: 0.8, fill: true, fillColor: "#f4f2ec", fillOpacity: 1}
    }).addTo(map);
  }
  var view = [bounds.events, bounds.places, bounds.all].filter(function (b) {
    return b.isValid();
  })[0];
  if (view) { map.fitBounds(view.pad(0.1), {maxZoom: 8}); }
  // For scripts and tests: the map and each layer's Leaflet group by name.
  window.geomap = {map: map, layers: groups};
}
