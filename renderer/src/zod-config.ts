import { config } from 'zod';

// zod probes whether it may compile parsers with `new Function`. The probe's error is caught, but
// Chromium still reports it as a violation of the CSP (script-src has no 'unsafe-eval'), and a
// violation must keep meaning that something tried to run (test/e2e/xss.test.ts fails on any).
// The renderer parses little, so zod's interpreted parsers cost nothing noticeable.
config({ jitless: true });
