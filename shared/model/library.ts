import { z } from 'zod';

/** The library format version this build reads and writes. A newer file is refused, never "repaired". */
export const SCHEMA_VERSION = 2;

const isoTime = z.string().datetime({ offset: true });

/** A person (`family`/`given`) or an institution/unsplittable name (`literal`). */
export const authorSchema = z.union([
  z.object({ family: z.string().max(500), given: z.string().max(500).optional() }).strict(),
  z.object({ literal: z.string().max(1000) }).strict(),
]);
export type Author = z.infer<typeof authorSchema>;

export const paperTypes = [
  'article',
  'inproceedings',
  'preprint',
  'book',
  'chapter',
  'thesis',
  'report',
  'dataset',
  'software',
  'webpage',
  'misc',
] as const;
export type PaperType = (typeof paperTypes)[number];

export const readStatuses = ['unread', 'reading', 'read'] as const;
export type ReadStatus = (typeof readStatuses)[number];

export const screeningDecisions = ['undecided', 'include', 'maybe', 'exclude'] as const;
export type ScreeningDecision = (typeof screeningDecisions)[number];

/** A tag name: trimmed, one line, no leading `-` (that is the query language's negation). */
export const tagNameSchema = z
  .string()
  .trim()
  .min(1, 'Tag names cannot be empty')
  .max(100, 'Tag names are at most 100 characters')
  .refine((name) => !/[\r\n\t]/.test(name), 'Tag names must be on one line')
  .refine((name) => !name.startsWith('-'), 'Tag names cannot start with "-"');

export const noteSchema = z
  .object({
    id: z.string().min(1).max(64),
    body: z.string().max(1_000_000),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .strict();
export type Note = z.infer<typeof noteSchema>;

export const annotationSchema = z
  .object({
    id: z.string().min(1).max(64),
    attachmentId: z.string().min(1).max(128),
    page: z.number().int().min(1),
    rects: z.array(z.tuple([z.number(), z.number(), z.number(), z.number()])).max(10_000),
    quote: z.string().max(100_000),
    color: z.string().max(32),
    comment: z.string().max(100_000).optional(),
    /** Labels on this highlight alone (the paper's own tags are separate). */
    tags: z.array(tagNameSchema).max(50).optional(),
    createdAt: isoTime,
  })
  .strict();
export type Annotation = z.infer<typeof annotationSchema>;

export const attachmentSchema = z
  .object({
    id: z.string().min(1).max(128),
    file: z.string().min(1).max(255),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    pages: z.number().int().min(0).optional(),
    bytes: z.number().int().min(0),
  })
  .strict();
export type Attachment = z.infer<typeof attachmentSchema>;

export const screeningSchema = z
  .object({
    decision: z.enum(screeningDecisions),
    /** For an exclusion, the reason's label as it read when the decision was made (so it keeps its meaning if the criteria change). */
    reason: z.string().max(1000).optional(),
    /** The criterion the reason came from (`screeningCriteria.reasons[].id`): counts follow it through a rename. */
    reasonId: z.string().min(1).max(64).optional(),
    decidedAt: isoTime.optional(),
  })
  .strict();
export type Screening = z.infer<typeof screeningSchema>;

export const paperSourceSchema = z
  .object({
    format: z.string().max(64),
    fileName: z.string().max(1000).optional(),
    importedAt: isoTime,
  })
  .strict();

export const paperSchema = z
  .object({
    id: z.string().min(1).max(64),
    type: z.enum(paperTypes),
    title: z.string().max(10_000),
    authors: z.array(authorSchema).max(10_000),
    year: z.number().int().min(0).max(9999).optional(),
    venue: z.string().max(10_000).optional(),
    abstract: z.string().max(1_000_000).optional(),
    doi: z.string().max(1000).optional(),
    arxivId: z.string().max(100).optional(),
    url: z.string().max(10_000).optional(),
    keywords: z.array(z.string().max(1000)).max(10_000),
    citationKey: z.string().max(1000).optional(),
    tags: z.array(tagNameSchema).max(10_000),
    status: z.enum(readStatuses),
    rating: z.number().int().min(0).max(5),
    screening: screeningSchema,
    notes: z.array(noteSchema).max(10_000),
    annotations: z.array(annotationSchema).max(100_000),
    fields: z.record(z.string().max(64), z.union([z.string().max(100_000), z.number(), z.boolean(), z.null()])),
    attachments: z.array(attachmentSchema).max(1000),
    /**
     * Review-table evidence: column id → the id of one of this paper's highlights that backs the cell
     * (`fields[columnId]`). Kept apart from `fields` so that `fields` holds cell values only.
     */
    evidence: z.record(z.string().min(1).max(64), z.string().min(1).max(64)).optional(),
    extra: z.record(z.string().max(200), z.string().max(1_000_000)),
    source: paperSourceSchema.optional(),
    addedAt: isoTime,
    updatedAt: isoTime,
  })
  .strict();
export type Paper = z.infer<typeof paperSchema>;

export const tagSchema = z
  .object({
    name: tagNameSchema,
    color: z.string().max(32).optional(),
    /** The number key (1–9) that toggles this tag on the selection; no two tags share one. */
    pinned: z.number().int().min(1).max(9).optional(),
  })
  .strict();
export type Tag = z.infer<typeof tagSchema>;

export const columnSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(200),
    kind: z.enum(['text', 'number', 'select', 'boolean']),
    options: z.array(z.string().max(200)).max(200).optional(),
  })
  .strict();
export type Column = z.infer<typeof columnSchema>;

