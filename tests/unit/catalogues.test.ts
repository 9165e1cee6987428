// Both catalogues say the same things: the same keys, the same {n} placeholders, and a label for every status,
// event, kind, stage, role and refusal reason the portal can show.
import { describe, expect, it } from "vitest";
import { CASE_EVENT_TYPES, CASE_STATUSES } from "~/domain/case-workflow";
import { REFUSAL_REASONS } from "~/domain/case-forms";
import { SIDE_LIMITS } from "~/domain/deadlines";
import { DISCLOSURE_STATUSES } from "~/domain/disclosure";
import { CASE_KINDS } from "~/domain/filing";
import { ROLES } from "~/domain/permissions";
import { en } from "~/i18n/en";
import { vi } from "~/i18n/vi";
import { DEADLINE_RULES, DISCLOSURE_TYPES } from "../../db/data/reference";

const placeholders = (text: string) => [...text.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])).sort((a, b) => a - b);

describe("the catalogues", () => {
  it("have the same keys in Vietnamese and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it("use the same placeholders for each key", () => {
    const differing = Object.keys(vi).filter(
      (key) =>
        JSON.stringify([...new Set(placeholders(vi[key as keyof typeof vi]))]) !== JSON.stringify([...new Set(placeholders(en[key as keyof typeof en]))]),
    );
    expect(differing).toEqual([]);
  });

  it("have no empty text", () => {
    expect(Object.entries(vi).filter(([, v]) => !v.trim())).toEqual([]);
    expect(Object.entries(en).filter(([, v]) => !v.trim())).toEqual([]);
  });

  it("label every status, event, kind, stage, role and refusal reason", () => {
    const stages = [...new Set(DEADLINE_RULES.map((r) => r.stage))].filter((s) => !SIDE_LIMITS.has(s) && !s.endsWith("_complex"));
    const needed = [
      ...CASE_STATUSES.map((s) => `status.${s}`),
      ...CASE_EVENT_TYPES.map((e) => `event.${e}`),
      ...CASE_KINDS.flatMap((k) => [`kind.${k}`, `kind.${k}.hint`]),
      ...stages.map((s) => `stage.${s}`),
      ...ROLES.map((r) => `role.${r}`),
      ...REFUSAL_REASONS.map((r) => `refusal.${r}`),
      ...DISCLOSURE_STATUSES.map((s) => `dstatus.${s}`),
      ...DISCLOSURE_TYPES.map((d) => `dtype.${d.code}`),
    ];
    expect(needed.filter((key) => !(key in vi))).toEqual([]);
  });
});
