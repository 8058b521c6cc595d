/**
 * The hashing worker's entry (started by file-hash.ts; Vite bundles it on its own, under the
 * site's base path). One worker hashes one file and is ended when done or cancelled.
 */
import type { HashReply, HashRequest } from './chunked-hash';
import { answerHashRequest } from './wasm-sha256';

const scope = globalThis as unknown as {
  onmessage: ((event: { data: HashRequest }) => void) | null;
  postMessage(message: HashReply): void;
};

scope.onmessage = ({ data }) => void answerHashRequest(data, (reply) => scope.postMessage(reply));
