// How a hand-off to the document management system reads on the request.
import {test} from 'node:test';
import assert from 'node:assert/strict';

globalThis.document = {documentElement: {}};
const {archiveLine} = await import('../../main/resources/console/js/archive.js');
const {t, setLang} = await import('../../main/resources/console/js/i18n.js');

test('a file waiting for the system shows its attempts and why the last failed', () => {
  setLang('ro');
  assert.equal(archiveLine({fileName: 'groapă.png', state: 'QUEUED', attempts: 3,
    lastError: 'the CMIS repository cannot be reached'}, t),
  'groapă.png · în așteptare · Încercări: 3 — the CMIS repository cannot be reached');
});

test('the request\'s record, handed over, shows the system\'s reference and no old failure', () => {
  setLang('en');
  assert.equal(archiveLine({state: 'DELIVERED', attempts: 2, lastError: 'timed out', reference: 'abc-123'}, t),
    'The request\'s record · handed over · Attempts: 2 · Reference: abc-123');
  setLang('ro');
  assert.equal(archiveLine({state: 'QUEUED', attempts: 0}, t), 'Fișa cererii · în așteptare');
});
