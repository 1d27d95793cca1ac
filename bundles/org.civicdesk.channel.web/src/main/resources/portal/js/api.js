// The portal's calls: the public Open311 and CivicDesk API reads, and /portal/api for what a citizen sends.
import {lang} from './i18n.js';

const OPEN311 = '/open311/v2';
// The portal's language, not the browser's: a refusal reads in the words around it.
const inLanguage = (init = {}) => ({...init, headers: {...(init.headers || {}), 'Accept-Language': lang()}});

/** The JSON of an answer; a failure as an Error with its status and what the server said (GeoReport's errors or a problem). */
async function answer(response) {
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const said = body && (Array.isArray(body) ? body[0] && body[0].description : body.detail || body.title);
    const error = new Error(said || `HTTP ${response.status}`);
    error.status = response.status;
    // Errors by field, for the form to show each at its field: a problem's, or GeoReport's error about one parameter,
    // which names it first ("lat: …").
    error.errors = body && !Array.isArray(body) ? body.errors : undefined;
    const named = Array.isArray(body) && body[0] && /^([a-z_]+(?:\[[\w-]+\])?): (.+)$/s.exec(body[0].description || '');
    if (named) {
      error.errors = {[named[1]]: named[2]};
      error.message = named[2];
    }
    throw error;
  }
  return body;
}

function withQuery(url, params) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return query.toString() ? `${url}?${query}` : url;
}

/** A GeoReport read, e.g. open311('requests', {status: 'open'}). */
export async function open311(resource, params = {}) {
  return answer(await fetch(withQuery(`${OPEN311}/${resource}.json`, params), inLanguage()));
}

/** A public read of the CivicDesk API, e.g. api('knowledge', {q: 'certificat'}). */
export async function api(resource, params = {}) {
  return answer(await fetch(withQuery(`/api/v1/${resource}`, params), inLanguage()));
}

export async function portal(path, body) {
  return answer(await fetch(`/portal/api/${path}`, inLanguage(body === undefined ? {} : {method: 'POST', body})));
}

/** A registration number as the URL carries it (2026/000123 → 2026-000123). */
export function urlId(number) {
  return String(number).replace('/', '-');
}

/** The categories a citizen may report: the Open311 services of the public request types, in the reader's language. */
export async function publicServices(language) {
  const [settings, all] = await Promise.all([fetch('/portal/settings.json').then((r) => r.json()),
    open311('services', {locale: language})]);
  return all.filter((s) => settings.publicTypes.includes(s.service_code));
}

/** A citizen's JSON call to the CivicDesk API (booking an appointment with CNP and PIN); failures as api()'s. */
export async function send(resource, json, params = {}) {
  return answer(await fetch(withQuery(`/api/v1/${resource}`, params), inLanguage({method: 'POST',
    headers: {'Content-Type': 'application/json'}, body: JSON.stringify(json)})));
}
