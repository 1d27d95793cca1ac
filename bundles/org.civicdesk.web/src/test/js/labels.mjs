// The label checks every page's tests make: both languages have the same labels, and every label a
// screen asks for with t('…') exists.
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';

export function keys(messages, prefix = '') {
  return Object.entries(messages).flatMap(([k, v]) =>
    typeof v === 'object' ? keys(v, prefix + k + '.') : [prefix + k]).sort();
}

export function assertSameLabels(messages) {
  assert.deepEqual(keys(messages.en), keys(messages.ro));
}

/** Every t('key') in the modules under jsDir is defined (a group counts: a screen lists its members). */
export function assertUsedLabelsDefined(messages, jsDir) {
  const files = readdirSync(jsDir, {recursive: true}).filter((f) => f.endsWith('.js'));
  assert.ok(files.includes('app.js'), `no app.js in ${jsDir}`);
  const defined = new Set([...keys(messages.ro), ...Object.keys(messages.ro)]);
  for (const file of files) {
    const source = readFileSync(join(jsDir, file), 'utf8');
    for (const [, key] of source.matchAll(/\bt\('([\w.]+)'\)/g)) {
      assert.ok(defined.has(key), `${file} uses the undefined label '${key}'`);
    }
  }
}
