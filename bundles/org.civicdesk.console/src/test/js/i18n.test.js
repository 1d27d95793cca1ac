// Every label exists in Romanian and English, and every label a screen asks for exists.
import {test} from 'node:test';
import {assertSameLabels, assertUsedLabelsDefined} from '../../../../org.civicdesk.web/src/test/js/labels.mjs';
import assert from 'node:assert/strict';
import {join, dirname} from 'node:path';
import {fileURLToPath} from 'node:url';

globalThis.document = {documentElement: {}};
const {MESSAGES, t, setLang} = await import('../../main/resources/console/js/i18n.js');
const JS = join(dirname(fileURLToPath(import.meta.url)), '../../main/resources/console/js');

test('Romanian and English have the same labels', () => {
  assertSameLabels(MESSAGES);
});

test('every label a screen uses is defined', () => {
  assertUsedLabelsDefined(MESSAGES, JS);
});

// Channels are named by the API (GET /channels, from their configuration or bundle), not here.
test('every outcome the API knows has a label', () => {
  for (const outcome of ['information_given', 'request_filed', 'transferred', 'not_justified', 'abandoned']) {
    assert.ok(MESSAGES.ro.outcomes[outcome] && MESSAGES.en.outcomes[outcome], outcome);
  }
  assert.equal(MESSAGES.ro.channels, undefined, 'channel names come from GET /channels');
});

test('every presence of the phone queue has a label', () => {
  for (const presence of ['available', 'on_call', 'wrap_up', 'break', 'logged_out']) {
    assert.ok(MESSAGES.ro.phone.presences[presence] && MESSAGES.en.phone.presences[presence], presence);
  }
});

test('the language switch changes the labels and an unknown language falls back to Romanian', () => {
  setLang('en');
  assert.equal(t('startCall'), 'Start call');
  assert.equal(t('outcomes.abandoned'), 'Abandoned');
  setLang('xx');
  assert.equal(t('startCall'), 'Începe apelul');
  assert.equal(t('no.such.label'), 'no.such.label');
});
