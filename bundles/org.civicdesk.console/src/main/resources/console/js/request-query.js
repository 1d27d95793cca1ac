// The request list's filters as its address carries them (/console/requests?type=pothole&status=registered…): a
// report's figure links to the requests behind it, and a filtered list can be reloaded or passed on as it is.

/** Every filter the request list takes, as GET /api/v1/requests names it. */
export const LIST_FILTERS = ['status', 'type', 'department', 'assignee', 'channel', 'overdue', 'q', 'from', 'to'];

/** The columns of a report's row that name a filter of the request list, by column id. */
const ROW_FILTERS = ['type', 'status', 'department', 'channel'];

/** The column of a report's row that counts requests. */
const COUNT = 'count';

/** Query string ('?type=…&from=…', or '') from the non-empty filters, in the list's order. */
export function filterQuery(filters) {
  const q = new URLSearchParams();
  for (const key of LIST_FILTERS) if (filters[key]) q.set(key, filters[key]);
  const s = q.toString();
  return s ? '?' + s : '';
}

/**
 * The filters an address's query names (location.search), every filter of the list present ('' when not named),
 * or null when it names none: then the list keeps what it showed last.
 */
export function filtersFromQuery(search) {
  const q = new URLSearchParams(search || '');
  if (!LIST_FILTERS.some((key) => q.get(key))) return null;
  return Object.fromEntries(LIST_FILTERS.map((key) => [key, (q.get(key) || '').trim()]));
}

/**
 * Where a count cell of a report leads: the request list's path with the row's filters and the report's period
 * ('/requests?type=pothole&status=registered&…&from=…&to=…'), or null when the row is not a set of requests the list
 * can show — no count in it, a column the list cannot filter on (an outcome, an age band), an empty filter cell (the
 * total row) or no requests at all.
 *
 * @param columns the report's columns ([{id, type}])
 * @param row the row's cells, one per column
 * @param result the report's period and parameters ({from, to, parameters})
 */
export function drillDownPath(columns, row, result) {
  const count = columns.findIndex((c) => c.id === COUNT);
  if (count < 0 || typeof row[count] !== 'number' || row[count] <= 0) return null;
  const filters = {from: result.from, to: result.to};
  // A report narrowed to a department by its parameter names it for every row.
  for (const [key, value] of Object.entries(result.parameters || {})) if (ROW_FILTERS.includes(key)) filters[key] = value;
  for (const [i, column] of columns.entries()) {
    if (i === count) continue;
    if (!ROW_FILTERS.includes(column.id)) return null;
    const value = row[i];
    if (typeof value !== 'string' || !value.trim()) return null;
    filters[column.id] = value.trim();
  }
  return '/requests' + filterQuery(filters);
}
