import { useEffect, useLayoutEffect, useRef } from 'react';
import { onEvent } from '../api/client';
import { toasts } from '../state/toast-store';
import { isTextField } from '../util/text-field';
import { commands, type CommandContext } from './commands';

/**
 * Runs the commands the desktop menu asks for (`app.command`, by command id), exactly as the
 * palette would: unavailable or disabled commands say why instead of doing nothing.
 */
export function useAppCommandEvents(context: CommandContext): void {
  const latest = useRef(context);
  useLayoutEffect(() => {
    latest.current = context;
  });

  useEffect(
    () =>
      onEvent('app.command', ({ command: id }) => {
        const command = commands.find((candidate) => candidate.id === id);
        const current = latest.current;
        if (!command) {
          toasts.error(`This version of Sift has no command “${id}”`);
          return;
        }
        // Edit › Undo in a field (the palette's too) undoes its typing, as the key would have.
        if (command.inTextField && isTextField(document.activeElement)) {
          document.execCommand(command.inTextField);
          return;
        }
        if (!(command.isAvailable?.(current) ?? true)) {
          toasts.info(`${command.title.replace(/…$/, '')} is not available now`);
          return;
        }
        const reason = command.disabledReason?.(current);
        if (reason !== undefined) {
          toasts.info(`${command.title.replace(/…$/, '')}: ${reason}`);
          return;
        }
        // A menu command replaces whatever the palette was about to do.
        if (current.paletteOpen && command.id !== 'palette') current.togglePalette();
        command.run(current);
      }),
    [],
  );
}
