// The mails of a booking, queued in the caller's transaction (sent only if the change commits). Only residents who
// gave an address are mailed; the text names the session, never another person.
import * as t from "../../../db/schema";
import { formatDate } from "~/domain/dates";
import { translator } from "~/i18n";
import { publicUrl } from "~/services/platform/config.server";
import type { Tx } from "~/services/platform/database.server";
import { enqueueMail } from "~/services/platform/mail.server";
import { communeName, reference } from "~/services/reference/reference.server";

type Booking = Pick<typeof t.receptionBookings.$inferSelect, "code" | "email" | "statusReason" | "people">;
type Session = Pick<typeof t.receptionSessions.$inferSelect, "communeId" | "date" | "startTime" | "endTime" | "place" | "mode" | "meetingUrl" | "receiverName">;

async function sessionText(session: Session): Promise<string> {
  const tr = translator("vi");
  const unit = communeName(await reference(), session.communeId);
  const where = session.mode === "online" ? tr("reception.mail.online", session.meetingUrl ?? "") : session.place;
  return tr("reception.mail.session", unit, formatDate(session.date), session.startTime, session.endTime, where, session.receiverName);
}

const link = (code: string) => `${publicUrl()}/tiep-cong-dan/dat-lich/${code}`;

export type BookingMail = "received" | "confirmed" | "moved" | "reminder" | "cancelled";

export async function mailBooking(tx: Tx, kind: BookingMail, booking: Booking, session: Session, now: Date): Promise<void> {
  if (!booking.email) return;
  const tr = translator("vi");
  await enqueueMail(
    tx,
    {
      to: booking.email,
      subject: tr(`reception.mail.${kind}.subject`, booking.code, formatDate(session.date)),
      text: tr(`reception.mail.${kind}.body`, booking.code, await sessionText(session), link(booking.code)),
    },
    now,
  );
}

/** A booking refused, or closed because its session was cancelled: the reason is told. */
export async function mailBookingClosed(tx: Tx, booking: Booking, session: Session, now: Date): Promise<void> {
  if (!booking.email) return;
  const tr = translator("vi");
  await enqueueMail(
    tx,
    {
      to: booking.email,
      subject: tr("reception.mail.refused.subject", booking.code, formatDate(session.date)),
      text: tr(
        "reception.mail.refused.body",
        booking.code,
        await sessionText(session),
        booking.statusReason || tr("reception.mail.noReason"),
        `${publicUrl()}/tiep-cong-dan`,
      ),
    },
    now,
  );
}
