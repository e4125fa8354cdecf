/**
 * Dates kept in `extra` (CSL's `issued`/`accessed` as JSON text, BibLaTeX's `date`/`urldate`, RIS's
 * `DA`/`Y2`) read into one shape and written in each format's: `2011-05-25~/2012-06-26~` for
 * BibLaTeX (ISO 8601 with EDTF's ranges, open ends and circa), `2011/05/25` for RIS, `date-parts`
 * for CSL.
 */

import { parseJson } from './extra-fields';

export interface ExtraDate {
  /** Year, month, day as far as known; missing when the value is not a plain date ("SEP", "Spring 2001"). */
  start?: number[];
  /** The end of a range. */
  end?: number[];
  /** A range with no end (`2014-12-31/`). */
  open?: boolean;
  circa: boolean;
  /** CSL date parts no other format has (`season`). */
  other: string[];
  /** The value as text: ISO for a plain date, else as written. */
  text: string;
}

const ISO = /^(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(~)?$/;
const RIS = /^(\d{4})(?:\/(\d{1,2})?(?:\/(\d{1,2})?)?)?(?:\/.*)?$/;

export function readExtraDate(value: string): ExtraDate {
  const parsed = parseJson(value);
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return fromCsl(parsed as Record<string, unknown>, value);
  const text = value.trim();
  const [from = '', to, ...more] = text.split('/');
  const start = ISO.exec(from);
  const end = to === undefined ? undefined : ISO.exec(to);
  if (start && more.length === 0 && (to === undefined || to === '' || end)) {
    const date: ExtraDate = { start: numbers(start), circa: start[4] !== undefined || end?.[4] !== undefined, other: [], text };
    if (end) date.end = numbers(end);
    if (to === '') date.open = true;
    date.text = isoDateText(date);
    return date;
  }
  const ris = RIS.exec(text);
  if (ris) {
    const date: ExtraDate = { start: numbers(ris), circa: false, other: [], text };
    date.text = isoDateText(date);
    return date;
  }
  return { circa: false, other: [], text };
}

function fromCsl(date: Record<string, unknown>, value: string): ExtraDate {
  const parts = Array.isArray(date['date-parts']) ? (date['date-parts'] as unknown[]) : [];
  const plain = (entry: unknown): entry is unknown[] => Array.isArray(entry) && entry.length > 0 && entry.every((part) => /^-?\d+$/.test(String(part)));
  const [first, second] = parts;
  const other = Object.keys(date).filter((key) => !['date-parts', 'circa', 'raw', 'literal'].includes(key));
  if (plain(first)) {
    const result: ExtraDate = { start: first.map(Number), circa: Boolean(date.circa), other, text: '' };
    // CSL writes an open range as [[2001], [0]] (Better BibTeX) or [[2001], []].
    if (plain(second) && Number(second[0]) !== 0) result.end = second.map(Number);
    else if (Array.isArray(second)) result.open = true;
    result.text = isoDateText(result);
    return result;
  }
  const text = typeof date.raw === 'string' ? date.raw : typeof date.literal === 'string' ? date.literal : value;
  return { circa: Boolean(date.circa), other, text };
}

function numbers(match: RegExpExecArray): number[] {
  return match
    .slice(1, 4)
    .filter((part): part is string => part !== undefined && part !== '')
    .map(Number);
}

/** `2011-05-25`, `2011-05-25/2012-06-26`, `2001~`: BibLaTeX's date syntax. */
export function isoDateText(date: ExtraDate): string {
  if (date.start === undefined) return date.text;
  const one = (parts: readonly number[]) => `${parts.map((part, index) => (index === 0 ? String(part) : String(part).padStart(2, '0'))).join('-')}${date.circa ? '~' : ''}`;
  if (date.end !== undefined) return `${one(date.start)}/${one(date.end)}`;
  return date.open ? `${one(date.start)}/` : one(date.start);
}

/** `2011/05/25`: RIS dates have no ranges and no circa. */
export function risDateText(date: ExtraDate): string {
  return date.start === undefined ? date.text : date.start.map((part) => String(part).padStart(2, '0')).join('/');
}

export function cslDate(date: ExtraDate): Record<string, unknown> {
  if (date.start === undefined) return { raw: date.text };
  const parts = date.end !== undefined ? [date.start, date.end] : date.open ? [date.start, [0]] : [date.start];
  return { 'date-parts': parts, ...(date.circa ? { circa: true } : {}) };
}

/** What of the date a format cannot write, as a phrase ("its end date and circa"), or undefined. */
export function dateLoss(date: ExtraDate, format: 'bibtex' | 'ris' | 'csl'): string | undefined {
  const lost = [...date.other];
  if (format === 'ris' && (date.end !== undefined || date.open)) lost.push('end date');
  if (format === 'ris' && date.circa) lost.push('circa');
  return lost.length === 0 ? undefined : `its ${lost.join(' and ')} cannot be written`;
}

/** The first year of the date. */
export function dateYear(date: ExtraDate): number | undefined {
  if (date.start?.[0] !== undefined) return date.start[0];
  const match = /(?<!\d)\d{4}(?!\d)/.exec(date.text);
  return match ? Number(match[0]) : undefined;
}
