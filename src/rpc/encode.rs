//! Percent-encoding of Alibaba Cloud's RPC signature: UTF-8 bytes, the RFC 3986
//! unreserved set kept, every other byte `%XX` in upper-case hex.

const HEX: &[u8; 16] = b"0123456789ABCDEF";

pub fn percent_encode(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len() * 3 / 2);
    encode_into(&mut out, s);
    String::from_utf8(out).unwrap_or_default()
}

/// Appends the encoding of `s` to `out`, byte by byte: the hot loop of building
/// a request, so no per-pair `String` (the encoding is ASCII; callers make one
/// `String` of the whole).
pub fn encode_into(out: &mut Vec<u8>, s: &str) {
    let mut rest = s.as_bytes();
    // Runs of kept bytes are copied whole.
    while let Some(at) = rest.iter().position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~'))) {
        let (kept, tail) = rest.split_at(at);
        out.extend_from_slice(kept);
        if let Some((&b, after)) = tail.split_first() {
            out.extend_from_slice(&[b'%', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0x0f)]]);
            rest = after;
        }
    }
    out.extend_from_slice(rest);
}

/// Reverses `percent_encode` (and any `%XX`); `None` for a broken escape or bytes
/// that are not UTF-8. `+` is kept as `+`: the signature encoding never produces it.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hi = bytes.get(i + 1).and_then(|h| char::from(*h).to_digit(16))?;
            let lo = bytes.get(i + 2).and_then(|l| char::from(*l).to_digit(16))?;
            out.push(u8::try_from(hi * 16 + lo).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}
