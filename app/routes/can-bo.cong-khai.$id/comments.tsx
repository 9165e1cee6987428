// Residents' comments as staff see them (the phone to call back, hidden ones too), with reply and hide.
import { DateTimeText } from "~/components/case-parts";
import { TextArea, TextField } from "~/components/form";
import { IntentForm } from "~/components/intent-form";
import { Pager } from "~/components/pager";
import { useT } from "~/i18n/use-t";
import type { PanelProps } from "./types";

export function StaffComments({ data }: PanelProps) {
  const t = useT();
  const { comments, commentPages, canManage } = data;
  return (
    <section aria-labelledby="comments">
      <h2 id="comments">{t("disclosure.comments")}</h2>
      {comments.length === 0 ? <p>{t("disclosure.comments.none")}</p> : null}
      <ol className="comments">
        {comments.map((c) => (
          <li key={c.id}>
            <p className="hint">
              {c.authorName} ({t("sd.phone", c.authorPhone)}) — <DateTimeText instant={c.createdAt} />
              {c.hiddenAt ? ` — ${t("disclosure.comment.hidden", c.hiddenReason ?? "")}` : ""}
            </p>
            <p className="prewrap">{c.body}</p>
            {c.reply ? <p className="reply prewrap">{c.reply}</p> : null}
            {!c.reply ? (
              <IntentForm intent="reply" label={t("sd.reply")} bare>
                <input type="hidden" name="commentId" value={c.id} />
                <TextArea name="reply" id={`reply-${c.id}`} label={t("sd.reply")} required rows={2} />
              </IntentForm>
            ) : null}
            {canManage && !c.hiddenAt ? (
              <IntentForm intent="hide" label={t("sd.hide")} bare>
                <input type="hidden" name="commentId" value={c.id} />
                <TextField name="reason" id={`hide-${c.id}`} label={t("sd.reason")} required />
              </IntentForm>
            ) : null}
          </li>
        ))}
      </ol>
      <Pager page={commentPages.page} pages={commentPages.pages} label={t("disclosure.comments")} link={(p) => `?trang-y-kien=${p}#comments`} />
    </section>
  );
}
