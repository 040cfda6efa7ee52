// The Node build's declarations (feature `sign`): what needs an AccessKey secret.
// The browser builds (web, bundler) have none of it: no secret belongs in a page.

export interface ParseOptions {
  /** With the secret, the result says whether the request's `Signature` is valid. */
  accessKeySecret?: string;
}

/**
 * The signature of a string-to-sign, for trusted contexts only (a backend, never a browser):
 * base64 HMAC-SHA1 with key `accessKeySecret + "&"` for `"v1"` (the default), hex HMAC-SHA256 with the bare secret for `"v3"`.
 */
export function sign(stringToSign: string, accessKeySecret: string, signature?: SignatureVersion): string;

/** A V1 result's `url` with `&Signature=<percent-encoded signature>` appended (trusted contexts only). */
export function signedUrl(built: SignedReadyRequest, accessKeySecret: string): string;

/** A V3 result's `Authorization` header value: `ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…` (trusted contexts only). */
export function authorization(built: SignedReadyRequestV3, accessKeySecret: string): string;

/** Reads a request back and verifies its signature (V1 or V3) with the secret (trusted contexts only). */
export function parseRequest(request: string | HttpRequestLike, options: ParseOptions & { accessKeySecret: string }): VerifiedRequest;
/** Options that may hold a secret: `signatureValid` is there exactly when one was given. */
export function parseRequest(request: string | HttpRequestLike, options: ParseOptions & { accessKeySecret?: string }): ParsedRequest & { signatureValid?: boolean };
