// The portal's calls: the public Open311 and CivicDesk API reads, and /portal/api for what a citizen sends.
const OPEN311 = '/open311/v2';

async function answer(response) {
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error(body && body[0] ? body[0].description : `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

/** A GeoReport read, e.g. open311('requests', {status: 'open'}). */
export async function open311(resource, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return answer(await fetch(`${OPEN311}/${resource}.json${query.toString() ? '?' + query : ''}`));
}

/** A public read of the CivicDesk API, e.g. api('knowledge', {q: 'certificat'}). */
export async function api(resource, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const response = await fetch(`/api/v1/${resource}${query.toString() ? '?' + query : ''}`);
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error(body && (body.detail || body.title) || `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

export async function portal(path, body) {
  return answer(await fetch(`/portal/api/${path}`, body === undefined ? {} : {method: 'POST', body}));
}

/** A registration number as the URL carries it (2026/000123 → 2026-000123). */
export function urlId(number) {
  return String(number).replace('/', '-');
}
