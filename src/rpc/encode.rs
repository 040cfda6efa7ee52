//! Percent-encoding of Alibaba Cloud's RPC signature: UTF-8 bytes, the RFC 3986
//! unreserved set kept, every other byte `%XX` in upper-case hex.
const HEX: &[u8; 16] = b"0123456789ABCDEF";

pub fn percent_encode(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len() * 3 / 2);
    encode_into(&mut out, s);
    String::from_utf8(out).unwrap_or_default()
}

/// Whether a byte is RFC 3986 unreserved (`A-Z a-z 0-9 - _ . ~`), by table:
/// encoding is the hot loop of building a request.
const KEPT: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b'~');
        b += 1;
    }
    t
};

fn escape(b: u8) -> [u8; 3] {
    [b'%', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0x0f)]]
}

/// Writes the encoding of `s` to `out`. Runs of kept bytes go whole: most of a
/// query is kept.
pub fn encode_into(out: &mut Vec<u8>, s: &str) {
    let mut rest = s.as_bytes();
    loop {
        let run = rest.iter().position(|&b| !KEPT[usize::from(b)]).unwrap_or(rest.len());
        let (kept, tail) = rest.split_at_checked(run).unwrap_or((rest, &[]));
        out.extend_from_slice(kept);
        let Some((&b, after)) = tail.split_first() else { return };
        out.extend_from_slice(&escape(b));
        rest = after;
    }
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
