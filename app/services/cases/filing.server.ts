// Filing a case: routed to its unit, the first legal time limit set, the receipt and its mail, all in one
// transaction with the case's files (written first, removed again if the transaction fails).
import { and, asc, eq, gt, sql } from "drizzle-orm";
import * as t from "../../../db/schema";
import { formatDate, vnDate } from "~/domain/dates";
import { filingLimitPassed, firstStage, firstStageDueDate } from "~/domain/deadlines";
import { InvalidError } from "~/domain/errors";
import type { FilingInput } from "~/domain/filing";
import type { FilingChannel } from "~/domain/reception";
import { routeCase } from "~/domain/routing";
import { foldForSearch, phoneDigits } from "~/domain/text";
import { counterName, formatTrackingCode } from "~/domain/tracking-code";
import { creditedUnit } from "~/domain/figures";
import { translator, type Language } from "~/i18n";
import { publicUrl } from "~/services/platform/config.server";
import { recordAttachments, storeAttachments, type PreparedAttachment } from "./attachments.server";
import { caseDeadline } from "./views.server";
import { read, transaction, type Tx, type Db } from "~/services/platform/database.server";
import { disclosureLinkErrors } from "~/services/disclosures/links.server";
import { enqueueMail, nudgeMailWorker } from "~/services/platform/mail.server";
import { communeName, publishedContacts, reference } from "~/services/reference/reference.server";
import { caseSearchTexts } from "~/domain/redaction";
import { decrypt, encrypt, hmac, newAccessKey, sha256 } from "~/services/platform/secrets.server";

export interface FiledCase {
  caseId: number;
  code: string;
  receiptToken: string;
  duplicate: boolean;
}

/** The receipt link is derived from the form's idempotency key, so a resubmitted form lands on the same receipt. */
function receiptTokenFor(idempotencyKey: string): string {
  return hmac("receipt", idempotencyKey);
}

/** How long the same text sent again from the same browser counts as the same filing. */
const REPEAT_WINDOW_MS = 24 * 3600 * 1000;

/** The case this submission repeats: the same form (its key), or the same text from the same browser lately (Back, retyped). */
async function findEarlier(tx: Tx | Db, input: FilingContent, repeatKey: string | null, now: Date) {
  const key = input.idempotencyKey;
  const columns = { id: t.cases.id, code: t.cases.code, idempotencyKey: t.cases.idempotencyKey };
  const byKey = (
    await tx
      .select({
        ...columns,
        content: {
          kind: t.cases.kindCode,
          category: t.cases.categoryCode,
          title: t.cases.title,
          description: t.cases.description,
          phone: t.caseContacts.phone,
        },
      })
      .from(t.cases)
      .innerJoin(t.caseContacts, eq(t.caseContacts.caseId, t.cases.id))
      .where(eq(t.cases.idempotencyKey, key))
  )[0];
  if (byKey) {
    // The key names one filing: sent with other words it is not a repeat, and must never open someone else's receipt.
    if (contentFingerprint(byKey.content) !== contentFingerprint(input)) throw new InvalidError("error.formReused", { idempotencyKey: "error.formReused" });
    return byKey;
  }
  if (!repeatKey) return undefined;
  const since = new Date(now.getTime() - REPEAT_WINDOW_MS).toISOString();
  return (
    await tx
      .select(columns)
      .from(t.cases)
      .where(and(eq(t.cases.repeatKey, repeatKey), gt(t.cases.receivedAt, since)))
      .orderBy(asc(t.cases.id))
      .limit(1)
  )[0];
}

/**
 * The repeat key of a filing: keyed by the browser's own secret cookie, so nobody else can reach a case's receipt by
 * typing its (possibly published) text; folded so that retyping with other accents or spaces is still a repeat.
 */
export function filingRepeatKey(browserSecret: string, input: Omit<FilingContent, "idempotencyKey">): string {
  return hmac("filing-repeat", `${browserSecret}\n${contentFingerprint(input)}`);
}

type FilingContent = Pick<FilingInput, "phone" | "kind" | "category" | "title" | "description" | "idempotencyKey">;

/** What makes two filings the same filing: who (phone), what kind, and the words, folded. */
function contentFingerprint(c: Pick<FilingContent, "phone" | "kind" | "category" | "title" | "description">): string {
  return [phoneDigits(c.phone), c.kind, c.category, foldForSearch(c.title), foldForSearch(c.description)].join("\n");
}

