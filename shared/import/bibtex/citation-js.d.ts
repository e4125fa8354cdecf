// Types for the parts of citation-js (which ships no TypeScript types) that the BibTeX importer uses.
// They describe @citation-js/core and @citation-js/plugin-bibtex 0.8.x; `parse-bibtex.test.ts` fails
// if an upgrade moves them.

declare module '@citation-js/core' {
  /** A token from a moo lexer (https://github.com/no-context/moo). */
  export interface MooToken {
    type?: string;
    value: string;
    text: string;
    /** Offset in the text the lexer was last reset with. */
    offset: number;
    line: number;
    col: number;
  }

  export interface MooLexer {
    reset(
      text: string,
      info?: {
        line: number;
        col: number;
        state: string;
        stack: string[];
        queuedToken: null;
        queuedText: string;
        queuedThrow: null;
      },
    ): MooLexer;
    next(): MooToken | undefined;
    clone(): MooLexer;
  }

  export namespace util {
    /** citation-js's recursive-descent parser: named rules that consume tokens from a moo lexer. */
    class Grammar<State> {
      constructor(rules: Record<string, (this: Grammar<State>) => unknown>, state: State);
      rules: Record<string, (this: Grammar<State>) => unknown>;
      lexer: MooLexer;
      /** The look-ahead token; `undefined` at the end of the text. */
      token: MooToken | undefined;
      state: State;
      log: string[];
      parse(lexer: MooLexer, mainRule?: string): unknown;
      matchEndOfFile(): boolean;
      matchToken(type: string): boolean;
      consumeToken(type?: string): MooToken;
      consumeToken(type: string, optional: true): MooToken | undefined;
      consumeRule(rule: string): unknown;
    }
  }
}

declare module '@citation-js/plugin-bibtex/lib/input/file.js' {
  import type { util } from '@citation-js/core';

  /** The grammar of a .bib file: entries, `@string`, `@preamble`, values with `#`. */
  export const bibtexGrammar: util.Grammar<{ strings: Record<string, string> }>;
  export function parse(text: string): unknown[];
}

declare module '@citation-js/plugin-bibtex/lib/input/value.js' {
  /** A BibTeX person name as citation-js splits it. */
  export interface CitationJsName {
    family?: string;
    given?: string;
    prefix?: string;
    suffix?: string;
    [part: string]: string | undefined;
  }

  /** Decodes one field value (LaTeX to Unicode); the field's name chooses how (names, lists, text). */
  export function parse(text: string, field: string, languages?: string | string[]): unknown;
}

declare module '@citation-js/plugin-bibtex/lib/input/constants.js' {
  /** Field name → [`field`|`list`|`separated`, value kind such as `name`, `literal`, `verbatim`]. */
  export const fieldTypes: Record<string, [string, string]>;
  export const diacritics: Record<string, string>;
  export const commands: Record<string, string>;
  export const mathCommands: Record<string, string>;
  export const formattingEnvs: Record<string, string | undefined>;
  export const formattingCommands: Record<string, string | undefined>;
  export const argumentCommands: Record<string, (...args: string[]) => string>;
  export const mathScriptFormatting: Record<string, string | undefined>;
  /** Markup citation-js wraps formatted text in, e.g. `italics: ['<i>', '</i>']`. */
  export const formatting: Record<string, [string, string]>;
  /** Macros BibTeX styles predefine: month names (`jan` → "01") and journal abbreviations. */
  export const defaultStrings: Record<string, string>;
}
