// Where a colleague is now, in words.
import {test} from 'node:test';
import assert from 'node:assert/strict';

globalThis.document = {documentElement: {}};
const {presenceLine} = await import('../../main/resources/console/js/screens/directory.js');
const {t, setLang} = await import('../../main/resources/console/js/i18n.js');

test('the phone queue and the console each say their part; no source says not available', () => {
  setLang('ro');
  assert.equal(presenceLine({phone: 'on_call', console: 'online'}, t), 'Telefon: În convorbire · În consolă');
  assert.equal(presenceLine({}, t), 'Indisponibil');
  setLang('en');
  assert.equal(presenceLine({console: 'online'}, t), 'In the console');
});
