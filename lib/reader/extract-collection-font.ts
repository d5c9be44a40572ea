/**
 * One font out of an OpenType collection (.ttc), as a standalone .otf/.ttf: the link-preview renderer
 * (satori) reads single fonts only, and the CJK fonts installed with fonts-noto-cjk come as collections.
 * The chosen face's table directory is copied with its tables (which the faces of a collection share)
 * laid out after it.
 */

export interface CollectionFace {
  index: number;
  family: string;
}

function view(bytes: Uint8Array) {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function faceOffsets(bytes: Uint8Array): number[] {
  const data = view(bytes);
  if (data.getUint32(0) !== 0x74746366) throw new Error("not an OpenType collection (no ttcf header)");
  const count = data.getUint32(8);
  return Array.from({ length: count }, (_, i) => data.getUint32(12 + 4 * i));
}

function tables(bytes: Uint8Array, faceOffset: number) {
  const data = view(bytes);
  const count = data.getUint16(faceOffset + 4);
  return Array.from({ length: count }, (_, i) => {
    const record = faceOffset + 12 + 16 * i;
    return {
      tag: String.fromCharCode(...bytes.subarray(record, record + 4)),
      checksum: data.getUint32(record + 4),
      offset: data.getUint32(record + 8),
      length: data.getUint32(record + 12),
    };
  });
}

/** The family name (name ID 1, Windows Unicode) of each face. */
export function listCollectionFaces(bytes: Uint8Array): CollectionFace[] {
  const data = view(bytes);
  return faceOffsets(bytes).map((faceOffset, index) => {
    const name = tables(bytes, faceOffset).find((table) => table.tag === "name");
    let family = "";
    if (name) {
      const count = data.getUint16(name.offset + 2);
      const strings = name.offset + data.getUint16(name.offset + 4);
      for (let i = 0; i < count && !family; i++) {
        const record = name.offset + 6 + 12 * i;
        const [platform, , , nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((at) => data.getUint16(record + at));
        if (platform !== 3 || nameId !== 1) continue;
        for (let at = 0; at < length!; at += 2) family += String.fromCharCode(data.getUint16(strings + offset! + at));
      }
    }
    return { index, family };
  });
}

export function extractCollectionFont(bytes: Uint8Array, index: number): Uint8Array {
  const faceOffset = faceOffsets(bytes)[index];
  if (faceOffset === undefined) throw new Error(`the collection has no face ${index}`);
  const list = tables(bytes, faceOffset);
  const headerLength = 12 + 16 * list.length;
  const padded = (length: number) => (length + 3) & ~3;
  const total = list.reduce((sum, table) => sum + padded(table.length), headerLength);
  const out = new Uint8Array(total);
  const data = view(out);
  out.set(bytes.subarray(faceOffset, faceOffset + 12), 0);
  let at = headerLength;
  list.forEach((table, i) => {
    const record = 12 + 16 * i;
    out.set(bytes.subarray(faceOffset + 12 + 16 * i, faceOffset + 12 + 16 * i + 8), record);
    data.setUint32(record + 8, at);
    data.setUint32(record + 12, table.length);
    out.set(bytes.subarray(table.offset, table.offset + table.length), at);
    at += padded(table.length);
  });
  return out;
}
