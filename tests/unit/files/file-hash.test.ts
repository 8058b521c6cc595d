import { createHash, webcrypto } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CHUNK_BYTES,
  FEED_BUFFERS,
  hashPercent,
  isAbort,
  prepareHashWorker,
  sha256Hex,
  type HashWorker,
  type ReadableFile,
} from '../../../src/lib/files/file-hash';
import {
  hashInChunks,
  hashStreamed,
  type HashMessage,
  type HashReply,
  type IncrementalHash,
} from '../../../src/lib/files/chunked-hash';
import { answerHashRequest, hashWorker, wasmSha256 } from '../../../src/lib/files/wasm-sha256';
import { KEEP_BUFFERS_MS, keptBytes } from '../../../src/lib/files/feed-worker';

/** A file made of given bytes that records how much each read asked for. */
function fileOf(bytes: Uint8Array): ReadableFile & { reads: number[] } {
  const reads: number[] = [];
  return {
    reads,
    size: bytes.length,
    slice: (start, end) => ({
      arrayBuffer: async () => {
        reads.push(end - start);
        return bytes.slice(start, end).buffer;
      },
    }),
  };
}

const nodeSha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const text = (s: string) => new TextEncoder().encode(s);

/** A file whose stream hands over `piece` bytes at a time and counts them; reading slices is counted too. */
function streamedFile(bytes: Uint8Array, piece: number, { failAt = Infinity } = {}) {
  const file = {
    size: bytes.length,
    handed: 0,
    sliced: 0,
    slice: (start: number, end: number) => {
      file.sliced += 1;
      return new Blob([bytes.slice(start, end)]);
    },
    stream: () =>
      new ReadableStream({
        type: 'bytes',
        pull(controller) {
          if (file.handed >= failAt)
            return controller.error(new DOMException('文件已被移走', 'NotReadableError'));
          if (file.handed >= bytes.length) {
            controller.close();
            controller.byobRequest?.respond(0);
            return;
          }
          const next = bytes.slice(file.handed, file.handed + piece);
          file.handed += next.length;
          controller.enqueue(next);
        },
      }),
  };
  return file;
}

describe('sha256Hex', () => {
  it('gives the standard digests, with and without Web Crypto', async () => {
    for (const subtle of [webcrypto.subtle, undefined]) {
      expect(await sha256Hex(fileOf(text('')), { subtle })).toBe(
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      );
      expect(await sha256Hex(fileOf(text('abc')), { subtle })).toBe(
        'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      );
    }
  });

  it('without Web Crypto (a plain-http intranet) reads the file one chunk at a time', async () => {
    const bytes = new Uint8Array(2.5 * CHUNK_BYTES).map((_, i) => i % 251);
    const file = fileOf(bytes);
    expect(await sha256Hex(file)).toBe(nodeSha256(bytes));
    expect(file.reads).toEqual([CHUNK_BYTES, CHUNK_BYTES, CHUNK_BYTES / 2]);
  });

  it('reports progress after each chunk, ending at the file size', async () => {
    const bytes = new Uint8Array(250);
    const seen: number[] = [];
    await sha256Hex(fileOf(bytes), { chunkBytes: 100, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([100, 200, 250]);
    const once: number[] = [];
    await sha256Hex(fileOf(bytes), { subtle: webcrypto.subtle, onProgress: (done) => once.push(done) });
    expect(once).toEqual([250]);
  });

  it('hands a file too big for one buffer to the chunked hash even where Web Crypto exists', async () => {
    const bytes = text('一节课的录像'.repeat(100));
    const file = fileOf(bytes);
    const digest = await sha256Hex(file, {
      subtle: webcrypto.subtle,
      wholeFileMaxBytes: 100,
      chunkBytes: 64,
    });
    expect(digest).toBe(nodeSha256(bytes));
    expect(Math.max(...file.reads)).toBe(64);
  });

  it('falls back to the chunked hash when the browser refuses to read the file whole', async () => {
    const bytes = text('录像'.repeat(50));
    const plain = fileOf(bytes);
    const refusing: ReadableFile = {
      size: bytes.length,
      slice: (start, end) =>
        end - start === bytes.length && bytes.length > 64
          ? { arrayBuffer: () => Promise.reject(new DOMException('too big', 'NotReadableError')) }
          : plain.slice(start, end),
    };
    const digest = await sha256Hex(refusing, { subtle: webcrypto.subtle, chunkBytes: 64 });
    expect(digest).toBe(nodeSha256(bytes));
  });

  it('agrees with Node for any bytes and any chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.integer({ min: 1, max: 700 }),
        fc.boolean(),
        async (bytes, chunkBytes, withSubtle) => {
          const digest = await sha256Hex(fileOf(bytes), {
            subtle: withSubtle ? webcrypto.subtle : undefined,
            chunkBytes,
          });
          expect(digest).toBe(nodeSha256(bytes));
        },
      ),
    );
  });
});

