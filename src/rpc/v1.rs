//! Signature version 1.0 (HMAC-SHA1): canonical query and string-to-sign.
//! Generic over parameter sets, so Alibaba's published ECS example tests it too.
use super::encode::encode_into;

/// Sorts `pairs` by key in plain byte order (`str`'s order; a repeated key's
/// values by value) and joins the encoded pairs with `&`. Signature V3
/// canonicalizes its query the same way.
pub fn canonical_query(pairs: &mut [(&str, &str)]) -> String {
    pairs.sort_unstable();
    let mut out = Vec::with_capacity(query_capacity(pairs));
    write_pairs(&mut out, pairs);
    String::from_utf8(out).unwrap_or_default()
}

/// The canonical query of pairs already sorted, and its `string_to_sign`.
pub fn join_and_sign(method: &str, pairs: &[(&str, &str)]) -> (String, String) {
    let mut query = Vec::with_capacity(query_capacity(pairs));
    write_pairs(&mut query, pairs);
    let query = String::from_utf8(query).unwrap_or_default();
    let to_sign = string_to_sign(method, &query);
    (query, to_sign)
}

fn query_capacity(pairs: &[(&str, &str)]) -> usize {
    pairs.iter().map(|(k, v)| k.len() + v.len() + 2).sum::<usize>() * 5 / 4
}

fn write_pairs(out: &mut Vec<u8>, pairs: &[(&str, &str)]) {
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push(b'&');
        }
        encode_into(out, k);
        out.push(b'=');
        encode_into(out, v);
    }
}

/// `METHOD&%2F&` + percentEncode(canonicalQuery).
pub fn string_to_sign(method: &str, canonical_query: &str) -> String {
    let mut out = Vec::with_capacity(method.len() + 5 + canonical_query.len() * 5 / 4);
    out.extend_from_slice(method.as_bytes());
    out.extend_from_slice(b"&%2F&");
    encode_into(&mut out, canonical_query);
    String::from_utf8(out).unwrap_or_default()
}
