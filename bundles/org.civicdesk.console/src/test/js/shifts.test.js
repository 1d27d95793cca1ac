// The shift plan's week: moving a week back and forth across years, the days of a week, a shift's hours.
import {test} from 'node:test';
import assert from 'node:assert/strict';

globalThis.document = {documentElement: {}};
const {weekAfter, daysOf, hours} = await import('../../main/resources/console/js/screens/shifts.js');
const {t, setLang} = await import('../../main/resources/console/js/i18n.js');

test('a week moves to the next and the one before, the ISO way across the new year', () => {
  assert.equal(weekAfter('2026-11-30', 0), '2026-W49');
  assert.equal(weekAfter('2026-11-30', 1), '2026-W50');
  assert.equal(weekAfter('2026-11-30', -1), '2026-W48');
  assert.equal(weekAfter('2026-12-21', 1), '2026-W53');
  assert.equal(weekAfter('2026-12-28', 1), '2027-W01');
  assert.equal(weekAfter('2027-01-04', -1), '2026-W53');
  assert.equal(weekAfter('2025-12-29', 0), '2026-W01');
});

test('a week has its seven days from Monday; a night shift ends the next day', () => {
  assert.deepEqual(daysOf('2026-12-28'), ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01',
    '2027-01-02', '2027-01-03']);
  setLang('ro');
  assert.equal(hours({start: '08:00', end: '16:00'}, t), '08:00–16:00');
  assert.equal(hours({start: '22:00', end: '06:00'}, t), '22:00–06:00 (a doua zi)');
  setLang('en');
  assert.equal(hours({start: '22:00:00', end: '06:00:00'}, t), '22:00–06:00 (next day)');
});
