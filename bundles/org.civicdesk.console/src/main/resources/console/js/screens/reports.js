// Reports (R17, R18): the reports the user may run (GET /reports), a period and their other parameters, the result as
// a table with its chart, its files, and from a count to the requests behind it.
import {get, query} from '../api.js';
import {h, field} from '/web/dom.js';
import {t, lang, day} from '../i18n.js';
import {ROOT, say, sayError, navigate, redraw} from '../ui.js';
import {loadChannels, channelName} from '../channels.js';
import {drillDownPath} from '../request-query.js';
import {periodPresets, cellText, numeric, chartData, chartSummary, runPath} from '../reports.js';
import {drawBars} from '../charts.js';

const API = '/api/v1';
const FORMATS = ['csv', 'xlsx', 'pdf'];

/** What the screen shows, kept while the user looks at the requests behind a figure and comes back. */
const state = {id: '', values: {...periodPresets(new Date()).thisMonth}, ran: false};

export async function reportsScreen() {
  const reports = await get('/reports' + query({lang: lang()})).catch((e) => (e.status === 404 ? [] : Promise.reject(e)));
  if (!reports.length) return h('div', {}, h('h1', {}, t('reports')), h('p', {id: 'reports-none'}, t('noReports')));
  if (!reports.some((r) => r.id === state.id)) { state.id = reports[0].id; state.ran = false; }
  const report = reports.find((r) => r.id === state.id);
  const types = await get('/request-types' + query({lang: lang()}));
  await loadChannels();
  const departments = [...new Set(types.map((rt) => rt.department))].sort();
  const typeName = Object.fromEntries(types.map((rt) => [rt.code, rt.name]));

  const choice = h('select', {}, reports.map((r) => h('option', {value: r.id, selected: r.id === state.id}, r.name)));
  choice.addEventListener('change', () => { state.id = choice.value; state.ran = false; redraw(); });
  const inputs = {};
  const dates = [h('input', {type: 'date', required: true, value: state.values.from || ''}),
    h('input', {type: 'date', required: true, value: state.values.to || ''})];
  [inputs.from, inputs.to] = dates;
  const preset = (key, label) => h('button', {type: 'button', class: 'secondary', id: `r-${key}`, onclick: () => {
    const period = periodPresets(new Date())[key];
    inputs.from.value = period.from;
    inputs.to.value = period.to;
  }}, label);
  // The report's own parameters besides the period: a department, or free text.
  const others = report.parameters.filter((p) => p.id !== 'from' && p.id !== 'to').map((p) => {
    const control = p.type === 'department'
      ? h('select', {}, h('option', {value: ''}, t('all')),
        departments.map((d) => h('option', {value: d, selected: state.values[p.id] === d}, d)))
      : h('input', {type: p.type === 'date' ? 'date' : 'text', maxlength: 100, required: p.required, value: state.values[p.id] || ''});
    inputs[p.id] = control;
    return field(`r-${p.id}`, p.name, control);
  });
  const run = (e) => {
    e.preventDefault();
    state.values = Object.fromEntries(Object.entries(inputs).map(([k, control]) => [k, control.value]));
    state.ran = true;
    state.announce = true;
    redraw();
  };

  let result = null;
  if (state.ran) {
    try {
      result = await get(runPath(state.id, state.values, lang()));
    } catch (err) {
      sayError(err);
    }
  }
  if (result && state.announce) say(`${result.name}: ${day(result.from)} – ${day(result.to)}`);
  state.announce = false;

  return h('div', {},
    h('h1', {}, t('reports')),
    h('form', {class: 'panel', id: 'report-form', onsubmit: run},
      h('div', {class: 'filters'}, field('r-report', t('report'), choice),
        field('r-from', t('from'), inputs.from), field('r-to', t('to'), inputs.to), others),
      h('div', {class: 'row', role: 'group', 'aria-label': t('period')},
        preset('thisMonth', t('presets.thisMonth')), preset('lastMonth', t('presets.lastMonth')),
        preset('thisYear', t('presets.thisYear'))),
      h('div', {class: 'row'}, h('button', {type: 'submit', id: 'r-run'}, t('run')))),
    result ? resultView(result, {type: (v) => typeName[v] || v, channel: channelName}) : null);
}

/**
 * A report's result: its files, its chart and its tables; a count links to the requests behind it. `names` shows
 * codes as the rest of the console does (a request type's name, a channel's); the chart's labels are named as types.
 */
function resultView(result, names) {
  const values = {...result.parameters, from: result.from, to: result.to};
  const canvas = result.series.length ? h('canvas', {id: 'report-chart', role: 'img',
    'aria-label': `${t('chart')}: ${chartSummary(result.series, lang(), names.type)}`}) : null;
  if (canvas) {
    // Drawn once the screen is on the page: Chart.js measures the canvas's box.
    setTimeout(() => drawBars(canvas, chartData(result.series, names.type)).catch(() => {
      canvas.replaceWith(h('p', {id: 'report-chart-missing', class: 'muted'}, t('chartUnavailable')));
    }), 0);
  }
  return h('section', {class: 'panel', id: 'report-result', 'aria-labelledby': 'report-title'},
    h('h2', {id: 'report-title'}, `${result.name} · ${day(result.from)} – ${day(result.to)}`),
    h('p', {class: 'row', id: 'report-files'}, t('download'), FORMATS.map((f) => h('a', {id: `r-file-${f}`, download: '',
      href: API + runPath(result.id, values, lang(), f)}, f.toUpperCase()))),
    canvas ? h('div', {class: 'chart'}, canvas) : null,
    table('report-table', result.name, result.columns, result.rows, names, result),
    result.details.map((d) => [h('h3', {}, d.name), table(`report-${d.id}`, d.name, d.columns, d.rows, names, null)]));
}

function table(id, caption, columns, rows, names, result) {
  return h('table', {id, class: 'report-table'},
    h('caption', {class: 'visually-hidden'}, caption),
    h('tr', {}, columns.map((c) => h('th', {scope: 'col', class: numeric(c.type) ? 'num' : null}, c.name))),
    rows.length ? rows.map((row) => {
      const path = result ? drillDownPath(columns, row, result) : null;
      return h('tr', {}, columns.map((c, i) => {
        const text = names[c.id] && typeof row[i] === 'string' ? names[c.id](row[i]) : cellText(row[i], c.type, lang(), day);
        return h('td', {class: numeric(c.type) ? 'num' : null}, path && c.id === 'count'
          ? h('a', {href: ROOT + path, class: 'drill', 'aria-label': `${text} — ${t('drillDown')}`,
            onclick: (e) => { e.preventDefault(); navigate(path); }}, text)
          : text);
      }));
    }) : h('tr', {}, h('td', {colspan: columns.length}, t('none'))));
}
