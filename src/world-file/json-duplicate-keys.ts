/**
 * JSON.parse keeps the last of two equal keys without a word, so a world file in JSON could
 * lose an account silently where the same file in YAML is refused. This scan finds the first
 * key given twice in one object, in one pass over the text (it runs only on text JSON.parse
 * has accepted, so it need not judge anything else).
 */

/**
 * The first key given twice in one object, and where its second use begins; undefined if none.
 *
 * @example
 * duplicateJsonKey('{"a": 1, "a": 2}'); // { key: 'a', offset: 9 }
 */
export function duplicateJsonKey(text: string): { key: string; offset: number } | undefined {
  // One entry per open object or array: the keys seen so far, or null for an array.
  const open: (Set<string> | null)[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '{') open.push(new Set());
    else if (char === '[') open.push(null);
    else if (char === '}' || char === ']') open.pop();
    else if (char === '"') {
      const start = i;
      let raw = '';
      for (i++; text[i] !== '"'; i++) {
        if (text[i] === '\\') raw += text[i++];
        raw += text[i];
      }
      const keys = open[open.length - 1];
      if (keys === null || keys === undefined) continue;
      let after = i + 1;
      while (/\s/.test(text[after] ?? '')) after++;
      if (text[after] !== ':') continue;
      // Two spellings of one key (`"a"` and `"\u0061"`) are one key: compare the decoded names.
      const key = JSON.parse(`"${raw}"`) as string;
      if (keys.has(key)) return { key, offset: start };
      keys.add(key);
    }
  }
  return undefined;
}
