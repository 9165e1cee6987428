// Residents' files: streamed to a temporary file with size caps, identified by content, photos re-encoded
// (auto-oriented, metadata stripped), then stored under a random id — never under the name the browser sent.
import { unstable_composeUploadHandlers,unstable_createMemoryUploadHandler,type UploadHandler } from "@remix-run/node";
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import {
isImage,
MAX_FILE_BYTES,
MAX_FILES,
MAX_IMAGE_EDGE,
MAX_IMAGE_PIXELS,
sniffType,
storedType,
type SniffedType,
} from "~/domain/uploads";
import { MAX_PLAN_CSV_BYTES } from "~/domain/plan-table";
import { safeDisplayName } from "~/domain/text";
import * as t from "../../../db/schema";
import { uploadDir } from "~/services/platform/config.server";
import type { Tx } from "~/services/platform/database.server";

/** Largest text field accepted (the description cap is far below; this only bounds memory). */
const MAX_FIELD_BYTES = 1024 * 1024;
export const ATTACHMENT_FIELD = "attachments";
/** A table sent as a CSV file (a compensation plan): kept in memory, never stored as a file. */
export const TABLE_FILE_FIELD = "planCsv";
const UPLOAD_MARKER = "upload:";

export type UploadProblem =
  | { code: "tooManyFiles"; limit: number }
  | { code: "fileTooLarge"; name: string }
  | { code: "fileType"; name: string }
  | { code: "fileUnreadable"; name: string };

interface ReceivedFile {
  tempPath: string;
  displayName: string;
  size: number;
}

/** Collects the files of one request while it is parsed; `discard()` removes them whatever happens next. */
export class UploadBatch {
  readonly files: ReceivedFile[] = [];
  readonly problems: UploadProblem[] = [];

  /** `acceptTable`: this form may carry a CSV table (staff forms only; residents' forms drop such a part unread). */
  constructor(private readonly acceptTable = false) {}

  /** The CSV table of the post, when one was sent (`null` bytes: over the size cap). */
  tableFile: { displayName: string; bytes: Buffer | null } | undefined;
  private tempDir: string | undefined;

  handler(): UploadHandler {
    const fileHandler: UploadHandler = async ({ name, filename, data }) => {
      // Text fields go on to the memory handler; every file part is consumed here (returning "" for dropped
      // ones), so that no other handler buffers a file.
      if (filename === undefined) return undefined;
      if (name === TABLE_FILE_FIELD && filename !== "" && this.acceptTable) {
        const chunks: Uint8Array[] = [];
        let size = 0;
        for await (const chunk of data) {
          size += chunk.byteLength;
          if (size <= MAX_PLAN_CSV_BYTES) chunks.push(chunk);
        }
        this.tableFile = { displayName: safeDisplayName(filename, "bang.csv"), bytes: size <= MAX_PLAN_CSV_BYTES ? Buffer.concat(chunks) : null };
        return "";
      }
      if (name !== ATTACHMENT_FIELD) {
        await drain(data);
        return "";
      }
      const displayName = safeDisplayName(filename, "tệp");
      if (this.files.length >= MAX_FILES) {
        await drain(data);
        if (!this.problems.some((p) => p.code === "tooManyFiles")) this.problems.push({ code: "tooManyFiles", limit: MAX_FILES });
        return "";
      }
      this.tempDir ??= await fsp.mkdtemp(path.join(os.tmpdir(), "dan-biet-upload-"));
      const tempPath = path.join(this.tempDir, crypto.randomUUID());
      const out = fs.createWriteStream(tempPath);
      let size = 0;
      let tooLarge = false;
      for await (const chunk of data) {
        size += chunk.byteLength;
        if (size > MAX_FILE_BYTES) tooLarge = true;
        if (!tooLarge) out.write(chunk);
      }
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      // An empty file input (nothing chosen) still sends a part with no name and no bytes.
      if (size === 0 && filename === "") {
        await fsp.rm(tempPath, { force: true });
        return "";
      }
      if (tooLarge) {
        this.problems.push({ code: "fileTooLarge", name: displayName });
        await fsp.rm(tempPath, { force: true });
        return "";
      }
      this.files.push({ tempPath, displayName, size });
      return UPLOAD_MARKER + this.files.length;
    };
    return unstable_composeUploadHandlers(fileHandler, unstable_createMemoryUploadHandler({ maxPartSize: MAX_FIELD_BYTES }));
  }

  async discard(): Promise<void> {
    if (this.tempDir) await fsp.rm(this.tempDir, { recursive: true, force: true });
    this.tempDir = undefined;
  }
}

async function drain(data: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const _ of data) {
    // read and drop: the parser needs the part consumed to reach the next one
  }
}

export interface PreparedAttachment {
  id: string;
  displayName: string;
  mediaType: string;
  bytes: Buffer;
  sha256: string;
  latitude: number | null;
  longitude: number | null;
}

