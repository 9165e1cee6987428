// Each test file runs in its own process with its own data folder: a real SQLite file, never a mock.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dan-biet-test-"));
process.env.DATABASE_URL = path.join(dir, "test.db");
process.env.UPLOAD_DIR = path.join(dir, "uploads");
process.env.MAIL_DIR = path.join(dir, "mail");
process.env.SESSION_SECRET = "test-secret-" + path.basename(dir);
process.env.PUBLIC_URL = "http://127.0.0.1:3999";
delete process.env.SMTP_URL;
