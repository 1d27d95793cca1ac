// The city map every CivicDesk page draws, with no network beyond this server: the city's streets
// (GeoJSON) in SVG, optionally over the city's own map tiles; a pin set by a click or moved with
// the arrow keys (about 10 m a press, 100 m with Shift), and markers for places already reported.
const SVG = 'http://www.w3.org/2000/svg';
const KM_PER_DEGREE = 111.32;
const EARTH_KM = 40075.016686;
let settings = null;

/** The map's place and layers, from etc/org.civicdesk.map.cfg. */
export async function mapSettings() {
  if (!settings) settings = await (await fetch('/web/settings.json', {credentials: 'same-origin'})).json();
  return settings;
}

function svg(tag, attributes = {}) {
  const element = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attributes)) element.setAttribute(k, String(v));
  return element;
}

/** Distance in metres between two places (good to a metre over a city). */
export function metres(lat1, lon1, lat2, lon2) {
  const cos = Math.cos(((lat1 + lat2) / 2) * Math.PI / 180);
  const dy = (lat2 - lat1) * KM_PER_DEGREE;
  const dx = (lon2 - lon1) * KM_PER_DEGREE * cos;
  return Math.sqrt(dx * dx + dy * dy) * 1000;
}

/**
 * A map centred on the city. options: label (what a screen reader announces), onPick(lat, lon)
 * called whenever the pin moves (no pin when absent). Returns the element, setPin(lat, lon) and
 * setMarkers([{lat, lon, title, onSelect}]).
 */
export async function cityMap({label, onPick} = {}) {
  const {center, spanKm, baseLayer, tileUrl} = await mapSettings();
  const [lat0, lon0] = center;
  const cos = Math.cos(lat0 * Math.PI / 180);
  const width = 1000;
  const height = 640;
  const scale = width / spanKm; // pixels per km
  const project = (lat, lon) => [width / 2 + (lon - lon0) * KM_PER_DEGREE * cos * scale,
    height / 2 - (lat - lat0) * KM_PER_DEGREE * scale];
  const unproject = (x, y) => [lat0 + (height / 2 - y) / scale / KM_PER_DEGREE,
    lon0 + (x - width / 2) / scale / KM_PER_DEGREE / cos];

  const root = svg('svg', {viewBox: `0 0 ${width} ${height}`, class: 'map', id: 'map', tabindex: 0,
    role: onPick ? 'application' : 'img', 'aria-label': label || ''});
  root.append(svg('rect', {x: 0, y: 0, width, height, class: 'map-ground'}));
  if (tileUrl) drawTiles(root, tileUrl, project, unproject, scale, width, height);
  try {
    const layer = await (await fetch(baseLayer, {credentials: 'same-origin'})).json();
    for (const feature of layer.features || []) {
      if (!feature.geometry || feature.geometry.type !== 'LineString') continue;
      const points = feature.geometry.coordinates.map(([lon, lat]) => project(lat, lon));
      const line = svg('polyline', {points: points.map((p) => p.join(',')).join(' '), class: 'map-street'});
      const title = svg('title');
      title.textContent = feature.properties && feature.properties.name || '';
      line.append(title);
      root.append(line);
      const [x, y] = points[Math.floor(points.length / 2)];
      const text = svg('text', {x: x + 6, y: y - 6, class: 'map-label'});
      text.textContent = title.textContent;
      root.append(text);
    }
  } catch {
    // No base layer: the pin still works on a blank map.
  }
  const markers = svg('g', {class: 'map-markers'});
  root.append(markers);
  const pin = svg('circle', {r: 10, class: 'map-pin', visibility: 'hidden'});
  root.append(pin);
  let position = null;

  const setPin = (lat, lon, notify = false) => {
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) { pin.setAttribute('visibility', 'hidden'); position = null; return; }
    position = [lat, lon];
    const [x, y] = project(lat, lon);
    pin.setAttribute('cx', x);
    pin.setAttribute('cy', y);
    pin.setAttribute('visibility', 'visible');
    if (notify && onPick) onPick(Number(lat.toFixed(6)), Number(lon.toFixed(6)));
  };
  const setMarkers = (places) => {
    markers.replaceChildren();
    for (const place of places) {
      if (!Number.isFinite(place.lat) || !Number.isFinite(place.lon)) continue;
      const [x, y] = project(place.lat, place.lon);
      const marker = svg('circle', {cx: x, cy: y, r: 7, class: `map-marker ${place.className || ''}`});
      const title = svg('title');
      title.textContent = place.title || '';
      marker.append(title);
      if (place.onSelect) marker.addEventListener('click', (e) => { e.stopPropagation(); place.onSelect(); });
      markers.append(marker);
    }
  };
  if (onPick) {
    root.addEventListener('click', (e) => {
      const box = root.getBoundingClientRect();
      const [lat, lon] = unproject((e.clientX - box.left) * width / box.width, (e.clientY - box.top) * height / box.height);
      setPin(lat, lon, true);
    });
    root.addEventListener('keydown', (e) => {
      const steps = {ArrowUp: [1, 0], ArrowDown: [-1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1]};
      if (!steps[e.key]) return;
      e.preventDefault();
      const km = e.shiftKey ? 0.1 : 0.01;
      const [lat, lon] = position || [lat0, lon0];
      setPin(lat + steps[e.key][0] * km / KM_PER_DEGREE, lon + steps[e.key][1] * km / KM_PER_DEGREE / cos, true);
    });
  }
  return {element: root, setPin, setMarkers};
}

/** The city's raster tiles (Web Mercator) under the streets, at the zoom that fits the map's scale. */
function drawTiles(root, tileUrl, project, unproject, scale, width, height) {
  const [latTop, lonLeft] = unproject(0, 0);
  const [latBottom, lonRight] = unproject(width, height);
  const z = Math.max(0, Math.min(19, Math.round(Math.log2(EARTH_KM * Math.cos(latTop * Math.PI / 180) * scale / 256))));
  const n = 2 ** z;
  const tileX = (lon) => Math.floor((lon + 180) / 360 * n);
  const tileY = (lat) => Math.floor((1 - Math.asinh(Math.tan(lat * Math.PI / 180)) / Math.PI) / 2 * n);
  const lonOf = (x) => x / n * 360 - 180;
  const latOf = (y) => Math.atan(Math.sinh(Math.PI * (1 - 2 * y / n))) * 180 / Math.PI;
  for (let x = tileX(lonLeft); x <= tileX(lonRight); x++) {
    for (let y = tileY(latTop); y <= tileY(latBottom); y++) {
      const [x0, y0] = project(latOf(y), lonOf(x));
      const [x1, y1] = project(latOf(y + 1), lonOf(x + 1));
      root.append(svg('image', {href: tileUrl.replace('{z}', z).replace('{x}', x).replace('{y}', y),
        x: x0, y: y0, width: x1 - x0, height: y1 - y0, preserveAspectRatio: 'none'}));
    }
  }
}
