// Draws the hubs the parcel went through (the list under the map, which stays for screen readers) on a
// Leaflet map, with the tiles of waybill.web.map-tiles-url when set; without tiles the points and the
// route still show on a plain background. Drawn again when the live updates replace the timeline.
(function () {
    'use strict';
    var map = null;

    function draw() {
        var element = document.getElementById('map');
        if (map) {
            map.remove();
            map = null;
        }
        if (!element || !window.L) {
            return;
        }
        var points = Array.prototype.map.call(document.querySelectorAll('#map-points li'), function (item) {
            return { name: item.textContent, at: [Number(item.dataset.lat), Number(item.dataset.lon)] };
        });
        if (points.length === 0) {
            return;
        }
        map = L.map(element, { scrollWheelZoom: false });
        if (element.dataset.tiles) {
            L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution || '', maxZoom: 18 })
                .addTo(map);
        }
        var route = points.map(function (point) { return point.at; });
        points.forEach(function (point) {
            L.circleMarker(point.at, { radius: 8, color: '#0b4f94', weight: 3 }).addTo(map).bindTooltip(point.name);
        });
        if (route.length > 1) {
            L.polyline(route, { color: '#0b4f94', dashArray: '6 6' }).addTo(map);
        }
        map.fitBounds(L.latLngBounds(route).pad(0.4), { maxZoom: 9 });
    }

    draw();
    document.addEventListener('waybill:shipment-updated', draw);
})();
