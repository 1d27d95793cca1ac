// The call log (supervisors): every call and every contact of a day, whatever became of it.
import {get, query} from '../api.js';
import {h, mount, field} from '/web/dom.js';
import {t, when} from '../i18n.js';
import {sayError} from '../ui.js';
import {loadChannels, channelName} from '../channels.js';

const seconds = (s) => (s === undefined || s === null ? '—' : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`);

const talkOf = (i) => (i.endedAt ? Math.round((Date.parse(i.endedAt) - Date.parse(i.startedAt)) / 1000) : null);

/** One row per contact, oldest first: the phone's calls, and every contact taken in the console that no call led to. */
export function callLogRows(calls, contacts) {
  const fromCalls = new Set(calls.map((c) => c.interactionId).filter(Boolean));
  return [
    ...calls.map((c) => ({kind: 'call', startedAt: c.startedAt, call: c})),
    ...contacts.filter((i) => !fromCalls.has(i.id)).map((i) => ({kind: 'contact', startedAt: i.startedAt, contact: i})),
  ].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
}

function callRow(c) {
  return h('tr', {class: c.abandoned ? 'overdue' : null},
    h('td', {}, when(c.startedAt)), h('td', {}, channelName('phone')), h('td', {}, c.caller || '—'),
    h('td', {}, (c.path || []).join(' › ')),
    h('td', {}, seconds(c.queueSeconds)), h('td', {}, c.answeredBy || '—'), h('td', {}, seconds(c.talkSeconds)),
    h('td', {}, c.abandoned ? t('calls.abandoned') : c.callbackRequested ? t('calls.callback')
      : c.answeredBy ? t('calls.answered') : c.endedAt ? t('calls.robot') : t('calls.ongoing')),
    h('td', {}, (c.requests || []).map((n) => h('a', {href: `/console/requests/${n}`}, n, ' '))),
    // Listening is audited: the audio is fetched only when played.
    h('td', {}, c.recorded ? h('audio', {controls: true, preload: 'none', 'aria-label': `${t('calls.recording')} ${when(c.startedAt)}`,
      src: `/api/v1/phone/calls/${encodeURIComponent(c.callId)}/recording`}) : '—'));
}

// A contact started in the console (front desk, e-mail, a phone call taken outside the queue): who took it and how it ended.
function contactRow(i) {
  return h('tr', {class: 'contact'},
    h('td', {}, when(i.startedAt)), h('td', {}, channelName(i.channel)), h('td', {}, '—'), h('td', {}, '—'),
    h('td', {}, '—'), h('td', {}, i.staff), h('td', {}, seconds(talkOf(i))),
    h('td', {}, i.outcome ? t('outcomes.' + i.outcome) : t('calls.ongoing')),
    h('td', {}, (i.requests || []).map((n) => h('a', {href: `/console/requests/${n}`}, n, ' '))),
    h('td', {}, '—'));
}

function callsTable(rows) {
  return h('table', {id: 'calls-table'},
    h('tr', {}, [t('calls.started'), t('channel'), t('calls.caller'), t('calls.path'), t('calls.wait'), t('calls.answeredBy'),
      t('calls.talk'), t('calls.outcome'), t('requests'), t('calls.recording')].map((c) => h('th', {scope: 'col'}, c))),
    rows.map((r) => (r.kind === 'call' ? callRow(r.call) : contactRow(r.contact))));
}

export async function callsScreen() {
  const dayInput = h('input', {type: 'date', value: new Date().toISOString().slice(0, 10)});
  const holder = h('div', {'aria-live': 'polite'});
  const load = async (e) => {
    if (e) e.preventDefault();
    const from = new Date(dayInput.value + 'T00:00:00');
    const to = new Date(from.getTime() + 24 * 3600 * 1000);
    const period = query({from: from.toISOString(), to: to.toISOString()});
    try {
      await loadChannels();
      // Without the phone channel the log still has every contact taken in the console.
      const [calls, contacts] = await Promise.all([
        get('/phone/calls' + period).catch((err) => { if (err.status === 404) return null; throw err; }),
        get('/interactions' + period)]);
      const rows = callLogRows(calls || [], contacts);
      mount(holder, calls ? null : h('p', {class: 'muted', id: 'calls-no-phone'}, t('calls.noPhone')),
        rows.length ? callsTable(rows) : h('p', {class: 'muted'}, t('none')));
    } catch (err) {
      sayError(err);
    }
  };
  await load();
  return h('div', {}, h('h1', {}, t('calls.title')),
    h('form', {class: 'row', onsubmit: load}, field('calls-day', t('calls.day'), dayInput),
      h('button', {type: 'submit', id: 'calls-show'}, t('search'))),
    h('div', {class: 'panel'}, holder));
}
