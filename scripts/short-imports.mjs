// Gives the wasm's imports short names, in the module and in the
// wasm-bindgen glue that provides them. wasm-bindgen names each import after
// its Rust binding plus a 16-digit hash (`__wbg_setAttribute_3f27…`), under
// the module `./repertoire-app_bg.js`: some 250 names that no compressor can
// shorten, written once in the wasm and once in the script. Short names
// take about 6 KB brotli off what every member downloads (the wasm and the
// script together). Like a minifier's renaming, nothing else changes.

/** Reads an unsigned LEB128 number at `at`: [value, next offset]. */
function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const utf8 = new TextEncoder();
const text = new TextDecoder();

function name(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [text.decode(bytes.subarray(start, start + length)), start + length];
}

function encodedName(value) {
  const encoded = utf8.encode(value);
  return [...leb(encoded.length), ...encoded];
}

/** The import description after the names: its bytes, and where it ends. */
function description(bytes, at) {
  const start = at;
  const kind = bytes[at++];
  if (kind === 0) {
    [, at] = readLeb(bytes, at); // function: type index
  } else if (kind === 1) {
    at += 1; // table: element type, then limits
    const flags = bytes[at++];
    [, at] = readLeb(bytes, at);
    if (flags & 1) [, at] = readLeb(bytes, at);
  } else if (kind === 2) {
    const flags = bytes[at++]; // memory: limits
    [, at] = readLeb(bytes, at);
    if (flags & 1) [, at] = readLeb(bytes, at);
  } else if (kind === 3) {
    at += 2; // global: value type, mutability
  } else if (kind === 4) {
    at += 1; // tag: attribute, then type index
    [, at] = readLeb(bytes, at);
  } else {
    throw new Error(`an import of unknown kind ${kind}`);
  }
  return [bytes.subarray(start, at), at];
}

/** `a`…`z`, `A`…`Z`, then two letters and more: valid names in both. */
function shortName(index) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let out = '';
  do {
    out = letters[index % letters.length] + out;
    index = Math.floor(index / letters.length) - 1;
  } while (index >= 0);
  return out;
}

/** The module with section `id` replaced by `rewrite(bytes, start, end)`. */
function withSection(bytes, id, rewrite) {
  let at = 8;
  while (at < bytes.length) {
    const [size, start] = readLeb(bytes, at + 1);
    const end = start + size;
    if (bytes[at] === id) {
      const section = rewrite(bytes, start);
      const length = leb(section.length);
      const out = new Uint8Array(at + 1 + length.length + section.length + bytes.length - end);
      out.set(bytes.subarray(0, at + 1), 0);
      out.set(length, at + 1);
      out.set(section, at + 1 + length.length);
      out.set(bytes.subarray(end), at + 1 + length.length + section.length);
      return out;
    }
    at = end;
  }
  throw new Error(`the module has no section ${id}`);
}

/** Replaces the one whole-word `long` in `script` by `short`. */
function rename(script, long, short) {
  const word = new RegExp(`(?<![\\w$])${long}(?![\\w$])`, 'g');
  const found = script.match(word)?.length ?? 0;
  if (found !== 1) {
    throw new Error(`the glue names ${long} ${found} times`);
  }
  return script.replace(word, short);
}

/**
 * The module with its imports from `module` renamed, and the glue with the
 * same names. Throws when the glue does not name each one where the renaming
 * expects it: a changed wasm-bindgen is then noticed at once.
 */
export function shortenImports(wasm, glue, module) {
  let bytes = new Uint8Array(wasm);
  if (bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new Error('not a wasm module');
  }
  const imports = new Map();
  bytes = withSection(bytes, 2, (bytes, start) => {
    const [count, first] = readLeb(bytes, start);
    let cursor = first;
    const section = [...leb(count)];
    for (let i = 0; i < count; i++) {
      let from;
      let field;
      let desc;
      [from, cursor] = name(bytes, cursor);
      [field, cursor] = name(bytes, cursor);
      [desc, cursor] = description(bytes, cursor);
      if (from === module) {
        if (!imports.has(field)) imports.set(field, shortName(imports.size));
        section.push(...encodedName('r'), ...encodedName(imports.get(field)), ...desc);
      } else {
        section.push(...encodedName(from), ...encodedName(field), ...desc);
      }
    }
    return section;
  });
  let script = glue;
  const quoted = JSON.stringify(module);
  if (script.split(quoted).length !== 2) {
    throw new Error(`the glue does not name ${quoted} once`);
  }
  script = script.replace(quoted, '"r"');
  for (const [long, short] of imports) script = rename(script, long, short);
  return { wasm: bytes, glue: script, count: imports.size };
}