/**
 * A worker run in this process by the worker's own code (answerHashRequest), which stops
 * replying once terminated, as a real one does.
 */
function inProcessWorker(): HashWorker & { terminated: boolean } {
  const answer = hashWorker((reply) => {
    if (!worker.terminated) worker.onmessage?.({ data: reply });
  });
  const worker: HashWorker & { terminated: boolean } = {
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage: (message) => answer(message),
    terminate: () => {
      worker.terminated = true;
    },
  };
  return worker;
}

describe('the WebAssembly hash the worker runs', () => {
  it('gives the digests of node:crypto and of the main-thread hash, for any bytes and chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 5000 }),
        fc.integer({ min: 1, max: 1200 }),
        async (bytes, chunkBytes) => {
          const wasm = await hashInChunks(fileOf(bytes), await wasmSha256(), { chunkBytes });
          expect(wasm).toBe(nodeSha256(bytes));
          expect(wasm).toBe(await sha256Hex(fileOf(bytes), { startWorker: null, chunkBytes }));
        },
      ),
    );
  });

  it('reads chunk by chunk, so a big file costs two chunks of memory', async () => {
    const bytes = new Uint8Array(10_000).map((_, i) => (i * 7) % 256);
    const file = fileOf(bytes);
    await hashInChunks(file, await wasmSha256(), { chunkBytes: 4096 });
    expect(file.reads).toEqual([4096, 4096, 1808]);
  });

  it('reads the next chunk while it hashes this one, never more than one ahead', async () => {
    const events: string[] = [];
    const file = {
      size: 3000,
      slice: (start: number, end: number) => ({
        arrayBuffer: () => {
          events.push(`read ${start}`);
          return new Promise<ArrayBuffer>((resolve) =>
            setTimeout(() => resolve(new ArrayBuffer(end - start)), 1),
          );
        },
      }),
    };
    const hash = { update: (b: Uint8Array) => events.push(`hash ${b.length}`), hex: () => 'x' };
    await hashInChunks(file, hash, { chunkBytes: 1000 });
    expect(events).toEqual(['read 0', 'read 1000', 'hash 1000', 'read 2000', 'hash 1000', 'hash 1000']);
  });

  it('through the worker: the same digest, progress after each chunk, and the worker ended', async () => {
    const bytes = text('课堂实录'.repeat(300));
    const seen: number[] = [];
    const workers: ReturnType<typeof inProcessWorker>[] = [];
    const digest = await sha256Hex(fileOf(bytes), {
      chunkBytes: 1000,
      onProgress: (done) => seen.push(done),
      startWorker: () => {
        const w = inProcessWorker();
        workers.push(w);
        return w;
      },
    });
    expect(digest).toBe(nodeSha256(bytes));
    expect(seen).toEqual([1000, 2000, 3000, 3600]);
    expect(workers.map((w) => w.terminated)).toEqual([true]);
  });

  it('cancelled: rejects with an AbortError, ends the worker, and hashes nothing on the main thread', async () => {
    const bytes = new Uint8Array(50_000);
    const file = fileOf(bytes);
    const cancel = new AbortController();
    const worker = inProcessWorker();
    const hashing = sha256Hex(file, {
      chunkBytes: 1000,
      signal: cancel.signal,
      onProgress: (done) => {
        if (done >= 5000) cancel.abort();
      },
      startWorker: () => worker,
    });
    const error = await hashing.catch((e: unknown) => e);
    expect(isAbort(error)).toBe(true);
    expect(worker.terminated).toBe(true);
    expect(file.reads.length).toBeLessThan(50);
    await expect(sha256Hex(file, { signal: cancel.signal, startWorker: null })).rejects.toSatisfy(isAbort);
  });

  it('cancelled on the main thread too, between two chunks', async () => {
    const file = fileOf(new Uint8Array(10_000));
    const cancel = new AbortController();
    const error = await sha256Hex(file, {
      startWorker: null,
      chunkBytes: 1000,
      signal: cancel.signal,
      onProgress: (done) => done === 3000 && cancel.abort(),
    }).catch((e: unknown) => e);
    expect(isAbort(error)).toBe(true);
    // Three chunks hashed, the fourth already being read ahead when the cancel came; no more.
    expect(file.reads).toEqual([1000, 1000, 1000, 1000]);
  });

  it('falls back to the main thread where the worker cannot run, with the same digest', async () => {
    const bytes = text('录像'.repeat(400));
    const refusing: (() => HashWorker)[] = [
      () => {
        throw new DOMException('refused by the policy', 'SecurityError');
      },
      () => {
        const w = inProcessWorker();
        w.postMessage = () => queueMicrotask(() => w.onerror?.(new Event('error')));
        return w;
      },
      () => {
        const w = inProcessWorker();
        w.postMessage = () =>
          queueMicrotask(() => w.onmessage?.({ data: { type: 'failed', message: 'no WebAssembly' } }));
        return w;
      },
    ];
    for (const startWorker of refusing) {
      for (const subtle of [webcrypto.subtle, undefined]) {
        expect(await sha256Hex(fileOf(bytes), { startWorker, subtle, chunkBytes: 333 })).toBe(
          nodeSha256(bytes),
        );
      }
    }
  });

  it('a file the worker cannot read is not readable on the main thread either: the hash rejects', async () => {
    const unreadable: ReadableFile = {
      size: 10,
      slice: () => ({ arrayBuffer: () => Promise.reject(new DOMException('gone', 'NotReadableError')) }),
    };
    const error = await sha256Hex(unreadable, { startWorker: inProcessWorker }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect(isAbort(error)).toBe(false);
  });
});

