// Draws the places listed under the map (items of #map-points with data-lat and data-lon, named by
// data-name or their text; the list stays for screen readers) on a Leaflet map, with the tiles of
// waybill.web.map-tiles-url when set; without tiles the points still show on a plain background.
// The tracking page's points are the hubs the parcel went through, joined as its route, and drawn
// again when the live updates replace the timeline; the admins' agents map (data-route="none") has
// the agents' latest positions, not joined.
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
        var points = Array.prototype.map.call(document.querySelectorAll('#map-points [data-lat]'), function (item) {
            return { name: item.dataset.name || item.textContent, at: [Number(item.dataset.lat), Number(item.dataset.lon)] };
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
        if (route.length > 1 && element.dataset.route !== 'none') {
            L.polyline(route, { color: '#0b4f94', dashArray: '6 6' }).addTo(map);
        }
        map.fitBounds(L.latLngBounds(route).pad(0.4), { maxZoom: 9 });
    }

    draw();
    document.addEventListener('waybill:shipment-updated', draw);
})();
