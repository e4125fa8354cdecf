import { createContext } from 'react';

/** What a paper link in a note can do: say which paper it names, and open it in the app. */
export interface PaperLinks {
  /** The paper's title, or undefined when it is not in the library (deleted, or another library's). */
  titleOf: (id: string) => string | undefined;
  open: (id: string) => void;
}

/** Without a provider (a preview outside the detail pane), paper links show as text. */
export const PaperLinkContext = createContext<PaperLinks | undefined>(undefined);
