// The plain countdown beside a due date ("còn 3 ngày làm việc", "quá hạn 2 ngày làm việc"), from domain/countdown.ts.
import { countdownMessage, type Countdown } from "~/domain/countdown";
import { useT } from "~/i18n/use-t";

export function CountdownText({ countdown }: { countdown: Countdown }) {
  const t = useT();
  const { key, days } = countdownMessage(countdown);
  return <strong className={`countdown countdown--${countdown.state}`}>{t(key, days)}</strong>;
}
