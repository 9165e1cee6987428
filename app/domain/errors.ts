// The three ways a use case refuses, whatever the context; platform/http.server.ts maps each to one response.

/** Unknown, or out of the user's scope: the two look the same so existence is not revealed (404). */
export class NotFoundError extends Error {
  constructor(readonly messageKey = "error.notFound") {
    super(messageKey);
  }
}

/** Known and in scope, but this role may not do it (403). */
export class ForbiddenError extends Error {
  constructor(readonly messageKey = "error.forbidden") {
    super(messageKey);
  }
}

/**
 * The request is understood but cannot be done as asked (400): the message is a catalogue key ("error.x" or
 * "error.x:param"), optionally with one message per field for the form that sent it.
 */
export class InvalidError extends Error {
  readonly fieldErrors: Record<string, string>;

  constructor(
    readonly messageKey: string,
    fieldErrors: Readonly<Record<string, string | undefined>> = {},
    /** Structured details a page shows beside the message (e.g. the rows of a CSV that did not read). */
    readonly details?: unknown,
  ) {
    super(messageKey);
    this.fieldErrors = Object.fromEntries(Object.entries(fieldErrors).filter((e): e is [string, string] => e[1] !== undefined));
  }

  /** The errors object a form shows: the field messages, or the message on the form itself. */
  get errors(): Record<string, string> {
    return Object.keys(this.fieldErrors).length ? this.fieldErrors : { form: this.messageKey };
  }
}

/** The service cannot take the request now (the database is held by another writer, the disk is full): 503. */
export class UnavailableError extends Error {
  constructor(
    readonly messageKey: string,
    readonly retryAfterSeconds: number,
  ) {
    super(messageKey);
  }
}
