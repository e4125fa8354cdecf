import type { MethodName, MethodOutput } from '../../shared/api/contract';
import type { Sift } from '../../electron/services/container';

/** Calls a method through the same dispatch as IPC and HTTP; a refusal becomes a thrown "code: message". */
export async function call<M extends MethodName>(sift: Sift, method: M, input: unknown): Promise<MethodOutput<M>> {
  const result = await sift.dispatch(method, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}
