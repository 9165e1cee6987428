// The frame of every staff page: who is signed in, the staff navigation, sign-out.
import { Form, Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { CsrfField } from "./form";
import { useT } from "~/i18n/use-t";
import type { Role } from "~/domain/permissions";

export interface StaffHeaderData {
  fullName: string;
  role: Role;
  unitName: string;
  isAdmin: boolean;
  triageUnitId: string | null;
  canReport: boolean;
}

export function StaffPage({ staff, title, children }: { staff: StaffHeaderData; title: string; children: ReactNode }) {
  const t = useT();
  return (
    <div className="staff">
      <div className="staff-bar">
        <p className="staff-who">{t("staff.signedInAs", staff.fullName, t(`role.${staff.role}`), staff.unitName)}</p>
        <nav aria-label={t("staff.nav")} className="staff-nav">
          <NavLink to="/can-bo" end>
            {t("staff.inbox")}
          </NavLink>
          {staff.triageUnitId ? <Link to={`/can-bo?commune=${staff.triageUnitId}`}>{t("staff.triage")}</Link> : null}
          <NavLink to="/can-bo/han-giai-quyet">{t("staff.board")}</NavLink>
          <NavLink to="/can-bo/cong-khai">{t("staff.disclosures")}</NavLink>
          <NavLink to="/can-bo/tiep-cong-dan">{t("reception.nav")}</NavLink>
          {staff.role !== "admin" ? <NavLink to="/can-bo/giam-sat">{t("supervision.nav")}</NavLink> : null}
          {staff.canReport ? <NavLink to="/can-bo/bao-cao">{t("staff.report")}</NavLink> : null}
          {staff.isAdmin ? (
            <>
              <NavLink to="/can-bo/quan-tri/tai-khoan">{t("staff.accounts")}</NavLink>
              <NavLink to="/can-bo/quan-tri/danh-muc">{t("staff.reference")}</NavLink>
              <NavLink to="/can-bo/quan-tri/ngay-nghi">{t("staff.holidays")}</NavLink>
              <NavLink to="/can-bo/quan-tri/thu-loi">{t("staff.failedMail")}</NavLink>
              <NavLink to="/can-bo/nhat-ky">{t("staff.audit")}</NavLink>
            </>
          ) : null}
          <NavLink to="/can-bo/tai-khoan">{t("staff.myAccount")}</NavLink>
          <Form method="post" action="/can-bo/dang-xuat" className="inline-form">
            <CsrfField />
            <button type="submit" className="link-button">
              {t("staff.signOut")}
            </button>
          </Form>
          <Link to="/can-bo/dang-xuat">{t("staff.signOutEverywhere")}</Link>
        </nav>
      </div>
      <h1>{title}</h1>
      {children}
    </div>
  );
}
