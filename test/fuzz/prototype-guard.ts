/**
 * Prototype pollution check: a snapshot of the built-in prototypes' own properties (keys and the
 * values or accessors behind them), compared after each fuzzed parse.
 */

const GUARDED: ReadonlyArray<readonly [string, object]> = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['String.prototype', String.prototype],
  ['Function.prototype', Function.prototype],
  ['Map.prototype', Map.prototype],
  ['Set.prototype', Set.prototype],
  ['RegExp.prototype', RegExp.prototype],
];

type Snapshot = Map<string, Map<PropertyKey, unknown>>;

function describe(descriptor: PropertyDescriptor): unknown {
  return 'value' in descriptor ? descriptor.value : [descriptor.get, descriptor.set];
}

export function prototypeSnapshot(): Snapshot {
  const snapshot: Snapshot = new Map();
  for (const [name, prototype] of GUARDED) {
    const properties = new Map<PropertyKey, unknown>();
    for (const key of Reflect.ownKeys(prototype)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(prototype, key);
      if (descriptor) properties.set(key, describe(descriptor));
    }
    snapshot.set(name, properties);
  }
  return snapshot;
}

/** What changed since `before` (empty when nothing did): added, removed or replaced properties. */
export function prototypeChanges(before: Snapshot): string[] {
  const changes: string[] = [];
  const after = prototypeSnapshot();
  for (const [name, properties] of after) {
    const earlier = before.get(name) ?? new Map<PropertyKey, unknown>();
    for (const [key, value] of properties) {
      const old = earlier.get(key);
      const same = Array.isArray(old) && Array.isArray(value) ? old[0] === value[0] && old[1] === value[1] : old === value;
      if (!earlier.has(key)) changes.push(`${name} gained ${String(key)}`);
      else if (!same) changes.push(`${name}.${String(key)} was replaced`);
    }
    for (const key of earlier.keys()) if (!properties.has(key)) changes.push(`${name} lost ${String(key)}`);
  }
  const inherited: string[] = [];
  for (const key in {}) inherited.push(key);
  if (inherited.length > 0) changes.push(`{} enumerates ${inherited.join(', ')}`);
  return changes;
}