export async function fileCase(
  input: FilingInput,
  files: readonly PreparedAttachment[],
  options: {
    language: Language;
    now?: Date;
    location?: { latitude: number; longitude: number };
    repeatKey?: string;
    /** Filed by an official on the resident's behalf: the channel, the official, and what to record with it in the same transaction. */
    assisted?: { channel: Exclude<FilingChannel, "online">; userId: number; within?: (tx: Tx, filed: { caseId: number; code: string }) => Promise<void> };
  },
): Promise<FiledCase> {
  const now = options.now ?? new Date();
  const receiptToken = receiptTokenFor(input.idempotencyKey);
  const repeatKey = options.repeatKey ?? null;
  const repeated = (earlier: { id: number; code: string; idempotencyKey: string }): FiledCase => ({
    caseId: earlier.id,
    code: earlier.code,
    receiptToken: receiptTokenFor(earlier.idempotencyKey),
    duplicate: true,
  });
  // With files, a repeat is found before they are stored twice; without, the check inside the transaction suffices
  // (it saves a filing two queries on its busiest path).
  if (files.length) {
    const earlier = await findEarlier(read(), input, repeatKey, now);
    if (earlier) return repeated(earlier);
  }

  const ref = await reference();
  const today = vnDate(now);
  const locationScope = input.commune === "multiple" || input.commune === "unknown" ? input.commune : "commune";
  const locationCommuneId = locationScope === "commune" ? input.commune : null;
  const routing = routeCase(
    {
      categoryCode: input.category,
      locationScope,
      locationCommuneId,
      projectLevel: input.projectLevel as never,
      kind: input.kind,
      concernsOfficial: input.concernsOfficial,
      on: today,
    },
    ref.routingRules,
    ref.communes,
  );
  const acceptDueOn = firstStageDueDate(ref.deadlineRules, input.kind, input.category, today, ref.calendar);
  const filingLimitPassedOn = filingLimitPassed(ref.deadlineRules, input.kind, input.category, input.decisionKnownOn, today, ref.calendar);
  const accessKey = newAccessKey();
  const nowIso = now.toISOString();
  const identity = { fullName: input.fullName, phone: input.phone, email: input.email, idNumber: input.idNumber || null };
  const contacts = publishedContacts(ref);
  const confidential = ref.kinds.find((k) => k.code === input.kind)?.confidentialIdentity ?? false;

  // Files first, fsynced; the transaction then refers to them. If it fails, they are removed again.
  const removeFiles = await storeAttachments(files);
  let result: FiledCase;
  try {
    result = await transaction(async (tx) => {
      const again = await findEarlier(tx, input, repeatKey, now);
      if (again) return repeated(again);
      // Checked again here: the plan may have been withdrawn or replaced since the form was checked.
      const linkErrors = await disclosureLinkErrors(input, tx);
      if (Object.keys(linkErrors).length) throw new InvalidError("error.disclosureLink", linkErrors);

      const year = Number(today.slice(0, 4));
      const sequence = (
        await tx
          .insert(t.counters)
          .values({ name: counterName(year), value: 1 })
          .onConflictDoUpdate({ target: t.counters.name, set: { value: sql`${t.counters.value} + 1` } })
          .returning({ value: t.counters.value })
      )[0].value;
      const code = formatTrackingCode(year, sequence);

      const caseId = (
        await tx
          .insert(t.cases)
          .values({
            code,
            kindCode: input.kind,
            categoryCode: input.category,
            communeId: routing.communeId,
            locationCommuneId,
            locationScope,
            hamletId: input.hamletId,
            place: input.place,
            latitude: options.location?.latitude ?? null,
            longitude: options.location?.longitude ?? null,
            projectLevel: input.projectLevel,
            disclosureId: input.disclosureId,
            planRowNo: input.disclosureId === null ? null : input.planRowNo,
            title: input.title,
            description: input.description,
            requestedOutcome: input.requestedOutcome,
            status: "received",
            routingReason: routing.reason,
            publishConsent: input.publishConsent,
            channel: options.assisted?.channel ?? "online",
            // Staff entitled to the identity find a case by the filer's name, phone or e-mail; the public and
            // supervisors search the redacted text only.
            ...caseSearchTexts({ code, title: input.title, description: input.description }, identity, contacts),
            concernsOfficial: input.concernsOfficial,
            language: options.language,
            receivedAt: nowIso,
            acceptDueOn,
            filingLimitPassedOn,
            dueOn: acceptDueOn,
            stage: firstStage(ref.deadlineRules, input.kind, input.category),
            stageStartedOn: today,
            idempotencyKey: input.idempotencyKey,
            repeatKey,
            receiptTokenHash: sha256(receiptToken),
            accessKeyHash: sha256(accessKey),
            accessKeyEncrypted: encrypt("access-key", accessKey),
            updatedAt: nowIso,
          })
          .returning({ id: t.cases.id })
      )[0].id;

      const details: Record<string, string> = {};
      for (const field of ["complainedDecision", "complainedBody", "decisionKnownOn", "accusedPerson"] as const) {
        if (input[field]) details[field] = input[field];
      }
      await tx.insert(t.caseContacts).values({
        caseId,
        fullName: input.fullName,
        phone: input.phone,
        phoneDigits: phoneDigits(input.phone),
        email: input.email,
        address: input.address,
        idNumber: input.idNumber || null,
        details,
        confidential,
        dataConsentAt: nowIso,
      });

      const eventId = (
        await tx
          .insert(t.caseEvents)
          .values({
            caseId,
            type: "filed",
            visibility: "public",
            actor: options.assisted ? "official" : "resident",
            actorUserId: options.assisted?.userId ?? null,
            meta: { communeId: routing.communeId, routingReason: routing.reason, ...(options.assisted ? { channel: options.assisted.channel } : {}) },
            createdAt: nowIso,
            unitId: creditedUnit("filed", { holding: routing.communeId, reached: routing.communeId }),
            stage: firstStage(ref.deadlineRules, input.kind, input.category),
            dueOn: acceptDueOn,
          })
          .returning({ id: t.caseEvents.id })
      )[0].id;

      await recordAttachments(tx, caseId, eventId, files, "resident");

      if (input.email) {
        const tr = translator(options.language);
        await enqueueMail(
          tx,
          {
            to: input.email,
            // Never a name in a subject: a denouncer's identity stays out of mail headers.
            subject: tr("mail.filed.subject", code),
            text: tr(
              "mail.filed.body",
              code,
              communeName(ref, routing.communeId),
              formatDate(acceptDueOn),
              `${publicUrl()}/bien-nhan/${receiptToken}`,
              `${publicUrl()}/tra-cuu`,
            ),
            caseId,
          },
          now,
        );
      }
      await options.assisted?.within?.(tx, { caseId, code });
      return { caseId, code, receiptToken, duplicate: false };
    });
  } catch (error) {
    await removeFiles();
    throw error;
  }
  if (result.duplicate) await removeFiles();
  else nudgeMailWorker();
  return result;
}

