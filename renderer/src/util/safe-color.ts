/** Tag colors come from the library file; only plain color values may reach a style (no url(), no var()). */
const COLOR = /^(#[0-9a-f]{3,8}|[a-z]{3,30}|(?:rgb|hsl)a?\([\d\s.,%/+-]+\))$/i;

export function safeColor(color: string | undefined): string | undefined {
  return color && COLOR.test(color.trim()) ? color.trim() : undefined;
}
