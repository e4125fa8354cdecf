import { ipcChannel, methodNames, type ApiResult } from '../../shared/api/contract';
import type { Dispatch } from '../services/dispatch';
import { isTrustedSender } from './security';

/** The slice of Electron's IpcMainInvokeEvent the handlers read; tests build fakes of it. */
export interface InvokeEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, input: unknown) => Promise<ApiResult<unknown>>): void;
  removeHandler(channel: string): void;
}

/**
 * Registers one handler per contract method. Each checks that the call comes from the app's own
 * page in the top frame, then hands the raw input to `dispatch`, which validates it with zod.
 */
export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch): () => void {
  for (const method of methodNames) {
    ipcMain.handle(ipcChannel(method), async (event, input) => {
      const frame = event.senderFrame;
      if (!frame || !isTrustedSender(frame.url, frame.parent === null)) {
        return { ok: false, error: { code: 'forbidden', message: `Refused ${method}: the caller is not Sift's own window` } };
      }
      return dispatch(method, input);
    });
  }
  return () => {
    for (const method of methodNames) ipcMain.removeHandler(ipcChannel(method));
  };
}
