// Who sees the reply form, what a reply sends, and how a message about a request reads in the list.
import {test} from 'node:test';
import assert from 'node:assert/strict';

globalThis.document = {documentElement: {}};
const {mayReply, replyBody, notificationLine, contractorOnly} = await import('../../main/resources/console/js/notifications.js');
const {t, setLang} = await import('../../main/resources/console/js/i18n.js');

test('whoever may change the request may reply; an operator or another employee may not', () => {
  const request = {assignee: 'ion.pop', department: 'roads'};
  assert.equal(mayReply({username: 'admin', roles: ['ADMIN']}, request), true);
  assert.equal(mayReply({username: 'sef', roles: ['SUPERVISOR']}, request), true);
  assert.equal(mayReply({username: 'ion.pop', roles: ['EMPLOYEE']}, request), true);
  assert.equal(mayReply({username: 'maria', roles: ['EMPLOYEE']}, request), false);
  assert.equal(mayReply({username: 'op', roles: ['OPERATOR']}, request), false);
  assert.equal(mayReply({username: 'op', roles: ['OPERATOR']}, {assignee: null}), false);
  assert.equal(mayReply(null, request), false);
});

test('a contractor works on its request but never writes to the citizen', () => {
  const request = {assignee: 'drumuri.sa'};
  assert.equal(mayReply({username: 'drumuri.sa', roles: ['CONTRACTOR']}, request), false);
  assert.equal(contractorOnly({username: 'drumuri.sa', roles: ['CONTRACTOR']}), true);
  assert.equal(contractorOnly({username: 'ion.pop', roles: ['EMPLOYEE', 'CONTRACTOR']}), false);
  assert.equal(contractorOnly(null), false);
});

test('a reply sends its text trimmed, and nothing when it is blank', () => {
  assert.deepEqual(replyBody('  Bună ziua,\nrevenim joi.  '), {kind: 'reply', text: 'Bună ziua,\nrevenim joi.'});
  assert.equal(replyBody('   \n '), null);
  assert.equal(replyBody(undefined), null);
});

test('a message reads as what it is, to whom and its state, with the reason while it is not sent', () => {
  setLang('en');
  assert.equal(notificationLine({template: 'reply', recipientKind: 'CITIZEN', state: 'SENT', attemptCount: 1, attempts: [{}]}, t),
    'Reply by e-mail · to the citizen · sent · Attempts: 1');
  assert.equal(notificationLine({template: 'reply', recipientKind: 'CONTACT', state: 'QUEUED', attemptCount: 2, attempts: [{}, {}],
    lastError: 'MailConnectException: no server'}, t),
  'Reply by e-mail · to the contact left · queued · Attempts: 2 — MailConnectException: no server');
  assert.equal(notificationLine({template: 'survey', recipientKind: 'CITIZEN', state: 'QUEUED', attemptCount: 0, attempts: []}, t),
    'survey · to the citizen · queued', 'a template the console does not know shows by its name');
  setLang('ro');
  assert.equal(notificationLine({template: 'citizen-reply', recipientKind: 'STAFF', state: 'FAILED', attemptCount: 8,
    lastError: 'no e-mail address'}, t), 'Răspunsul cetățeanului · către responsabil · netrimis · Încercări: 8 — no e-mail address');
});
