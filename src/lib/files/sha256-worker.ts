/**
 * The hashing worker's entry (started by file-hash.ts; Vite bundles it on its own, under the
 * site's base path). One worker hashes one file at a time: it is kept for the next when done, and
 * ended when cancelled.
 */
import type { HashMessage, HashReply } from './chunked-hash';
import { hashWorker } from './wasm-sha256';

const scope = globalThis as unknown as {
  onmessage: ((event: { data: HashMessage }) => void) | null;
  postMessage(message: HashReply, transfer?: Transferable[]): void;
};

const answer = hashWorker((reply, transfer = []) => scope.postMessage(reply, transfer));
scope.onmessage = ({ data }) => answer(data);
