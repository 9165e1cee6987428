import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { NO_STORE, guard } from "~/http";
import { pageMeta } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { dialogueLetters } from "~/services/reception/dialogues.server";
import { requireStaff } from "~/services/staff/sessions.server";

export const meta = pageMeta("title.staff.reception.letters", { noindex: true });

export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const session = await requireStaff(request);
  return json({ letters: await dialogueLetters(session.user, Number(params.id)) }, { headers: NO_STORE });
});

export const headers = ({ loaderHeaders }: { loaderHeaders: Headers }) => loaderHeaders;

/** One printable invitation per participant, in the layout of an administrative letter (Decree 30/2020). */
export default function DialogueLetters() {
  const { letters } = useLoaderData<typeof loader>();
  const t = useT();
  const { dialogue } = letters;
  const date = `${dialogue.startsAt.slice(8, 10)}/${dialogue.startsAt.slice(5, 7)}/${dialogue.startsAt.slice(0, 4)}`;
  return (
    <>
      <h1 className="visually-hidden">{t("reception.dialogue.letters")}</h1>
      {letters.participants.map((p) => (
        <article key={p.id} className="letter">
          <p>
            <strong>{letters.unitName.toUpperCase()}</strong>
          </p>
          <p>
            <strong>{t("reception.letter.nation")}</strong>
            <br />
            {t("reception.letter.motto")}
          </p>
          <h2>{t("reception.letter.title")}</h2>
          <p>{t("reception.letter.to", p.name)}</p>
          <p>{t("reception.letter.body", letters.unitName, letters.case.code, letters.case.title)}</p>
          <p>{t("reception.letter.when", dialogue.startsAt.slice(11), date, dialogue.place)}</p>
          <hr />
        </article>
      ))}
    </>
  );
}
