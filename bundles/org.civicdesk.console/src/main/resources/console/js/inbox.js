// The staff member's own notifications (an assignment, a citizen writing back, …) and the messages colleagues send
// them: a button in the bar with the number not yet seen, the list under it, and each new one pushed by the server
// (GET /notifications/stream, server-sent events) and read out — the console never asks again and again.
import {get} from './api.js';
import {h, mount} from '/web/dom.js';
import {t, when} from './i18n.js';
import {ROOT, navigate} from './ui.js';
import {account} from './session.js';

const STREAM = '/api/v1/notifications/stream';
let source = null;
let starting = false;
let items = [];
let unseen = 0;

/** The window event a screen listens to for each message pushed while it is open; its detail is the message. */
export const MESSAGE_ARRIVED = 'civicdesk-message';

const isMessage = (item) => typeof item.body === 'string';
const at = (item) => (isMessage(item) ? item.sentAt : item.queuedAt);

/** What a notification or a message says to its reader, in the console's language. */
export function describe(notification) {
  if (isMessage(notification)) {
    const excerpt = notification.body.length > 80 ? notification.body.slice(0, 79) + '…' : notification.body;
    return `${t('messages.from')} ${notification.senderName || notification.sender}: ${excerpt}`;
  }
  const key = `inbox.templates.${notification.template}`;
  const text = t(key);
  return (text === key ? t('inbox.templates.other') : text).replace('{number}', notification.requestNumber);
}

/** Where a notification leads: its request; a message: the messages, the sender chosen to reply. */
export function requestPath(notification) {
  if (isMessage(notification)) return '/messages?to=' + encodeURIComponent('user:' + notification.sender);
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
      }}, describe(n)), ' ', h('span', {class: 'muted'}, when(at(n))))))
  ]);
}

function toggle(open) {
  panel().hidden = !open;
  if (open) unseen = 0;
  draw();
  if (open) panel().querySelector('a, p')?.focus?.();
}

function arrived(notification) {
  if (items.some((n) => n.id === notification.id && isMessage(n) === isMessage(notification))) return;
  items = [notification, ...items].slice(0, 50);
  unseen += 1;
  draw();
  document.getElementById('inbox-live').textContent = describe(notification);
}

/** Shows the inbox of the logged-in staff member and listens for new notifications; once per login. */
export async function startInbox() {
  if (source || starting) return;
  starting = true;
  const b = button();
  b.hidden = false;
  if (!b.dataset.wired) {
    b.dataset.wired = 'yes';
    b.addEventListener('click', () => toggle(panel().hidden));
    panel().addEventListener('keydown', (e) => { if (e.key === 'Escape') { toggle(false); b.focus(); } });
  }
  // Messages only when the messages are there (a console of an older CivicDesk has the notifications alone).
  const [notifications, messages] = await Promise.all([get('/notifications?limit=50').catch(() => []),
    get('/messages?limit=50').catch(() => [])]);
  const me = account() && account().username;
  items = [...notifications, ...messages.filter((m) => m.sender !== me)]
    .sort((a, b) => new Date(at(b)) - new Date(at(a))).slice(0, 50);
  draw();
  starting = false;
  source = new EventSource(STREAM, {withCredentials: true});
  source.addEventListener('notification', (e) => arrived(JSON.parse(e.data)));
  source.addEventListener('message', (e) => {
    const message = JSON.parse(e.data);
    arrived(message);
    window.dispatchEvent(new CustomEvent(MESSAGE_ARRIVED, {detail: message}));
  });
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
