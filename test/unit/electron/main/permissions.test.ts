import { describe, expect, it } from 'vitest';
import { isPermissionAllowed } from '../../../../electron/main/security';

// Checklist E9: every permission Electron can ask about is denied, except writing to the clipboard.
// (The names of Electron 45's setPermissionRequestHandler and setPermissionCheckHandler.)
const electronPermissions = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'deprecated-sync-clipboard-read',
  'display-capture',
  'fileSystem',
  'fullscreen',
  'geolocation',
  'hid',
  'idle-detection',
  'keyboardLock',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'openExternal',
  'pointerLock',
  'serial',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'usb',
  'window-management',
  'background-sync',
  'persistent-storage',
  'unknown',
];

describe('permissions', () => {
  it.each(electronPermissions.filter((permission) => permission !== 'clipboard-sanitized-write'))('%s is denied', (permission) => {
    expect(isPermissionAllowed(permission)).toBe(false);
  });

  it('allows writing to the clipboard only', () => {
    expect(electronPermissions.filter(isPermissionAllowed)).toEqual(['clipboard-sanitized-write']);
  });

  it.each(['', 'CLIPBOARD-SANITIZED-WRITE', ' clipboard-sanitized-write', 'clipboard-sanitized-write\0', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])('an odd name %j is denied', (permission) => {
    expect(isPermissionAllowed(permission)).toBe(false);
  });
});
