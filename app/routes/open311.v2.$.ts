import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { CONTENT_TYPES, toXml, type Format } from "~/domain/open311";
import type { RequestContext } from "~/services/platform/request.server";
import {
  checkJurisdiction,
  createRequest,
  discovery,
  getRequest,
  getToken,
  listRequests,
  serviceDefinition,
  services,
  type Open311Result,
} from "~/services/open311/open311.server";
import { guard } from "~/http";
import { streamedBody } from "~/services/platform/responses.server";
import { BodyTooLargeError, readBoundedText } from "~/services/platform/form-body.server";

/** An Open311 post is a few urlencoded fields: 64 KB is far more than it can need. */
const OPEN311_MAX_BODY_BYTES = 64 * 1024;

/** "services/land.json" → { path: ["services", "land"], format: "json" }; the format is the extension. */
function parsePath(splat: string): { path: string[]; format: Format } | null {
  const match = /^(.*)\.(json|xml)$/.exec(splat);
  if (!match) return null;
  return { path: match[1].split("/").filter(Boolean).map(decodeURIComponent), format: match[2] as Format };
}

/** A list read in batches: JSON is written batch by batch as it is read; XML (rarely asked for) is built whole. */
async function flatten(result: Open311Result): Promise<Exclude<Open311Result, { batches: unknown }>> {
  if (!("batches" in result)) return result;
  const body: unknown[] = [];
  for await (const batch of result.batches) body.push(...batch);
  return { status: result.status, root: result.root, body };
}

async function* jsonArray(batches: AsyncIterable<unknown[]>): AsyncGenerator<string> {
  let first = true;
  yield "[";
  for await (const batch of batches)
    for (const item of batch) {
      yield (first ? "" : ",") + JSON.stringify(item);
      first = false;
    }
  yield "]";
}

async function respond(given: Open311Result, format: Format): Promise<Response> {
  const result = "batches" in given && format === "xml" ? await flatten(given) : given;
  const body =
    "batches" in result
      ? streamedBody(jsonArray(result.batches))
      : "errors" in result
        ? format === "json"
          ? JSON.stringify(result.errors)
          : toXml("errors", result.errors)
        : format === "json"
          ? JSON.stringify(result.body)
          : toXml(result.root, result.body);
  const headers: Record<string, string> = { "Content-Type": CONTENT_TYPES[format], "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store" };
  if (result.status === 429) headers["Retry-After"] = "60";
  // The rest of a refused body is not read: the connection is not reused for another request.
  if (result.status === 413) headers.Connection = "close";
  return new Response(body, { status: result.status, headers });
}

const unknownFormat = () => respond({ status: 400, errors: [{ code: 400, description: "add .xml or .json to the address" }] }, "xml");
const notFound = (format: Format) => respond({ status: 404, errors: [{ code: 404, description: "no such resource" }] }, format);

export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const parsed = parsePath(params["*"] ?? "");
  if (!parsed) return unknownFormat();
  const { path, format } = parsed;
  const query = new URL(request.url).searchParams;
  const wrongJurisdiction = checkJurisdiction(query);
  if (wrongJurisdiction) return respond(wrongJurisdiction, format);
  if (path.length === 1 && path[0] === "discovery") return respond(discovery(), format);
  if (path.length === 1 && path[0] === "services") return respond(await services(), format);
  if (path.length === 2 && path[0] === "services") return respond(await serviceDefinition(path[1]), format);
  if (path.length === 1 && path[0] === "requests") return respond(await listRequests(query), format);
  if (path.length === 2 && path[0] === "requests") return respond(await getRequest(path[1]), format);
  if (path.length === 2 && path[0] === "tokens") return respond(getToken(path[1]), format);
  return notFound(format);
});

export const action = guard(async ({ request, params, context }: ActionFunctionArgs) => {
  const parsed = parsePath(params["*"] ?? "");
  if (!parsed) return unknownFormat();
  const { path, format } = parsed;
  if (request.method !== "POST" || path.length !== 1 || path[0] !== "requests") {
    return respond({ status: 400, errors: [{ code: 400, description: "only POST requests.{format} is accepted" }] }, format);
  }
  let text: string;
  try {
    text = await readBoundedText(request, OPEN311_MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return respond({ status: 413, errors: [{ code: 413, description: "request body too large (at most 64 KB)" }] }, format);
    throw error;
  }
  const form = new URLSearchParams(text);
  const wrongJurisdiction = checkJurisdiction(form);
  if (wrongJurisdiction) return respond(wrongJurisdiction, format);
  return respond(await createRequest(form, (context as RequestContext).clientIp ?? "unknown"), format);
});
