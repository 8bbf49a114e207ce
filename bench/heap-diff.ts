/**
 * What grew between two V8 heap snapshots (the `.heapsnapshot` JSON of inspector.ts), by node type and
 * constructor name: count and retained-by-itself bytes (self size). Enough to tell a leak (a class of
 * the app's objects growing with the load) from warm-up (compiled code, feedback, interned strings).
 */

interface HeapSnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

export interface HeapGroup {
  /** `type:name`, e.g. `object:Repeater`, `code:(compiled code)`. */
  group: string;
  count: number;
  bytes: number;
}

export function heapGroups(snapshotText: string): Map<string, HeapGroup> {
  const snapshot = JSON.parse(snapshotText) as HeapSnapshotJson;
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const groups = new Map<string, HeapGroup>();
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + typeAt]!]!;
    // Strings and numbers are named by their value: one group per type is enough.
    const name = type === 'string' || type === 'concatenated string' || type === 'sliced string' || type === 'number' ? '' : snapshot.strings[snapshot.nodes[i + nameAt]!]!.slice(0, 60);
    const key = `${type}:${name}`;
    const group = groups.get(key) ?? { group: key, count: 0, bytes: 0 };
    group.count++;
    group.bytes += snapshot.nodes[i + sizeAt]!;
    groups.set(key, group);
  }
  return groups;
}

/** The `top` groups that grew most (bytes) from `before` to `after`. */
export function heapGrowth(before: Map<string, HeapGroup>, after: Map<string, HeapGroup>, top = 15): HeapGroup[] {
  const grown: HeapGroup[] = [];
  for (const [key, now] of after) {
    const then = before.get(key) ?? { count: 0, bytes: 0 };
    grown.push({ group: key, count: now.count - then.count, bytes: now.bytes - then.bytes });
  }
  return grown.sort((a, b) => b.bytes - a.bytes).slice(0, top);
}
