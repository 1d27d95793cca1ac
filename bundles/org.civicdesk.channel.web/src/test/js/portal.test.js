// The portal's labels exist in Romanian and English for every screen, and a photo's GPS position is read right.
import {test} from 'node:test';
import {assertSameLabels, assertUsedLabelsDefined} from '../../../../org.civicdesk.web/src/test/js/labels.mjs';
import assert from 'node:assert/strict';
import {join, dirname} from 'node:path';
import {fileURLToPath} from 'node:url';

globalThis.document = {documentElement: {}};
const {MESSAGES} = await import('../../main/resources/portal/js/i18n.js');
const {gpsPosition} = await import('../../main/resources/portal/js/exif.js');
const JS = join(dirname(fileURLToPath(import.meta.url)), '../../main/resources/portal/js');

test('Romanian and English have the same labels', () => {
  assertSameLabels(MESSAGES);
});

test('every label a screen uses is defined', () => {
  assertUsedLabelsDefined(MESSAGES, JS);
});

/** A minimal JPEG whose EXIF says 47° 38' 24" N, 26° 15' 18" E (big-endian TIFF, as many phones write it). */
function jpegWithGps(latRef = 'N', lonRef = 'E') {
  const tiff = new DataView(new ArrayBuffer(200));
  tiff.setUint16(0, 0x4D4D); tiff.setUint16(2, 42); tiff.setUint32(4, 8);
  tiff.setUint16(8, 1); // IFD0: one entry, the GPS pointer
  tiff.setUint16(10, 0x8825); tiff.setUint16(12, 4); tiff.setUint32(14, 1); tiff.setUint32(18, 26);
  tiff.setUint32(22, 0);
  tiff.setUint16(26, 4); // GPS IFD: four entries
  const entry = (i, tag, type, count, value) => {
    const at = 28 + i * 12;
    tiff.setUint16(at, tag); tiff.setUint16(at + 2, type); tiff.setUint32(at + 4, count); tiff.setUint32(at + 8, value);
  };
  entry(0, 1, 2, 2, latRef.charCodeAt(0) << 24);
  entry(1, 2, 5, 3, 80);
  entry(2, 3, 2, 2, lonRef.charCodeAt(0) << 24);
  entry(3, 4, 5, 3, 104);
  [[47, 1], [38, 1], [24, 1]].forEach(([n, d], i) => { tiff.setUint32(80 + i * 8, n); tiff.setUint32(84 + i * 8, d); });
  [[26, 1], [15, 1], [18, 1]].forEach(([n, d], i) => { tiff.setUint32(104 + i * 8, n); tiff.setUint32(108 + i * 8, d); });
  const bytes = new Uint8Array(2 + 4 + 6 + 200 + 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xFFD8); view.setUint16(2, 0xFFE1); view.setUint16(4, 2 + 6 + 200);
  bytes.set([0x45, 0x78, 0x69, 0x66, 0, 0], 6);
  bytes.set(new Uint8Array(tiff.buffer), 12);
  view.setUint16(212, 0xFFD9);
  return bytes.buffer;
}

test('the GPS position of a photo is read from its EXIF', () => {
  const {lat, lon} = gpsPosition(jpegWithGps());
  assert.ok(Math.abs(lat - 47.64) < 1e-9, String(lat));
  assert.ok(Math.abs(lon - 26.255) < 1e-9, String(lon));
  const south = gpsPosition(jpegWithGps('S', 'W'));
  assert.ok(south.lat < 0 && south.lon < 0);
});

test('a photo without a position, or not a JPEG, gives none', () => {
  assert.equal(gpsPosition(new Uint8Array([0xFF, 0xD8, 0xFF, 0xDA, 0, 2]).buffer), null);
  assert.equal(gpsPosition(new Uint8Array([0x89, 0x50, 0x4E, 0x47]).buffer), null);
});

test('a status reads as CivicDesk names it in the reader\'s language, else as GeoReport\'s open or closed', async () => {
  const {statusLabel} = await import('../../main/resources/portal/js/screens/follow.js');
  const {t, setLang} = await import('../../main/resources/portal/js/i18n.js');
  setLang('en');
  assert.equal(statusLabel('Waiting for the citizen', 'open', t), 'Waiting for the citizen');
  assert.equal(statusLabel(undefined, 'closed', t), t('statuses.closed'));
  assert.equal(statusLabel(undefined, null, t), '');
});
