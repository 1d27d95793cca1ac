// Messages between colleagues: whom a message went to, and how the inbox tells one and where it leads.
import {test} from 'node:test';
import assert from 'node:assert/strict';

globalThis.document = {documentElement: {}};
const {addressee, namesOf} = await import('../../main/resources/console/js/screens/messages.js');
const {describe, requestPath} = await import('../../main/resources/console/js/inbox.js');
const {t, setLang} = await import('../../main/resources/console/js/i18n.js');

const people = [
  {username: 'ana', name: 'Ana Pop', department: 'roads', departmentName: 'Drumuri'},
  {username: 'dan', department: 'roads', departmentName: 'Drumuri'},
  {username: 'root', name: 'Admin'}
];

test('a message reads to whom it went: the colleague by name, a department by its name', () => {
  setLang('ro');
  const names = namesOf(people);
  assert.deepEqual(names.departments, {roads: 'Drumuri'});
  assert.equal(addressee({toUsername: 'ana'}, names, t), 'Ana Pop');
  assert.equal(addressee({toUsername: 'dan'}, names, t), 'dan');
  assert.equal(addressee({toDepartment: 'roads'}, names, t), 'compartimentul Drumuri');
  assert.equal(addressee({toDepartment: 'gone'}, names, t), 'compartimentul gone');
});

test('the inbox tells a message by its sender and its start, and leads to a reply', () => {
  setLang('en');
  const message = {id: 4, sender: 'ana', senderName: 'Ana Pop', body: 'x'.repeat(100), sentAt: '2026-12-05T10:00:00Z'};
  assert.equal(describe(message), `Message from Ana Pop: ${'x'.repeat(79)}…`);
  assert.equal(requestPath(message), '/messages?to=user%3Aana');
  assert.equal(requestPath({id: 4, template: 'assignment', requestNumber: '2026/000001'}), '/requests/2026/000001');
  setLang('ro');
  assert.equal(describe({sender: 'dan', body: 'Vino puțin'}), 'Mesaj de la dan: Vino puțin');
});
