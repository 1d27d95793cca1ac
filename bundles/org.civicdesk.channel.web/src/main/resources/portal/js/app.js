// The citizens' portal: a single page whose screens follow the address (/portal/report, /portal/follow/2026-000123, …).
// This shell imports the screens; they reach the status line and navigation through ui.js, never through it.
import {h, mount} from '/web/dom.js';
import {t, lang, setLang, day} from './i18n.js';
import {reportScreen} from './screens/report.js';
import {followScreen} from './screens/follow.js';
import {reportsScreen} from './screens/reports.js';
import {helpScreen} from './screens/help.js';
import {pollsScreen} from './screens/polls.js';
import {appointmentsScreen} from './screens/appointments.js';
import {api} from './api.js';
import {say, go, showWith} from './ui.js';

const main = document.getElementById('main');
const SCREENS = [
  {path: 'report', label: 'report', show: reportScreen},
  {path: 'follow', label: 'follow', show: followScreen},
  {path: 'reports', label: 'reports', show: reportsScreen},
  {path: 'help', label: 'help', show: helpScreen},
  {path: 'polls', label: 'polls', show: pollsScreen},
  {path: 'appointments', label: 'appointments', show: appointmentsScreen},
];

async function homeScreen(root) {
  const notices = h('section', {id: 'announcements', 'aria-labelledby': 'announcements-title'},
    h('h2', {id: 'announcements-title'}, t('announcements')));
  mount(root, h('h1', {}, t('title')), h('p', {}, t('homeIntro')),
    h('div', {class: 'tiles'}, SCREENS.map((s) => h('a', {href: `/portal/${s.path}`, onclick: (e) => { e.preventDefault(); go(s.path); }},
      h('strong', {}, t(s.label))))), notices);
  try {
    const current = await api('announcements');
    notices.append(current.length ? h('ul', {}, current.map((a) => h('li', {class: 'announcement'},
      h('p', {}, a.texts[lang()] || a.texts.ro), h('p', {class: 'hint'}, `${day(a.validFrom.slice(0, 10))} – ${day(a.validUntil.slice(0, 10))}`))))
      : h('p', {}, t('noAnnouncements')));
  } catch (err) { notices.append(h('p', {class: 'hint'}, err.message)); }
}

/**
 * The links e-mails carry, /portal/?track=CODE (follow the request) and /portal/?rate=CODE (and rate it), open the
 * request's tracking at once, with nothing to type; the address then names the follow screen, as a typed one does.
 */
function linked() {
  const query = new URLSearchParams(location.search);
  const code = (query.get('rate') || query.get('track') || '').trim().toUpperCase();
  if (!/^[A-Z0-9]{10}$/.test(code)) return {};
  history.replaceState(null, '', `/portal/follow/${code}`);
  return {rating: query.has('rate')};
}

function show(options = {}) {
  const [first, ...rest] = location.pathname.replace(/^\/portal\/?/, '').split('/');
  const screen = SCREENS.find((s) => s.path === first);
  document.title = `${t(screen ? screen.label : 'title')} — ${t('cityHall')}`;
  document.getElementById('skip').textContent = t('skip');
  document.getElementById('lang-label').textContent = t('language');
  document.getElementById('brand').textContent = t('cityHall');
  mount(document.getElementById('nav'), [{path: '', label: 'home'}, ...SCREENS].map((s) => h('a', {
    href: `/portal/${s.path}`, 'aria-current': (screen ? screen.path : '') === s.path ? 'page' : null,
    onclick: (e) => { e.preventDefault(); go(s.path); }}, t(s.label))));
  say('');
  main.focus();
  (screen ? screen.show : homeScreen)(main, rest.join('/'), options);
}

showWith(show);
const languages = document.getElementById('lang');
languages.value = lang();
setLang(lang());
languages.addEventListener('change', () => { setLang(languages.value); show(); });
window.addEventListener('popstate', () => show());
show(linked());
