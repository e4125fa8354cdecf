import { z } from 'zod';

/**
 * The colors offered for tags, by key. A tag stores a key (or a `#rrggbb` the user chose), so
 * the palette can be retuned later without rewriting libraries.
 */
export const tagPalette = {
  red: '#e5484d',
  orange: '#f76b15',
  amber: '#d9a100',
  green: '#30a46c',
  teal: '#12a594',
  blue: '#0090ff',
  indigo: '#3e63dd',
  purple: '#8e4ec6',
  pink: '#d6409f',
  gray: '#8b8d98',
} as const;
export type TagPaletteKey = keyof typeof tagPalette;
export const tagPaletteKeys = Object.keys(tagPalette) as TagPaletteKey[];

function isPaletteKey(color: string): color is TagPaletteKey {
  return Object.hasOwn(tagPalette, color);
}

/** A color a tag may be given: a palette key or `#rrggbb` (stored in lower case). */
export const tagColorSchema = z
  .string()
  .trim()
  .refine((color) => isPaletteKey(color) || /^#[0-9a-f]{6}$/i.test(color), {
    message: `A tag color is #rrggbb or one of ${tagPaletteKeys.join(', ')}`,
  })
  .transform((color) => (isPaletteKey(color) ? color : color.toLowerCase()));

/** The CSS color for a stored tag color: a palette key's value, else the stored text (checked again where it reaches a style). */
export function tagColorValue(color: string | undefined): string | undefined {
  if (color === undefined) return undefined;
  return isPaletteKey(color) ? tagPalette[color] : color;
}
