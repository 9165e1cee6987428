// Valid inputs in one line, so each test states only what it is about.
import sharp from "sharp";

/** The fields a resident fills in for a valid land feedback in Xuân Bắc (form field names as on the page). */
export function filingFields(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const base: Record<string, string | undefined> = {
    kind: "feedback",
    category: "land",
    commune: "xuan-bac",
    hamletId: "",
    place: "Thửa đất số 123, tờ bản đồ số 5, xóm 2",
    title: "Lấn chiếm lối đi chung của xóm",
    description: "Hộ gia đình bên cạnh xây tường rào lấn ra lối đi chung khoảng 1 mét từ tháng 10.",
    requestedOutcome: "Đề nghị UBND xã kiểm tra, yêu cầu trả lại lối đi.",
    fullName: "Trần Thị Bình",
    phone: "0912 345 678",
    email: "",
    address: "Xóm 2, xã Xuân Bắc, huyện Xuân Trường",
    idNumber: "",
    dataConsent: "on",
    truthConfirmed: "on",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).filter((e): e is [string, string] => e[1] !== undefined));
}

/** A land complaint against a recovery decision, with everything the law requires. */
export function complaintFields(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  return filingFields({
    kind: "complaint",
    category: "compensation",
    commune: "xuan-hong",
    projectLevel: "commune",
    title: "Khiếu nại mức bồi thường đất nông nghiệp",
    complainedDecision: "Quyết định số 45/QĐ-UBND ngày 02/11/2026 phê duyệt phương án bồi thường",
    complainedBody: "UBND xã Xuân Hồng",
    decisionKnownOn: "2026-11-05",
    idNumber: "036080001234",
    ...overrides,
  });
}

/** A real JPEG photo, sideways (EXIF Orientation 6), with camera make and GPS position in its EXIF. */
export async function jpegWithGps(width = 64, height = 32): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#2a7" } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: "TestCam", Model: "Serial-12345" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "20/1 15/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "106/1 20/1 0/1" },
    })
    .toBuffer();
}

export async function png(width = 20, height = 20): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: "#00f" } })
    .png()
    .toBuffer();
}

export function pdf(): Buffer {
  return Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}

/** A Windows program, as if renamed to .jpg. */
export function exeRenamedJpg(): Buffer {
  return Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(200, 1)]);
}

/** A JPEG header with nothing decodable behind it. */
export function brokenJpeg(): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 7)]);
}

export function formData(fields: Record<string, string>, files: { name: string; bytes: Buffer; type?: string }[] = []): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append("attachments", new Blob([new Uint8Array(f.bytes)], { type: f.type ?? "application/octet-stream" }), f.name);
  return form;
}

export const STAFF_PASSWORD = "mat-khau-thu-nghiem-dai";

let accountSeq = 0;
/** A staff account created through the real service (argon2id hash), returned as the signed-in user shape. */
export async function staffAccount(role: import("~/domain/permissions").Role, communeId: string) {
  const { createAccount } = await import("~/services/staff/accounts.server");
  const email = `${role}.${communeId}.${++accountSeq}.${Date.now()}@test.dan-biet.vn`;
  const id = await createAccount({ email, fullName: `Thử ${role} ${communeId}`, role, communeId, password: STAFF_PASSWORD }, null, "test");
  return { id, role, communeId, email };
}

/** A FilingInput built through the same schema and reference data the form uses (for service-level tests). */
export async function filingInput(fields: Record<string, string>) {
  const { vnDate } = await import("~/domain/dates");
  const { parseFiling, readFilingForm } = await import("~/domain/filing");
  const { reference, requiredFields } = await import("~/services/reference/reference.server");
  const { randomToken } = await import("~/services/platform/secrets.server");
  const ref = await reference();
  const today = vnDate(new Date());
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...fields, idempotencyKey: randomToken(18) })) form.append(k, v);
  const result = parseFiling(readFilingForm(form), {
    categoryCodes: ref.categories.map((c) => c.code),
    communeIds: ref.communes.map((c) => c.id),
    hamletCommune: new Map(ref.hamlets.map((h) => [h.id, h.communeId])),
    requiredFields: (kind) => requiredFields(ref, kind, today),
    today,
  });
  if (!result.success) throw new Error(`Invalid filing in a test: ${JSON.stringify(result.errors)}`);
  return result.data;
}
