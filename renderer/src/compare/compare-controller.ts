/** What the command palette can ask of the open Compare view. */
export interface CompareActions {
  copyMarkdown: () => void;
  exportMarkdown: () => void;
}

let open: CompareActions | undefined;

/**
 * The open Compare view's actions, for commands (renderer/src/commands/commands.ts): the view
 * registers itself while it is on screen, and a command run without one does nothing.
 */
export const compareController = {
  attach(actions: CompareActions): () => void {
    open = actions;
    return () => {
      if (open === actions) open = undefined;
    };
  },
  run(action: keyof CompareActions): void {
    open?.[action]();
  },
};
