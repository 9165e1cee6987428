// The reception's part of the daily jobs (run with the digest, app.startDailyJobs): weekly rules written out to the
// horizon, then tomorrow's reminders. Each is idempotent, so running every 15 minutes does each thing once.
import { sendBookingReminders } from "./bookings.server";
import { extendSchedules } from "./schedule.server";

export async function runReceptionJobs(now = new Date()): Promise<void> {
  await extendSchedules(now);
  await sendBookingReminders(now);
}
