// The request types configured now (GET /request-types), read again by each screen that draws (an admin may add one
// during the shift): what types and their statuses are called, so that no screen shows a code. A stored request whose
// type has since gone shows its codes.
import {get, query} from './api.js';
import {lang} from './i18n.js';

let loaded = {list: []};

/** The request types, in the console's language. */
export async function loadTypes() {
  loaded = {list: await get('/request-types' + query({lang: lang()}))};
  return loaded.list;
}

/** The name of a type by its code, after {@link loadTypes}. */
export function typeName(code) {
  const type = loaded.list.find((rt) => rt.code === code);
  return type ? type.name : code;
}

/** What a status of a type is called, after {@link loadTypes}: the type's name for it, else another type's, else the code. */
export function statusName(typeCode, status) {
  const type = loaded.list.find((rt) => rt.code === typeCode);
  const named = (type && type.statusNames) || {};
  return named[status] || loaded.list.map((rt) => (rt.statusNames || {})[status]).find(Boolean) || status;
}
