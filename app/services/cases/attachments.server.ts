// Residents' and officials' files, once received (platform/uploads.server.ts): identified by content, photos
// re-encoded (auto-oriented, metadata stripped), then stored under a random id — never under the name sent.
import crypto from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { distinctDisplayNames, isImage, MAX_IMAGE_EDGE, MAX_IMAGE_PIXELS, sniffType, storedDisplayName, storedType, type SniffedType } from "~/domain/uploads";
import * as t from "../../../db/schema";
import { uploadDir } from "~/services/platform/config.server";
import { isStorageError, StorageUnavailableError, type UploadBatch, type UploadProblem } from "~/services/platform/uploads.server";
import { read, type Tx } from "~/services/platform/database.server";
import { inArray } from "drizzle-orm";

export const ATTACHMENT_FIELD = "attachments";

// Each photo is decoded and re-encoded once: libvips' operation cache (by default up to 50 MB and 100 operations,
// kept for the life of the process) only made memory grow under steady filing.
sharp.cache(false);

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
  if (problems.length) return { attachments: [], problems };
  const names = distinctDisplayNames(attachments.map((a) => a.displayName));
  return { attachments: attachments.map((a, i) => ({ ...a, displayName: names[i] })), problems };
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
  const name = storedDisplayName(displayName, stored.extension);
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

/**
 * Writes and fsyncs the files before the database refers to them; returns a function that removes them again. A
 * write that fails (a full disk) removes what it wrote — the half-written file and the batch's earlier files — and
 * throws StorageUnavailableError, so the filer is told nothing was received.
 */
export async function storeAttachments(files: readonly PreparedAttachment[]): Promise<() => Promise<void>> {
  const written: string[] = [];
  const removeAll = async () => {
    await Promise.all(written.map((p) => fsp.rm(p, { force: true })));
  };
  try {
    for (const file of files) {
      const target = storagePath(file.id);
      await fsp.mkdir(path.dirname(target), { recursive: true });
      const handle = await fsp.open(target, "wx", 0o600);
      written.push(target);
      try {
        await handle.writeFile(file.bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  } catch (error) {
    await removeAll();
    if (isStorageError(error)) throw new StorageUnavailableError((error as NodeJS.ErrnoException).code ?? "EIO");
    throw error;
  }
  return removeAll;
}

/**
 * Removes stored files that no attachment row refers to: what a crash (kill -9, power loss) left between writing a
 * case's files and committing the case. Run at start-up only, before any request can be writing files.
 */
export async function sweepUnreferencedFiles(): Promise<number> {
  const root = uploadDir();
  // Only folders a file was added to since the last sweep can hold a new orphan (adding a file touches its folder),
  // so a start after a clean stop reads a few folders, not every stored file.
  const marker = path.join(root, ".last-sweep");
  const since = (await fsp.stat(marker).catch(() => null))?.mtimeMs ?? 0;
  const shards = (await fsp.readdir(root, { withFileTypes: true }).catch(() => [])).filter((d) => d.isDirectory() && /^[0-9a-f]{2}$/.test(d.name));
  const stored: { id: string; file: string }[] = [];
  for (const shard of shards) {
    // A minute's margin for clocks and file systems that keep coarse times.
    if ((await fsp.stat(path.join(root, shard.name))).mtimeMs < since - 60_000) continue;
    for (const name of await fsp.readdir(path.join(root, shard.name))) {
      if (/^[0-9a-f-]{36}$/.test(name)) stored.push({ id: name, file: path.join(root, shard.name, name) });
    }
  }
  const known = new Set<string>();
  for (let i = 0; i < stored.length; i += 500) {
    const ids = stored.slice(i, i + 500).map((f) => f.id);
    for (const row of await read().select({ id: t.attachments.id }).from(t.attachments).where(inArray(t.attachments.id, ids))) known.add(row.id);
  }
  const orphans = stored.filter((f) => !known.has(f.id));
  await Promise.all(orphans.map((f) => fsp.rm(f.file, { force: true })));
  if (shards.length) await fsp.writeFile(marker, new Date().toISOString());
  return orphans.length;
}

export async function readAttachment(id: string): Promise<Buffer> {
  return fsp.readFile(storagePath(id));
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(displayName: string): string {
  const ascii = displayName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
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
  await tx.insert(t.attachments).values(
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
  );
}
