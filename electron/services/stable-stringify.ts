/**
 * Pretty-printed JSON with every object's keys in sorted order, so that the same library always
 * serializes to the same text and a review kept in git or a synced folder diffs line by line.
 */
export function stableStringify(value: unknown): string {
  return `${JSON.stringify(value, sortKeys, 2)}\n`;
}

/** A JSON.stringify replacer that emits every object's keys in sorted order. */
export function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  // No prototype: an imported key named "__proto__" stays an ordinary key instead of replacing it.
  const sorted = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) sorted[key] = (value as Record<string, unknown>)[key];
  return sorted;
}