describe('the streamed read the worker prefers (two buffers taking turns)', () => {
  /** A real Blob (Node's stream, like the browser's, can be read into a buffer of ours), counting slices. */
  function blobOf(
    bytes: Uint8Array,
    stream?: () => ReadableStream<Uint8Array>,
  ): ReadableFile & { sliced: number } {
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
    const file = {
      sliced: 0,
      size: blob.size,
      stream: stream ?? (() => blob.stream()),
      slice: (start: number, end: number) => {
        file.sliced += 1;
        return blob.slice(start, end);
      },
    };
    return file;
  }

  it('gives node:crypto’s digest for any bytes and buffer size, reading no slice', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 20_000 }),
        fc.integer({ min: 1, max: 5000 }),
        async (bytes, chunkBytes) => {
          const file = blobOf(bytes);
          const replies: HashReply[] = [];
          await answerHashRequest({ file, chunkBytes }, (r) => replies.push(r));
          expect(replies.at(-1)).toEqual({ type: 'done', hex: nodeSha256(bytes) });
          expect(file.sliced).toBe(0);
          // Progress climbs to the file's size and ends there.
          const done = replies.flatMap((r) => (r.type === 'progress' ? [r.done] : []));
          expect(done.at(-1)).toBe(bytes.length);
          expect(done).toEqual([...done].sort((a, b) => a - b));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('tells progress about once per buffer of a large file, not per piece the stream hands over', async () => {
    const bytes = new Uint8Array(3 * 1024 * 1024 + 5).map((_, i) => i % 253);
    const seen: number[] = [];
    const hex = await hashStreamed(blobOf(bytes), await wasmSha256(), {
      chunkBytes: 1024 * 1024,
      onProgress: (done) => seen.push(done),
    });
    expect(hex).toBe(nodeSha256(bytes));
    expect(seen.length).toBeLessThanOrEqual(4);
    expect(seen.at(-1)).toBe(bytes.length);
  });

  it('a stream that cannot be read into our buffers: nothing is read, and the worker reads slices', async () => {
    const bytes = text('评价标准'.repeat(500));
    const file = blobOf(bytes, () => new ReadableStream<Uint8Array>({ pull: (c) => c.close() }));
    const hash = await wasmSha256();
    expect(await hashStreamed(file, hash, { chunkBytes: 1000 })).toBeUndefined();
    const replies: HashReply[] = [];
    await answerHashRequest({ file, chunkBytes: 1000 }, (r) => replies.push(r));
    expect(replies.at(-1)).toEqual({ type: 'done', hex: nodeSha256(bytes) });
    expect(file.sliced).toBeGreaterThan(0);
  });

  it('cancelled: rejects with an AbortError between two reads', async () => {
    const controller = new AbortController();
    const bytes = new Uint8Array(50_000);
    const hash = await wasmSha256();
    const run = hashStreamed(blobOf(bytes), hash, {
      chunkBytes: 1000,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toSatisfy(isAbort);
  });
});

describe('the page reads, the worker only hashes (feed-worker.ts)', () => {
  type Channelled = HashWorker & {
    terminated: boolean;
    inWorker: number;
    mostInWorker: number;
    copied: boolean;
  };
  /**
   * The worker's own code in this process, behind a real MessageChannel: buffers are moved between
   * the two sides as the browser moves them. Counts the buffers on the worker's side at once.
   */
  function channelWorker(startHash?: () => Promise<IncrementalHash>): Channelled {
    const { port1, port2 } = new MessageChannel();
    const answer = hashWorker((reply, transfer = []) => port2.postMessage(reply, transfer), startHash);
    port2.onmessage = ({ data }) => answer(data as HashMessage);
    const worker: Channelled = {
      terminated: false,
      inWorker: 0,
      mostInWorker: 0,
      copied: false,
      onmessage: null,
      onerror: null,
      postMessage(message, transfer = []) {
        port1.postMessage(message, transfer);
        if ('type' in message && message.type === 'bytes') {
          worker.inWorker += 1;
          worker.mostInWorker = Math.max(worker.mostInWorker, worker.inWorker);
          // Moved, not copied: the page's buffer is empty once sent.
          if (message.buffer.byteLength !== 0) worker.copied = true;
        }
      },
      terminate() {
        worker.terminated = true;
        port1.close();
        port2.close();
      },
    };
    port1.onmessage = ({ data }: { data: HashReply }) => {
      if (data.type === 'spare') worker.inWorker -= 1;
      if (!worker.terminated) worker.onmessage?.({ data });
    };
    return worker;
  }

  it('gives node:crypto’s digest for any bytes, pieces and buffer size, with at most three buffers at once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 20_000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 3000 }),
        async (bytes, chunkBytes, piece) => {
          const file = streamedFile(bytes, piece);
          const worker = channelWorker();
          const seen: number[] = [];
          const hex = await sha256Hex(file, {
            chunkBytes,
            startWorker: () => worker,
            onProgress: (done) => seen.push(done),
          });
          expect(hex).toBe(nodeSha256(bytes));
          expect(file.sliced).toBe(0);
          expect(seen.at(-1)).toBe(bytes.length);
          expect(seen).toEqual([...seen].sort((a, b) => a - b));
          expect(worker.mostInWorker).toBeLessThanOrEqual(FEED_BUFFERS);
          expect(worker.copied).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps its buffers for the next file of a batch, and lets them go a while after the last', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const bytes = new Uint8Array(30_000).map((_, i) => i % 7);
      const hashOne = () =>
        sha256Hex(streamedFile(bytes, 999), { chunkBytes: 8000, startWorker: () => channelWorker() });
      await hashOne();
      expect(keptBytes()).toBe(FEED_BUFFERS * 8000);
      vi.advanceTimersByTime(KEEP_BUFFERS_MS - 1000);
      expect(await hashOne()).toBe(nodeSha256(bytes));
      expect(keptBytes()).toBe(FEED_BUFFERS * 8000);
      vi.advanceTimersByTime(KEEP_BUFFERS_MS - 1000);
      expect(keptBytes()).toBe(FEED_BUFFERS * 8000);
      vi.advanceTimersByTime(1000);
      expect(keptBytes()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('tells progress once per buffer, however small the pieces the stream hands over', async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 251);
    const seen: number[] = [];
    await sha256Hex(streamedFile(bytes, 1000), {
      chunkBytes: 25_000,
      startWorker: () => channelWorker(),
      onProgress: (done) => seen.push(done),
    });
    expect(seen).toEqual([25_000, 50_000, 75_000, 100_000]);
  });

  it('cancelled: rejects with an AbortError, ends the worker, and reads no further', async () => {
    const bytes = new Uint8Array(400_000);
    const file = streamedFile(bytes, 1000);
    const worker = channelWorker();
    const cancel = new AbortController();
    const error = await sha256Hex(file, {
      chunkBytes: 10_000,
      signal: cancel.signal,
      startWorker: () => worker,
      onProgress: (done) => done >= 20_000 && cancel.abort(),
    }).catch((e: unknown) => e);
    expect(isAbort(error)).toBe(true);
    expect(worker.terminated).toBe(true);
    const handed = file.handed;
    await new Promise((r) => setTimeout(r, 20));
    expect(file.handed).toBe(handed);
    expect(handed).toBeLessThan(bytes.length / 4);
  });

  it('a file that cannot be read: the hash rejects with the browser’s error, and is not tried again on the page', async () => {
    const file = streamedFile(new Uint8Array(50_000), 1000, { failAt: 20_000 });
    const error = await sha256Hex(file, { chunkBytes: 8000, startWorker: () => channelWorker() }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('NotReadableError');
    expect(file.sliced).toBe(0);
  });

  it('a file that has shrunk since it was picked gets no digest of what is left, and the teacher is told', async () => {
    const bytes = new Uint8Array(20_000);
    const file = { ...streamedFile(bytes.subarray(0, 12_345), 1000), size: bytes.length };
    const error = await sha256Hex(file, { chunkBytes: 4000, startWorker: () => channelWorker() }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).message).toMatch(/重新选择文件/);
  });

  it('a worker that cannot start its hash: the page hashes the file itself, with the same digest', async () => {
    const bytes = text('课堂实录'.repeat(2000));
    const worker = channelWorker(() => Promise.reject(new Error('no WebAssembly')));
    expect(await sha256Hex(streamedFile(bytes, 700), { chunkBytes: 4000, startWorker: () => worker })).toBe(
      nodeSha256(bytes),
    );
    expect(worker.terminated).toBe(true);
  });

  it('a file whose stream cannot be read into our buffers is read by the worker itself', async () => {
    const bytes = text('评价标准'.repeat(500));
    const file = {
      ...fileOf(bytes),
      stream: () => new ReadableStream<Uint8Array>({ pull: (c) => c.close() }),
    };
    expect(await sha256Hex(file, { chunkBytes: 1000, startWorker: inProcessWorker })).toBe(nodeSha256(bytes));
    expect(file.reads.length).toBeGreaterThan(0);
  });
});

describe("the browser's worker, started before the first pick and kept between files", () => {
  /** The browser's Worker, standing in: each one made runs the worker's code in this process. */
  function stubWorkers({ scriptFails = false } = {}) {
    made = [];
    vi.stubGlobal(
      'Worker',
      vi.fn(function (this: unknown, url: URL) {
        expect(url.pathname).toMatch(/sha256-worker\.ts$/);
        const worker = inProcessWorker();
        made.push(worker);
        if (scriptFails) queueMicrotask(() => worker.onerror?.(new Event('error')));
        return worker;
      }),
    );
    return made;
  }
  let made: ReturnType<typeof inProcessWorker>[] = [];
  afterEach(async () => {
    // The idle worker is module state: a hash it cannot do takes it out and ends it.
    for (const worker of made)
      worker.postMessage = () =>
        worker.onmessage?.({ data: { type: 'failed', message: 'ended by the test' } });
    await sha256Hex(fileOf(new Uint8Array(1)));
    vi.unstubAllGlobals();
  });

  it('one worker, made ahead, hashes one file after another; a cancelled one is ended and replaced', async () => {
    const made = stubWorkers();
    prepareHashWorker();
    prepareHashWorker();
    expect(made).toHaveLength(1);
    for (const s of ['第一个文件', '第二个文件']) {
      const bytes = text(s.repeat(500));
      expect(await sha256Hex(fileOf(bytes), { chunkBytes: 700 })).toBe(nodeSha256(bytes));
    }
    expect(made).toHaveLength(1);
    expect(made[0]?.terminated).toBe(false);

    const cancel = new AbortController();
    const big = fileOf(new Uint8Array(20_000));
    const hashing = sha256Hex(big, {
      chunkBytes: 1000,
      signal: cancel.signal,
      onProgress: (done) => done >= 3000 && cancel.abort(),
    });
    await expect(hashing).rejects.toSatisfy(isAbort);
    expect(made[0]?.terminated).toBe(true);
    const bytes = text('第三个文件');
    expect(await sha256Hex(fileOf(bytes))).toBe(nodeSha256(bytes));
    expect(made).toHaveLength(2);
  });

  it('files picked together wait their turn for the one worker; one cancelled while waiting leaves the queue', async () => {
    const made = stubWorkers();
    prepareHashWorker();
    const [a, b, c] = ['甲', '乙', '丙'].map((s) => text(s.repeat(2000))) as [
      Uint8Array,
      Uint8Array,
      Uint8Array,
    ];
    const files = [a, b, c];
    const cancel = new AbortController();
    const hashes = files.map((bytes, i) =>
      sha256Hex(fileOf(bytes), { chunkBytes: 1000, ...(i === 1 ? { signal: cancel.signal } : {}) }),
    );
    cancel.abort();
    const [first, second, third] = await Promise.allSettled(hashes);
    expect(first).toEqual({ status: 'fulfilled', value: nodeSha256(a) });
    expect(second?.status === 'rejected' && isAbort(second.reason)).toBe(true);
    expect(third).toEqual({ status: 'fulfilled', value: nodeSha256(c) });
    expect(made).toHaveLength(1);
  });

  it('a batch of recordings read by the page: each waits its turn for the one worker, each digest right', async () => {
    const made = stubWorkers();
    prepareHashWorker();
    const batch = ['甲', '乙', '丙', '丁'].map((s, i) => text(s.repeat(3000 + i * 777)));
    const digests = await Promise.all(
      batch.map((bytes) => sha256Hex(streamedFile(bytes, 1500), { chunkBytes: 4000 })),
    );
    expect(digests).toEqual(batch.map(nodeSha256));
    expect(made).toHaveLength(1);
    expect(made[0]?.terminated).toBe(false);
  });

  it('a worker whose script does not load is dropped; the file is hashed on the page all the same', async () => {
    const made = stubWorkers({ scriptFails: true });
    prepareHashWorker();
    await Promise.resolve();
    expect(made[0]?.terminated).toBe(true);
    const bytes = text('录像'.repeat(300));
    expect(await sha256Hex(fileOf(bytes), { chunkBytes: 100 })).toBe(nodeSha256(bytes));
    expect(made).toHaveLength(2);
  });
});

describe('hashPercent', () => {
  it('whole per cent, never past 100, and an empty file is done', () => {
    expect(hashPercent(0, 300)).toBe(0);
    expect(hashPercent(111, 300)).toBe(37);
    expect(hashPercent(299, 300)).toBe(99);
    expect(hashPercent(300, 300)).toBe(100);
    expect(hashPercent(0, 0)).toBe(100);
  });
});
