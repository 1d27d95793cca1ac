// The reports screen's arithmetic: its period presets, how cells read, the chart's data, its addresses, and which
// figure leads to which filtered request list — and that the request list reads those filters back.
import {test} from 'node:test';
import assert from 'node:assert/strict';

const {periodPresets, isoDay, cellText, chartData, chartSummary, runPath} =
  await import('../../main/resources/console/js/reports.js');
const {drillDownPath, filtersFromQuery, filterQuery} = await import('../../main/resources/console/js/request-query.js');

const COLUMNS = ['department', 'type', 'channel', 'status'].map((id) => ({id, type: 'text'}))
  .concat({id: 'count', type: 'integer'});
const RESULT = {from: '2026-01-01', to: '2026-12-31', parameters: {}};

test('the presets are whole months and the whole year, across the turn of the year and in a leap February', () => {
  assert.deepEqual(periodPresets(new Date(2026, 11, 4, 23, 30)), {
    thisMonth: {from: '2026-12-01', to: '2026-12-31'},
    lastMonth: {from: '2026-11-01', to: '2026-11-30'},
    thisYear: {from: '2026-01-01', to: '2026-12-31'}});
  const january = periodPresets(new Date(2027, 0, 15));
  assert.deepEqual(january.lastMonth, {from: '2026-12-01', to: '2026-12-31'});
  assert.deepEqual(periodPresets(new Date(2028, 2, 1)).lastMonth, {from: '2028-02-01', to: '2028-02-29'});
  assert.equal(isoDay(new Date(2026, 0, 1, 0, 5)), '2026-01-01', 'the local day, not the UTC one');
});

test('a count cell names the request list filtered by the row and the period', () => {
  const path = drillDownPath(COLUMNS, ['ROADS', 'pothole', 'phone', 'registered', 7], RESULT);
  assert.equal(path, '/requests?status=registered&type=pothole&department=ROADS&channel=phone&from=2026-01-01&to=2026-12-31');
  assert.deepEqual(filtersFromQuery(path.slice(path.indexOf('?'))), {status: 'registered', type: 'pothole',
    department: 'ROADS', assignee: '', channel: 'phone', overdue: '', q: '', from: '2026-01-01', to: '2026-12-31'});
});

test('a department the report was narrowed to filters the list too; a row naming one wins', () => {
  const narrowed = {...RESULT, parameters: {department: 'REG'}};
  const columns = COLUMNS.filter((c) => c.id !== 'department');
  assert.match(drillDownPath(columns, ['pothole', 'phone', 'registered', 2], narrowed), /department=REG/);
  assert.match(drillDownPath(COLUMNS, ['ROADS', 'pothole', 'phone', 'registered', 2], narrowed), /department=ROADS/);
});

test('no link where the list could not show the same requests', () => {
  assert.equal(drillDownPath(COLUMNS, ['TOTAL', null, null, null, 40], RESULT), null, 'the total row');
  assert.equal(drillDownPath(COLUMNS, ['ROADS', 'pothole', 'phone', 'registered', 0], RESULT), null, 'nothing to list');
  const outcomes = [{id: 'channel', type: 'text'}, {id: 'outcome', type: 'text'}, {id: 'count', type: 'integer'}];
  assert.equal(drillDownPath(outcomes, ['phone', 'not_justified', 3], RESULT), null, 'contacts, not requests');
  const sla = [{id: 'department', type: 'text'}, {id: 'resolved', type: 'integer'}];
  assert.equal(drillDownPath(sla, ['ROADS', 5], RESULT), null, 'no count column');
});

test('the list takes only its own filters from an address, and none when it names none', () => {
  assert.equal(filtersFromQuery(''), null);
  assert.equal(filtersFromQuery('?offset=25&evil=1'), null);
  assert.equal(filtersFromQuery('?type=pothole&evil=1').evil, undefined);
  assert.equal(filterQuery({type: 'pothole', status: '', q: 'groapă mare', offset: 25}), '?type=pothole&q=groap%C4%83+mare');
  assert.equal(filterQuery({}), '');
});

test('cells read in the language\'s number format', () => {
  assert.equal(cellText(1234, 'integer', 'en'), '1,234');
  assert.equal(cellText(1234, 'integer', 'ro'), '1.234');
  assert.equal(cellText(2.5, 'decimal', 'ro'), '2,50');
  assert.equal(cellText(70, 'percent', 'en'), '70.0 %');
  assert.equal(cellText(null, 'integer', 'en'), '');
  assert.equal(cellText('2026-12-04', 'date', 'en', (d) => `day ${d}`), 'day 2026-12-04');
  assert.equal(cellText('pothole', 'text', 'en'), 'pothole');
});

test('the chart has one set of bars per series over every label, and a text for screen readers', () => {
  const series = [{name: 'Opened', points: {pothole: 3, lighting: 1}}, {name: 'Closed', points: {lighting: 2, trees: 1}}];
  assert.deepEqual(chartData(series), {labels: ['pothole', 'lighting', 'trees'], datasets: [
    {label: 'Opened', data: [3, 1, 0]}, {label: 'Closed', data: [0, 2, 1]}]});
  assert.equal(chartSummary(series, 'en'), 'Opened: pothole 3, lighting 1; Closed: lighting 2, trees 1');
  const named = (code) => ({pothole: 'Pothole'}[code] || code);
  assert.deepEqual(chartData(series, named).labels, ['Pothole', 'lighting', 'trees']);
  assert.match(chartSummary(series, 'en', named), /^Opened: Pothole 3, lighting 1;/);
});

test('a run and its files are addressed with the period, the other parameters and the language', () => {
  assert.equal(runPath('requests-by-type', {from: '2026-01-01', to: '2026-12-31', department: ''}, 'ro'),
    '/reports/requests-by-type?from=2026-01-01&to=2026-12-31&lang=ro');
  assert.equal(runPath('sla', {from: '2026-01-01', to: '2026-01-31', department: 'REG'}, 'en', 'xlsx'),
    '/reports/sla?from=2026-01-01&to=2026-01-31&department=REG&format=xlsx&lang=en');
});
