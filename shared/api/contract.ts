import { z } from 'zod';
import { highlightColors, highlightRectSchema } from '../model/highlights';
import {
  annotationSchema,
  noteSchema,
  paperSchema,
  readStatuses,
  screeningDecisions,
  tagNameSchema,
  tagSchema,
  paperTypes,
  authorSchema,
  MAX_SCREENING_KEYWORDS,
  MAX_SCREENING_REASONS,
  screeningCriteriaSchema,
  screeningKeywordSchema,
  screeningReasonSchema,
  screeningSchema,
  columnSchema,
  MAX_COLUMNS,
  reviewTableSchema,
  comparisonSchema,
  MAX_COMPARED_PAPERS,
  MAX_COMPARISON_NOTE,
  MIN_COMPARED_PAPERS,
} from '../model/library';
import { tagColorSchema } from '../model/tag-colors';
import { reviewColumnIds, CUSTOM_COLUMN_PREFIX } from '../export/review-columns';
import { bibliographyFormats } from '../export/bibliography-formats';
import type { EventName, MethodName } from './channels';

export { eventNames, ipcChannel, ipcEventChannel, isMethodName, methodNames } from './channels';
export type { EventName, MethodName } from './channels';

/**
 * The one contract between the renderer and the main side (ARCHITECTURE.md §3).
 * Electron's preload, the IPC registration, the browser-mode server, the renderer client and the CLI
 * are all derived from this object, so an operation exists everywhere or nowhere.
 */

const paperId = z.string().min(1).max(64);

/** A backup as the restore dialog previews it. */
export const backupInfoSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  paperCount: z.number().int(),
  /** The newest `updatedAt` of any paper in it: what the user had done by then. */
  lastChange: z.string().optional(),
  bytes: z.number().int(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;
const paperIds = z.array(paperId).min(1, 'Select at least one paper').max(100_000);

/** Where the open library lives and whether it loaded. `failed` libraries are never written to. */
export const libraryInfoSchema = z.object({
  path: z.string(),
  state: z.enum(['ready', 'failed']),
  paperCount: z.number().int(),
  /** Why the library could not be loaded (parse position or schema path), when `state` is `failed`. */
  error: z.object({ message: z.string(), detail: z.string().optional() }).optional(),
  /** True for an empty library: the UI offers the sample library. */
  isEmpty: z.boolean(),
  /** True where a native folder picker exists (Electron); browser mode opens libraries with `--library`. */
  canChooseLibrary: z.boolean(),
  /** True when another Sift holds the library: the user should close it there, not restore a backup. */
  locked: z.boolean(),
  /** Set when the library can be read but not changed, with the reason (a read-only folder). */
  readOnly: z.string().optional(),
});
export type LibraryInfo = z.infer<typeof libraryInfoSchema>;

/**
 * What the paper list needs of a paper: everything but the long text (abstract, notes, extra), so
 * that listing 50,000 papers stays a few megabytes. The detail pane fetches whole papers.
 */
export const paperSummarySchema = paperSchema
  .pick({ id: true, type: true, title: true, year: true, venue: true, doi: true, arxivId: true, tags: true, status: true, addedAt: true, updatedAt: true })
  .extend({
    /** The first few authors; `authorCount` says how many there are in all. */
    authors: z.array(authorSchema).max(10),
    authorCount: z.number().int(),
    decision: z.enum(screeningDecisions),
    noteCount: z.number().int(),
    hasAbstract: z.boolean(),
  });
export type PaperSummary = z.infer<typeof paperSummarySchema>;

export const tagSummarySchema = tagSchema.extend({ count: z.number().int() });
export type TagSummary = z.infer<typeof tagSummarySchema>;

const pinSlot = z.number().int().min(1, 'Pin slots are 1 to 9').max(9, 'Pin slots are 1 to 9');

/** A tag `tags.delete` took off papers, with its color and pin: what `tags.restore` needs to put it back. */
export const removedTagSchema = tagSchema.extend({ paperIds: z.array(paperId).max(100_000) });
export type RemovedTag = z.infer<typeof removedTagSchema>;

/** Fields a user may edit directly on a paper. */
export const paperChangesSchema = z
  .object({
    title: z.string().trim().min(1, 'A title cannot be empty').max(10_000),
    type: z.enum(paperTypes),
    authors: z.array(authorSchema).max(10_000),
    year: z.number().int().min(0).max(9999).nullable(),
    venue: z.string().max(10_000),
    abstract: z.string().max(1_000_000),
    doi: z.string().max(1000),
    url: z.string().max(10_000),
    status: z.enum(readStatuses),
    rating: z.number().int().min(0).max(5),
  })
  .strict()
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'Nothing to change');
export type PaperChanges = z.infer<typeof paperChangesSchema>;

/** A built-in column id, or a custom column of the library as `column:<id>` (shared/export/review-columns.ts). */
const reviewColumnKey = z.custom<(typeof reviewColumnIds)[number] | `column:${string}`>(
  (key) =>
    typeof key === 'string' &&
    ((reviewColumnIds as readonly string[]).includes(key) || (key.startsWith(CUSTOM_COLUMN_PREFIX) && key.length > CUSTOM_COLUMN_PREFIX.length && key.length <= 100)),
  { message: `Invalid option: expected one of ${reviewColumnIds.map((id) => `"${id}"`).join('|')} or "column:<id>"` },
);

