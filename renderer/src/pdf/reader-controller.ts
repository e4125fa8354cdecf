/** What the keyboard and the command palette can ask of the open reader. */
export interface ReaderActions {
  find: () => void;
  zoomIn: () => void;
  zoomOut: () => void;
  fitWidth: () => void;
  nextPage: () => void;
  previousPage: () => void;
  copyHighlights: () => void;
}

let open: ReaderActions | undefined;

/**
 * The open reader's actions, for commands (renderer/src/commands/commands.ts): the reader
 * registers itself while it is on screen, and a command run without one does nothing.
 */
export const readerController = {
  attach(actions: ReaderActions): () => void {
    open = actions;
    return () => {
      if (open === actions) open = undefined;
    };
  },
  run(action: keyof ReaderActions): void {
    open?.[action]();
  },
};
