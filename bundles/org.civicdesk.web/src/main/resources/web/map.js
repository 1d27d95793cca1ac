// The city map every CivicDesk page draws, with Leaflet served from this server (no network beyond it): the city's
// streets (GeoJSON) over the city's own map tiles when it has them; zoom and pan by touch, mouse or keyboard; reported
// places as markers gathered into clusters; a pin set by a tap or a click, dragged, or moved with the arrow keys
// (about 10 m a press, 100 m with Shift).
const KM_PER_DEGREE = 111.32;
const VENDOR = '/web/vendor/leaflet/';
const WORDS = {
  ro: {zoomIn: 'Apropie', zoomOut: 'Depărtează', places: '{n} locuri raportate aici'},
  en: {zoomIn: 'Zoom in', zoomOut: 'Zoom out', places: '{n} reported places here'},
};
let settings = null;
let leaflet = null;

/** The map's place and layers, from etc/org.civicdesk.map.cfg. */
export async function mapSettings() {
  if (!settings) settings = await (await fetch('/web/settings.json', {credentials: 'same-origin'})).json();
  return settings;
}

/** Distance in metres between two places (good to a metre over a city). */
export function metres(lat1, lon1, lat2, lon2) {
  const cos = Math.cos(((lat1 + lat2) / 2) * Math.PI / 180);
  const dy = (lat2 - lat1) * KM_PER_DEGREE;
  const dx = (lon2 - lon1) * KM_PER_DEGREE * cos;
  return Math.sqrt(dx * dx + dy * dy) * 1000;
}

/** The page's words for the map's own controls, in the page's language. */
function words() {
  return WORDS[document.documentElement.lang] || WORDS.ro;
}

/** Leaflet and its marker clusters, loaded once a page draws a map (their styles before the page's own). */
function loadLeaflet() {
  if (!leaflet) {
    leaflet = (async () => {
      const first = document.head.querySelector('link[rel="stylesheet"]');
      for (const css of ['leaflet.css', 'MarkerCluster.css', 'MarkerCluster.Default.css']) {
        const link = Object.assign(document.createElement('link'), {rel: 'stylesheet', href: VENDOR + css});
        document.head.insertBefore(link, first);
      }
      await script(VENDOR + 'leaflet.js');
      await script(VENDOR + 'leaflet.markercluster-src.js');
      return globalThis.L;
    })();
  }
  return leaflet;
}

function script(src) {
  return new Promise((resolve, reject) => {
    const element = Object.assign(document.createElement('script'), {src, onload: resolve, onerror: reject});
    document.head.append(element);
  });
}

/**
 * A map centred on the city. options: label (what a screen reader announces), onPick(lat, lon)
 * called whenever the pin moves (no pin when absent). Returns the element, setPin(lat, lon) and
 * setMarkers([{lat, lon, title, className, onSelect}]).
 */