/** A bibliographic export and what each paper lost in it (shared/export/export-report.ts). */
export const bibliographyExportSchema = z.object({
  text: z.string(),
  /** Only the papers that lost something: per paper, each field the format could not carry and why. */
  report: z.array(
    z.object({ paperId: z.string(), key: z.string(), title: z.string(), dropped: z.array(z.object({ field: z.string(), reason: z.string() })) }),
  ),
  count: z.number().int(),
});
export type BibliographyExportOutput = z.infer<typeof bibliographyExportSchema>;

/**
 * A file name an export writes: one plain name (no folder part, no `.`/`..`, no NUL), so that a
 * caller can never reach outside the chosen folder.
 */
const exportFileName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[\\/\0]/.test(name) && name !== '.' && name !== '..', 'A file name cannot contain slashes or NUL, or be . or ..');

/** One file of a Markdown notes bundle (shared/export/notes-bundle.ts). */
export const exportFileSchema = z.object({ fileName: exportFileName, content: z.string().max(50_000_000) }).strict();
export type ExportFile = z.infer<typeof exportFileSchema>;

/** Options of `export.table`; each applies to one format and is ignored by the other. */
export const tableExportOptionsSchema = z
  .object({
    /** Markdown: titles linked to DOI, else arXiv, else an http(s) URL. */
    linkTitles: z.boolean().optional(),
    /** Markdown: the review table's evidence quotes (with pages) as GFM footnotes. */
    footnotes: z.boolean().optional(),
    /** CSV: start with a UTF-8 byte order mark, for Excel on Windows. */
    bom: z.boolean().optional(),
  })
  .strict();
export type TableExportOptions = z.infer<typeof tableExportOptionsSchema>;

/** An imported paper before it joins the library (see shared/import/import-record.ts). */
export const paperDraftSchema = paperSchema
  .pick({ type: true, title: true, authors: true, keywords: true, extra: true })
  .extend(paperSchema.pick({ year: true, venue: true, abstract: true, doi: true, arxivId: true, url: true, citationKey: true }).shape);

const importWarningSchema = z.object({ line: z.number().int().optional(), entry: z.string().optional(), message: z.string() });
const importActionSchema = z.enum(['import', 'skip', 'merge']);
const importId = z.string().regex(/^[\w-]{8,64}$/, 'An import id is 8 to 64 letters, digits, "-" or "_"');

export const importPreviewItemSchema = z.object({
  index: z.number().int(),
  paper: paperDraftSchema,
  /** The file it came from ("Pasted text" for pasted text) and the line its record starts on. */
  file: z.string(),
  line: z.number().int().optional(),
  warnings: z.array(importWarningSchema),
  /** The paper it duplicates: in the library, or an earlier item of this import (`batch:<index>`). */
  duplicate: z
    .object({ id: z.string(), reason: z.enum(['doi', 'arxiv', 'title-year', 'fuzzy-title']), score: z.number(), inBatch: z.boolean(), title: z.string() })
    .optional(),
  /** What happens on commit unless the user chooses otherwise. */
  action: importActionSchema,
});
export type ImportPreviewItem = z.infer<typeof importPreviewItemSchema>;

export const importSourceFileSchema = z.object({
  name: z.string(),
  format: z.string(),
  records: z.number().int(),
  warnings: z.array(importWarningSchema),
  /** Why this file gave nothing (a password-protected or damaged PDF, a parse that was stopped…). */
  error: z.string().optional(),
});
export type ImportSourceFile = z.infer<typeof importSourceFileSchema>;