/** The review table holds at most this many custom columns. */
export const MAX_COLUMNS = 50;

/**
 * A saved layout of the review table: where its rows come from, its columns in order (built-in
 * ids of shared/export/review-columns.ts or custom column ids), which are hidden, and the sort.
 */
export const reviewTableSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(200),
    source: z
      .object({
        kind: z.enum(['query', 'tag', 'savedSearch', 'selection']),
        /** The query, tag name or saved search id; for a selection, the paper ids joined by spaces. */
        value: z.string().max(1_000_000),
      })
      .strict(),
    columns: z
      .array(
        z
          .object({ id: z.string().min(1).max(64), hidden: z.boolean().optional(), width: z.number().int().min(40).max(2000).optional() })
          .strict(),
      )
      .max(100),
    sort: z.object({ columnId: z.string().min(1).max(64), direction: z.enum(['asc', 'desc']) }).strict().optional(),
  })
  .strict();
export type ReviewTable = z.infer<typeof reviewTableSchema>;

export const savedSearchSchema = z
  .object({ id: z.string().min(1).max(64), name: z.string().min(1).max(200), query: z.string().max(10_000) })
  .strict();
export type SavedSearch = z.infer<typeof savedSearchSchema>;

/** Exclusion reasons are picked with the number keys 1–9, so there are at most nine. */
export const MAX_SCREENING_REASONS = 9;
export const MAX_SCREENING_KEYWORDS = 100;

/** One trimmed line of text of at most `max` characters: a screening reason's label or a keyword. */
function screeningText(what: string, max: number) {
  return z
    .string()
    .trim()
    .min(1, `${what} cannot be empty`)
    .max(max, `${what} is at most ${max} characters`)
    .refine((text) => !/[\r\n\t]/.test(text), `${what} must be on one line`);
}

export const screeningReasonSchema = z.object({ id: z.string().min(1).max(64), label: screeningText('An exclusion reason', 200) }).strict();
export type ScreeningReason = z.infer<typeof screeningReasonSchema>;
export const screeningKeywordSchema = screeningText('A keyword', 100);

/** What papers are screened against: numbered exclusion reasons and keywords to highlight. */
export const screeningCriteriaSchema = z
  .object({
    /** Numbered by position: the first is key 1 (E1). */
    reasons: z.array(screeningReasonSchema).max(MAX_SCREENING_REASONS, `At most ${MAX_SCREENING_REASONS} exclusion reasons (keys 1–9)`),
    /** Highlighted in green in titles and abstracts. */
    includeKeywords: z.array(screeningKeywordSchema).max(MAX_SCREENING_KEYWORDS, `At most ${MAX_SCREENING_KEYWORDS} inclusion keywords`),
    /** Highlighted in red. */
    excludeKeywords: z.array(screeningKeywordSchema).max(MAX_SCREENING_KEYWORDS, `At most ${MAX_SCREENING_KEYWORDS} exclusion keywords`),
  })
  .strict();
export type ScreeningCriteria = z.infer<typeof screeningCriteriaSchema>;

export function emptyScreeningCriteria(): ScreeningCriteria {
  return { reasons: [], includeKeywords: [], excludeKeywords: [] };
}

/** Compare shows 2–4 papers side by side; a saved comparison is one such set. */
export const MIN_COMPARED_PAPERS = 2;
export const MAX_COMPARED_PAPERS = 4;
export const MAX_COMPARISON_NOTE = 200_000;

/** A comparison note, saved with the set of papers it compares (order does not matter: `paperIds` is kept sorted). */
export const comparisonSchema = z
  .object({
    id: z.string().min(1).max(64),
    paperIds: z.array(z.string().min(1).max(64)).min(MIN_COMPARED_PAPERS).max(MAX_COMPARED_PAPERS),
    /** Markdown. */
    note: z.string().max(MAX_COMPARISON_NOTE),
    updatedAt: isoTime,
  })
  .strict();
export type Comparison = z.infer<typeof comparisonSchema>;

export const librarySchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    papers: z.array(paperSchema),
    tags: z.array(tagSchema),
    columns: z.array(columnSchema),
    savedSearches: z.array(savedSearchSchema),
    /** Absent until criteria are first saved (and in libraries from before screening): read it with `screeningCriteriaOf`. */
    screeningCriteria: screeningCriteriaSchema.optional(),
    /** Review-table presets; absent until one is first saved. */
    reviewTables: z.array(reviewTableSchema).optional(),
    /** Absent until a comparison note is first saved. */
    comparisons: z.array(comparisonSchema).optional(),
    settings: z.record(z.string().max(200), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .strict();
export type Library = z.infer<typeof librarySchema>;

export function screeningCriteriaOf(library: Pick<Library, 'screeningCriteria'>): ScreeningCriteria {
  return library.screeningCriteria ?? emptyScreeningCriteria();
}

export function emptyLibrary(): Library {
  return { schemaVersion: SCHEMA_VERSION, papers: [], tags: [], columns: [], savedSearches: [], settings: {} };
}

/** A paper with every required field at its neutral value; callers fill in what they know. */
export function newPaper(fields: Pick<Paper, 'id' | 'title'> & Partial<Paper>, now: string): Paper {
  return {
    type: 'misc',
    authors: [],
    keywords: [],
    tags: [],
    status: 'unread',
    rating: 0,
    screening: { decision: 'undecided' },
    notes: [],
    annotations: [],
    fields: {},
    attachments: [],
    extra: {},
    addedAt: now,
    updatedAt: now,
    ...fields,
  };
}