/** Identifies and re-encodes every received file; any file that fails is reported and nothing is kept. */
export async function prepareAttachments(
  batch: UploadBatch,
  options: { keepLocation: boolean },
): Promise<{ attachments: PreparedAttachment[]; problems: UploadProblem[] }> {
  const problems: UploadProblem[] = [...batch.problems];
  const attachments: PreparedAttachment[] = [];
  for (const file of batch.files) {
    const input = await fsp.readFile(file.tempPath);
    const type = sniffType(input.subarray(0, 32));
    if (!type) {
      problems.push({ code: "fileType", name: file.displayName });
      continue;
    }
    try {
      const prepared = await prepareOne(input, type, file.displayName, options.keepLocation);
      attachments.push(prepared);
    } catch {
      problems.push({ code: "fileUnreadable", name: file.displayName });
    }
  }
  return { attachments: problems.length ? [] : attachments, problems };
}

async function prepareOne(input: Buffer, type: SniffedType, displayName: string, keepLocation: boolean): Promise<PreparedAttachment> {
  const stored = storedType(type);
  let bytes: Buffer;
  let location: { latitude: number; longitude: number } | null = null;
  if (!isImage(type)) {
    bytes = input;
  } else {
    if (keepLocation) location = await readGps(input);
    bytes = await reencodeImage(input, type);
  }
  const name = displayName.replace(/\.[A-Za-z0-9]{1,5}$/, "") + "." + stored.extension;
  return {
    id: crypto.randomUUID(),
    displayName: name,
    mediaType: stored.mediaType,
    bytes,
    sha256: crypto.createHash("sha256").update(bytes).digest("hex"),
    latitude: location?.latitude ?? null,
    longitude: location?.longitude ?? null,
  };
}

async function readGps(input: Buffer): Promise<{ latitude: number; longitude: number } | null> {
  try {
    const exifr = await import("exifr");
    const gps = await (exifr.default ?? exifr).gps(input);
    if (gps && Number.isFinite(gps.latitude) && Number.isFinite(gps.longitude)) return { latitude: gps.latitude, longitude: gps.longitude };
  } catch {
    // no readable GPS block: nothing to keep
  }
  return null;
}

/** Pixels only: the output carries no EXIF/XMP/ICC text, is upright, and no larger than MAX_IMAGE_EDGE. */
export async function reencodeImage(input: Buffer, type: SniffedType): Promise<Buffer> {
  let pipeline: sharp.Sharp;
  if (type === "image/heic") {
    const { default: decode } = await import("heic-decode");
    const image = await decode({ buffer: input });
    if (image.width * image.height > MAX_IMAGE_PIXELS) throw new Error("image too large");
    pipeline = sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
      raw: { width: image.width, height: image.height, channels: 4 },
    });
  } else {
    pipeline = sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "error" }).rotate();
  }
  pipeline = pipeline.resize({ width: MAX_IMAGE_EDGE, height: MAX_IMAGE_EDGE, fit: "inside", withoutEnlargement: true });
  switch (type) {
    case "image/png":
      return pipeline.png({ compressionLevel: 8 }).toBuffer();
    case "image/webp":
      return pipeline.webp({ quality: 85 }).toBuffer();
    default:
      return pipeline.jpeg({ quality: 85, mozjpeg: true }).toBuffer();
  }
}

function storagePath(id: string): string {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error("bad attachment id");
  return path.join(uploadDir(), id.slice(0, 2), id);
}

/** Writes and fsyncs the files before the database refers to them; returns a function that removes them again. */
export async function storeAttachments(files: readonly PreparedAttachment[]): Promise<() => Promise<void>> {
  const written: string[] = [];
  for (const file of files) {
    const target = storagePath(file.id);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    const handle = await fsp.open(target, "wx", 0o600);
    try {
      await handle.writeFile(file.bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    written.push(target);
  }
  return async () => {
    await Promise.all(written.map((p) => fsp.rm(p, { force: true })));
  };
}

export async function readAttachment(id: string): Promise<Buffer> {
  return fsp.readFile(storagePath(id));
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(displayName: string): string {
  const ascii = displayName.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(displayName)}`;
}

/** Records stored files as the attachments of one timeline event, inside the caller's transaction. */
export async function recordAttachments(
  tx: Tx,
  caseId: number,
  eventId: number,
  files: readonly PreparedAttachment[],
  uploadedBy: "resident" | "official",
): Promise<void> {
  if (!files.length) return;
  await tx.insert(t.attachments)
    .values(
      files.map((f) => ({
        id: f.id,
        caseId,
        eventId,
        displayName: f.displayName,
        mediaType: f.mediaType,
        sizeBytes: f.bytes.length,
        sha256: f.sha256,
        latitude: f.latitude,
        longitude: f.longitude,
        uploadedBy,
      })),
    )
    ;
}