export const importPreviewSchema = z.object({
  importId: z.string(),
  items: z.array(importPreviewItemSchema),
  files: z.array(importSourceFileSchema),
  counts: z.object({ items: z.number().int(), duplicates: z.number().int(), warnings: z.number().int() }),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importDecisionSchema = z.object({ index: z.number().int().min(0), action: importActionSchema }).strict();
export type ImportDecision = z.infer<typeof importDecisionSchema>;

export const importCommitResultSchema = z.object({
  added: z.number().int(),
  merged: z.number().int(),
  skipped: z.number().int(),
  paperIds: z.array(z.string()),
});
export type ImportCommitResult = z.infer<typeof importCommitResultSchema>;

/** Where a match is: a field, and for authors, tags and notes which one (0-based). UTF-16 offsets, `end` exclusive. */
export const matchRangeSchema = z.object({
  field: z.enum(['title', 'authors', 'tags', 'venue', 'abstract', 'notes']),
  index: z.number().int().min(0).optional(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type MatchRange = z.infer<typeof matchRangeSchema>;

/** A match inside a paper's PDF text: the page (1-based) and a snippet around it, with the match's ranges in the snippet. */
export const fulltextMatchSchema = z.object({
  attachmentId: z.string(),
  page: z.number().int().min(1),
  snippet: z.string(),
  ranges: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export type FulltextMatch = z.infer<typeof fulltextMatchSchema>;

export const searchSorts = ['relevance', 'year-desc', 'year-asc', 'title', 'added-desc', 'added-asc'] as const;
export type SearchSort = (typeof searchSorts)[number];

export const searchHitSchema = z.object({
  id: z.string(),
  /** 0 is a perfect match, 1 none (fuse.js's scale); only comparable within one query. */
  score: z.number(),
  ranges: z.array(matchRangeSchema),
  fulltext: fulltextMatchSchema.optional(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchQueryInputSchema = z
  .object({
    query: z.string().max(10_000),
    /** How many results come back with their ranges (from `offset`). */
    limit: z.number().int().min(0).max(1000).default(50),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    sort: z.enum(searchSorts).default('relevance'),
    /** Free words also search inside PDFs' text ("search inside PDFs"); results then carry a page and snippet. */
    fulltext: z.boolean().default(false),
    /** Also return the ids of every match, in order (for the list, select all and export). */
    allIds: z.boolean().default(false),
  })
  .strict();
export type SearchQueryInput = z.input<typeof searchQueryInputSchema>;

export const searchQueryOutputSchema = z.object({
  results: z.array(searchHitSchema),
  /** How many papers match in all. */
  total: z.number().int(),
  tookMs: z.number(),
  /** Problems in the query, to underline: ranges of the query text with a message. */
  hints: z.array(z.object({ start: z.number().int(), end: z.number().int(), message: z.string() })),
  ids: z.array(z.string()).optional(),
});
export type SearchQueryOutput = z.infer<typeof searchQueryOutputSchema>;

export const savedSearchSummarySchema = z.object({ id: z.string(), name: z.string(), query: z.string(), count: z.number().int() });
export type SavedSearchSummary = z.infer<typeof savedSearchSummarySchema>;

/** A paper's screening state, as `screening.decide` answers it (to undo) and `screening.restore` takes it back. */
export const screeningStateSchema = z.object({ paperId, screening: screeningSchema }).strict();
export type ScreeningState = z.infer<typeof screeningStateSchema>;

/** The criteria as the side panel sends them: a new reason has no id yet (the main side gives it one). */
export const screeningCriteriaInputSchema = z
  .object({
    reasons: z
      .array(z.object({ id: screeningReasonSchema.shape.id.optional(), label: screeningReasonSchema.shape.label }).strict())
      .max(MAX_SCREENING_REASONS, `At most ${MAX_SCREENING_REASONS} exclusion reasons (keys 1–9)`),
    includeKeywords: z.array(screeningKeywordSchema).max(MAX_SCREENING_KEYWORDS, `At most ${MAX_SCREENING_KEYWORDS} inclusion keywords`),
    excludeKeywords: z.array(screeningKeywordSchema).max(MAX_SCREENING_KEYWORDS, `At most ${MAX_SCREENING_KEYWORDS} exclusion keywords`),
  })
  .strict()
  .superRefine((criteria, context) => {
    const labels = new Set<string>();
    const ids = new Set<string>();
    criteria.reasons.forEach((reason, index) => {
      const label = reason.label.toLowerCase();
      if (labels.has(label)) context.addIssue({ code: 'custom', path: ['reasons', index, 'label'], message: `Two exclusion reasons are both “${reason.label}”` });
      if (reason.id !== undefined && ids.has(reason.id)) context.addIssue({ code: 'custom', path: ['reasons', index, 'id'], message: 'Two exclusion reasons share an id' });
      labels.add(label);
      if (reason.id !== undefined) ids.add(reason.id);
    });
    const include = new Set(criteria.includeKeywords.map((keyword) => keyword.toLowerCase()));
    criteria.excludeKeywords.forEach((keyword, index) => {
      if (include.has(keyword.toLowerCase())) {
        context.addIssue({ code: 'custom', path: ['excludeKeywords', index], message: `“${keyword}” is both an inclusion and an exclusion keyword` });
      }
    });
  });
export type ScreeningCriteriaInput = z.input<typeof screeningCriteriaInputSchema>;

/**
 * Screening counts for a list of papers, ready for a PRISMA 2020 flow diagram's screening stage.
 * `identified` = `undecided` + `screened`; `screened` = `included` + `maybe` + `excluded`.
 */
export const screeningStatsSchema = z.object({
  /** The papers counted: those of the list that are in the library. */
  identified: z.number().int(),
  /** Papers with a decision (include, maybe or exclude). */
  screened: z.number().int(),
  undecided: z.number().int(),
  included: z.number().int(),
  maybe: z.number().int(),
  excluded: z.number().int(),
  /**
   * Excluded papers per reason: the criteria's reasons in their order (`number` 1–9, listed with 0 too), then
   * reasons no longer in the criteria (by the label they were given), most used first.
   */
  reasons: z.array(
    z.object({ reasonId: z.string().optional(), number: z.number().int().min(1).max(9).optional(), label: z.string(), count: z.number().int() }),
  ),
  /** Exclusions without a reason. */
  noReason: z.number().int(),
  /** Ids asked about that are not in the library (deleted since the list was made). */
  missing: z.number().int(),
});
export type ScreeningStats = z.infer<typeof screeningStatsSchema>;

/** A label (a year, tag, venue, import format…) with how many papers it has. */
const countedSchema = z.object({ label: z.string(), count: z.number().int() });

/**
 * The library overview of the dashboard (shared/dashboard/library-stats.ts computes all but `screening`).
 * Tags count papers by full name; a parent (`method` of `method/rct`) counts the distinct papers of its
 * subtree, as the sidebar and `tag:method` do. Venues are grouped without case and runs of white space.
 */
export const libraryStatsSchema = z.object({
  /** The papers counted. */
  papers: z.number().int(),
  /** Papers per year, oldest first (only years that have papers). */
  years: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  /** Papers without a year. */
  noYear: z.number().int(),
  /** The most used tags, most papers first (ties by name). */
  tags: z.array(countedSchema),
  /** How many distinct tags (and parents) there are, of which `tags` shows the top. */
  tagCount: z.number().int(),
  /** The most frequent venues, labelled by their most used spelling. */
  venues: z.array(countedSchema),
  venueCount: z.number().int(),
  noVenue: z.number().int(),
  status: z.object({ unread: z.number().int(), reading: z.number().int(), read: z.number().int() }),
  /** Papers per import format (`bibtex`, `ris`, `pdf`…); papers added without an import are `manual`. */
  sources: z.array(countedSchema),
  withPdf: z.number().int(),
  withNotes: z.number().int(),
  screening: screeningStatsSchema,
});
export type LibraryStats = z.infer<typeof libraryStatsSchema>;

const base64 = z.string().max(350_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'File data must be base64');

const attachmentId = z.string().min(1).max(128);
const annotationId = z.string().min(1).max(64);
const highlightQuote = z.string().trim().min(1, 'A highlight needs the text it marks').max(100_000);
const highlightComment = z.string().max(100_000);
const highlightTags = z.array(tagNameSchema).max(50, 'A highlight has at most 50 tags');

/** The reader opens PDFs up to this size; `attachments.read` refuses larger ones with a clear message. */
export const MAX_ATTACHMENT_READ_BYTES = 150 * 1024 * 1024;

/** The papers of a comparison: 2–4 distinct ids, in the order they are shown. */
const comparedPaperIds = z
  .array(paperId)
  .min(MIN_COMPARED_PAPERS, `Compare at least ${MIN_COMPARED_PAPERS} papers`)
  .max(MAX_COMPARED_PAPERS, `Compare at most ${MAX_COMPARED_PAPERS} papers`)
  .refine((ids) => new Set(ids).size === ids.length, 'A paper is compared only once');

/** The most related papers `papers.related` answers at once. */
export const MAX_RELATED = 50;

/** A word of an abstract: `text.slice(start, end)`, and its term (lower-case, stemmed as `tokenizeTerms` does). */
const termTokenSchema = z.object({ term: z.string(), start: z.number().int(), end: z.number().int() });

/** `compareAbstracts` for the compared papers' abstracts, weighed by the library's TF-IDF model (shared/text/compare-abstracts.ts). */
export const abstractComparisonSchema = z.object({
  papers: z.array(
    z.object({
      id: z.string(),
      /** Words whose term every compared abstract contains. */
      shared: z.array(termTokenSchema),
      /** Words whose term no other compared abstract contains. */
      unique: z.array(termTokenSchema),
      /** The abstract's sentences, each with its most similar sentence in every other paper (in the order of the papers). */
      sentences: z.array(
        z.object({
          start: z.number().int(),
          end: z.number().int(),
          matches: z.array(z.object({ paperId: z.string(), sentence: z.number().int().nullable(), score: z.number() })),
        }),
      ),
    }),
  ),
  /** `similarity[i][j]`: TF-IDF cosine of the abstracts of papers i and j (1 on the diagonal; 0 for no terms). */
  similarity: z.array(z.array(z.number())),
});
export type AbstractComparisonOutput = z.infer<typeof abstractComparisonSchema>;

const columnId = z.string().min(1).max(64);
/** One line of text: a column's name or a select option. */
function columnText(what: string, max: number) {
  return z
    .string()
    .trim()
    .min(1, `${what} cannot be empty`)
    .max(max, `${what} is at most ${max} characters`)
    .refine((text) => !/[\r\n\t]/.test(text), `${what} must be on one line`);
}

/** `columns.save`: a new column (no id) or a changed one. Names are unique (without case) across the library's columns. */
export const columnInputSchema = z
  .object({
    id: columnId.optional(),
    name: columnText('A column name', 200),
    kind: columnSchema.shape.kind,
    /** The choices of a select column (1–200, each at most 200 characters, no repeats). */
    options: z.array(columnText('An option', 200)).max(200, 'A column has at most 200 options').optional(),
  })
  .strict()
  .superRefine((column, context) => {
    if (column.kind === 'select' && (column.options === undefined || column.options.length === 0)) {
      context.addIssue({ code: 'custom', path: ['options'], message: 'A select column needs at least one option' });
    }
    if (column.kind !== 'select' && column.options !== undefined) {
      context.addIssue({ code: 'custom', path: ['options'], message: 'Only a select column has options' });
    }
    const seen = new Set<string>();
    column.options?.forEach((option, index) => {
      if (seen.has(option.toLowerCase())) context.addIssue({ code: 'custom', path: ['options', index], message: `Two options are both “${option}”` });
      seen.add(option.toLowerCase());
    });
  });
export type ColumnInput = z.input<typeof columnInputSchema>;

/** A cell's value: text (at most 100,000 characters), a number, yes/no, or null to clear it. */
export const cellValueSchema = z.union([z.string().max(100_000, 'A cell holds at most 100,000 characters'), z.number().finite(), z.boolean(), z.null()]);
export type CellValue = z.infer<typeof cellValueSchema>;

/** What the review table needs of a paper: its cell values, the evidence behind them, and its highlights to cite. */
export const paperCellsSchema = z.object({
  paperId: z.string(),
  fields: paperSchema.shape.fields,
  evidence: z.array(z.object({ columnId: z.string(), annotationId: z.string(), page: z.number().int(), quote: z.string() })),
  /** The paper's highlights (quotes cut to 300 characters). */
  highlights: z.array(z.object({ id: z.string(), page: z.number().int(), quote: z.string() })),
});
export type PaperCells = z.infer<typeof paperCellsSchema>;

/** `tables.save`: a new preset (no id) or a changed one. */
export const reviewTableInputSchema = reviewTableSchema.extend({ id: reviewTableSchema.shape.id.optional(), name: columnText('A preset name', 200) });
export type ReviewTableInput = z.input<typeof reviewTableInputSchema>;

function method<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O) {
  return { summary, input, output };
}
const noInput = z.object({}).strict();
type MethodSpec = { summary: string; input: z.ZodType; output: z.ZodType };

/** What Undo and Redo would change next, as labels for the menu and the palette. */
const historyStateSchema = z.object({ undo: z.string().optional(), redo: z.string().optional() });
export type HistoryState = z.infer<typeof historyStateSchema>;
const historyStepSchema = historyStateSchema.extend({ done: z.boolean(), label: z.string().optional() });
export type HistoryStep = z.infer<typeof historyStepSchema>;

export const apiMethods = {
  'library.info': method('Where the open library is and whether it loaded', noInput, libraryInfoSchema),
  'library.openSample': method(
    'Fill an empty library with the sample papers shipped in resources/',
    noInput,
    z.object({ added: z.number().int() }),
  ),
  'library.chooseAndOpen': method(
    'Pick another library folder with the native dialog and open it',
    noInput,
    z.object({ opened: z.boolean(), info: libraryInfoSchema }),
  ),
  'backups.list': method(
    'The rolling backups of library.json, newest first, with what each contains',
    noInput,
    z.object({ backups: z.array(backupInfoSchema) }),
  ),
  'backups.restore': method(
    'Replace the library with a backup (the current state is backed up first; a damaged file is kept aside)',
    z.object({ id: z.string().min(1).max(200) }).strict(),
    z.object({ info: libraryInfoSchema, restoredPapers: z.number().int() }),
  ),
  'papers.list': method(
    'Summaries of every paper, of the given ids, or of one page of the library (in library order), with every tag and its count',
    z
      .object({
        ids: z.array(paperId).max(100_000).optional(),
        /** A slice of the library in its order (oldest added first): lets a large library show its newest papers first. */
        page: z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(100_000) }).strict().optional(),
      })
      .strict()
      .refine((input) => !(input.ids && input.page), 'Ask for ids or a page, not both'),
    z.object({ papers: z.array(paperSummarySchema), tags: z.array(tagSummarySchema), total: z.number().int() }),
  ),
  'papers.get': method(
    'Whole papers by id (unknown ids are left out)',
    z.object({ ids: z.array(paperId).min(1).max(1000) }).strict(),
    z.object({ papers: z.array(paperSchema) }),
  ),
  'papers.update': method(
    'Change fields of one paper',
    z.object({ id: paperId, changes: paperChangesSchema }).strict(),
    z.object({ paper: paperSchema }),
  ),
  'papers.updateMany': method(
    'Change the read status, rating or type of many papers at once',
    z.object({ paperIds, changes: z.object({ status: z.enum(readStatuses), rating: z.number().int().min(0).max(5), type: z.enum(paperTypes) }).strict().partial().refine((changes) => Object.keys(changes).length > 0, 'Nothing to change') }).strict(),
    z.object({ changed: z.number().int() }),
  ),
  'tags.add': method(
    'Add a tag to one or more papers',
    z.object({ paperIds, tag: tagNameSchema }).strict(),
    z.object({ changed: z.number().int() }),
  ),
  'tags.remove': method(
    'Remove a tag from one or more papers',
    z.object({ paperIds, tag: tagNameSchema }).strict(),
    z.object({ changed: z.number().int() }),
  ),
  'tags.rename': method(
    'Rename a tag and the tags nested under it (`a` also renames `a/b`); renaming onto an existing tag merges the two',
    z
      .object({ from: tagNameSchema, to: tagNameSchema })
      .strict()
      .refine(({ from, to }) => from !== to, 'The new name is the same as the old one'),
    z.object({
      /** Papers whose tags changed. */
      changed: z.number().int(),
      /** At least one renamed tag already existed, so two tags became one. */
      merged: z.boolean(),
      renamed: z.array(z.object({ from: z.string(), to: z.string() })),
    }),
  ),
  'tags.setColor': method(
    'Give a tag a color (a palette key or #rrggbb), or take its color away with null',
    z.object({ name: tagNameSchema, color: tagColorSchema.nullable() }).strict(),
    z.object({ tag: tagSchema }),
  ),
  'tags.pin': method(
    'Pin a tag to a number key 1–9 (a tag that held that key loses it), or unpin it with null',
    z.object({ name: tagNameSchema, slot: pinSlot.nullable() }).strict(),
    z.object({ tag: tagSchema, unpinned: z.string().optional() }),
  ),
  'tags.delete': method(
    'Take a tag and the tags nested under it off every paper and forget their colors and pins; the answer is what tags.restore needs to undo it',
    z.object({ name: tagNameSchema }).strict(),
    z.object({ paperIds: z.array(z.string()), removed: z.array(removedTagSchema) }),
  ),
  'tags.restore': method(
    'Undo tags.delete: put tags back on the papers that had them (papers since deleted are skipped), with their colors and free pins',
    z.object({ tags: z.array(removedTagSchema).min(1).max(10_000) }).strict(),
    z.object({ changed: z.number().int() }),
  ),
  'notes.add': method(
    'Add a Markdown note to a paper',
    z.object({ paperId, body: z.string().max(1_000_000) }).strict(),
    z.object({ note: noteSchema }),
  ),
  'notes.update': method(
    'Replace the text of a note',
    z.object({ paperId, noteId: z.string().min(1).max(64), body: z.string().max(1_000_000) }).strict(),
    z.object({ note: noteSchema }),
  ),
  'notes.delete': method(
    'Delete a note',
    z.object({ paperId, noteId: z.string().min(1).max(64) }).strict(),
    z.object({ deleted: z.boolean() }),
  ),
  'annotations.add': method(
    'Highlight a passage of a paper\'s PDF: page, rectangles in page units (shared/model/highlights.ts), quoted text, color',
    z
      .object({
        paperId,
        attachmentId,
        page: z.number().int().min(1).max(100_000),
        rects: z.array(highlightRectSchema).min(1, 'A highlight needs at least one rectangle').max(1000),
        quote: highlightQuote,
        color: z.enum(highlightColors),
        comment: highlightComment.optional(),
        tags: highlightTags.optional(),
      })
      .strict(),
    z.object({ annotation: annotationSchema }),
  ),
  'annotations.update': method(
    'Change a highlight\'s color, comment (an empty one removes it) or tags',
    z
      .object({ paperId, annotationId, color: z.enum(highlightColors).optional(), comment: highlightComment.optional(), tags: highlightTags.optional() })
      .strict()
      .refine((input) => input.color !== undefined || input.comment !== undefined || input.tags !== undefined, 'Nothing to change'),
    z.object({ annotation: annotationSchema }),
  ),
  'annotations.delete': method(
    'Delete a highlight; the answer holds it whole, so that it can be added again (undo)',
    z.object({ paperId, annotationId }).strict(),
    z.object({ deleted: annotationSchema }),
  ),
  'attachments.read': method(
    'The bytes of a paper\'s PDF, found by attachment id (never by path), as base64; PDFs over 150 MB are refused',
    z.object({ paperId, attachmentId }).strict(),
    z.object({ data: z.string(), bytes: z.number().int(), sha256: z.string() }),
  ),
  'import.preview': method(
    'Parse files and/or pasted text, find duplicates, and hold the result until commit (changes nothing)',
    z
      .object({
        importId,
        files: z.array(z.object({ name: z.string().min(1).max(1000), data: base64 }).strict()).max(10_000),
        text: z.string().max(100_000_000).optional(),
        format: z.enum(['auto', 'bibtex', 'ris', 'csl-json', 'paste']).optional(),
      })
      .strict(),
    importPreviewSchema,
  ),
  'import.commit': method(
    'Apply a preview in one library write: each item imported, skipped or merged into the paper it duplicates',
    z.object({ importId, decisions: z.array(importDecisionSchema).max(1_000_000), tags: z.array(tagNameSchema).max(50).optional() }).strict(),
    importCommitResultSchema,
  ),
  'import.cancel': method('Stop an import preview and forget it; the library is unchanged', z.object({ importId }).strict(), z.object({ cancelled: z.boolean() })),
  'export.markdown': method(
    'The given papers (in that order) as a GFM review table',
    z.object({ paperIds: z.array(paperId).max(100_000), columns: z.array(reviewColumnKey).min(1).max(100).optional() }).strict(),
    z.object({ markdown: z.string(), rows: z.number().int() }),
  ),
  'export.bibliography': method(
    'The given papers (in that order) as BibTeX, BibLaTeX, RIS or CSL-JSON, with a report of the fields each format could not carry',
    z.object({ paperIds: z.array(paperId).max(100_000), format: z.enum(bibliographyFormats) }).strict(),
    bibliographyExportSchema,
  ),
  'export.table': method(
    'The given papers (in that order) as the review table in GFM Markdown or CSV (RFC 4180, formulas neutralized)',
    z
      .object({
        paperIds: z.array(paperId).max(100_000),
        columns: z.array(reviewColumnKey).min(1).max(100).optional(),
        format: z.enum(['markdown', 'csv']),
        options: tableExportOptionsSchema.optional(),
      })
      .strict(),
    z.object({ text: z.string(), rows: z.number().int() }),
  ),
  'export.notes': method(
    'The given papers as a Markdown notes bundle: one file per paper with YAML front matter, abstract, notes and highlights',
    z.object({ paperIds: z.array(paperId).max(100_000), naming: z.enum(['citation-key', 'title']).optional() }).strict(),
    z.object({ files: z.array(exportFileSchema) }),
  ),
  'export.saveFolder': method(
    'Write exported files into a folder chosen with the native dialog; a name already there gets a suffix, nothing is overwritten',
    z
      .object({ files: z.array(exportFileSchema).min(1).max(100_000) })
      .strict()
      .refine((input) => new Set(input.files.map((file) => file.fileName.toLowerCase())).size === input.files.length, 'Two files have the same name'),
    z.object({ saved: z.boolean(), folder: z.string().optional(), fileNames: z.array(z.string()).optional() }),
  ),
  'export.save': method(
    'Save exported text with the native save dialog',
    z
      .object({
        suggestedName: z
          .string()
          .min(1)
          .max(200)
          .refine((name) => !/[\\/\0]/.test(name), 'A file name cannot contain slashes or NUL'),
        content: z.string().max(200_000_000),
      })
      .strict(),
    z.object({ saved: z.boolean(), path: z.string().optional() }),
  ),
  'search.query': method(
    'Papers matching a query (the query language of shared/search/parse-query.ts), best first, with match ranges',
    searchQueryInputSchema,
    searchQueryOutputSchema,
  ),
  'searches.list': method('Saved searches with how many papers each matches now', noInput, z.object({ searches: z.array(savedSearchSummarySchema) })),
  'searches.save': method(
    'Save a query as a named smart collection; with an id, rename or change that one',
    z
      .object({
        id: z.string().min(1).max(64).optional(),
        name: z.string().trim().min(1, 'A saved search needs a name').max(200),
        query: z.string().trim().min(1, 'A saved search needs a query').max(10_000),
      })
      .strict(),
    savedSearchSummarySchema,
  ),
  'searches.delete': method('Delete a saved search (the papers stay)', z.object({ id: z.string().min(1).max(64) }).strict(), z.object({ deleted: z.boolean() })),
  'columns.list': method('The review table\'s custom columns, in the order they were added', noInput, z.object({ columns: z.array(columnSchema) })),
  'columns.save': method(
    `Add a custom review-table column (at most ${MAX_COLUMNS}) or, with an id, rename or change one; cells that no longer fit its kind or options are cleared`,
    columnInputSchema,
    z.object({ column: columnSchema, cleared: z.number().int() }),
  ),
  'columns.delete': method(
    'Delete a custom column with its cells and evidence on every paper, and take it out of the presets (no undo: the UI confirms first)',
    z.object({ id: columnId }).strict(),
    z.object({ deleted: z.boolean(), cleared: z.number().int() }),
  ),
  'cells.get': method(
    'The custom cells, their evidence and the highlights of the given papers, in that order',
    z.object({ paperIds: z.array(paperId).max(100_000) }).strict(),
    z.object({ rows: z.array(paperCellsSchema) }),
  ),
  'cells.set': method(
    'Set one cell (paper.fields[columnId]) to a value that fits the column: text, a number, yes/no or one of its options; null or empty text clears it (and its evidence)',
    z.object({ paperId, columnId, value: cellValueSchema }).strict(),
    z.object({ value: cellValueSchema }),
  ),
  'cells.setEvidence': method(
    'Cite one of the paper\'s highlights as the evidence of a cell (paper.evidence[columnId]), or take it away with null',
    z.object({ paperId, columnId, annotationId: annotationId.nullable() }).strict(),
    z.object({ evidence: z.object({ annotationId: z.string(), page: z.number().int(), quote: z.string() }).nullable() }),
  ),
  'tables.list': method('The saved review-table presets', noInput, z.object({ tables: z.array(reviewTableSchema) })),
  'tables.save': method('Save a review-table preset (rows source, columns in order, hidden, widths, sort); an id changes that one', reviewTableInputSchema, z.object({ table: reviewTableSchema })),
  'tables.delete': method('Delete a review-table preset', z.object({ id: columnId }).strict(), z.object({ deleted: z.boolean() })),
  'screening.decide': method(
    'Record a screening decision (and for an exclusion, optionally a reason of the criteria) on papers, stamped now; answers their previous states, for undo',
    z
      .object({ paperIds, decision: z.enum(screeningDecisions), reasonId: screeningReasonSchema.shape.id.optional() })
      .strict()
      .refine((input) => input.reasonId === undefined || input.decision === 'exclude', { message: 'Only an exclusion takes a reason', path: ['reasonId'] }),
    z.object({ changed: z.number().int(), previous: z.array(screeningStateSchema) }),
  ),
  'screening.restore': method(
    'Put papers’ screening states back as they were (undo of screening.decide)',
    z.object({ states: z.array(screeningStateSchema).min(1, 'Nothing to restore').max(100_000) }).strict(),
    z.object({ changed: z.number().int() }),
  ),
  'screening.criteria.get': method('The screening criteria: numbered exclusion reasons and the keywords to highlight', noInput, z.object({ criteria: screeningCriteriaSchema })),
  'screening.criteria.set': method(
    'Replace the screening criteria (reasons numbered by their order; keywords de-duplicated)',
    screeningCriteriaInputSchema,
    z.object({ criteria: screeningCriteriaSchema }),
  ),
  'screening.stats': method(
    'Screening counts per decision and per exclusion reason for the given papers (all papers when none are given)',
    z.object({ paperIds: z.array(paperId).max(100_000).optional() }).strict(),
    screeningStatsSchema,
  ),
  'history.state': method(
    'What Undo and Redo would do now: the labels of the library changes next in line (none when there is nothing)',
    z.object({}).strict(),
    historyStateSchema,
  ),
  'history.undo': method(
    'Undoes the last library change made through the API (in any view), in one write; `done` is false when there was nothing to undo',
    z.object({}).strict(),
    historyStepSchema,
  ),
  'history.redo': method(
    'Redoes the last undone library change; a new change after an undo clears what could be redone',
    z.object({}).strict(),
    historyStepSchema,
  ),
  'dashboard.stats': method(
    'The library overview: papers per year, top tags and venues, reading status, import sources and screening counts (all papers when none are given)',
    z.object({ paperIds: z.array(paperId).max(100_000).optional(), top: z.number().int().min(1).max(100).optional() }).strict(),
    libraryStatsSchema,
  ),
  'papers.related': method(
    'The papers most similar to a paper by TF-IDF cosine over title and abstract (library vocabulary), most similar first',
    z.object({ paperId, limit: z.number().int().min(1).max(MAX_RELATED, `At most ${MAX_RELATED} related papers`).optional() }).strict(),
    z.object({ related: z.array(z.object({ id: z.string(), score: z.number() })) }),
  ),
  'compare.analyze': method(
    'Shared and unique terms, pairwise similarity and sentence alignment of the compared papers’ abstracts, weighed by the library’s TF-IDF model',
    z.object({ paperIds: comparedPaperIds }).strict(),
    abstractComparisonSchema,
  ),
  'comparisons.get': method(
    'The comparison note saved for exactly this set of papers (in any order), or null',
    z.object({ paperIds: comparedPaperIds }).strict(),
    z.object({ comparison: comparisonSchema.nullable() }),
  ),
  'comparisons.save': method(
    'Save the comparison note of a set of papers (one note per set; an id updates that comparison)',
    z.object({ id: comparisonSchema.shape.id.optional(), paperIds: comparedPaperIds, note: z.string().max(MAX_COMPARISON_NOTE, 'A comparison note is at most 200,000 characters') }).strict(),
    z.object({ comparison: comparisonSchema }),
  ),
} as const satisfies Record<MethodName, MethodSpec>;

export type ApiMethods = typeof apiMethods;
export type MethodInput<M extends MethodName> = z.input<ApiMethods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<ApiMethods[M]['output']>;

/** Events the main side pushes to the renderer. */
export const apiEvents = {
  'library.changed': z.object({ reason: z.string(), paperIds: z.array(z.string()).optional() }),
  /** Whether every acknowledged edit is on disk; `failed` carries why (disk full…) while Sift retries. */
  'library.saveState': z.object({ state: z.enum(['saved', 'failed']), pending: z.number().int(), message: z.string().optional() }),
  /** Something the user should know about the library file: another program changed it, or a conflict. */
  'library.notice': z.object({ level: z.enum(['info', 'warning']), message: z.string() }),
  /** How far an import preview has come: files read of all files. */
  'import.progress': z.object({ importId: z.string(), done: z.number().int(), total: z.number().int(), current: z.string().optional() }),
  /** A command chosen outside the page (the desktop app's menu): the renderer runs it like a palette command. */
  'app.command': z.object({ command: z.string().max(100) }),
  /**
   * Files the operating system opened with the desktop app (a .bib double-clicked, given to a second
   * Sift, dropped on the Dock icon): the renderer opens the import dialog on them, as if dropped.
   */
  'app.openFiles': z.object({ files: z.array(z.object({ name: z.string().min(1).max(1000), data: base64 }).strict()).min(1).max(100) }),
} as const satisfies Record<EventName, z.ZodType>;
export type EventPayload<E extends EventName> = z.infer<(typeof apiEvents)[E]>;

/** Every call answers with this envelope: Electron keeps only an Error's message across IPC, so errors travel as data. */
export type ApiErrorCode =
  | 'invalid-input'
  | 'unknown-method'
  | 'not-found'
  | 'library-failed'
  | 'unavailable'
  | 'forbidden'
  | 'unauthorized'
  /** The change is applied and kept in memory, but not on disk yet (disk full…); Sift retries. */
  | 'not-saved'
  | 'internal';
export interface ApiError {
  code: ApiErrorCode;
  message: string;
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What `window.sift` offers in Electron: one function per method plus event subscription. */
export type SiftBridge = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<ApiResult<MethodOutput<M>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
