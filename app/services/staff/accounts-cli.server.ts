// `npm run accounts -- …`: create the first administrator and other accounts from the shell.
import { startDatabase } from "~/services/platform/database.server";
import { asc, eq } from "drizzle-orm";
import { users } from "../../../db/schema";
import { ROLES, type Role } from "~/domain/permissions";
import { createAccount, generatePassword } from "./accounts.server";
import { normaliseEmail } from "./passwords.server";
import { revokeAllSessions } from "./sessions.server";
import { audit } from "~/services/platform/audit.server";
import { read, transaction } from "~/services/platform/database.server";
import { reference } from "~/services/reference/reference.server";

const USAGE = `Cách dùng (usage):
  npm run accounts -- create --email <email> --name "<họ tên>" --role <${ROLES.join("|")}> --commune <mã đơn vị> [--password <mật khẩu>]
  npm run accounts -- list
  npm run accounts -- disable --email <email>
  npm run accounts -- enable --email <email>
Mã đơn vị (unit ids): ${"`npm run accounts -- units`"}`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Runs one command; returns the lines to print and the exit code. */
export async function runAccountsCommand(args: string[]): Promise<{ lines: string[]; code: number }> {
  await startDatabase();
  const [command] = args;
  switch (command) {
    case "create": {
      const email = option(args, "email");
      const fullName = option(args, "name");
      const role = option(args, "role") as Role | undefined;
      const communeId = option(args, "commune");
      if (!email || !fullName || !role || !communeId) return { lines: [USAGE], code: 2 };
      if (!ROLES.includes(role)) return { lines: [`Vai trò không hợp lệ: ${role}`, USAGE], code: 2 };
      if (!(await reference()).communes.some((c) => c.id === communeId)) return { lines: [`Không có đơn vị: ${communeId}`], code: 2 };
      const given = option(args, "password");
      const password = given ?? generatePassword();
      try {
        await createAccount({ email, fullName, role, communeId, password }, null, "cli");
      } catch (error) {
        return { lines: [`Không tạo được tài khoản: ${error instanceof Error ? error.message : String(error)}`], code: 1 };
      }
      return {
        lines: [
          `Đã tạo tài khoản ${normaliseEmail(email)} (${role}, ${communeId}).`,
          ...(given ? [] : [`Mật khẩu tạm: ${password}  — hãy đổi sau khi đăng nhập.`]),
          ...(role === "admin" ? ["Quản trị viên sẽ được yêu cầu bật xác thực hai bước ở lần đăng nhập đầu."] : []),
        ],
        code: 0,
      };
    }
    case "list": {
      const rows = await read().select().from(users).orderBy(asc(users.communeId), asc(users.email));
      return { lines: rows.map((u) => `${u.email}\t${u.role}\t${u.communeId}\t${u.disabledAt ? "đã khóa" : "hoạt động"}`), code: 0 };
    }
    case "disable":
    case "enable": {
      const email = option(args, "email");
      if (!email) return { lines: [USAGE], code: 2 };
      const user = (
        await read()
          .select()
          .from(users)
          .where(eq(users.email, normaliseEmail(email)))
      )[0];
      if (!user) return { lines: [`Không có tài khoản ${email}`], code: 1 };
      await transaction((tx) =>
        tx
          .update(users)
          .set({ disabledAt: command === "disable" ? new Date().toISOString() : null, failedSignIns: 0, lockedUntil: null })
          .where(eq(users.id, user.id)),
      );
      if (command === "disable") await revokeAllSessions(user.id);
      await audit({ userId: null, action: `account.${command}d`, targetType: "user", targetId: user.id, ip: "cli" });
      return { lines: [`Đã ${command === "disable" ? "khóa" : "mở khóa"} ${user.email}.`], code: 0 };
    }
    case "units":
      return { lines: (await reference()).communes.map((c) => `${c.id}\t${c.name}`), code: 0 };
    default:
      return { lines: [USAGE], code: command ? 2 : 0 };
  }
}
