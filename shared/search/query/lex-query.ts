/** One white-space-separated piece of a query, before it is given a meaning. */
export interface QueryToken {
  /** Index of the first character, including a leading `-`. */
  start: number;
  /** Index after the last character (after the closing quote, if any). */
  end: number;
  negated: boolean;
  /** The name before the colon as typed (ASCII letters), when the token is `name:value`. */
  field?: string;
  /** Index where the field name starts (after a `-`); equals `valueStart` without a field. */
  fieldStart: number;
  /** Index where the value starts, at its opening quote if quoted. */
  valueStart: number;
  /** The value, without its quotes. */
  value: string;
  quoted: boolean;
  /** False when a quote was opened and the input ended before it closed. */
  closed: boolean;
}

const WHITE_SPACE = /\s/;

function isSpace(character: string | undefined): boolean {
  return character !== undefined && WHITE_SPACE.test(character);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Splits a query into tokens in one pass: `-`? (`letters:`)? then `"…"` (to the next quote, or the
 * end of input when there is none) or everything up to the next white space. A hand-written scanner
 * rather than a regular expression, so that a 10 KB query costs linear time whatever it contains.
 */
export function lexQuery(input: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  const length = input.length;
  let index = 0;
  while (index < length) {
    if (isSpace(input[index])) {
      index += 1;
      continue;
    }
    const start = index;
    const negated = input[index] === '-';
    if (negated) index += 1;
    const fieldStart = index;
    let field: string | undefined;
    let letters = index;
    while (letters < length && isAsciiLetter(input.charCodeAt(letters))) letters += 1;
    if (letters > index && input[letters] === ':') {
      field = input.slice(index, letters);
      index = letters + 1;
    }
    const valueStart = index;
    if (input[index] === '"') {
      const close = input.indexOf('"', index + 1);
      const end = close === -1 ? length : close + 1;
      const value = input.slice(index + 1, close === -1 ? length : close);
      tokens.push({ start, end, negated, field, fieldStart, valueStart, value, quoted: true, closed: close !== -1 });
      index = end;
    } else {
      while (index < length && !isSpace(input[index])) index += 1;
      const value = input.slice(valueStart, index);
      tokens.push({ start, end: index, negated, field, fieldStart, valueStart, value, quoted: false, closed: true });
    }
  }
  return tokens;
}
