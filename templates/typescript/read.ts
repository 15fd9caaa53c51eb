
/**
 * What {@link readErrorBody} needs of a response: the `Response` of `fetch`
 * has it, and so do the responses of fetch-like HTTP clients.
 */
export interface FetchResponse {
  /** The response's headers. */
  readonly headers: {
    /** The value of the header `name`, or `null` when it has none. */
    get(name: string): string | null;
  };
  /** Reads the whole body as text. */
  text(): Promise<string>;
}

/**
 * The error body of `response`: its body when the content type is JSON
 * (`application/json` or `application/problem+json`) and the body is an
 * {@link ErrorBody}, else `undefined`. It never throws: an empty, truncated or
 * non-JSON body, a body of another shape, or a failure to read it gives
 * `undefined`, on which a client falls back on the status.
 */
export async function readErrorBody(
  response: FetchResponse,
): Promise<ErrorBody | undefined> {
  try {
    if (!isJsonMediaType(response.headers.get("content-type"))) {
      return undefined;
    }
    const value: unknown = JSON.parse(await response.text());
    return isErrorBody(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `contentType` is `application/json` or `application/problem+json`,
 * in any case and with any parameters (`; charset=utf-8`).
 */
function isJsonMediaType(contentType: string | null): boolean {
  const type = contentType?.split(";", 1)[0]?.trim().toLowerCase();
  return type === "application/json" || type === "application/problem+json";
}
