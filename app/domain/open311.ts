// Open311 GeoReport v2 (open311.org): formats, the XML form of its JSON ("Spark" convention), errors, filters.
import { isOpen } from "./case-workflow";
import { z } from "zod";

export type Format = "json" | "xml";

export const CONTENT_TYPES: Record<Format, string> = {
  json: "application/json; charset=utf-8",
  xml: "text/xml; charset=utf-8",
};

/** Plural element → singular child element, as the standard names them. */
const CHILD: Record<string, string> = {
  services: "service",
  service_requests: "request",
  errors: "error",
  endpoints: "endpoint",
  formats: "format",
  attributes: "attribute",
  values: "value",
};

/** Characters XML 1.0 does not allow at all (controls, lone surrogates, U+FFFE/U+FFFF): dropped, not escaped. */
// eslint-disable-next-line no-control-regex -- naming the control characters XML allows is the point
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function escapeXml(value: string): string {
  return value.replace(NOT_XML, "").replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);
}

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const child = CHILD[name] ?? "item";
    return `<${name}>${value.map((v) => element(child, v)).join("")}</${name}>`;
  }
  if (typeof value === "object") {
    return `<${name}>${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => element(k, v))
      .join("")}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** The XML document for a response whose JSON form is `value` under the root element `root`. */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>${element(root, value)}`;
}

export interface Open311Error {
  code: number;
  description: string;
}

/** W3C datetime with a required time zone (GeoReport v2 § datetimes). */
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Datetimes are returned in Vietnam time with their offset, e.g. 2026-11-25T10:30:00+07:00. */
export function w3cDatetime(isoUtc: string): string {
  const shifted = new Date(new Date(isoUtc).getTime() + 7 * 3_600_000).toISOString();
  return `${shifted.slice(0, 19)}+07:00`;
}

/** End of a Vietnam calendar day, for expected_datetime. */
export function endOfVnDay(date: string): string {
  return `${date}T23:59:59+07:00`;
}

/** An empty optional parameter behaves exactly like an absent one. */
const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

export const MAX_RANGE_DAYS = 90;
export const MAX_RESULTS = 1000;

export const requestFiltersSchema = z
  .object({
    service_request_id: optional,
    service_code: optional,
    start_date: optional.refine((v) => v === undefined || W3C.test(v), "start_date must be a W3C datetime with a time zone"),
    end_date: optional.refine((v) => v === undefined || W3C.test(v), "end_date must be a W3C datetime with a time zone"),
    status: optional.refine(
      (v) => v === undefined || v.split(",").every((s) => s.trim() === "open" || s.trim() === "closed"),
      "status must be open, closed or both",
    ),
  })
  .superRefine((v, ctx) => {
    if (v.start_date && v.end_date) {
      const span = (Date.parse(v.end_date) - Date.parse(v.start_date)) / 86_400_000;
      if (span < 0) ctx.addIssue({ code: "custom", message: "end_date is before start_date" });
      if (span > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", message: `the date range may not exceed ${MAX_RANGE_DAYS} days` });
    }
  });

export type RequestFilters = z.output<typeof requestFiltersSchema>;

/** From the filters to the query: an explicit id list overrides everything; otherwise the last 90 days by default. */
export function resolveRequestQuery(filters: RequestFilters, now: Date) {
  if (filters.service_request_id) {
    return {
      ids: filters.service_request_id
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
        .slice(0, MAX_RESULTS),
    };
  }
  const end = filters.end_date ? new Date(filters.end_date) : now;
  const start = filters.start_date ? new Date(filters.start_date) : new Date(end.getTime() - MAX_RANGE_DAYS * 86_400_000);
  return {
    serviceCodes: filters.service_code
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    statuses: filters.status?.split(",").map((s) => s.trim() as "open" | "closed"),
    start: start.toISOString(),
    end: end.toISOString(),
  };
}

export function open311Status(status: string): "open" | "closed" {
  return isOpen(status) ? "open" : "closed";
}

/** A value from the request as an error may repeat it: identifier characters only, bounded; anything else is not echoed. */
export function echoed(value: string): string {
  return /^[A-Za-z0-9._:-]{1,64}$/.test(value) ? value : "(không hợp lệ / not valid)";
}
