// The call log's rows: the phone's calls and the console's other contacts, one row each, in time order.
import {test} from 'node:test';
import assert from 'node:assert/strict';

globalThis.document = {documentElement: {}};
const {callLogRows} = await import('../../main/resources/console/js/screens/calls.js');

test('a contact taken in the console is a row of its own; one the phone queue put through is the call\'s row', () => {
  const calls = [{callId: 'c1', startedAt: '2026-12-05T09:00:00Z', interactionId: 'i-phone'}];
  const contacts = [
    {id: 'i-desk', channel: 'desk', startedAt: '2026-12-05T08:30:00Z'},
    {id: 'i-phone', channel: 'phone', startedAt: '2026-12-05T09:00:05Z'},
    {id: 'i-mail', channel: 'email', startedAt: '2026-12-05T10:00:00Z'},
  ];
  const rows = callLogRows(calls, contacts);
  assert.deepEqual(rows.map((r) => (r.kind === 'call' ? r.call.callId : r.contact.id)), ['i-desk', 'c1', 'i-mail']);
});

test('without the phone channel every contact is still in the log', () => {
  assert.equal(callLogRows([], [{id: 'a', startedAt: '2026-12-05T08:00:00Z'}]).length, 1);
});
