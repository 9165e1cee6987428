// Creating staff accounts (the accounts command and administrators' invitations).
import crypto from "node:crypto";
import { users } from "../../../db/schema";
import { type Role } from "~/domain/permissions";
import { cleanSingleLine } from "~/domain/text";
import { audit } from "~/services/platform/audit.server";
import { transaction } from "~/services/platform/database.server";
import { hashPassword, normaliseEmail, passwordProblem } from "./passwords.server";

// ---------------------------------------------------------------- accounts

export interface NewAccount {
  email: string;
  fullName: string;
  role: Role;
  communeId: string;
  password: string;
}

export async function createAccount(account: NewAccount, actorUserId: number | null, ip = "cli"): Promise<number> {
  const email = normaliseEmail(account.email);
  const problem = passwordProblem(account.password, email);
  if (problem) throw new Error(problem);
  const hash = await hashPassword(account.password);
  return transaction(async (tx) => {
    const id = (
      await tx
        .insert(users)
        .values({ email, fullName: cleanSingleLine(account.fullName), role: account.role, communeId: account.communeId, passwordHash: hash })
        .returning({ id: users.id })
    )[0].id;
    await audit({
      userId: actorUserId,
      action: "account.created",
      targetType: "user",
      targetId: id,
      ip,
      details: { role: account.role, communeId: account.communeId },
    });
    return id;
  });
}

export function generatePassword(): string {
  // 4 groups of 5 from an unambiguous alphabet: ~100 bits, easy to type once.
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  return Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => alphabet[crypto.randomInt(alphabet.length)]).join("")).join("-");
}
