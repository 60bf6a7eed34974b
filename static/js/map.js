// The map of the directory and of a space's page. The list next to it works without it:
// when Leaflet or the tiles cannot load, the markers simply do not show.
(function () {
  "use strict";
  var map = null;
  var layer = null;

  function readJSON(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function draw() {
    var element = document.getElementById("map");
    if (!element || typeof L === "undefined") { return; }
    var markers = readJSON("map-markers") || [];
    var single = readJSON("map-marker");
    if (single) { markers = [single]; }
    if (!map) {
      map = L.map(element, { scrollWheelZoom: false });
      L.tileLayer(element.dataset.tiles, {
        maxZoom: 18, attribution: element.dataset.attribution
      }).addTo(map);
      layer = L.layerGroup().addTo(map);
    }
    layer.clearLayers();
    var bounds = [];
    markers.forEach(function (m) {
      var marker = L.circleMarker([m.lat, m.lng], {
        radius: 9, weight: 2, color: "#4a2c1a", fillColor: m.open ? "#2e7d32" : "#b5651d", fillOpacity: 0.9
      });
      var link = document.createElement("a");
      link.href = m.url;
      link.textContent = m.name + " (" + m.city + ")";
      marker.bindPopup(link);
      marker.addTo(layer);
      bounds.push([m.lat, m.lng]);
    });
    if (bounds.length > 1) { map.fitBounds(bounds, { padding: [24, 24] }); }
    else if (bounds.length === 1) { map.setView(bounds[0], 14); }
    else { map.setView([50.5, 3.9], 8); }
  }

  document.addEventListener("DOMContentLoaded", draw);
  document.body.addEventListener("htmx:afterSwap", draw);
})();
