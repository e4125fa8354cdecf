import { readStatuses, screeningDecisions } from '../../model/library';

/** Every field of the query language, in the order autocomplete offers them. */
export const fieldNames = ['title', 'author', 'venue', 'abstract', 'tag', 'year', 'status', 'decision', 'has', 'fulltext'] as const;
export type FieldName = (typeof fieldNames)[number];

/** Fields whose value is searched as text (a word or a phrase). */
export const textFields = ['title', 'author', 'venue', 'abstract', 'fulltext'] as const;
export type TextField = (typeof textFields)[number];

/** What `has:` can ask about. */
export const hasValues = ['pdf', 'notes', 'abstract', 'annotations'] as const;
export type HasValue = (typeof hasValues)[number];

/** The fields that take one of a fixed list of values. */
export const enumeratedValues = { status: readStatuses, decision: screeningDecisions, has: hasValues } as const;
export type EnumeratedField = keyof typeof enumeratedValues;

export function isFieldName(name: string): name is FieldName {
  return (fieldNames as readonly string[]).includes(name);
}

export function isTextField(name: FieldName): name is TextField {
  return (textFields as readonly string[]).includes(name);
}

export function isEnumeratedField(name: FieldName): name is EnumeratedField {
  return name === 'status' || name === 'decision' || name === 'has';
}
