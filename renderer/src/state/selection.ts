/**
 * Which papers are selected. `anchor` is where a Shift range starts; `cursor` is the row the
 * keyboard is on (the last one clicked or moved to). Ids not in the current list are kept but ignored,
 * so clearing a search brings a selection back.
 */
export interface Selection {
  ids: readonly string[];
  anchor?: string;
  cursor?: string;
}

export const emptySelection: Selection = { ids: [] };

export function selectOnly(id: string): Selection {
  return { ids: [id], anchor: id, cursor: id };
}

export function toggleSelected(selection: Selection, id: string): Selection {
  const has = selection.ids.includes(id);
  return { ids: has ? selection.ids.filter((other) => other !== id) : [...selection.ids, id], anchor: id, cursor: id };
}

function range(order: readonly string[], from: string, to: string): string[] | undefined {
  const start = order.indexOf(from);
  const end = order.indexOf(to);
  if (start < 0 || end < 0) return undefined;
  return order.slice(Math.min(start, end), Math.max(start, end) + 1);
}

/** Shift+click: everything between the anchor and `id`, in list order. */
export function selectRange(selection: Selection, id: string, order: readonly string[]): Selection {
  const anchor = selection.anchor && order.includes(selection.anchor) ? selection.anchor : id;
  return { ids: range(order, anchor, id) ?? [id], anchor, cursor: id };
}

export type Movement = 1 | -1 | 'first' | 'last';

/** ↑/↓/Home/End: moves the cursor and selects that row; with `extend`, grows the range from the anchor instead. */
export function moveSelection(selection: Selection, order: readonly string[], movement: Movement, extend: boolean): Selection {
  if (order.length === 0) return selection;
  const current = selection.cursor ? order.indexOf(selection.cursor) : -1;
  let next: number;
  if (movement === 'first') next = 0;
  else if (movement === 'last') next = order.length - 1;
  else if (current < 0) next = movement === 1 ? 0 : order.length - 1;
  else next = Math.min(order.length - 1, Math.max(0, current + movement));
  const id = order[next];
  if (id === undefined) return selection;
  if (!extend) return selectOnly(id);
  const anchor = selection.anchor && order.includes(selection.anchor) ? selection.anchor : (order[Math.max(current, 0)] ?? id);
  return { ids: range(order, anchor, id) ?? [id], anchor, cursor: id };
}

export function selectAll(order: readonly string[]): Selection {
  return { ids: [...order], anchor: order[0], cursor: order[order.length - 1] };
}

/** The selected ids that are in the list now, in selection order. */
export function visibleSelection(selection: Selection, isVisible: (id: string) => boolean): string[] {
  return selection.ids.filter(isVisible);
}
