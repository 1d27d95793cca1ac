// The staff member's own notifications (an assignment, a citizen writing back, …): a button in the bar with the
// number not yet seen, the list under it, and each new one pushed by the server (GET /notifications/stream,
// server-sent events) and read out — the console never asks again and again.
import {get} from './api.js';
import {h, mount} from '/web/dom.js';
import {t, when} from './i18n.js';
import {ROOT, navigate} from './ui.js';

const STREAM = '/api/v1/notifications/stream';
let source = null;
let items = [];
let unseen = 0;

/** What a notification says to its reader, in the console's language. */
export function describe(notification) {
  const key = `inbox.templates.${notification.template}`;
  const text = t(key);
  return (text === key ? t('inbox.templates.other') : text).replace('{number}', notification.requestNumber);
}

/** Where a notification leads: its request. */
export function requestPath(notification) {
  return '/requests/' + notification.requestNumber;
}

function button() { return document.getElementById('inbox'); }
function panel() { return document.getElementById('inbox-panel'); }

function draw() {
  const open = !panel().hidden;
  const b = button();
  b.textContent = unseen > 0 ? `${t('inbox.title')} (${unseen})` : t('inbox.title');
  b.setAttribute('aria-expanded', String(open));
  b.setAttribute('aria-label', `${t('inbox.title')}: ${unseen} ${t('inbox.unseen')}`);
  mount(panel(), [
    h('h2', {id: 'inbox-heading'}, t('inbox.title')),
    items.length === 0 ? h('p', {}, t('inbox.empty')) : h('ul', {class: 'inbox-list'}, items.map((n) =>
      h('li', {}, h('a', {href: ROOT + requestPath(n), onclick: (e) => {
        e.preventDefault();
        toggle(false);
        navigate(requestPath(n));
      }}, describe(n)), ' ', h('span', {class: 'muted'}, when(n.queuedAt)))))
  ]);
}

function toggle(open) {
  panel().hidden = !open;
  if (open) unseen = 0;
  draw();
  if (open) panel().querySelector('a, p')?.focus?.();
}

function arrived(notification) {
  if (items.some((n) => n.id === notification.id)) return;
  items = [notification, ...items].slice(0, 50);
  unseen += 1;
  draw();
  document.getElementById('inbox-live').textContent = describe(notification);
}

/** Shows the inbox of the logged-in staff member and listens for new notifications; once per login. */
export async function startInbox() {
  if (source) return;
  const b = button();
  b.hidden = false;
  if (!b.dataset.wired) {
    b.dataset.wired = 'yes';
    b.addEventListener('click', () => toggle(panel().hidden));
    panel().addEventListener('keydown', (e) => { if (e.key === 'Escape') { toggle(false); b.focus(); } });
  }
  try {
    items = await get('/notifications?limit=50');
  } catch {
    items = [];
  }
  draw();
  source = new EventSource(STREAM, {withCredentials: true});
  source.addEventListener('notification', (e) => arrived(JSON.parse(e.data)));
}

/** Closes the stream and hides the inbox, at logout or when the session has ended. */
export function stopInbox() {
  if (source) source.close();
  source = null;
  items = [];
  unseen = 0;
  const b = button();
  if (b) b.hidden = true;
  if (panel()) panel().hidden = true;
}

/** Draws the labels again in the chosen language. */
export function redrawInbox() {
  if (source) draw();
}
