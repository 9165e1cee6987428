// The staff's own forms, one schema each: sign-in, the second factor, passwords, signing out.
import { z } from "zod";
import { checkbox, singleLine } from "./form-text";

/** Passwords are taken as typed (no cleaning: a space may be part of it), bounded before any hashing. */
const password = z.string().max(1024, "error.tooLong:1024").meta({ maxLength: 1024 });

export const signInSchema = z.object({
  email: singleLine(254),
  password: password.pipe(z.string().min(1, "signin.failed")).meta({ maxLength: 1024, required: true }),
  next: z.string().max(500).optional(),
});

export const secondFactorSchema = z.object({ code: singleLine(12) });

export const setupSecondFactorSchema = z.object({ sealed: z.string().max(500), code: singleLine(12) });

export const changePasswordSchema = z.object({ current: password, password });

export const forgotPasswordSchema = z.object({ email: singleLine(254) });

export const resetPasswordSchema = z.object({ password });

export const signOutSchema = z.object({ everywhere: checkbox });
