//! Signature V3 (ACS3-HMAC-SHA256): canonical headers, canonical request and
//! string-to-sign, as Alibaba's "V3 request structure and signature" page
//! describes them and as the official `@alicloud/openapi-util`
//! `getAuthorization` computes them. Generic over requests, so Alibaba's
//! published ECS `RunInstances` example tests it too.
use super::digest::sha256;

/// The only V3 algorithm for an AccessKey secret.
pub const ALGORITHM: &str = "ACS3-HMAC-SHA256";

/// The canonical URI of every RPC-style API.
pub const RPC_URI: &str = "/";

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Lower-case hex (Base16), as V3 writes digests and signatures.
pub fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0x0f)]));
    }
    out
}

/// hex(SHA-256(bytes)): the hashed payload, and the hash of the canonical request.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&sha256(bytes))
}

/// The headers that are signed: `host`, `content-type` and every `x-acs-*`.
pub fn is_signed_header(lower_name: &str) -> bool {
    lower_name.starts_with("x-acs-") || lower_name == "host" || lower_name == "content-type"
}

/// The canonical headers and the signed-headers list of `headers`, as the
/// official signer builds them: signed headers only, names lower-cased and
/// sorted, values trimmed, the values of a repeated name sorted and joined by `,`.
pub fn canonical_headers(headers: &[(String, String)]) -> (String, String) {
    let mut signed: Vec<(String, String)> =
        headers.iter().map(|(k, v)| (k.to_ascii_lowercase(), v.trim().to_owned())).filter(|(k, _)| is_signed_header(k)).collect();
    signed.sort_unstable();
    let mut canonical = String::new();
    let mut names: Vec<&str> = Vec::new();
    for (name, value) in &signed {
        if names.last() == Some(&name.as_str()) {
            canonical.pop(); // the previous value's '\n'
            canonical.push(',');
        } else {
            names.push(name);
            canonical.push_str(name);
            canonical.push(':');
        }
        canonical.push_str(value);
        canonical.push('\n');
    }
    (canonical, names.join(";"))
}

/// The parts of a request that V3 signs.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    pub method: &'a str,
    pub uri: &'a str,
    pub canonical_query: &'a str,
    pub canonical_headers: &'a str,
    pub signed_headers: &'a str,
    pub hashed_payload: &'a str,
}

/// `METHOD\nURI\ncanonicalQuery\ncanonicalHeaders\nsignedHeaders\nhashedPayload`
/// (the canonical headers end with their own `\n`, so a blank line precedes the list).
pub fn canonical_request(r: &Request<'_>) -> String {
    [r.method, r.uri, r.canonical_query, r.canonical_headers, r.signed_headers, r.hashed_payload].join("\n")
}

/// `ACS3-HMAC-SHA256\n` + hex(SHA-256(canonical request)).
pub fn string_to_sign(canonical_request: &str) -> String {
    format!("{ALGORITHM}\n{}", sha256_hex(canonical_request.as_bytes()))
}

/// The canonical headers of `headers` over exactly the names `signed_headers`
/// lists (`a;b;c`, as an `Authorization` header gives it), in its order: each
/// name lower-cased, its values (any letter case of the name) trimmed, a
/// repeated name's values sorted and joined by `,`, as [`canonical_headers`]
/// does; a listed name that is not sent has an empty value. What a verifier
/// rebuilds: the official SDKs sign more than [`is_signed_header`] names
/// (`accept`, `user-agent`, `x-acs-credentials-provider` ...).
pub fn canonical_headers_listed(headers: &[(&str, &str)], signed_headers: &str) -> String {
    let mut canonical = String::new();
    for name in signed_headers.split(';').map(str::trim).filter(|n| !n.is_empty()) {
        let name = name.to_ascii_lowercase();
        let mut values: Vec<&str> = headers.iter().filter(|(k, _)| k.eq_ignore_ascii_case(&name)).map(|(_, v)| v.trim()).collect();
        values.sort_unstable();
        canonical.push_str(&format!("{name}:{}\n", values.join(",")));
    }
    canonical
}
