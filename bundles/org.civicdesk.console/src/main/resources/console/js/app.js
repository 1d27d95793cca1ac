// The console's shell: login and logout, the menu, the language, and which screen an address shows. It imports
// the screens; they reach the status line, navigation and the session through helper modules, never through it.
import {get, api, query, whenUnauthorized, whenAgreementRequired} from './api.js';
import {h, mount} from '/web/dom.js';
import {t, lang, setLang} from './i18n.js';
import {account, setAccount, hasRole} from './session.js';
import {ROOT, say, sayError, currentPath, navigate, drawWith} from './ui.js';
import {loginScreen} from './screens/login.js';
import {agreementScreen} from './screens/agreement.js';
import {callDeskScreen} from './screens/calldesk.js';
import {requestsScreen, requestDetailScreen, overdueScreen} from './screens/requests.js';
import {adminScreen} from './screens/admin.js';
import {noticesScreen} from './screens/notices.js';
import {callsScreen} from './screens/calls.js';
import {reportsScreen} from './screens/reports.js';
import {wallboardScreen} from './screens/wallboard.js';
import {directoryScreen} from './screens/directory.js';
import {messagesScreen} from './screens/messages.js';
import {shiftsScreen} from './screens/shifts.js';
import {watchForCallers} from './phone.js';
import {startInbox, stopInbox, redrawInbox} from './inbox.js';

const main = document.getElementById('main');

const ROUTES = [
  {pattern: /^\/?$/, key: 'callDesk', screen: callDeskScreen, path: '/'},
  {pattern: /^\/requests\/?$/, key: 'requests', screen: requestsScreen, path: '/requests'},
  {pattern: /^\/requests\/(\d{4})\/(\d{1,9})$/, screen: requestDetailScreen},
  {pattern: /^\/overdue\/?$/, key: 'overdueView', screen: overdueScreen, path: '/overdue', roles: ['admin', 'supervisor']},
  {pattern: /^\/directory\/?$/, key: 'directory.menu', screen: directoryScreen, path: '/directory',
    roles: ['admin', 'supervisor', 'operator', 'employee']},
  {pattern: /^\/messages\/?$/, key: 'messages.menu', screen: messagesScreen, path: '/messages',
    roles: ['admin', 'supervisor', 'operator', 'employee']},
  {pattern: /^\/shifts\/?$/, key: 'shifts.menu', screen: shiftsScreen, path: '/shifts',
    roles: ['admin', 'supervisor', 'operator', 'employee']},
  {pattern: /^\/calls\/?$/, key: 'callLog', screen: callsScreen, path: '/calls', roles: ['admin', 'supervisor']},
  {pattern: /^\/wallboard\/?$/, key: 'wallboardMenu', screen: wallboardScreen, path: '/wallboard', roles: ['admin', 'supervisor']},
  {pattern: /^\/reports\/?$/, key: 'reports', screen: reportsScreen, path: '/reports', roles: ['admin', 'supervisor', 'dpo']},
  {pattern: /^\/notices\/?$/, key: 'notices', screen: noticesScreen, path: '/notices', roles: ['admin', 'supervisor']},
  {pattern: /^\/admin\/?$/, key: 'admin', screen: adminScreen, path: '/admin', roles: ['admin', 'supervisor']}
];

function renderChrome() {
  const me = account();
  document.getElementById('lang-label').textContent = t('language');
  document.querySelector('.skip').textContent = t('skip');
  const logout = document.getElementById('logout');
  logout.textContent = t('logout');
  logout.hidden = !me;
  document.getElementById('who').textContent = me
    ? `${me.displayName} (${me.roles.join(', ').toLowerCase()})` : '';
  const nav = document.getElementById('nav');
  const path = currentPath();
  mount(nav, me ? ROUTES.filter((r) => r.key && (!r.roles || hasRole(...r.roles))).map((r) =>
    h('a', {href: ROOT + r.path, 'aria-current': r.pattern.test(path) ? 'page' : null,
      onclick: (e) => { e.preventDefault(); navigate(r.path); }}, t(r.key))) : []);
}

/** Whether the logged-in staff member has accepted the confidentiality agreement in force; asked once a session. */
let agreed = false;

/** Shows the agreement instead of any screen until it is accepted: no citizen data before (R20). */
async function agreementAccepted() {
  if (agreed) return true;
  const agreement = await get('/me/agreement' + query({lang: lang()}));
  if (agreement.accepted) {
    agreed = true;
    return true;
  }
  stopInbox();
  mount(main, agreementScreen(agreement, () => { agreed = true; say(''); render(); }));
  return false;
}

async function render() {
  renderChrome();
  if (!account()) {
    stopInbox();
    mount(main, loginScreen(async (loggedIn) => { setAccount(loggedIn); agreed = false; say(''); await render(); }));
    return;
  }
  try {
    if (!(await agreementAccepted())) return;
  } catch (e) {
    sayError(e);
    return;
  }
  watchForCallers(() => currentPath() === '/', () => navigate('/'));
  startInbox();
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
  drawWith(render);
  setLang(lang());
  const select = document.getElementById('lang');
  select.value = lang();
  select.addEventListener('change', () => { setLang(select.value); redrawInbox(); render(); });
  document.getElementById('logout').addEventListener('click', async () => {
    await api('DELETE', '/session').catch(() => {});
    setAccount(null);
    agreed = false;
    history.pushState({}, '', ROOT + '/');
    render();
  });
  whenUnauthorized(() => {
    if (account()) { setAccount(null); say(t('sessionEnded'), 'error'); render(); }
  });
  whenAgreementRequired(() => {
    if (agreed) { agreed = false; render(); }
  });
  window.addEventListener('popstate', render);
  try {
    setAccount(await get('/me'));
  } catch {
    setAccount(null);
  }
  render();
}

start();
