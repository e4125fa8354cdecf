import { useCallback, useMemo, useState, type MouseEvent } from 'react';
import { isInTagTree, renamedTag } from '../../../shared/model/nested-tags';
import { tagColorValue } from '../../../shared/model/tag-colors';
import { libraryStore } from '../state/library-store';
import { buildTagTree, visibleTagRows, type TagNode } from '../state/tag-tree';
import { toasts } from '../state/toast-store';
import type { Workspace } from '../state/use-workspace';
import { safeColor } from '../util/safe-color';
import { TagMenu, type MenuAnchor } from './TagMenu';
import { TagRenameField } from './TagRenameField';

interface Props {
  workspace: Workspace;
}

const papersLabel = (count: number) => `${count} ${count === 1 ? 'paper' : 'papers'}`;

/**
 * The sidebar's tags as a tree (`parent/child`): a click filters by the tag and everything nested
 * under it; ⋯ or a right-click opens rename, color, pin to a number key, and delete (with Undo).
 */
export function TagTree({ workspace }: Props) {
  const { tags, papers, ui, dispatch, readOnly, pinnedTags } = workspace;
  const activeTag = ui.filter.tag;
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [menu, setMenu] = useState<{ node: TagNode; anchor: MenuAnchor }>();
  const [renaming, setRenaming] = useState<string>();
  const roots = useMemo(() => buildTagTree(tags, papers), [tags, papers]);
  const rows = useMemo(() => visibleTagRows(roots, collapsed), [roots, collapsed]);
  const closeMenu = useCallback(() => setMenu(undefined), []);

  const toggleCollapsed = (name: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(name)) next.add(name);
      return next;
    });

  const openMenu = (node: TagNode, event: MouseEvent<HTMLElement>, atPointer: boolean) => {
    if (readOnly !== undefined) return;
    event.preventDefault();
    const row = event.currentTarget.closest('li');
    const button = row?.querySelector<HTMLElement>('[data-testid="sidebar-tag"]') ?? null;
    const box = (atPointer ? undefined : event.currentTarget.getBoundingClientRect()) ?? undefined;
    // A keyboard's context-menu key reports (0, 0): open by the row instead.
    const fromKeyboard = atPointer && event.clientX === 0 && event.clientY === 0;
    const rowBox = row?.getBoundingClientRect();
    const anchor: MenuAnchor = box
      ? { x: box.right + 6, y: box.top - 8, returnFocus: event.currentTarget, opener: event.currentTarget }
      : fromKeyboard && rowBox
        ? { x: rowBox.left + 24, y: rowBox.bottom, returnFocus: button }
        : { x: event.clientX, y: event.clientY, returnFocus: button };
    setMenu({ node, anchor });
  };

  const followFilter = (from: string, to: string | undefined) => {
    if (activeTag === undefined || !isInTagTree(activeTag, from)) return;
    dispatch({ type: 'clearFilter' });
    const next = to === undefined ? undefined : renamedTag(activeTag, from, to);
    if (next !== undefined) dispatch({ type: 'toggleTagFilter', tag: next });
  };

  const rename = async (from: string, to: string) => {
    setRenaming(undefined);
    const result = await libraryStore.renameTag(from, to);
    if (!result) return;
    followFilter(from, to);
    if (result.merged) {
      toasts.info(`Merged “${from}” into “${to}”`);
    } else {
      toasts.info(`Renamed “${from}” to “${to}”`, {
        label: 'Undo',
        run: () => void libraryStore.renameTag(to, from).then((undone) => undone && followFilter(to, from)),
      });
    }
  };

  const remove = async (node: TagNode) => {
    const result = await libraryStore.deleteTag(node.name);
    if (!result) return;
    followFilter(node.name, undefined);
    const nested = result.removed.length - (result.removed.some((tag) => tag.name === node.name) ? 1 : 0);
    toasts.info(`Deleted “${node.name}”${nested > 0 ? ` and ${nested} nested` : ''} from ${papersLabel(result.paperIds.length)}`, {
      label: 'Undo',
      run: () => void libraryStore.restoreTags(result.removed),
    });
  };

  const pin = async (node: TagNode, slot: number | null) => {
    const result = await libraryStore.pinTag(node.name, slot);
    if (!result) return;
    if (slot === null) toasts.info(`Unpinned “${node.name}”`);
    else toasts.info(`Press ${slot} to toggle “${node.name}” on the selected papers${result.unpinned ? ` (was “${result.unpinned}”)` : ''}`);
  };

  return (
    <>
      <h2 className="sidebar-heading">Tags</h2>
      {rows.length === 0 ? (
        <p className="sidebar-empty">No tags yet. Add one from a paper’s detail pane; write parent/child to nest them.</p>
      ) : (
        <ul className="sidebar-list tag-tree" data-testid="tag-tree" aria-label="Tags">
          {rows.map((node) => {
            const active = activeTag === node.name;
            const color = safeColor(tagColorValue(node.color));
            const parent = node.children.length > 0;
            const open = parent && !collapsed.has(node.name);
            const indent = 10 + node.depth * 14;
            return (
              <li
                key={node.name}
                className={`tag-row${active ? ' active' : ''}`}
                onContextMenu={(event) => renaming !== node.name && openMenu(node, event, true)}
              >
                {renaming === node.name ? (
                  <TagRenameField
                    name={node.name}
                    depth={node.depth}
                    tags={tags}
                    onSubmit={(to) => void rename(node.name, to)}
                    onCancel={() => setRenaming(undefined)}
                  />
                ) : (
                  <>
                    <button
                      type="button"
                      className={`sidebar-item tag-item${active ? ' active' : ''}`}
                      aria-pressed={active}
                      data-testid="sidebar-tag"
                      data-tag={node.name}
                      aria-label={`${node.name}, ${papersLabel(node.count)}${node.pinned !== undefined ? `, key ${node.pinned}` : ''}`}
                      title={`${node.name}: ${papersLabel(node.count)}${parent ? ', with its nested tags' : ''}`}
                      style={{ paddingLeft: indent + 14 }}
                      onClick={() => dispatch({ type: 'toggleTagFilter', tag: node.name })}
                    >
                      <span className="tag-dot" style={color ? { background: color, opacity: 1 } : undefined} aria-hidden="true" />
                      <span className="sidebar-label">{node.label}</span>
                      {node.pinned !== undefined && (
                        <kbd className="tag-pin" data-testid="tag-pin-badge" title={`Press ${node.pinned} to toggle on the selected papers`}>
                          {node.pinned}
                        </kbd>
                      )}
                      <span className="sidebar-count">{node.count}</span>
                    </button>
                    {parent && (
                      <button
                        type="button"
                        className="tag-twisty"
                        data-testid="tag-twisty"
                        aria-label={`${open ? 'Collapse' : 'Expand'} “${node.name}”`}
                        aria-expanded={open}
                        style={{ left: indent - 6 }}
                        onClick={() => toggleCollapsed(node.name)}
                      >
                        <svg viewBox="0 0 10 10" aria-hidden="true" className={open ? 'open' : undefined}>
                          <path d="M3.5 2 7 5 3.5 8" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
                        </svg>
                      </button>
                    )}
                    {readOnly === undefined && (
                      <button
                        type="button"
                        className="icon-button tag-more"
                        data-testid="tag-menu-button"
                        aria-label={`Actions for “${node.name}”`}
                        aria-haspopup="menu"
                        aria-expanded={menu?.node.name === node.name}
                        title="Rename, color, pin, delete"
                        onClick={(event) => (menu?.node.name === node.name ? closeMenu() : openMenu(node, event, false))}
                      >
                        ⋯
                      </button>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {menu && (
        <TagMenu
          node={menu.node}
          anchor={menu.anchor}
          pinnedTags={pinnedTags}
          onClose={closeMenu}
          onRename={() => setRenaming(menu.node.name)}
          onColor={(color) => void libraryStore.setTagColor(menu.node.name, color)}
          onPin={(slot) => void pin(menu.node, slot)}
          onDelete={() => void remove(menu.node)}
        />
      )}
    </>
  );
}
