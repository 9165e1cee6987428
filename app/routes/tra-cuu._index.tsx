import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, ErrorSummary, TextField, useTranslatedErrors } from "~/components/form";
import { forwardHeaders } from "~/http";
import { useT } from "~/i18n/use-t";
import type { FormValues } from "~/services/platform/forms.server";
import { submitLookup } from "~/services/cases/lookup.server";
import { csrfToken, type RequestContext } from "~/services/platform/request.server";
import { rejectionResponse } from "~/services/platform/responses.server";
import { NO_STORE, guard } from "~/http";
import { pageMeta } from "~/i18n/meta";

export const meta = pageMeta("title.lookup");

export const loader = guard(async ({ request, context }: LoaderFunctionArgs) => {
  return json({ code: new URL(request.url).searchParams.get("ma") ?? "", csrf: csrfToken(request, context as RequestContext) }, { headers: NO_STORE });
});

export const headers = forwardHeaders;

export const action = guard(async ({ request, context }: ActionFunctionArgs) => {
  const outcome = await submitLookup(request, context as RequestContext);
  switch (outcome.outcome) {
    case "found":
      return redirect(`/tra-cuu/${outcome.code}`, { status: 303, headers: { "Set-Cookie": outcome.setCookie } });
    case "invalid":
      return json({ values: outcome.values, errors: outcome.errors }, { status: 400 });
    default:
      return rejectionResponse<FormValues>(outcome, {});
  }
});

export default function Lookup() {
  const { code } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const values: FormValues = result?.values ?? {};
  const errors = useTranslatedErrors(result?.errors);
  return (
    <>
      <h1>{t("lookup.title")}</h1>
      <p className="lead">{t("lookup.intro")}</p>
      <ErrorSummary errors={errors} order={["code", "accessKey", "phone"]} />
      <Form method="post" className="narrow" noValidate>
        <CsrfField />
        <TextField
          name="code"
          label={t("lookup.code")}
          hint={t("lookup.code.hint")}
          error={errors.code}
          required
          defaultValue={values.code ?? code}
          autoCapitalize="characters"
          spellCheck={false}
        />
        <TextField
          name="accessKey"
          label={t("lookup.accessKey")}
          hint={t("lookup.accessKey.hint")}
          error={errors.accessKey}
          defaultValue={values.accessKey}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
        />
        <TextField name="phone" type="tel" label={t("lookup.phone")} error={errors.phone} defaultValue={values.phone} autoComplete="tel" inputMode="tel" />
        <button type="submit" className="button button--primary">
          {t("lookup.submit")}
        </button>
      </Form>
    </>
  );
}
