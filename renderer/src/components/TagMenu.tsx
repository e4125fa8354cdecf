import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { tagPalette, tagPaletteKeys } from '../../../shared/model/tag-colors';
import type { TagNode } from '../state/tag-tree';

/** Where the menu opens: beside its ⋯ button, or at the pointer for a right-click. */
export interface MenuAnchor {
  x: number;
  y: number;
  /** Focus goes back here when the menu closes without an action that moves it. */
  returnFocus: HTMLElement | null;
  /** The ⋯ button that opened it: a press on it is its own toggle, not a click outside. */
  opener?: HTMLElement;
}

interface Props {
  node: TagNode;
  anchor: MenuAnchor;
  /** Which tag holds each number key now, to say whose key a pin takes. */
  pinnedTags: ReadonlyMap<number, string>;
  onRename: () => void;
  onColor: (color: string | null) => void;
  onPin: (slot: number | null) => void;
  onDelete: () => void;
  onClose: () => void;
}

const SLOTS = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const EDGE = 8;

/** The actions on one tag: rename, color, pin to a number key, delete. A menu by ARIA's pattern: ↑/↓ move, Esc closes, 1–9 pin. */
export function TagMenu({ node, anchor, pinnedTags, onRename, onColor, onPin, onDelete, onClose }: Props) {
  const menu = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: anchor.x, top: anchor.y });
  const nested = countNested(node);
  const ids = useId();

  // Kept inside the window: a tag low in the sidebar opens its menu upwards.
  useLayoutEffect(() => {
    const box = menu.current?.getBoundingClientRect();
    if (!box) return;
    setPosition({
      left: Math.max(EDGE, Math.min(anchor.x, window.innerWidth - box.width - EDGE)),
      top: anchor.y + box.height + EDGE > window.innerHeight ? Math.max(EDGE, anchor.y - box.height) : anchor.y,
    });
    menu.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
  }, [anchor]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !anchor.opener?.contains(target)) onClose();
    };
    const onBlur = () => onClose();
    document.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('blur', onBlur);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('blur', onBlur);
    };
  }, [onClose, anchor]);

  const close = () => {
    onClose();
    if (anchor.returnFocus?.isConnected) anchor.returnFocus.focus();
  };
  const act = (run: () => void) => {
    close();
    run();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => items[(index + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown' || event.key === 'ArrowRight') move(at + 1);
    else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') close();
    // A digit pins to that key (or unpins from it), as clicking the key's button does.
    else if (/^[1-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const slot = Number(event.key);
      act(() => onPin(node.pinned === slot ? null : slot));
    } else return;
    // The menu has the keyboard: no list movement or shortcut behind it.
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div
      ref={menu}
      className="tag-menu"
      data-testid="tag-menu"
      role="menu"
      aria-label={`Tag “${node.name}”`}
      style={{ left: position.left, top: position.top }}
      onKeyDown={onKeyDown}
    >
      <p className="tag-menu-title" title={node.name}>
        {node.name}
      </p>
      <button type="button" role="menuitem" className="tag-menu-item" data-testid="tag-rename" onClick={() => act(onRename)}>
        Rename…
        {nested > 0 && <span className="tag-menu-note">with {nested} nested</span>}
      </button>

      <p className="tag-menu-label" id={`${ids}-color`}>
        Color
      </p>
      <div className="tag-menu-swatches" role="group" aria-labelledby={`${ids}-color`}>
        {tagPaletteKeys.map((key) => (
          <button
            key={key}
            type="button"
            role="menuitemradio"
            aria-checked={node.color === key}
            aria-label={key}
            title={key}
            className="tag-swatch"
            data-testid="tag-color"
            data-color={key}
            style={{ background: tagPalette[key] }}
            onClick={() => act(() => onColor(key))}
          />
        ))}
        <button
          type="button"
          role="menuitemradio"
          aria-checked={node.color === undefined}
          aria-label="No color"
          title="No color"
          className="tag-swatch tag-swatch-none"
          data-testid="tag-color"
          data-color="none"
          onClick={() => act(() => onColor(null))}
        />
      </div>

      <p className="tag-menu-label" id={`${ids}-pin`}>
        Pin to number key
      </p>
      <div className="tag-menu-slots" role="group" aria-labelledby={`${ids}-pin`}>
        {SLOTS.map((slot) => {
          const holder = pinnedTags.get(slot);
          const taken = holder !== undefined && holder !== node.name;
          return (
            <button
              key={slot}
              type="button"
              role="menuitemradio"
              aria-checked={node.pinned === slot}
              className={`tag-slot${taken ? ' taken' : ''}`}
              data-testid="tag-pin"
              data-slot={slot}
              title={taken ? `Key ${slot} toggles “${holder}”; pinning moves it here` : `Press ${slot} to toggle “${node.name}” on the selected papers`}
              onClick={() => act(() => onPin(node.pinned === slot ? null : slot))}
            >
              {slot}
            </button>
          );
        })}
      </div>
      {node.pinned !== undefined && (
        <button type="button" role="menuitem" className="tag-menu-item" data-testid="tag-unpin" onClick={() => act(() => onPin(null))}>
          Unpin from {node.pinned}
        </button>
      )}

      <hr className="tag-menu-separator" />
      <button type="button" role="menuitem" className="tag-menu-item danger" data-testid="tag-delete" onClick={() => act(onDelete)}>
        Delete tag
        {nested > 0 && <span className="tag-menu-note">and {nested} nested</span>}
      </button>
    </div>
  );
}

function countNested(node: TagNode): number {
  return node.children.reduce((sum, child) => sum + 1 + countNested(child), 0);
}
