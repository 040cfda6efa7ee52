//! JSON writing for the example generators, which print JSON lines without
//! pulling in a serializer.

use std::fmt::Write as _;

/// A JSON string literal; non-ASCII text is written as is (UTF-8).
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JSON object from keys and already-written JSON values, in the given order.
pub fn object(pairs: &[(&str, String)]) -> String {
    let fields: Vec<String> = pairs.iter().map(|(k, v)| format!("{}:{v}", string(k))).collect();
    format!("{{{}}}", fields.join(","))
}
