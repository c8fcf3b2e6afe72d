// The shape of window.csr, derived from the contract: csr.accounts.search(input) etc.
import type { Envelope } from './envelope';
import type { Channel, ChannelInput, ChannelOutput } from './contract';

type Namespace<C extends string> = C extends `${infer N}.${string}` ? N : never;
type Method<C extends string, N extends string> = C extends `${N}.${infer M}` ? M : never;

export type CsrApi = {
  [N in Namespace<Channel>]: {
    [M in Method<Channel, N>]: `${N}.${M}` extends infer C extends Channel
      ? (input: ChannelInput<C>) => Promise<Envelope<ChannelOutput<C>>>
      : never;
  };
};

/** Builds the nested API object over any transport's invoke function. */
export function buildCsrApi(invoke: (channel: Channel, input: unknown) => Promise<Envelope<unknown>>, channels: readonly Channel[]): CsrApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<Envelope<unknown>>>> = {};
  for (const channel of channels) {
    const [ns, method] = channel.split('.') as [string, string];
    (api[ns] ??= {})[method] = (input: unknown) => invoke(channel, input ?? {});
  }
  return api as unknown as CsrApi;
}
