// The one way the console talks to CivicDesk: the public REST API, with the session cookie.
import {lang} from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

const BASE = '/api/v1';
let onUnauthorized = () => {};

let onAgreementRequired = () => {};

/** Called when the session has ended, so the app can show the login screen. */
export function whenUnauthorized(handler) { onUnauthorized = handler; }

/** Called when CivicDesk asks for the confidentiality agreement in force (a new version), so the app can show it. */
export function whenAgreementRequired(handler) { onAgreementRequired = handler; }

export async function api(method, path, body) {
  // The language of the console, not the browser's: a refusal reads in the words around it.
  const headers = {'Accept': 'application/json', 'Accept-Language': lang(), 'X-Requested-With': 'civicdesk-console'};
  let payload;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) { headers['Content-Type'] = 'application/json'; payload = JSON.stringify(body); }
  const response = await fetch(BASE + path, {method, headers, body: payload, credentials: 'same-origin'});
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') && response.status !== 204 ? await response.json() : null;
  if (!response.ok) {
    if (response.status === 401 && path !== '/session') onUnauthorized();
    if (response.status === 403 && data && String(data.type).endsWith('agreement-required')) onAgreementRequired();
    throw new ApiError(response.status, data);
  }
  return data;
}

export const get = (path) => api('GET', path);
/** The address of an API path for a link the browser follows itself (a file it opens or saves). */
export const link = (path) => BASE + path;
export const post = (path, body) => api('POST', path, body);

/** Query string from the defined, non-empty values of params. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}
