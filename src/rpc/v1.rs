//! Signature version 1.0 (HMAC-SHA1): canonical query and string-to-sign.
//! Generic over parameter sets, so Alibaba's published ECS example tests it too.
#[allow(unused_imports)]
use crate::prelude::*;

use super::encode::encode_into;

/// Sorts `pairs` by key in plain byte order (`str`'s order; a repeated key's
/// values by value) and joins the encoded pairs with `&`. Signature V3
/// canonicalizes its query the same way.
pub fn canonical_query(pairs: &mut [(&str, &str)]) -> String {
    super::sort::sort(pairs);
    join(pairs)
}

/// The canonical query of pairs already sorted as `canonical_query` sorts them.
pub fn join(pairs: &[(&str, &str)]) -> String {
    let mut out = Vec::with_capacity(pairs.iter().map(|(k, v)| k.len() + v.len() + 2).sum::<usize>() * 5 / 4);
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push(b'&');
        }
        encode_into(&mut out, k);
        out.push(b'=');
        encode_into(&mut out, v);
    }
    String::from_utf8(out).unwrap_or_default()
}

/// `METHOD&%2F&` + percentEncode(canonicalQuery).
pub fn string_to_sign(method: &str, canonical_query: &str) -> String {
    let mut out = Vec::with_capacity(method.len() + 5 + canonical_query.len() * 5 / 4);
    out.extend_from_slice(method.as_bytes());
    out.extend_from_slice(b"&%2F&");
    encode_into(&mut out, canonical_query);
    String::from_utf8(out).unwrap_or_default()
}