export async function receiptView(receiptToken: string) {
  const row = (
    await read()
      .select({
        id: t.cases.id,
        code: t.cases.code,
        kindCode: t.cases.kindCode,
        categoryCode: t.cases.categoryCode,
        communeId: t.cases.communeId,
        routingReason: t.cases.routingReason,
        receivedAt: t.cases.receivedAt,
        acceptDueOn: t.cases.acceptDueOn,
        filingLimitPassedOn: t.cases.filingLimitPassedOn,
        accessKeyEncrypted: t.cases.accessKeyEncrypted,
        status: t.cases.status,
        stage: t.cases.stage,
        stageStartedOn: t.cases.stageStartedOn,
        extensionDays: t.cases.extensionDays,
        pauses: t.cases.pauses,
        pausedSince: t.cases.pausedSince,
        email: t.caseContacts.email,
      })
      .from(t.cases)
      .innerJoin(t.caseContacts, eq(t.caseContacts.caseId, t.cases.id))
      .where(eq(t.cases.receiptTokenHash, sha256(receiptToken)))
  )[0];
  if (!row) return null;
  const { accessKeyEncrypted, stage: _stage, stageStartedOn: _started, extensionDays: _extension, pauses: _pauses, pausedSince: _paused, ...rest } = row;
  return {
    ...rest,
    communeName: communeName(await reference(), row.communeId),
    // The receipt stays the filer's link to the case: it shows the deadline in force, not the one at filing.
    deadline: await caseDeadline(row),
    accessKey: decrypt("access-key", accessKeyEncrypted),
  };
}