export async function cityMap({label, onPick} = {}) {
  const [{center, spanKm, baseLayer, tileUrl}, L] = await Promise.all([mapSettings(), loadLeaflet()]);
  const [lat0, lon0] = center;
  const cos = Math.cos(lat0 * Math.PI / 180);
  const text = words();
  const element = Object.assign(document.createElement('div'), {id: 'map', className: 'map', tabIndex: 0});
  element.setAttribute('role', onPick ? 'application' : 'region');
  element.setAttribute('aria-label', label || '');
  // With a pin, the arrow keys move it (the map follows); without, Leaflet's keys pan and zoom.
  const map = L.map(element, {keyboard: !onPick, zoomControl: false, attributionControl: false, maxZoom: 19});
  L.control.zoom({zoomInTitle: text.zoomIn, zoomOutTitle: text.zoomOut}).addTo(map);
  const halfLat = spanKm / 2 / KM_PER_DEGREE;
  const city = L.latLngBounds([lat0 - halfLat * 0.6, lon0 - halfLat / cos], [lat0 + halfLat * 0.6, lon0 + halfLat / cos]);
  map.setView([lat0, lon0], 14);
  // Leaflet measures its element: the view fits the city once the page has laid the map out.
  let fitted = false;
  new ResizeObserver(() => {
    if (!element.isConnected || !element.clientWidth) return;
    map.invalidateSize();
    if (!fitted) {
      fitted = true;
      map.fitBounds(city);
    }
  }).observe(element);

  if (tileUrl) L.tileLayer(tileUrl, {maxZoom: 19}).addTo(map);
  try {
    const layer = await (await fetch(baseLayer, {credentials: 'same-origin'})).json();
    const names = L.layerGroup();
    L.geoJSON(layer, {
      filter: (feature) => feature.geometry && feature.geometry.type === 'LineString',
      // Each street's options: a line with the street's class, not a target of clicks (a click places the pin).
      className: 'map-street', interactive: false,
      onEachFeature: (feature, line) => {
        const name = feature.properties && feature.properties.name;
        const points = feature.geometry.coordinates;
        const [lon, lat] = points[Math.floor(points.length / 2)];
        if (name) names.addLayer(L.tooltip({permanent: true, direction: 'right', className: 'map-label'}, line)
          .setLatLng([lat, lon]).setContent(name));
      },
    }).addTo(map);
    // Street names once they have room.
    const showNames = () => (map.getZoom() >= 15 ? names.addTo(map) : names.remove());
    map.on('zoomend', showNames);
    showNames();
  } catch {
    // No base layer: the pin still works on a blank map.
  }

  const clusters = L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 40,
    iconCreateFunction: (cluster) => {
      const n = cluster.getChildCount();
      return L.divIcon({className: 'marker-cluster marker-cluster-small map-cluster', iconSize: [40, 40],
        html: `<div><span aria-hidden="true">${n}</span><span class="map-sr">${text.places.replace('{n}', n)}</span></div>`});
    }});
  map.addLayer(clusters);
  const setMarkers = (places) => {
    clusters.clearLayers();
    clusters.addLayers(places.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon)).map((place) => {
      const marker = L.marker([place.lat, place.lon], {title: place.title || '', riseOnHover: true,
        icon: L.divIcon({className: `map-marker ${place.className || ''}`, iconSize: [24, 24]})});
      if (place.onSelect) marker.on('click', place.onSelect);
      return marker;
    }));
  };

  let pin = null;
  const setPin = (lat, lon, notify = false) => {
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) {
      if (pin) pin.remove();
      pin = null;
      return;
    }
    if (!pin) {
      pin = L.marker([lat, lon], {draggable: true, keyboard: false, zIndexOffset: 1000,
        icon: L.divIcon({className: 'map-pin', iconSize: [28, 28]})}).addTo(map);
      pin.on('dragend', () => {
        const {lat: la, lng: lo} = pin.getLatLng();
        setPin(la, lo, true);
      });
    }
    pin.setLatLng([lat, lon]);
    if (fitted) map.panInside([lat, lon], {padding: [30, 30]});
    if (notify && onPick) onPick(Number(lat.toFixed(6)), Number(lon.toFixed(6)));
  };
  if (onPick) {
    map.on('click', (e) => setPin(e.latlng.lat, e.latlng.lng, true));
    // The zoom buttons are for touch and mouse: the keyboard zooms with + and - on the map itself.
    for (const button of element.querySelectorAll('.leaflet-control-zoom a')) button.tabIndex = -1;
    element.addEventListener('keydown', (e) => {
      const steps = {ArrowUp: [1, 0], ArrowDown: [-1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1]};
      if (e.key === '+' || e.key === '=') map.zoomIn();
      else if (e.key === '-') map.zoomOut();
      if (!steps[e.key]) return;
      e.preventDefault();
      const km = e.shiftKey ? 0.1 : 0.01;
      const {lat, lng} = pin ? pin.getLatLng() : {lat: lat0, lng: lon0};
      setPin(lat + steps[e.key][0] * km / KM_PER_DEGREE, lng + steps[e.key][1] * km / KM_PER_DEGREE / cos, true);
    });
  }
  return {element, setPin, setMarkers};
}
