/** Mac keyboards say ⌘ where everyone else says Ctrl. */
export const isMac: boolean = /Mac|iPhone|iPad/.test(navigator.userAgent);
