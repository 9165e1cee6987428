// Files received with a form, held in temporary files until the use case decides what to keep. They live under
// UPLOAD_DIR/.incoming (the same disk as the stored attachments, never the system temp folder) and every start-up
// sweeps what a crash left there, so an original photo with its EXIF location never outlives its request.
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { UnavailableError } from "~/domain/errors";
import { safeDisplayName } from "~/domain/text";
import { uploadDir } from "./config.server";

export type UploadProblem =
  | { code: "tooManyFiles"; limit: number }
  | { code: "fileTooLarge"; name: string }
  | { code: "fileType"; name: string }
  | { code: "fileUnreadable"; name: string };

/** One message line per problem, on the form's file field (catalogue keys with the file's name). */
export function attachmentsError(problems: readonly UploadProblem[], field = "attachments"): Record<string, string> {
  const line = (p: UploadProblem) => (p.code === "tooManyFiles" ? `error.tooManyFiles:${p.limit}` : `error.${p.code}:${p.name}`);
  return problems.length ? { [field]: problems.map(line).join("\n") } : {};
}

export interface ReceivedFile {
  tempPath: string;
  displayName: string;
  size: number;
}

/** What a form accepts as files: one field of attachments, and optionally one CSV table kept in memory. */
export interface FilePolicy {
  field: string;
  maxFiles: number;
  maxFileBytes: number;
  /** A table sent as a file (a compensation plan): read into memory up to its cap, never stored. */
  table?: { field: string; maxBytes: number };
}

/** The disk is full (or refuses writes): nothing of the request is kept and the person is told to retry later. */
export class StorageUnavailableError extends UnavailableError {
  constructor(readonly code: string) {
    super("error.storageFull", 300);
  }
}

const STORAGE_CODES = new Set(["ENOSPC", "EDQUOT", "EROFS", "EIO", "EMFILE", "ENFILE"]);

export function isStorageError(error: unknown): boolean {
  return STORAGE_CODES.has((error as NodeJS.ErrnoException)?.code ?? "");
}

export function incomingDir(): string {
  return path.join(uploadDir(), ".incoming");
}

/** Removes what an interrupted request left behind (called once at start-up, before the first request). */
export async function sweepIncoming(): Promise<number> {
  const dir = incomingDir();
  const entries = await fsp.readdir(dir).catch(() => [] as string[]);
  await Promise.all(entries.map((e) => fsp.rm(path.join(dir, e), { recursive: true, force: true })));
  return entries.length;
}

async function drain(stream: Readable): Promise<void> {
  stream.resume();
  await new Promise<void>((resolve) => {
    if (stream.readableEnded) return resolve();
    stream.once("end", () => resolve());
    stream.once("error", () => resolve());
  });
}

/** Collects the files of one request while it is read; `discard()` removes them whatever happens next. */
export class UploadBatch {
  readonly files: ReceivedFile[] = [];
  readonly problems: UploadProblem[] = [];
  /** The CSV table of the post, when one was sent (`null` bytes: over its cap). */
  tableFile: { displayName: string; bytes: Buffer | null } | undefined;
  private dir: Promise<string> | undefined;
  /** Set when the disk refused a file: the post is answered "not received, retry later" (its fields still read). */
  failed: StorageUnavailableError | undefined;
  /** Slots taken synchronously as parts arrive: parts are written concurrently, the count must not race. */
  private taken = 0;

  constructor(private readonly policy?: FilePolicy) {}

  /** Consumes one file part of the body: kept in a temporary file, or read and dropped. */
  async accept(field: string, filename: string, stream: Readable): Promise<void> {
    const policy = this.policy;
    if (policy?.table && field === policy.table.field && filename !== "") return this.acceptTable(filename, stream, policy.table.maxBytes);
    // After one write failed on a full disk the other files are read and dropped: nothing of the post is kept.
    if (!policy || field !== policy.field || this.failed) return drain(stream);
    const displayName = safeDisplayName(filename, "tệp");
    if (this.taken >= policy.maxFiles) {
      if (!this.problems.some((p) => p.code === "tooManyFiles")) this.problems.push({ code: "tooManyFiles", limit: policy.maxFiles });
      return drain(stream);
    }
    this.taken++;
    this.dir ??= ensureDir(incomingDir()).then((dir) => fsp.mkdtemp(path.join(dir, "req-")));
    const tempPath = path.join(await this.dir, crypto.randomUUID());
    let size = 0;
    let tooLarge = false;
    stream.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > policy.maxFileBytes) tooLarge = true;
    });
    stream.on("limit", () => (tooLarge = true));
    // Piped by hand rather than with pipeline(): when the disk refuses a write, the part is still read to its end
    // (and dropped) so the fields after it are read too — the page hands them back — and the parser never stalls on
    // a destroyed part. Every stream has its 'error' listener: a full disk is an answer, never a crash.
    const out = fs.createWriteStream(tempPath, { mode: 0o600 });
    out.on("error", () => {
      stream.unpipe(out);
      stream.resume();
    });
    stream.on("error", () => out.destroy());
    stream.pipe(out);
    const [source, sink] = await Promise.allSettled([finished(stream), finished(out)]);
    const failure = sink.status === "rejected" ? sink.reason : source.status === "rejected" ? source.reason : undefined;
    if (failure !== undefined) {
      await fsp.rm(tempPath, { force: true });
      if (isStorageError(failure)) {
        this.failed = new StorageUnavailableError((failure as NodeJS.ErrnoException).code ?? "EIO");
        return;
      }
      throw failure;
    }
    // An empty file input (nothing chosen) still sends a part with no name and no bytes.
    if (size === 0 && filename === "") {
      this.taken--;
      return fsp.rm(tempPath, { force: true });
    }
    if (tooLarge) {
      this.problems.push({ code: "fileTooLarge", name: displayName });
      return fsp.rm(tempPath, { force: true });
    }
    this.files.push({ tempPath, displayName, size });
  }

  private async acceptTable(filename: string, stream: Readable, maxBytes: number): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size <= maxBytes) chunks.push(chunk);
    }
    this.tableFile = { displayName: safeDisplayName(filename, "bang.csv"), bytes: size <= maxBytes ? Buffer.concat(chunks) : null };
  }

  async discard(): Promise<void> {
    const dir = await this.dir?.catch(() => undefined);
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}

async function ensureDir(dir: string): Promise<string> {
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
  return dir;
}
