// Labels in the reader's language (Romanian by default, English), kept in the browser between visits.

/**
 * The label functions for a page's messages ({ro: {…}, en: {…}}): t(key) reaches into groups
 * ("outcomes.abandoned") and gives the key itself when there is no label; t(key, {name: value}) fills the label's
 * {name} places; when/day format dates.
 */
export function translations(messages, storageKey) {
  let language = (globalThis.localStorage && localStorage.getItem(storageKey)) || 'ro';
  if (!messages[language]) language = 'ro';
  const locale = () => (language === 'ro' ? 'ro-RO' : 'en-GB');
  return {
    lang: () => language,
    setLang(value) {
      language = messages[value] ? value : 'ro';
      if (globalThis.localStorage) localStorage.setItem(storageKey, language);
      document.documentElement.lang = language;
    },
    t(key, values) {
      const found = key.split('.').reduce((m, k) => (m && m[k] !== undefined ? m[k] : undefined), messages[language]);
      if (found === undefined) return key;
      return values && typeof found === 'string'
        ? found.replace(/\{(\w+)\}/g, (place, name) => (values[name] === undefined ? place : String(values[name])))
        : found;
    },
    when: (iso) => (iso ? new Date(iso).toLocaleString(locale()) : ''),
    day: (iso) => (iso ? new Date(iso + (iso.length === 10 ? 'T12:00:00' : '')).toLocaleDateString(locale()) : ''),
  };
}
