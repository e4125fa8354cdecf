/**
 * The first half of RIS import: text → records of raw `TAG  - value` fields, with line numbers.
 * It knows the line syntax and the dialects seen in real exports; what the tags mean is
 * `parse-ris.ts`'s business.
 */

import type { ImportWarning } from '../import-record';

export interface RisField {
  tag: string;
  value: string;
  /** 1-based line of the tag. */
  line: number;
}

export interface RisRecord {
  /** 1-based line of the record's `TY`. */
  line: number;
  fields: RisField[];
  warnings: ImportWarning[];
}

export interface RisReadResult {
  records: RisRecord[];
  warnings: ImportWarning[];
}

/** `XX  - value`: the standard two spaces, a hyphen, and a space unless the value is empty (`ER  -`). */
const STRICT_TAG = /^([A-Z][A-Z0-9]) {2}-(?:[ \t]+(.*))?$/;
/** Some hand-made files use one space or none before the hyphen; tried only when nothing else parses. */
const LENIENT_TAG = /^([A-Z][A-Z0-9]) ?-(?:[ \t]+(.*))?$/;
/** Ovid numbers its records (`1.`) on a line of their own: noise, not content. */
const RECORD_NUMBER = /^\d+\.?$/;
const EXCERPT_LENGTH = 60;

/** The records in `text`. Never throws; every line it cannot place becomes a warning. */
export function readRisRecords(text: string): RisReadResult {
  const lines = text.split(/\r\n|\r|\n/);
  const strict = readLines(lines, STRICT_TAG);
  if (strict.records.length > 0 || !lines.some((line) => LENIENT_TAG.exec(stripBom(line))?.[1] === 'TY')) return strict;
  const lenient = readLines(lines, LENIENT_TAG);
  lenient.warnings.unshift({
    line: 1,
    message: 'The tags are not written as "XX  - " (two spaces, a hyphen, a space); read them anyway.',
  });
  return lenient;
}

/** A BOM starts a UTF-8 file, and also turns up mid-file where two exports were concatenated. */
function stripBom(line: string): string {
  return line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
}

function excerpt(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
}

function readLines(lines: readonly string[], tagPattern: RegExp): RisReadResult {
  const records: RisRecord[] = [];
  const warnings: ImportWarning[] = [];
  let current: RisRecord | undefined;
  let stray: { line: number; count: number; first: string } | undefined;

  const flushStray = (): void => {
    if (stray === undefined) return;
    const { line, count, first } = stray;
    const what = count === 1 ? 'a line' : `${count} lines`;
    warnings.push({ line, message: `Ignored ${what} outside any record (from "${excerpt(first)}"); a record starts with "TY  - ".` });
    stray = undefined;
  };

  for (let index = 0; index < lines.length; index++) {
    const lineNumber = index + 1;
    const raw = stripBom(lines[index] ?? '');
    const tagged = tagPattern.exec(raw);
    const tag = tagged?.[1];
    const value = (tagged?.[2] ?? '').trim();

    if (tag === 'TY') {
      flushStray();
      if (current !== undefined) {
        current.warnings.push({
          line: current.line,
          message: `The record has no "ER  - " line; it ends where the next record starts (line ${lineNumber}).`,
        });
      }
      current = { line: lineNumber, fields: [{ tag, value, line: lineNumber }], warnings: [] };
      records.push(current);
      continue;
    }

    if (current === undefined) {
      const trimmed = raw.trim();
      if (trimmed === '' || RECORD_NUMBER.test(trimmed)) continue;
      if (stray === undefined) stray = { line: lineNumber, count: 1, first: trimmed };
      else stray.count++;
      continue;
    }

    if (tag === 'ER') {
      current = undefined;
      continue;
    }
    if (tag !== undefined) {
      current.fields.push({ tag, value, line: lineNumber });
      continue;
    }

    // A line without a tag continues the field above it.
    const continuation = raw.trim();
    if (continuation === '') continue;
    const previous = current.fields[current.fields.length - 1];
    if (previous === undefined) continue;
    if (previous.tag === 'KW') {
      // Rayyan writes one keyword per line under a single KW tag.
      current.fields.push({ tag: 'KW', value: continuation, line: lineNumber });
    } else {
      previous.value = previous.value === '' ? continuation : `${previous.value}\n${continuation}`;
    }
  }

  flushStray();
  if (current !== undefined) {
    current.warnings.push({ line: current.line, message: 'The last record has no "ER  - " line before the end of the file.' });
  }
  return { records, warnings };
}
