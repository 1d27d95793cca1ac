// The staff directory (R22): who works where, how to reach them, and where they are now by the phone and the console.
import {get} from '../api.js';
import {h} from '/web/dom.js';
import {t} from '../i18n.js';
import {account} from '../session.js';
import {writeTo} from './messages.js';

/** Where someone is now, in words: the phone queue's state first, else whether they are in the console. */
export function presenceLine(presence, tr) {
  const parts = [];
  if (presence && presence.phone) parts.push(`${tr('phone.title')}: ${tr('phone.presences.' + presence.phone)}`);
  if (presence && presence.console) parts.push(tr('directory.online'));
  return parts.length ? parts.join(' · ') : tr('directory.away');
}

export async function directoryScreen() {
  const people = await get('/staff/directory');
  const me = account().username;
  return h('div', {},
    h('h1', {}, t('directory.title')),
    h('div', {class: 'panel'}, h('table', {id: 'directory-table'},
      h('tr', {}, [t('name'), t('department'), t('directory.roles'), t('phone.extension'), 'E-mail', t('directory.now'),
        t('messages.menu')]
        .map((c) => h('th', {scope: 'col'}, c))),
      people.map((p) => h('tr', {dataset: {user: p.username}},
        h('td', {}, p.name || p.username), h('td', {}, p.departmentName || p.department || '—'),
        h('td', {}, p.roles.map((r) => t('directory.roleNames.' + r)).join(', ')), h('td', {}, p.extension || '—'),
        h('td', {}, p.email ? h('a', {href: `mailto:${p.email}`}, p.email) : '—'),
        h('td', {class: 'presence'}, presenceLine(p.presence, t)),
        h('td', {}, p.username === me ? null : h('button', {type: 'button', class: 'write', onclick: () => writeTo(p.username),
          'aria-label': `${t('messages.write')}: ${p.name || p.username}`}, t('messages.write'))))))));
}
