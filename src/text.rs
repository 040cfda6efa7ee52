//! The crate's only text formatting: `cat!` appends pieces (text, characters,
//! booleans, integers) to a `String`. `format!` would bring `core::fmt` into the
//! browser build, kilobytes of code for what is here a few lines.

#[allow(unused_imports)]
use crate::prelude::*;

/// Something `cat!` can append.
pub trait Piece {
    fn put(&self, out: &mut String);
    /// The bytes `put` appends, where known without writing them (text), so that
    /// `joined` allocates once.
    fn len_hint(&self) -> usize {
        0
    }
}

impl Piece for str {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
    fn len_hint(&self) -> usize {
        self.len()
    }
}

impl Piece for String {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
    fn len_hint(&self) -> usize {
        self.len()
    }
}

impl Piece for char {
    fn put(&self, out: &mut String) {
        out.push(*self);
    }
}

impl Piece for bool {
    fn put(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn put(&self, out: &mut String) {
        (**self).put(out);
    }
    fn len_hint(&self) -> usize {
        (**self).len_hint()
    }
}

macro_rules! integer_piece {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn put(&self, out: &mut String) {
                put_int(i64::from(*self), 1, out);
            }
        }
    )*};
}
integer_piece!(i64, i32, u32, u8, u16);

impl Piece for usize {
    fn put(&self, out: &mut String) {
        put_digits(false, u64::try_from(*self).unwrap_or(u64::MAX), 1, out);
    }
}

impl Piece for u64 {
    fn put(&self, out: &mut String) {
        put_digits(false, *self, 1, out);
    }
}

/// An integer at least `.1` characters wide, zero-padded after its sign (`{:0width$}`).
pub struct Padded(pub i64, pub usize);

impl Piece for Padded {
    fn put(&self, out: &mut String) {
        put_int(self.0, self.1, out);
    }
}

/// A byte as two lower-case hex digits (`{:02x}`).
pub struct Hex2(pub u8);

impl Piece for Hex2 {
    fn put(&self, out: &mut String) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.push(char::from(HEX[usize::from(self.0 >> 4)]));
        out.push(char::from(HEX[usize::from(self.0 & 0x0f)]));
    }
}

/// Writes `n` in decimal, at least `width` characters wide with its sign, zero-padded
/// after the sign (as `format!("{n:0width$}")`).
fn put_int(n: i64, width: usize, out: &mut String) {
    put_digits(n < 0, n.unsigned_abs(), width, out);
}

/// `put_int` of `-magnitude` or `magnitude`: 64-bit arithmetic, which wasm has
/// (128-bit division is a library call there).
fn put_digits(negative: bool, magnitude: u64, width: usize, out: &mut String) {
    let width = if negative { width.saturating_sub(1) } else { width };
    // 20 digits hold any u64 (wider zero padding is never asked for); digits are
    // collected from the right.
    let mut digits = [b'0'; 20];
    let mut rest = magnitude;
    let mut used = 0;
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + (rest % 10) as u8;
        rest /= 10;
        used += 1;
        if rest == 0 && used >= width {
            break;
        }
    }
    if negative {
        out.push('-');
    }
    let start = digits.len().saturating_sub(used);
    out.push_str(core::str::from_utf8(digits.get(start..).unwrap_or_default()).unwrap_or_default());
}

/// Concatenates its arguments' text (each a `text::Piece`) into a new `String`.
#[macro_export]
macro_rules! cat {
    ($($piece:expr),* $(,)?) => {{
        let mut out = $crate::prelude::String::new();
        $( $crate::text::Piece::put(&$piece, &mut out); )*
        out
    }};
}

/// An integer's decimal text.
pub fn int_text(n: i64) -> String {
    crate::cat!(n)
}

/// `items` joined by `sep`: `[T]::join` without its generic code in the module.
pub fn joined<T: Piece>(items: &[T], sep: &str) -> String {
    let mut out = String::with_capacity(items.iter().fold(0, |n, item| n.saturating_add(item.len_hint()).saturating_add(sep.len())));
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        item.put(&mut out);
    }
    out
}

/// The number of characters of `s`: its bytes that do not continue a character.
/// A plain loop, where `chars().count()` brings a kilobyte of code.
pub fn char_count(s: &str) -> usize {
    s.bytes().filter(|&b| b & 0xc0 != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::{Hex2, Padded};

    #[test]
    fn writes_what_format_writes() {
        for n in [0i64, 7, -7, 10, 99, 100, -100, i64::MAX, i64::MIN, 2_147_483_647, -2_147_483_648] {
            assert_eq!(crate::cat!(n), format!("{n}"));
        }
        for (n, width) in [(5i64, 2), (12, 2), (123, 2), (7, 4), (0, 2), (2016, 4), (-1, 4), (-12, 2), (-123, 2), (-5, 1)] {
            assert_eq!(crate::cat!(Padded(n, width)), format!("{n:0width$}"));
        }
        assert_eq!(crate::cat!(usize::MAX), format!("{}", usize::MAX));
        assert_eq!(crate::cat!(u64::MAX, 0u64), format!("{}0", u64::MAX));
        assert_eq!(crate::cat!(Hex2(0x0f), Hex2(0xa0), 'x', true, false, "s"), "0fa0xtruefalses");
    }

    #[test]
    fn counts_and_joins_as_std_does() {
        for s in ["", "a", "cn-shanghai", "张三", "a😀b\u{301}", "\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}"] {
            assert_eq!(super::char_count(s), s.chars().count(), "{s}");
        }
        for items in [&[][..], &["a"][..], &["a", "", "张"][..]] {
            assert_eq!(super::joined(items, ", "), items.join(", "));
        }
        assert_eq!(super::joined(&[1i64, -2, 3], "、"), "1、-2、3");
    }
}
