import { useEffect, useLayoutEffect, useRef } from 'react';
import { commands, isRunnable, matchesCommand, type CommandContext } from './commands';

const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit']);

/** Fields where plain keys are the user's text (or, for a select, its own arrow keys). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

function isClickable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href], summary, [role="button"]') !== null;
}

/**
 * Dispatches keyboard shortcuts from the command list. A component that handles a key itself
 * (the palette, the tag input) calls preventDefault and the shortcut stands aside.
 */
export function useShortcuts(context: CommandContext): void {
  const latest = useRef(context);
  useLayoutEffect(() => {
    latest.current = context;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const current = latest.current;
      const typing = isTextEntry(event.target);
      for (const command of commands) {
        if (!matchesCommand(event, command)) continue;
        if ((current.paletteOpen || current.dialogOpen) && command.id !== 'palette') return;
        if (typing && !command.whileTyping) return;
        // Enter and Space belong to a focused button or link.
        if ((event.key === 'Enter' || event.key === ' ') && isClickable(event.target)) return;
        if (!isRunnable(command, current)) continue;
        event.preventDefault();
        command.run(current);
        return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
