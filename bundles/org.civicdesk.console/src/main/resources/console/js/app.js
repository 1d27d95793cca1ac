// The console's shell: who is logged in, the menu, the language, the routes and the status line.
import {get, api, whenUnauthorized} from './api.js';
import {h, mount} from '/web/dom.js';
import {t, lang, setLang} from './i18n.js';
import {loginScreen} from './screens/login.js';
import {callDeskScreen} from './screens/calldesk.js';
import {requestsScreen, requestDetailScreen} from './screens/requests.js';
import {adminScreen} from './screens/admin.js';
import {noticesScreen} from './screens/notices.js';
import {callsScreen} from './screens/calls.js';
import {watchForCallers} from './phone.js';

const ROOT = '/console';
const main = document.getElementById('main');
const session = {account: null};

const ROUTES = [
  {pattern: /^\/?$/, key: 'callDesk', screen: callDeskScreen, path: '/'},
  {pattern: /^\/requests\/?$/, key: 'requests', screen: requestsScreen, path: '/requests'},
  {pattern: /^\/requests\/(\d{4})\/(\d{1,9})$/, screen: requestDetailScreen},
  {pattern: /^\/calls\/?$/, key: 'callLog', screen: callsScreen, path: '/calls', roles: ['admin', 'supervisor']},
  {pattern: /^\/notices\/?$/, key: 'notices', screen: noticesScreen, path: '/notices', roles: ['admin', 'supervisor']},
  {pattern: /^\/admin\/?$/, key: 'admin', screen: adminScreen, path: '/admin', roles: ['admin', 'supervisor']}
];

/** Shows a message on the status line (read out by screen readers). */
export function say(message, kind = 'ok') {
  const status = document.getElementById('status');
  status.className = 'status ' + kind;
  status.textContent = message || '';
}

export function sayError(error) {
  say(error && error.message ? error.message : String(error), 'error');
}

export function navigate(path) {
  history.pushState({}, '', ROOT + path);
  render();
}

export function account() { return session.account; }

export function hasRole(...roles) {
  const mine = session.account ? session.account.roles.map((r) => r.toLowerCase()) : [];
  return roles.some((r) => mine.includes(r));
}

function currentPath() {
  const p = location.pathname.startsWith(ROOT) ? location.pathname.slice(ROOT.length) : '/';
  return p || '/';
}

function renderChrome() {
  document.getElementById('lang-label').textContent = t('language');
  document.querySelector('.skip').textContent = t('skip');
  const logout = document.getElementById('logout');
  logout.textContent = t('logout');
  logout.hidden = !session.account;
  document.getElementById('who').textContent = session.account
    ? `${session.account.displayName} (${session.account.roles.join(', ').toLowerCase()})` : '';
  const nav = document.getElementById('nav');
  const path = currentPath();
  mount(nav, session.account ? ROUTES.filter((r) => r.key && (!r.roles || hasRole(...r.roles))).map((r) =>
    h('a', {href: ROOT + r.path, 'aria-current': r.pattern.test(path) ? 'page' : null,
      onclick: (e) => { e.preventDefault(); navigate(r.path); }}, t(r.key))) : []);
}

export async function render() {
  renderChrome();
  if (session.account) watchForCallers(() => currentPath() === '/', () => navigate('/'));
  if (!session.account) {
    mount(main, loginScreen(async (account) => { session.account = account; say(''); await render(); }));
    return;
  }
  const path = currentPath();
  const route = ROUTES.find((r) => r.pattern.test(path)) || ROUTES[0];
  const args = path.match(route.pattern).slice(1);
  try {
    mount(main, await route.screen(...args));
  } catch (e) {
    sayError(e);
  }
  main.focus();
}

async function start() {
  setLang(lang());
  const select = document.getElementById('lang');
  select.value = lang();
  select.addEventListener('change', () => { setLang(select.value); render(); });
  document.getElementById('logout').addEventListener('click', async () => {
    await api('DELETE', '/session').catch(() => {});
    session.account = null;
    history.pushState({}, '', ROOT + '/');
    render();
  });
  whenUnauthorized(() => {
    if (session.account) { session.account = null; say(t('sessionEnded'), 'error'); render(); }
  });
  window.addEventListener('popstate', render);
  try {
    session.account = await get('/me');
  } catch {
    session.account = null;
  }
  render();
}

start();
