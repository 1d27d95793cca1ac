// Messages between staff (R22): write to a colleague or a whole department, optionally about a request, and read what
// was sent and received. A message that arrives while the screen is open is pushed by the server (the inbox's
// stream) and shown at once.
import {get, post} from '../api.js';
import {h, field} from '/web/dom.js';
import {t, when} from '../i18n.js';
import {account} from '../session.js';
import {ROOT, say, sayError, navigate, redraw} from '../ui.js';
import {MESSAGE_ARRIVED} from '../inbox.js';

/** Whom a message went to, in words: the colleague's or the department's name as the directory has them. */
export function addressee(message, names, tr) {
  if (message.toDepartment) return `${tr('messages.department')} ${names.departments[message.toDepartment] || message.toDepartment}`;
  return names.people[message.toUsername] || message.toUsername;
}

/** The names the directory gives people and departments, by user name and by code. */
export function namesOf(people) {
  const names = {people: {}, departments: {}};
  for (const p of people) {
    names.people[p.username] = p.name || p.username;
    if (p.department) names.departments[p.department] = p.departmentName || p.department;
  }
  return names;
}

function messageItem(m, names, me, replyTo) {
  const mine = m.sender === me;
  return h('li', {class: mine ? 'message sent' : 'message received', dataset: {id: String(m.id)}},
    h('p', {class: 'message-head'},
      h('strong', {}, mine ? t('messages.you') : (m.senderName || m.sender)), ' → ', addressee(m, names, t),
      ' · ', h('span', {class: 'muted'}, when(m.sentAt)),
      m.requestNumber ? [' · ', h('a', {href: `${ROOT}/requests/${m.requestNumber}`, onclick: (e) => {
        e.preventDefault();
        navigate('/requests/' + m.requestNumber);
      }}, `${t('messages.about')} ${m.requestNumber}`)] : null),
    h('p', {class: 'message-body'}, m.body),
    mine ? null : h('button', {type: 'button', class: 'reply', onclick: () => replyTo(m)}, t('messages.reply')));
}

export async function messagesScreen() {
  const me = account().username;
  const [people, messages] = await Promise.all([get('/staff/directory'), get('/messages?limit=100')]);
  const names = namesOf(people);
  const to = h('select', {required: true},
    h('option', {value: ''}, t('messages.choose')),
    h('optgroup', {label: t('messages.people')}, people.filter((p) => p.username !== me)
      .map((p) => h('option', {value: 'user:' + p.username}, names.people[p.username]))),
    h('optgroup', {label: t('messages.departments')}, Object.entries(names.departments)
      .sort((a, b) => a[1].localeCompare(b[1])).map(([code, name]) => h('option', {value: 'department:' + code}, name))));
  to.value = new URLSearchParams(location.search).get('to') || '';
  const about = h('input', {type: 'text', maxlength: 20, placeholder: '2026/000123', autocomplete: 'off'});
  const body = h('textarea', {required: true, maxlength: 2000, rows: 3});
  const list = h('ul', {id: 'messages-list', class: 'messages'}, messages.map((m) => messageItem(m, names, me, replyTo)));
  function replyTo(m) {
    to.value = 'user:' + m.sender;
    if (m.requestNumber) about.value = m.requestNumber;
    body.focus();
  }
  const arrived = (e) => {
    if (!list.isConnected) { window.removeEventListener(MESSAGE_ARRIVED, arrived); return; }
    if (list.querySelector(`[data-id="${e.detail.id}"]`)) return;
    document.getElementById('messages-none')?.remove();
    list.prepend(messageItem(e.detail, names, me, replyTo));
  };
  window.addEventListener(MESSAGE_ARRIVED, arrived);
  const form = h('form', {id: 'message-form', onsubmit: async (e) => {
    e.preventDefault();
    const [kind, target] = to.value.split(/:(.*)/s);
    try {
      await post('/messages', {toUsername: kind === 'user' ? target : null, toDepartment: kind === 'department' ? target : null,
        requestNumber: about.value.trim() || null, body: body.value});
      say(t('messages.sent'));
      await redraw();
    } catch (err) { sayError(err); }
  }}, h('h2', {}, t('messages.new')),
  h('div', {class: 'row'}, field('message-to', t('messages.to'), to), field('message-about', t('messages.aboutRequest'), about)),
  field('message-body', t('messages.text'), body),
  h('div', {class: 'row'}, h('button', {type: 'submit', id: 'message-send'}, t('messages.send'))));
  return h('div', {}, h('h1', {}, t('messages.title')),
    h('div', {class: 'panel'}, form),
    h('div', {class: 'panel'}, h('h2', {}, t('messages.list')),
      messages.length === 0 ? h('p', {class: 'muted', id: 'messages-none'}, t('messages.none')) : null, list));
}

/** Opens the messages screen with a colleague chosen: the directory's "write" button. */
export function writeTo(username) {
  navigate('/messages?to=' + encodeURIComponent('user:' + username));
}
