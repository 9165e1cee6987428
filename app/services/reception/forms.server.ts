// Posts about citizen reception, each through handleForm with its one schema (domain/reception-forms.ts), then the
// service. The booking and its cancellation come from public pages (origin check, rate-limited like filing); the
// staff's from signed-in pages (token).
import { bookingDecisionSchema, bookingSchema, cancelBookingSchema, dialogueSchema, groupSchema, scheduleSchema, visitSchema } from "~/domain/reception-forms";
import { changeDialogue, setGroup } from "./dialogues.server";
import type { StaffUser } from "~/domain/permissions";
import { handleForm, type FormOutcome } from "~/services/platform/forms.server";
import { consume } from "~/services/platform/rate-limit.server";
import type { RequestContext } from "~/services/platform/request.server";
import { book, cancelBooking, decideBooking } from "./bookings.server";
import { recordVisit } from "./log.server";
import { changeSchedule } from "./schedule.server";

export async function submitBooking(request: Request, context: RequestContext | undefined): Promise<FormOutcome<{ outcome: "booked"; code: string }>> {
  return handleForm(request, bookingSchema, { csrf: "origin" }, async ({ data, values }) => {
    // Counted against the filing limit: a booking costs the unit as much attention as a filing.
    const limited = await consume("filing", context?.clientIp ?? "unknown");
    if (!limited.ok) return { outcome: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds, values };
    const { code } = await book(data);
    return { outcome: "booked" as const, code };
  });
}

export async function submitCancelBooking(request: Request, code: string): Promise<FormOutcome<{ outcome: "cancelled" }>> {
  return handleForm(request, cancelBookingSchema, { csrf: "origin" }, async () => {
    await cancelBooking(code);
    return { outcome: "cancelled" as const };
  });
}

export async function submitSchedule(request: Request, user: StaffUser): Promise<FormOutcome<{ outcome: "done" }>> {
  return handleForm(request, scheduleSchema, { csrf: "token" }, async ({ data }) => {
    await changeSchedule(user, data);
    return { outcome: "done" as const };
  });
}

export async function submitBookingDecision(request: Request, user: StaffUser): Promise<FormOutcome<{ outcome: "done"; sessionId: number }>> {
  return handleForm(request, bookingDecisionSchema, { csrf: "token" }, async ({ data }) => {
    const { sessionId } = await decideBooking(user, data);
    return { outcome: "done" as const, sessionId };
  });
}

export async function submitVisit(request: Request, user: StaffUser, sessionId: number): Promise<FormOutcome<{ outcome: "logged"; visitId: number }>> {
  return handleForm(request, visitSchema, { csrf: "token" }, async ({ data }) => {
    const { visitId } = await recordVisit(user, sessionId, data);
    return { outcome: "logged" as const, visitId };
  });
}

export async function submitGroup(request: Request, user: StaffUser, code: string): Promise<FormOutcome<{ outcome: "done" }>> {
  return handleForm(request, groupSchema, { csrf: "token" }, async ({ data }) => {
    await setGroup(user, code, data);
    return { outcome: "done" as const };
  });
}

export async function submitDialogue(request: Request, user: StaffUser, code: string): Promise<FormOutcome<{ outcome: "done" }>> {
  return handleForm(request, dialogueSchema, { csrf: "token" }, async ({ data }) => {
    await changeDialogue(user, code, data);
    return { outcome: "done" as const };
  });
}
