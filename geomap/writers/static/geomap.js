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
  function control(position, cls, build) {
    var c = L.control({position: position});
    c.onAdd = function () {
      var box = el("div", cls + " leaflet-bar gm-box");
      build(box);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    c.addTo(map);
    return c;
  }
  function bounds(pair) { return L.latLngBounds(pair[0], pair[1]); }
  var PRECISION = {1: "day", 2: "week", 3: "month", 4: "year"};
  var GEO = {1: "exact site", 2: "near a town / part of a region",
             3: "region or country only"};

  // ---- popups -------------------------------------------------------------
  function popupRows(spec, p) {
    var box = el("div", "gm-item");
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
    [["weapon_detail", "Detail"], ["figures", "Figures"], ["end_date", "Until"],
     ["summary", "Summary"], ["reported_by", "Reported by"], ["disputed_by", "Disputed by"],
     ["mentioned_as", "Written as"], ["mention_count", "Named"],
     ["reports_at_region", "Reports at the region"],
     ["reports_inside", "Reports inside it"]].forEach(function (r) {
      if (p[r[0]] !== undefined && p[r[0]] !== null) { rows.push([r[1], p[r[0]]]); }
    });
    if (p.actor1) { rows.push(["Actors", [p.actor1, p.actor2].filter(Boolean).join(" / ")]); }
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
  function popup(records) {
    var box = el("div", "gm-popup");
    records.slice(0, 5).forEach(function (r) { box.appendChild(popupRows(r.spec, r.props)); });
    if (records.length > 5) { box.appendChild(el("div", "gm-more", "and " + (records.length - 5) + " more")); }
    return box;
  }

  // ---- features -----------------------------------------------------------
  // A record is one feature of a layer. Region-level items whose region has a
  // shape share one outline per layer and region: the "entry" drawn for them.
  var regionShapes = {};
  data.layers.forEach(function (spec) {
    if (spec.name !== "regions") { return; }
    spec.geojson.features.forEach(function (f) {
      regionShapes[f.properties.id] = L.GeoJSON.coordsToLatLngs(
        f.geometry.coordinates, f.geometry.type === "MultiPolygon" ? 2 : 1);
    });
  });
  var specs = [];
  var all = L.latLngBounds([]);
  data.layers.forEach(function (spec) {
    var group = (spec.cluster && L.markerClusterGroup) ?
      L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 40,
                            chunkedLoading: true}) :
      L.featureGroup();
    group.geomapName = spec.name;
    spec.group = group;
    spec.records = [];
    spec.entries = [];
    var entries = {};
    L.geoJSON(spec.geojson, {
      pointToLayer: function (feature, latlng) {
        var area = feature.properties.geo_precision === 3;
        return L.circleMarker(latlng, area ?
          {radius: 11, color: spec.color, weight: 2, dashArray: "4 3", fillOpacity: 0.08} :
          {radius: 7, color: "#222", weight: 1, fillColor: spec.color, fillOpacity: 0.9});
      },
      style: function () {
        if (spec.name === "regions") {
          return {color: spec.color, weight: 1, dashArray: "3 3", fill: false};
        }
        return spec.geometry === "MultiLineString" ?
          {color: spec.color, weight: 3, dashArray: "8 4"} :
          {color: spec.color, weight: 1, fillColor: spec.color, fillOpacity: 0.25};
      },
      onEachFeature: function (feature, layer) {
        var p = feature.properties;
        // A named region is drawn by the regions layer, as its outline.
        if (spec.name === "places" && regionShapes[p.id]) { return; }
        var record = {spec: spec, props: p, layer: layer};
        var shape = p.geo_precision === 3 && regionShapes[p.location_id];
        if (shape) {
          var entry = entries[p.location_id];
          if (!entry) {
            entry = entries[p.location_id] = {members: [], shown: []};
            entry.layer = L.polygon(shape, regionStyle(spec));
            entry.layer.geomapEntry = entry;
            spec.entries.push(entry);
          }
          entry.members.push(record);
          record.entry = entry;
          record.layer = null;
          all.extend(entry.layer.getBounds());
        } else {
          layer.geomapRecord = record;
          all.extend(layer.getBounds ? layer.getBounds() : L.latLngBounds([layer.getLatLng()]));
        }
        spec.records.push(record);
      }
    });
    group.on("click", function (e) {
      var shown = e.layer.geomapEntry ? e.layer.geomapEntry.shown : [e.layer.geomapRecord];
      L.popup({maxWidth: 380, maxHeight: 420}).setLatLng(e.latlng)
        .setContent(popup(shown)).openOn(map);
    });
    group.on("mouseover", function (e) {
      var entry = e.layer.geomapEntry;
      if (entry) { e.layer.setStyle({weight: 3, fillOpacity: 0.35}); }
      if (!e.layer.getTooltip()) {
        var p = entry ? entry.members[0].props : e.layer.geomapRecord.props;
        var text = p.name || p.location || spec.label;
        if (entry && entry.shown.length > 1) { text += " (" + entry.shown.length + ")"; }
        e.layer.bindTooltip(el("span", null, text), {sticky: true});
      }
      e.layer.openTooltip(e.latlng);
    });
    group.on("mouseout", function (e) {
      if (e.layer.geomapEntry) { e.layer.setStyle(regionStyle(spec)); }
    });
    group.addTo(map);
    specs.push(spec);
  });
  function regionStyle(spec) {
    return {color: spec.color, weight: 1.5, fillColor: spec.color, fillOpacity: 0.12};
  }

  // ---- filters --------------------------------------------------------------
  var dates = [];
  var types = {};
  var sources = {};
  var articles = {};
  specs.forEach(function (spec) {
    spec.records.forEach(function (r) {
      var p = r.props;
      if (p.event_date) { dates.push(p.event_date); }
      if (p.event_type) {
        types[p.event_type] = types[p.event_type] || {};
        types[p.event_type][p.sub_event_type || ""] = true;
      }
      r.sources = (p.sources || p.source || "").split(" | ").filter(Boolean);
      r.sources.forEach(function (s) { sources[s] = true; });
      r.docs = (p.doc_ids || p.doc_id || "").split(" | ").filter(Boolean);
      r.docs.forEach(function (d) { articles[d] = true; });
    });
  });
  dates = dates.filter(function (d, i) { return dates.indexOf(d) === i; }).sort();
  var filter = {off: {}, from: 0, to: dates.length - 1, source: "", article: ""};
  function passes(r) {
    var p = r.props;
    if (p.event_type && filter.off[p.event_type + " / " + (p.sub_event_type || "")]) { return false; }
    if (filter.source && r.sources.length && r.sources.indexOf(filter.source) < 0) { return false; }
    if (filter.article && r.docs.length && r.docs.indexOf(filter.article) < 0) { return false; }
    if (dates.length > 1 && (filter.from > 0 || filter.to < dates.length - 1)) {
      if (!p.event_date && p.event_type) { return false; }
      if (p.event_date && (p.event_date < dates[filter.from] || p.event_date > dates[filter.to])) {
        return false;
      }
    }
    return true;
  }
  var legendCounts = {};
  // Redraw every layer from its records: one bulk insert per layer, popups and
  // tooltips made on demand, so that 50,000 events stay quick.
  function apply() {
    specs.forEach(function (spec) {
      var layers = [];
      var drawn = 0;
      spec.entries.forEach(function (entry) { entry.shown = []; });
      spec.records.forEach(function (r) {
        if (!passes(r)) { return; }
        drawn += 1;
        if (r.entry) { r.entry.shown.push(r); } else { layers.push(r.layer); }
      });
      spec.entries.forEach(function (entry) {
        if (entry.shown.length) { layers.push(entry.layer); }
        entry.layer.unbindTooltip();
      });
      spec.group.clearLayers();
      if (spec.group.addLayers) { spec.group.addLayers(layers); } else { layers.forEach(function (l) { spec.group.addLayer(l); }); }
      spec.drawn = drawn;
      if (legendCounts[spec.name]) { legendCounts[spec.name].textContent = "(" + drawn + ")"; }
    });
  }

  // ---- legend: layers, their counts (what is drawn), the claims -------------
  control("topright", "gm-legend-box", function (box) {
    box.appendChild(el("div", "gm-head", "Layers"));
    specs.forEach(function (spec) {
      var label = el("label", "gm-layer");
      var check = el("input");
      check.type = "checkbox"; check.checked = true;
      check.addEventListener("change", function () {
        if (check.checked) { map.addLayer(spec.group); } else { map.removeLayer(spec.group); }
      });
      label.appendChild(check);
      var swatch = el("span", "gm-swatch gm-" + (spec.name === "regions" ? "region" : spec.geometry));
      swatch.style.background = spec.color;
      label.appendChild(swatch);
      label.appendChild(el("span", "gm-layer-label", spec.label + (spec.note ? " (" + spec.note + ")" : "")));
      label.appendChild(document.createTextNode(" "));
      legendCounts[spec.name] = label.appendChild(el("span", "gm-count", ""));
      box.appendChild(label);
    });
    box.appendChild(el("div", "gm-claims-count", "Claims: " + data.claims.length +
                       " (listed in the claims panel, drawn or not)"));
    var key = el("div", "gm-legend");
    key.appendChild(el("div", null, "● solid dot: exact site"));
    key.appendChild(el("div", null, "◌ dashed ring: country only (a representative point)"));
    key.appendChild(el("div", null, "▭ light fill: the region as a whole"));
    box.appendChild(key);
  });

  // ---- title, first view, fit everything --------------------------------------
  control("topleft", "gm-info", function (box) {
    box.appendChild(el("div", "gm-title", data.title));
    box.appendChild(el("div", "gm-asof", data.as_of));
    var fit = el("button", "gm-fit-all", "Show everything");
    fit.type = "button";
    fit.addEventListener("click", function () { if (all.isValid()) { map.fitBounds(all.pad(0.05), {animate: false}); } });
    box.appendChild(fit);
  });

  // ---- filter panel: type and sub-type, date range with play, source ---------
  control("bottomleft", "gm-filters", function (box) {
    box.appendChild(el("div", "gm-head", "Filters"));
    var typeBox = el("details", "gm-types");
    typeBox.appendChild(el("summary", null, "Event types and sub-types"));
    Object.keys(types).sort().forEach(function (type) {
      typeBox.appendChild(el("div", "gm-type", type));
      Object.keys(types[type]).sort().forEach(function (sub) {
        var key = type + " / " + sub;
        var label = el("label", "gm-subtype");
        var check = el("input");
        check.type = "checkbox"; check.checked = true; check.value = key;
        check.addEventListener("change", function () {
          if (check.checked) { delete filter.off[key]; } else { filter.off[key] = true; }
          apply();
        });
        label.appendChild(check);
        label.appendChild(document.createTextNode(" " + (sub || "(no sub-type)")));
        typeBox.appendChild(label);
      });
    });
    box.appendChild(typeBox);
    // By publisher, and by article (one publisher's reports can still be told apart).
    [["source", sources, "All sources", "gm-source-filter"],
     ["article", articles, "All articles", "gm-article-filter"]].forEach(function (f) {
      var names = Object.keys(f[1]).sort();
      if (!names.length || (f[0] === "article" && names.length < 2)) { return; }
      var select = el("select", f[3]);
      select.appendChild(el("option", null, f[2])).value = "";
      names.forEach(function (s) { select.appendChild(el("option", null, s)).value = s; });
      select.addEventListener("change", function () { filter[f[0]] = select.value; apply(); });
      box.appendChild(select);
    });
    if (dates.length > 1) {
      var text = el("div", "gm-date-text");
      var from = el("input", "gm-date-from"); var to = el("input", "gm-date-to");
      [from, to].forEach(function (input, i) {
        input.type = "range"; input.min = 0; input.max = dates.length - 1;
        input.value = i ? dates.length - 1 : 0;
      });
      var play = el("button", "gm-play", "▶");
      play.type = "button";
      var timer = null;
      var update = function () {
        filter.from = Math.min(Number(from.value), Number(to.value));
        filter.to = Math.max(Number(from.value), Number(to.value));
        text.textContent = dates[filter.from] + " to " + dates[filter.to];
        apply();
      };
      var stop = function () { clearInterval(timer); timer = null; play.textContent = "▶"; };
      from.addEventListener("input", update);
      to.addEventListener("input", update);
      play.addEventListener("click", function () {
        if (timer) { stop(); return; }
        if (Number(to.value) >= dates.length - 1) { to.value = from.value; update(); }
        play.textContent = "⏸";
        timer = setInterval(function () {
          if (Number(to.value) >= dates.length - 1) { stop(); return; }
          to.value = Number(to.value) + 1; update();
        }, 700);
      });
      box.appendChild(text);
      box.appendChild(from); box.appendChild(to); box.appendChild(play);
      text.textContent = dates[0] + " to " + dates[dates.length - 1];
    }
  });

  // ---- claims panel -------------------------------------------------------------
  if (data.claims.length) {
    control("topright", "gm-claims", function (box) {
      var fold = el("details");
      fold.open = true;
      fold.appendChild(el("summary", "gm-head", "Claims (" + data.claims.length + ")"));
      var list = el("div", "gm-claim-list");
      data.claims.forEach(function (c) {
        var item = el("div", "gm-claim" + (c.where ? " gm-claim-placed" : ""));
        item.dataset.layer = c.layer;
        item.appendChild(el("div", "gm-title", c.title));
        item.appendChild(el("div", "gm-claim-kind", c.kind + (c.date ? ", " + c.date : "")));
        c.figures.forEach(function (f) { item.appendChild(el("div", "gm-figure", f[0] + ": " + f[1])); });
        if (c.summary) { item.appendChild(el("div", "gm-summary", c.summary)); }
        if (c.quote) { item.appendChild(el("blockquote", "gm-quote", c.quote)); }
        if (c.source) { item.appendChild(el("div", "gm-source", "Source: " + c.source)); }
        if (c.where) {
          item.title = "Zoom to it";
          item.addEventListener("click", function () {
            map.fitBounds(bounds(c.where).pad(0.2), {maxZoom: 9});
          });
        }
        list.appendChild(item);
      });
      fold.appendChild(list);
      box.appendChild(fold);
    });
  }

  // ---- basemap outlines and place labels --------------------------------------
  if (data.outline) {
    // Under the tiles: seen wherever tiles cannot load (offline).
    map.createPane("outline");
    map.getPane("outline").style.zIndex = 150;
    L.geoJSON(data.outline, {
      pane: "outline", interactive: false,
      style: {color: "#8a8a8a", weight: 0.8, fill: true, fillColor: "#f4f2ec", fillOpacity: 1}
    }).addTo(map);
  }
  map.createPane("gmLabels");
  map.getPane("gmLabels").style.zIndex = 450;
  map.getPane("gmLabels").style.pointerEvents = "none";
  var labelled = [];
  specs.forEach(function (spec) {
    if (spec.name !== "places") { return; }
    spec.records.forEach(function (r) {
      if (r.layer && r.layer.getLatLng && r.props.geo_precision !== 3) { labelled.push(r); }
    });
  });
  // Bigger places first, then the most named; as the zoom grows, room for more.
  labelled.sort(function (a, b) {
    return ((b.props.population || 0) - (a.props.population || 0)) ||
      ((b.props.mention_count || 0) - (a.props.mention_count || 0)) ||
      (a.props.name < b.props.name ? -1 : 1);
  });
  var labels = L.layerGroup().addTo(map);
  function drawLabels() {
    labels.clearLayers();
    var view = map.getBounds();
    var taken = [];
    var limit = 20 + 12 * map.getZoom();
    for (var i = 0; i < labelled.length && taken.length < limit; i++) {
      var r = labelled[i];
      var at = r.layer.getLatLng();
      if (!view.contains(at)) { continue; }
      var pt = map.latLngToContainerPoint(at);
      var w = 7 * r.props.name.length + 6;
      var box = [pt.x + 6, pt.y - 16, pt.x + 6 + w, pt.y];
      var clash = taken.some(function (t) {
        return box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3];
      });
      if (clash) { continue; }
      taken.push(box);
      var marker = L.marker(at, {pane: "gmLabels", interactive: false, keyboard: false,
        icon: L.divIcon({className: "gm-label", html: "", iconSize: null, iconAnchor: [-6, 16]})});
      marker.on("add", function (m, name) { return function () { m.getElement().textContent = name; }; }(marker, r.props.name));
      labels.addLayer(marker);
    }
  }
  map.on("moveend zoomend", drawLabels);

  apply();
  var first = data.view ? bounds(data.view) : all;
  if (first.isValid()) { map.fitBounds(first.pad(0.1), {maxZoom: 8, animate: false}); }
  drawLabels();
  // For scripts and tests: the map, each layer's Leaflet group, the drawn counts.
  window.geomap = {
    map: map,
    everything: all,
    claims: data.claims,
    layers: Object.fromEntries(specs.map(function (s) { return [s.name, s.group]; })),
    drawn: function (name) {
      var spec = specs.filter(function (s) { return s.name === name; })[0];
      return spec && map.hasLayer(spec.group) ? spec.drawn : 0;
    },
    records: function (name) {
      var spec = specs.filter(function (s) { return s.name === name; })[0];
      return spec ? spec.records.filter(passes).map(function (r) { return r.props; }) : [];
    }
  };
}
