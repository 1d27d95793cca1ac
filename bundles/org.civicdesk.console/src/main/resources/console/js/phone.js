// The phone line on the call desk: the operator's presence in the queue, colleagues', the caller the
// queue puts through (popped up with who they are and an interaction already started), transfers and
// call-backs. Shown only while the phone channel is installed.
import {get, post, api} from './api.js';
import {h, mount, field} from '/web/dom.js';
import {t, when} from './i18n.js';
import {say, sayError, navigate} from './ui.js';
import {account, hasRole} from './session.js';
import {typeName, statusName} from './request-types.js';

const PRESENCES = ['available', 'wrap_up', 'break', 'logged_out'];
const POLL_MS = 3000;
let timer = null;
let watcher = null;

/**
 * While the operator works on another screen, a caller the queue puts through brings them back to the call desk,
 * where the phone panel pops the caller up. Stops by itself when the phone channel is not installed.
 */
export function watchForCallers(onCallDesk, goToCallDesk) {
  if (watcher) return;
  let seen = null;
  watcher = setInterval(async () => {
    if (onCallDesk()) return;
    try {
      const desk = await get('/phone/desk');
      if (desk && desk.callId !== seen) {
        seen = desk.callId;
        goToCallDesk();
      }
    } catch (err) {
      if (err.status === 404 || err.status === 401) { clearInterval(watcher); watcher = null; }
    }
  }, POLL_MS);
}

/**
 * The phone panel, or null when the phone channel is not installed. {@code onCaller(desk)} is called once per
 * call the queue puts through to this operator.
 */
