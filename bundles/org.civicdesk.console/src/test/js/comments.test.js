// Who reads a comment on a request, and what a status change sends.
import {test} from 'node:test';
import assert from 'node:assert/strict';

const {isPublicComment, statusChangeBody} = await import('../../main/resources/console/js/comments.js');

test('a status change and a reply reach the citizen; other comments are staff notes', () => {
  assert.equal(isPublicComment('status_changed'), true);
  assert.equal(isPublicComment('replied'), true);
  assert.equal(isPublicComment('commented'), false);
  assert.equal(isPublicComment('assigned'), false);
  assert.equal(isPublicComment('attachment_added'), false);
});

test('a comment goes with a status change only once the operator chose who reads it', () => {
  assert.deepEqual(statusChangeBody('resolved', '  ', null), {kind: 'status', status: 'resolved'});
  assert.equal(statusChangeBody('resolved', 'Am astupat groapa.', null), null);
  assert.equal(statusChangeBody('resolved', 'Am astupat groapa.', 'everyone'), null);
  assert.deepEqual(statusChangeBody('resolved', ' Am astupat groapa. ', 'public'),
    {kind: 'status', status: 'resolved', comment: 'Am astupat groapa.', visibility: 'public'});
  assert.deepEqual(statusChangeBody('in_progress', 'Echipa pleacă mâine', 'internal'),
    {kind: 'status', status: 'in_progress', comment: 'Echipa pleacă mâine', visibility: 'internal'});
});
