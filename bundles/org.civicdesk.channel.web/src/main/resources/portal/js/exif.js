// The GPS position a phone writes into a JPEG photo (EXIF), read in the browser: nothing is sent for it.

/** {lat, lon} from a JPEG's EXIF GPS tags, or null when the photo carries none. */
export function gpsPosition(buffer) {
  const view = new DataView(buffer);
  if (view.byteLength < 4 || view.getUint16(0) !== 0xFFD8) return null;
  let offset = 2;
  while (offset + 4 <= view.byteLength) {
    const marker = view.getUint16(offset);
    const size = view.getUint16(offset + 2);
    if (marker === 0xFFE1 && view.getUint32(offset + 4) === 0x45786966) return tiff(view, offset + 10); // "Exif"
    if ((marker & 0xFF00) !== 0xFF00 || marker === 0xFFDA) return null; // not a marker, or the image data begins
    offset += 2 + size;
  }
  return null;
}

function tiff(view, start) {
  if (start + 8 > view.byteLength) return null;
  const little = view.getUint16(start) === 0x4949;
  const u16 = (o) => view.getUint16(start + o, little);
  const u32 = (o) => view.getUint32(start + o, little);
  const entries = (ifd) => {
    const found = {};
    if (start + ifd + 2 > view.byteLength) return found;
    const count = u16(ifd);
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      if (start + entry + 12 > view.byteLength) break;
      found[u16(entry)] = {type: u16(entry + 2), count: u32(entry + 4), value: entry + 8};
    }
    return found;
  };
  const gpsPointer = entries(u32(4))[0x8825];
  if (!gpsPointer) return null;
  const gps = entries(u32(gpsPointer.value));
  const degrees = (tag) => {
    if (!tag || tag.type !== 5 || tag.count !== 3) return NaN;
    const at = u32(tag.value);
    const rational = (i) => u32(at + i * 8) / u32(at + i * 8 + 4);
    return rational(0) + rational(1) / 60 + rational(2) / 3600;
  };
  const ref = (tag) => (tag ? String.fromCharCode(view.getUint8(start + tag.value)) : '');
  let lat = degrees(gps[2]);
  let lon = degrees(gps[4]);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (ref(gps[1]) === 'S') lat = -lat;
  if (ref(gps[3]) === 'W') lon = -lon;
  return {lat, lon};
}
