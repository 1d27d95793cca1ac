// A small offline map for pinning a place: the city's streets (GeoJSON) drawn in SVG, a pin set by a
// click or moved with the arrow keys (about 10 m a press, 100 m with Shift), read out as coordinates.
import {t} from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const KM_PER_DEGREE = 111.32;
let settings = null;

async function mapSettings() {
  if (!settings) {
    const response = await fetch('/console/settings.json', {credentials: 'same-origin'});
    settings = (await response.json()).map;
  }
  return settings;
}

function svg(tag, attributes = {}) {
  const element = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attributes)) element.setAttribute(k, String(v));
  return element;
}

/**
 * A map centred on the city; onPick(lat, lon) is called whenever the pin moves. Returns the element
 * and setPin(lat, lon) so typed coordinates move the pin too.
 */
export async function mapPicker(onPick) {
  const {center, spanKm, baseLayer} = await mapSettings();
  const [lat0, lon0] = center;
  const cos = Math.cos(lat0 * Math.PI / 180);
  const width = 1000;
  const height = 640;
  const scale = width / spanKm; // pixels per km
  const project = (lat, lon) => [width / 2 + (lon - lon0) * KM_PER_DEGREE * cos * scale,
    height / 2 - (lat - lat0) * KM_PER_DEGREE * scale];
  const unproject = (x, y) => [lat0 + (height / 2 - y) / scale / KM_PER_DEGREE,
    lon0 + (x - width / 2) / scale / KM_PER_DEGREE / cos];

  const root = svg('svg', {viewBox: `0 0 ${width} ${height}`, class: 'map', id: 'map', tabindex: 0, role: 'application',
    'aria-label': t('mapHelp')});
  root.append(svg('rect', {x: 0, y: 0, width, height, class: 'map-ground'}));
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
      const label = svg('text', {x: x + 6, y: y - 6, class: 'map-label'});
      label.textContent = title.textContent;
      root.append(label);
    }
  } catch (e) {
    // No base layer: the pin still works on a blank map.
  }
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
    if (notify) onPick(Number(lat.toFixed(6)), Number(lon.toFixed(6)));
  };
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
  return {element: root, setPin};
}
