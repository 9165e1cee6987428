// Reads a form post as it streams, never more than the form can need: each text field is bounded by its schema's
// length, the whole body by the sum of its parts, files by their caps. Past a bound the body is not read further
// and the post is refused (413) — before any CSRF check or use case looks at it.
import busboy from "busboy";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fieldByteLimit, type FieldSpecs } from "~/domain/form-schema";
import { InvalidError } from "~/domain/errors";
import { StorageUnavailableError, UploadBatch, type FilePolicy } from "./uploads.server";

export interface FormBody {
  /** The first value of each field the form knows, cut to what the field may hold; unknown fields are dropped. */
  values: Record<string, string>;
  /** Fields whose value was longer than the field may hold (the value kept is cut). */
  overlong: Set<string>;
  /** `batch.failed` is set when the disk refused a file: nothing is kept and the post must be refused (503). */
  batch: UploadBatch;
}

/** How much more than its bound a refused body is read (and dropped) so that its client still gets the answer. */
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
  }
}

/**
 * A small text body (an API's urlencoded post), read as it streams and refused as soon as it passes `maxBytes`
 * (or declares more): never buffered whole first.
 */
export async function readBoundedText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > maxBytes) throw new BodyTooLargeError(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // Past the bound nothing more is kept; the rest is read and dropped so the client still gets its answer (a
    // cancelled body resets the connection). The server's request timeout bounds how long that may take.
    if (size <= maxBytes) chunks.push(value);
  }
  if (size > maxBytes) throw new BodyTooLargeError(maxBytes);
  return Buffer.concat(chunks).toString("utf8");
}

/** Bytes a form's body may take: its fields at their longest, the files at their caps, and the multipart framing. */
export function bodyLimit(fields: FieldSpecs, files?: FilePolicy): number {
  const text = Object.values(fields).reduce((sum, spec) => sum + fieldByteLimit(spec) + 256, 0);
  const attachments = files ? files.maxFiles * (files.maxFileBytes + 1024) + (files.table ? files.table.maxBytes + 1024 : 0) : 0;
  return text + attachments + 8 * 1024;
}

function cut(value: string, maxLength: number | undefined): string {
  return maxLength === undefined ? value : value.slice(0, maxLength);
}

/**
 * Reads the body. Throws BodyTooLargeError past the bound (declared or streamed), InvalidError("error.badForm")
 * when the body is not a form. A file the disk refused sets `batch.failed` (the fields are still read). The caller
 * discards the batch.
 */
export async function readFormBody(request: Request, fields: FieldSpecs, files?: FilePolicy, limit = bodyLimit(fields, files)): Promise<FormBody> {
  const batch = new UploadBatch(files);
  const values: Record<string, string> = {};
  const overlong = new Set<string>();
  const contentType = request.headers.get("Content-Type") ?? "";
  // A urlencoded body carries no files: only the fields, each byte at worst percent-encoded (three bytes).
  if (/^application\/x-www-form-urlencoded\b/i.test(contentType)) limit = Math.min(limit, 3 * bodyLimit(fields));
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > limit) throw new BodyTooLargeError(limit);
  if (!request.body) return { values, overlong, batch };
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(contentType)) {
    await request.body.cancel().catch(() => undefined);
    throw new InvalidError("error.badForm");
  }

  const maxField = Math.max(...Object.values(fields).map(fieldByteLimit), fieldByteLimit(undefined));
  const parser = busboy({
    headers: { "content-type": contentType },
    defParamCharset: "utf8",
    limits: {
      fieldSize: maxField,
      fields: Object.keys(fields).length * 2 + 16,
      files: files ? files.maxFiles + 3 : 0,
      fileSize: files ? Math.max(files.maxFileBytes, files.table?.maxBytes ?? 0) : 0,
      parts: Object.keys(fields).length * 2 + (files ? files.maxFiles + 3 : 0) + 16,
    },
  });
  const writes: Promise<void>[] = [];
  // A file that cannot be written stops the whole body (kept as a value, never a floating rejected promise).
  let failure: unknown;
  parser.on("field", (name, value, info) => {
    const spec = fields[name];
    if (!spec || name in values) return;
    const long = info.valueTruncated || (spec.maxLength !== undefined && value.length > spec.maxLength);
    values[name] = cut(value, spec.maxLength);
    if (long) overlong.add(name);
  });
  parser.on("file", (name, stream, info) => {
    writes.push(
      batch.accept(name, info.filename ?? "", stream).catch((error: unknown) => {
        failure ??= error;
        stream.resume();
        parser.destroy(error as Error);
      }),
    );
  });

  // Past the bound nothing more reaches the parser and nothing is kept; the rest is read and dropped, so that the
  // client gets its 413 page rather than a reset connection (a cancelled body resets it before the answer is
  // sent). A body larger still than DRAIN_MAX_BYTES past the bound is cut off there.
  let received = 0;
  let over = false;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.byteLength;
      if (received > limit + DRAIN_MAX_BYTES) return done(new BodyTooLargeError(limit));
      if (received > limit) over = true;
      if (over) return done();
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(request.body as import("node:stream/web").ReadableStream), counter, parser);
    await Promise.all(writes);
    if (over) throw new BodyTooLargeError(limit);
    if (failure) throw failure;
    // A full disk: the files are gone, the fields were read; the caller answers 503 and hands the fields back.
    if (batch.failed) await batch.discard();
  } catch (caught) {
    await Promise.all(writes);
    await batch.discard();
    if (over) throw new BodyTooLargeError(limit);
    if (batch.failed) throw batch.failed;
    const error = failure ?? caught;
    if (error instanceof BodyTooLargeError || error instanceof StorageUnavailableError) throw error;
    // Malformed multipart (a broken boundary, a truncated body): the person sent something that is not our form.
    throw new InvalidError("error.badForm");
  }
  return { values, overlong, batch };
}
