// The channels installed now (GET /channels), read once per language: their names for selects and lists. A stored
// request or contact whose channel's bundle is gone shows the channel's id.
import {get, query} from './api.js';
import {lang} from './i18n.js';

let loaded = {lang: null, list: []};

/** The installed channels as [{id, name, identifiesCitizens}], in the console's language. */
export async function loadChannels() {
  if (loaded.lang !== lang()) {
    loaded = {lang: lang(), list: await get('/channels' + query({lang: lang()})).catch(() => [])};
  }
  return loaded.list;
}

/** The name of a channel by its id, after {@link loadChannels}. */
export function channelName(id) {
  const channel = loaded.list.find((c) => c.id === id);
  return channel ? channel.name : id;
}
