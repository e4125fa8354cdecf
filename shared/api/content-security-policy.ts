/**
 * The renderer's Content-Security-Policy, sent by Electron's app protocol and by browser mode alike:
 * only the app's own scripts, no eval, no inline script, no remote origin of any kind.
 * Element styles set from script (React's `style` prop) are CSSOM writes, which CSP does not block.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
