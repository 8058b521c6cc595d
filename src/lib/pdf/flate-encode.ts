/**
 * jsPDF (4.2) compresses each stream (a page's drawing, an embedded font) with fflate, then turns the
 * compressed bytes back into a string one `+=` per byte, inside Array.prototype.reduce: on a cold page
 * that took about as long as the compression itself. `speedUpFlateEncode` puts a filter in place of
 * jsPDF's that compresses with the same fflate call, so the PDF's bytes are the same, and builds the
 * string at once. Any other filter chain goes to jsPDF's own.
 */
import { zlibSync } from 'fflate';
import { binaryBytes, binaryString } from './binary-string';

export interface FilteredStream {
  data: string;
  reverseChain: string;
}

export type ProcessDataByFilters = (data: string, filters?: string | string[]) => FilteredStream;

/** jsPDF's FlateEncode: the zlib stream of the data's bytes, as a binary string. */
export function flateEncode(data: string): string {
  return binaryString(zlibSync(binaryBytes(data)));
}

const FAST = Symbol('flate-encode');

/**
 * Replaces `api.processDataByFilters` (jsPDF.API's) with one that encodes a lone FlateEncode itself.
 * Leaves anything it does not recognise alone: jsPDF then works as before.
 */
export function speedUpFlateEncode(jspdfApi: object): boolean {
  // jsPDF's types leave processDataByFilters out; it is a plain property of jsPDF.API.
  const api = jspdfApi as { processDataByFilters?: unknown };
  const original = api.processDataByFilters as (ProcessDataByFilters & { [FAST]?: true }) | undefined;
  if (typeof original !== 'function' || original.length !== 2) return false;
  if (original[FAST]) return true;
  const fast: ProcessDataByFilters & { [FAST]?: true } = (data, filters) => {
    const chain = typeof filters === 'string' ? [filters] : (filters ?? []);
    if (chain.length === 1 && (chain[0] === 'FlateEncode' || chain[0] === '/FlateEncode'))
      return { data: flateEncode(data || ''), reverseChain: '/FlateDecode' };
    return original.call(api, data, filters);
  };
  fast[FAST] = true;
  api.processDataByFilters = fast;
  return true;
}