export async function phonePanel(onCaller) {
  if (timer) { clearInterval(timer); timer = null; }
  let queue;
  try {
    queue = await get('/phone/agents');
  } catch {
    return null;
  }
  const panel = h('section', {class: 'panel', id: 'phone-panel', 'aria-labelledby': 'phone-title'});
  const presence = h('select', {}, PRESENCES.map((p) => h('option', {value: p}, t('phone.presences.' + p))));
  const extension = h('input', {type: 'text', inputmode: 'numeric', pattern: '[0-9]{2,8}', size: 6, maxlength: 8});
  const colleague = h('input', {type: 'text', maxlength: 100, autocomplete: 'off'});
  let lastCall = null;
  let callbacks = [];

  const me = () => queue.agents.find((a) => a.username === account().username);

  async function setPresence(e) {
    if (e) e.preventDefault();
    try {
      await api('PUT', '/phone/agents/me', {presence: presence.value, extension: extension.value || null});
      say(t('phone.presences.' + presence.value));
      await refresh();
    } catch (err) { sayError(err); }
  }

  async function transferTo(username) {
    try {
      await post('/phone/desk/transfer', {to: username});
      say(t('phone.transferred'));
      await refresh();
    } catch (err) { sayError(err); }
  }

  function transfer(e) {
    e.preventDefault();
    transferTo(colleague.value.trim());
  }

  // A call-back about a request is made with the request open in front of the operator (R8).
  async function callBack(c) {
    try {
      await post(`/phone/callbacks/${c.id}/dial`); say(t('phone.dialling'));
      if (c.requestNumber) navigate(`/requests/${c.requestNumber}`); else await refresh();
    } catch (err) { sayError(err); }
  }

  async function closeCallBack(id, outcome) {
    try { await post(`/phone/callbacks/${id}/done`, {outcome}); await refresh(); } catch (err) { sayError(err); }
  }

  // The forms stay put while the lists around them refresh: typing is never interrupted by the polling.
  const stateLine = h('p', {id: 'phone-state'});
  const transferForm = h('form', {class: 'row', onsubmit: transfer, hidden: true},
    field('phone-transfer-to', t('phone.transferTo'), colleague), h('button', {type: 'submit', id: 'phone-transfer'}, t('phone.transfer')));
  const callerLines = h('div', {});
  const callerBox = h('div', {class: 'readout', id: 'phone-caller', role: 'status', hidden: true}, callerLines, transferForm);
  const agentsList = h('ul', {id: 'phone-agents'});
  const callbacksBox = h('div', {id: 'phone-callbacks'});
  mount(panel, h('h2', {id: 'phone-title'}, t('phone.title')), stateLine,
    h('form', {class: 'row', onsubmit: setPresence}, field('phone-presence', t('phone.presence'), presence),
      field('phone-extension', t('phone.extension'), extension), h('button', {type: 'submit', id: 'phone-set'}, t('phone.set'))),
    callerBox, h('h3', {}, t('phone.colleagues')), agentsList,
    hasRole('operator', 'supervisor', 'admin') ? [h('h3', {}, t('phone.callbacks')), callbacksBox] : null);

  function render(desk) {
    const mine = me();
    if (mine && document.activeElement !== presence) presence.value = mine.presence === 'on_call' ? 'wrap_up' : mine.presence;
    if (mine && mine.extension && !extension.value) extension.value = mine.extension;
    mount(stateLine, `${t('phone.me')}: `, h('strong', {}, t('phone.presences.' + (mine ? mine.presence : 'logged_out'))),
      ` · ${t('phone.waiting')}: `, h('strong', {id: 'phone-waiting'}, String(queue.waiting)),
      queue.exchangeConnected ? null : ` · ${t('phone.noExchange')}`);
    callerBox.hidden = !desk;
    transferForm.hidden = !desk || !mine || mine.presence !== 'on_call';
    mount(callerLines, desk ? [h('p', {}, `${t('phone.caller')}: `, h('strong', {}, desk.caller || t('phone.hidden'))),
      h('p', {}, desk.verified ? t('phone.verifiedByPin') : desk.citizenId ? t('phone.matchedByNumber')
        : desk.matches > 1 ? t('phone.severalMatches') : t('phone.unknownCaller')),
      desk.openRequests.length ? [h('h3', {}, t('phone.openRequests')), h('ul', {id: 'phone-open-requests'},
        desk.openRequests.map((r) => h('li', {}, h('a', {href: `/console/requests/${r.number}`}, r.number), ` · ${typeName(r.type)} · ${statusName(r.type, r.status)}`,
          r.assignee && !transferForm.hidden ? [' ', h('button', {type: 'button', class: 'secondary', dataset: {to: r.assignee},
            onclick: () => transferTo(r.assignee)}, `${t('phone.transfer')}: ${r.assignee}`)] : null)))] : null] : null);
    mount(agentsList, queue.agents.map((a) => h('li', {}, `${a.name} · ${t('phone.presences.' + a.presence)} · ${when(a.since)}`
      + (a.extension ? ` · ${a.extension}` : '') + (a.phoneState ? ` (${a.phoneState})` : ''))));
    const outcomes = (c) => c.requestNumber ? ['reached', 'no_answer', 'retry'].map((o) => [' ',
      h('button', {type: 'button', class: 'secondary', onclick: () => closeCallBack(c.id, o)}, t('callbackOutcomes.' + o))])
      : [' ', h('button', {type: 'button', class: 'secondary', onclick: () => closeCallBack(c.id, 'done')}, t('phone.done'))];
    mount(callbacksBox, callbacks.length ? h('ul', {}, callbacks.map((c) => h('li', {class: 'callback'},
      c.requestNumber ? [h('a', {href: `/console/requests/${c.requestNumber}`}, c.requestNumber), ' · '] : null,
      `${c.number} · ${when(c.dueFrom || c.requestedAt)}${c.dueTo ? ' – ' + when(c.dueTo) : ''} · ${c.language}`,
      c.note ? h('div', {class: 'muted'}, c.note) : null,
      ' ', h('button', {type: 'button', onclick: () => callBack(c)}, t('phone.callBack')), outcomes(c))))
      : h('p', {class: 'muted'}, t('none')));
  }

  async function refresh() {
    try {
      const [agents, desk] = await Promise.all([get('/phone/agents'), get('/phone/desk')]);
      queue = agents;
      if (hasRole('operator', 'supervisor', 'admin')) callbacks = await get('/phone/callbacks').catch(() => []);
      render(desk);
      if (desk && desk.callId !== lastCall) {
        lastCall = desk.callId;
        say(t('phone.incoming'));
        onCaller(desk);
      }
    } catch (err) {
      if (err.status === 404) { clearInterval(timer); timer = null; mount(panel); }
    }
  }

  render(null);
  await refresh();
  timer = setInterval(() => { if (document.getElementById('phone-panel')) refresh(); else clearInterval(timer); }, POLL_MS);
  return panel;
}
