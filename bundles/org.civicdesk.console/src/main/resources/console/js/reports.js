// What the reports screen computes without a page: the period presets, how a cell reads, the chart's data and the
// addresses of a run and of its files. The screen (screens/reports.js) draws them.

/** A day as YYYY-MM-DD in the browser's calendar (toISOString would give the UTC day, a day off at night). */
export function isoDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The periods offered at a click, each whole: this month, last month and this year, around the day `today`. */
export function periodPresets(today) {
  const y = today.getFullYear();
  const m = today.getMonth();
  // Day 0 of a month is the last day of the month before.
  return {
    thisMonth: {from: isoDay(new Date(y, m, 1)), to: isoDay(new Date(y, m + 1, 0))},
    lastMonth: {from: isoDay(new Date(y, m - 1, 1)), to: isoDay(new Date(y, m, 0))},
    thisYear: {from: isoDay(new Date(y, 0, 1)), to: isoDay(new Date(y, 11, 31))},
  };
}

/**
 * How a cell reads in the language's number format: decimals with two digits, percentages with one and a '%',
 * days through `day`, an empty cell as nothing.
 */
export function cellText(value, type, language, day = (d) => d) {
  if (value === null || value === undefined) return '';
  const locale = language === 'en' ? 'en-GB' : 'ro-RO';
  const number = (digits) => new Intl.NumberFormat(locale, {minimumFractionDigits: digits, maximumFractionDigits: digits});
  if (typeof value === 'number') {
    if (type === 'decimal') return number(2).format(value);
    if (type === 'percent') return number(1).format(value) + ' %';
    return number(0).format(value);
  }
  return type === 'date' ? day(value) : String(value);
}

/** Whether a column holds numbers, set right in the table. */
export function numeric(type) {
  return ['integer', 'decimal', 'percent'].includes(type);
}

/**
 * Chart.js's data for a report's series: one set of bars per series, over every label any series has, in order;
 * `name` turns a label into what the table shows for it (a request type's code into its name).
 */
export function chartData(series, name = (label) => label) {
  const labels = [...new Set(series.flatMap((s) => Object.keys(s.points)))];
  return {labels: labels.map(name), datasets: series.map((s) => ({label: s.name, data: labels.map((l) => s.points[l] ?? 0)}))};
}

/** A short text of the chart for screen readers (the table below holds every figure): each series and its points. */
export function chartSummary(series, language, name = (label) => label) {
  const number = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'ro-RO', {maximumFractionDigits: 2});
  return series.map((s) => `${s.name}: ` + Object.entries(s.points)
    .map(([label, value]) => `${name(label)} ${number.format(value)}`).join(', ')).join('; ');
}

/**
 * The API's address of a run ('/reports/ID?from=…&to=…&department=…&lang=…'), and with a format, of its file. The
 * values are the report's parameters as the screen holds them; empty ones are left out.
 */
export function runPath(id, values, language, format) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) q.set(key, value);
  if (format) q.set('format', format);
  q.set('lang', language);
  return `/reports/${encodeURIComponent(id)}?${q}`;
}
