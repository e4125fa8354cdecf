import type { z } from 'zod';
import type { ApiMethods, MethodName, MethodOutput } from '../../shared/api/contract';

/** What a method's handler receives: its input after zod validation (defaults applied, strings trimmed). */
export type HandlerInput<M extends MethodName> = z.output<ApiMethods[M]['input']>;

/** One function per method of the contract; the three doors (IPC, HTTP, CLI) all call these. */
export type Handlers = {
  [M in MethodName]: (input: HandlerInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M>;
};
