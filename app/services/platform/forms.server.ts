// One way to receive a form post, for every form: read the body within the bounds its schema allows, check that
// the post comes from our own pages, validate with the form's one schema, run the use case, and hand back what
// was typed (cut to what each field may hold) with one message per field when anything is refused.
import type { z } from "zod";
import { InvalidError, UnavailableError } from "~/domain/errors";
import { fieldErrors, fieldSpecs, type FieldErrors, type FieldSpecs } from "~/domain/form-schema";
import { BodyTooLargeError, readFormBody } from "./form-body.server";
import { CSRF_FIELD, isCrossSite, verifyCsrf } from "./request.server";
import { attachmentsError, StorageUnavailableError, type FilePolicy, type UploadBatch } from "./uploads.server";

export type FormValues = Partial<Record<string, string>>;

/** A post refused before (or instead of) its use case; `values` hands back what was typed where it could be read. */
export type FormRejection = { values?: FormValues } & (
  | { outcome: "forbidden" }
  | { outcome: "tooLarge"; limitBytes?: number }
  | { outcome: "rateLimited"; retryAfterSeconds: number }
  /** The database or the disk could not take it now: nothing was stored, the person should retry later. */
  | { outcome: "unavailable"; retryAfterSeconds: number; reason: "busy" | "storage" }
);

export type FormInvalid = { outcome: "invalid"; values: FormValues; errors: FieldErrors };

export type FormOutcome<Success> = Success | FormRejection | FormInvalid;

export type Validation<T> = { success: true; data: T } | { success: false; errors: FieldErrors };

export interface FormOptions<T> {
  /**
   * "token": a signed token from the page must match the browser's cookie (staff, and residents' own pages).
   * "origin": the browser's Fetch Metadata / Origin must name our site (anonymous forms on pages served to
   * everyone from the cache, which carry no per-visitor token).
   */
  csrf: "token" | "origin";
  files?: FilePolicy;
  /** Fields the page sends that the schema does not validate (read and echoed only). */
  extraFields?: FieldSpecs;
  /** Adjusts the values before validation (e.g. dropping a row number that belongs to another plan). */
  prepare?: (values: FormValues) => FormValues;
  /** Replaces `schema.safeParse` when the form has rules across fields that must run even if a field failed. */
  validate?: (values: FormValues) => Validation<T>;
}

export interface ParsedForm<T> {
  data: T;
  values: FormValues;
  batch: UploadBatch;
}

/** Turns infrastructure refusals (busy database, full disk) into a form outcome; anything else is rethrown. */
export function unavailable(error: unknown, values?: FormValues): FormRejection | null {
  if (error instanceof UnavailableError) {
    const reason = error instanceof StorageUnavailableError ? "storage" : "busy";
    return { outcome: "unavailable", retryAfterSeconds: error.retryAfterSeconds, reason, values };
  }
  return null;
}

/**
 * Receives one form post and runs `use` with the valid data. The files of the post are removed when `use`
 * returns, whatever it returns; `use` keeps what it stored. InvalidError thrown by the use case becomes the
 * form's messages; a busy database or a full disk becomes "unavailable".
 */
export async function handleForm<S extends z.ZodType, Success>(
  request: Request,
  schema: S,
  options: FormOptions<z.output<S>>,
  use: (form: ParsedForm<z.output<S>>) => Promise<FormOutcome<Success>>,
): Promise<FormOutcome<Success>> {
  const fields: FieldSpecs = {
    ...fieldSpecs(schema),
    ...options.extraFields,
    ...(options.csrf === "token" ? { [CSRF_FIELD]: { required: true, maxLength: 100 } } : {}),
  };
  let body;
  try {
    body = await readFormBody(request, fields, options.files);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { outcome: "tooLarge", limitBytes: error.limit };
    if (error instanceof InvalidError) return { outcome: "invalid", values: {}, errors: error.errors };
    const refused = unavailable(error);
    if (refused) return refused;
    throw error;
  }
  const { batch } = body;
  try {
    const { [CSRF_FIELD]: token, ...typed } = body.values;
    const values = options.prepare ? options.prepare(typed) : typed;
    const crossSite = isCrossSite({
      origin: request.headers.get("Origin"),
      secFetchSite: request.headers.get("Sec-Fetch-Site"),
      host: request.headers.get("Host") ?? new URL(request.url).host,
    });
    const trusted = options.csrf === "token" ? verifyCsrf(request, token ?? null) : !crossSite;
    // Hand back what was typed even here: an expired cookie must not cost the resident their text.
    if (!trusted) return { outcome: "forbidden", values };
    if (batch.failed) return unavailable(batch.failed, values)!;
    const overlong: FieldErrors = {};
    for (const name of body.overlong) overlong[name] = `error.tooLong:${fields[name]?.maxLength ?? ""}`;
    const validation: Validation<z.output<S>> = options.validate
      ? options.validate(values)
      : (() => {
          const result = schema.safeParse(values);
          return result.success ? { success: true as const, data: result.data } : { success: false as const, errors: fieldErrors(result.error) };
        })();
    if (!validation.success || Object.keys(overlong).length) {
      // Every problem at once: the fields, and the files that will not be accepted either.
      return {
        outcome: "invalid",
        values,
        errors: { ...(validation.success ? {} : validation.errors), ...overlong, ...attachmentsError(batch.problems, options.files?.field) },
      };
    }
    try {
      return await use({ data: validation.data, values, batch });
    } catch (error) {
      if (error instanceof InvalidError) return { outcome: "invalid", values, errors: error.errors };
      const refused = unavailable(error, values);
      if (refused) return refused;
      throw error;
    }
  } finally {
    await batch.discard();
  }
}
