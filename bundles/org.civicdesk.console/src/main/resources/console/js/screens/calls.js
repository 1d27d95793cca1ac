// The call log (supervisors): every call of a day, whatever became of it.
import {get, query} from '../api.js';
import {h, mount, field} from '/web/dom.js';
import {t, when} from '../i18n.js';
import {sayError} from '../ui.js';

const seconds = (s) => (s === undefined || s === null ? '—' : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`);

function callsTable(calls) {
  return h('table', {id: 'calls-table'},
    h('tr', {}, [t('calls.started'), t('calls.caller'), t('calls.path'), t('calls.wait'), t('calls.answeredBy'), t('calls.talk'),
      t('calls.outcome'), t('requests'), t('calls.recording')].map((c) => h('th', {scope: 'col'}, c))),
    calls.map((c) => h('tr', {class: c.abandoned ? 'overdue' : null},
      h('td', {}, when(c.startedAt)), h('td', {}, c.caller || '—'), h('td', {}, (c.path || []).join(' › ')),
      h('td', {}, seconds(c.queueSeconds)), h('td', {}, c.answeredBy || '—'), h('td', {}, seconds(c.talkSeconds)),
      h('td', {}, c.abandoned ? t('calls.abandoned') : c.callbackRequested ? t('calls.callback')
        : c.answeredBy ? t('calls.answered') : c.endedAt ? t('calls.robot') : t('calls.ongoing')),
      h('td', {}, (c.requests || []).map((n) => h('a', {href: `/console/requests/${n}`}, n, ' '))),
      // Listening is audited: the audio is fetched only when played.
      h('td', {}, c.recorded ? h('audio', {controls: true, preload: 'none', 'aria-label': `${t('calls.recording')} ${when(c.startedAt)}`,
        src: `/api/v1/phone/calls/${encodeURIComponent(c.callId)}/recording`}) : '—'))));
}

export async function callsScreen() {
  const dayInput = h('input', {type: 'date', value: new Date().toISOString().slice(0, 10)});
  const holder = h('div', {'aria-live': 'polite'});
  const load = async (e) => {
    if (e) e.preventDefault();
    const from = new Date(dayInput.value + 'T00:00:00');
    const to = new Date(from.getTime() + 24 * 3600 * 1000);
    try {
      const calls = await get('/phone/calls' + query({from: from.toISOString(), to: to.toISOString()}));
      mount(holder, calls.length ? callsTable(calls) : h('p', {class: 'muted'}, t('none')));
    } catch (err) {
      if (err.status === 404) mount(holder, h('p', {class: 'muted'}, t('calls.noPhone')));
      else sayError(err);
    }
  };
  await load();
  return h('div', {}, h('h1', {}, t('calls.title')),
    h('form', {class: 'row', onsubmit: load}, field('calls-day', t('calls.day'), dayInput),
      h('button', {type: 'submit', id: 'calls-show'}, t('search'))),
    h('div', {class: 'panel'}, holder));
}
