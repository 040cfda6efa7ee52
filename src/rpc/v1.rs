//! Signature version 1.0 (HMAC-SHA1): canonical query and string-to-sign.
//! Generic over parameter sets, so Alibaba's published ECS example tests it too.

use super::encode::percent_encode;

/// Sorts `pairs` by key in plain byte order and joins the encoded pairs with `&`.
/// Signature V3 canonicalizes its query the same way.
pub fn canonical_query(pairs: &mut [(String, String)]) -> String {
    pairs.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut out = String::new();
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(&percent_encode(k));
        out.push('=');
        out.push_str(&percent_encode(v));
    }
    out
}

/// `METHOD&%2F&` + percentEncode(canonicalQuery).
pub fn string_to_sign(method: &str, canonical_query: &str) -> String {
    format!("{method}&%2F&{}", percent_encode(canonical_query))
}
