// The supervisors' wallboard: the call centre now, pushed by the server (server-sent events) whenever it changes.
// Only the waiting time counts up here, from the instant the server gave: the screen never asks again.
import {h, mount} from '/web/dom.js';
import {t} from '../i18n.js';

const STREAM = '/api/v1/phone/wallboard/stream';

/** Seconds as m:ss, or h:mm:ss from an hour. */
export function clock(totalSeconds) {
  if (totalSeconds === null || totalSeconds === undefined) return '—';
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** Whether today's service level meets its target; null before the first call. */
export function targetMet(today) {
  if (!today || today.serviceLevel === null || today.serviceLevel === undefined) return null;
  return today.serviceLevel >= today.targetPercent;
}

const since = (instant, now) => (instant ? (now - Date.parse(instant)) / 1000 : null);

function tile(id, label, value, kind) {
  return h('div', {class: 'tile' + (kind ? ' ' + kind : ''), id},
    h('div', {class: 'tile-value'}, value), h('div', {class: 'tile-label'}, label));
}

function draw(holder, view, now) {
  const met = targetMet(view.today);
  // The API leaves out what it does not know yet (no call offered today: no service level).
  const known = typeof view.today.serviceLevel === 'number';
  const level = known ? `${view.today.serviceLevel.toLocaleString()} %` : '—';
  mount(holder,
    h('div', {class: 'tiles'},
      tile('wb-waiting', t('wallboard.waiting'), String(view.waiting), view.waiting > 0 ? 'warn' : null),
      tile('wb-longest', t('wallboard.longestWait'), clock(since(view.oldestWaiting, now))),
      tile('wb-available', t('phone.presences.available'), String(view.presence.available || 0)),
      tile('wb-on-call', t('phone.presences.on_call'), String(view.presence.on_call || 0)),
      tile('wb-wrap-up', t('phone.presences.wrap_up'), String(view.presence.wrap_up || 0)),
      tile('wb-break', t('phone.presences.break'), String(view.presence.break || 0)),
      tile('wb-service-level', t('wallboard.serviceLevel', {target: view.today.targetPercent,
        seconds: view.today.answerSeconds}), level, met === false ? 'warn' : met ? 'ok' : null)),
    h('p', {}, t('wallboard.today', {offered: view.today.offered, answered: view.today.answered,
      abandoned: view.today.abandoned})),
    view.operators.length
      ? h('table', {id: 'wb-operators'},
        h('caption', {}, t('wallboard.operators')),
        h('tr', {}, [t('wallboard.operator'), t('phone.presence'), t('wallboard.for')].map((c) => h('th', {scope: 'col'}, c))),
        view.operators.map((o) => h('tr', {},
          h('td', {}, o.username), h('td', {}, t('phone.presences.' + o.presence)),
          h('td', {}, clock(since(o.since, now))))))
      : h('p', {class: 'muted'}, t('wallboard.noOperators')));
}

export async function wallboardScreen() {
  const status = h('p', {class: 'muted', id: 'wb-status', role: 'status'}, t('wallboard.connecting'));
  // Figures change every second; screen readers hear the status line, not every tick.
  const holder = h('div', {id: 'wallboard'});
  const root = h('div', {}, h('h1', {}, t('wallboard.title')), status, holder);
  let view = null;
  const source = new EventSource(STREAM, {withCredentials: true});
  const ticking = setInterval(() => {
    if (!root.isConnected) { source.close(); clearInterval(ticking); return; }
    if (view) draw(holder, view, Date.now());
  }, 1000);
  source.addEventListener('wallboard', (e) => {
    view = JSON.parse(e.data);
    status.textContent = t('wallboard.live');
    draw(holder, view, Date.now());
  });
  source.addEventListener('error', () => { status.textContent = t('wallboard.reconnecting'); });
  return root;
}
