// The wallboard's pure helpers, and the labels it fills in.
import {test} from 'node:test';
import assert from 'node:assert/strict';

globalThis.document = {documentElement: {}};
const {clock, targetMet} = await import('../../main/resources/console/js/screens/wallboard.js');
const {t, setLang} = await import('../../main/resources/console/js/i18n.js');

test('waits read as m:ss, from an hour as h:mm:ss', () => {
  assert.equal(clock(0), '0:00');
  assert.equal(clock(65.9), '1:05');
  assert.equal(clock(3725), '1:02:05');
  assert.equal(clock(-3), '0:00');
  assert.equal(clock(null), '—');
});

test('the target is met at or above it, unknown before the first call', () => {
  assert.equal(targetMet({serviceLevel: 80, targetPercent: 80}), true);
  assert.equal(targetMet({serviceLevel: 79.9, targetPercent: 80}), false);
  assert.equal(targetMet({serviceLevel: null, targetPercent: 80}), null);
});

test('labels take their figures in both languages', () => {
  setLang('en');
  assert.equal(t('wallboard.serviceLevel', {seconds: 20, target: 80}), 'Answered today within 20 s (target 80 %)');
  setLang('ro');
  assert.equal(t('wallboard.today', {offered: 3, answered: 2, abandoned: 1}),
    'Azi: 3 apeluri în coadă, 2 preluate, 1 abandonate.');
  assert.equal(t('wallboard.serviceLevel', {seconds: 20}), 'Preluate azi în 20 s (țintă {target} %)', 'a missing value stays visible');
});

test('a day without calls has no service level, as the API leaves it out', () => {
  assert.equal(targetMet({targetPercent: 80}), null);
});
