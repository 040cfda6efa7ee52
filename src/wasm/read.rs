//! Reading one call's arguments: the guarded snapshot (`js/boundary.js`, the one
//! place where caller code runs) as JSON text, then serde_json into core types,
//! with a misuse error that names the argument for anything the core cannot take.
//!
//! Not serde-wasm-bindgen: its `from_value` reads a JS value with `Object.entries`,
//! `Reflect.get` and the like, looked up when it runs, so a page that replaced one
//! would run its code outside the guarded step and could change what is read
//! (tests/js_api/boundary.rs shows it). Text crosses once and runs nothing.
use super::js;
use crate::request::{self, Misuse};
use crate::rules::Action;
use crate::value::{describe, Input};
use serde::de::{DeserializeOwned, IntoDeserializer};
use serde_json::value::RawValue;
use wasm_bindgen::prelude::*;

/// At most this many keys an object: far above any action's table, and it
/// bounds the work a hostile object can cause.
pub const MAX_KEYS: u32 = 1_000;
/// At most this much text (UTF-16 code units, over every key, value and option
/// of one call) is copied into the module: far above the core's 4,096-character
/// value limit, and it bounds memory.
pub const MAX_TEXT_UNITS: u32 = 1 << 20;

/// An object's own keys and values as read: params, options, a build result.
pub type Entries<V = Input> = Vec<(String, V)>;

/// One argument's snapshot: JSON text (see `js/boundary.js`).
pub type Snap = Box<RawValue>;

/// One call from JS: its name, for messages, and what is left of its text budget.
pub struct Call {
    pub name: &'static str,
    budget: u32,
}

impl Call {
    pub fn new(name: &'static str) -> Self {
        Call { name, budget: MAX_TEXT_UNITS }
    }

    pub fn type_error(&self, what: &str, expected: &str, got: &Input) -> JsValue {
        js::fail("TypeError", &format!("{}: {what} must be {expected}; got {}", self.name, describe(got)), JsValue::UNDEFINED)
    }

    pub fn range_error(&self, message: &str) -> JsValue {
        js::fail("RangeError", &format!("{}: {message}", self.name), JsValue::UNDEFINED)
    }

    pub fn misuse(&self, m: Misuse) -> JsValue {
        self.range_error(&m.to_string())
    }

    /// A primitive string argument (reading one runs no caller code), charged to
    /// the budget; `None` for anything else.
    pub fn string(&mut self, value: &JsValue, what: &str) -> Result<Option<js_sys::JsString>, JsValue> {
        let Some(s) = value.dyn_ref::<js_sys::JsString>() else { return Ok(None) };
        self.budget = self
            .budget
            .checked_sub(s.length())
            .ok_or_else(|| self.range_error(&format!("{what} takes the text of one call past {MAX_TEXT_UNITS} UTF-16 code units")))?;
        Ok(Some(s.clone()))
    }

    /// The action: a known action's name. Checked before any other argument is read.
    pub fn action(&mut self, value: &JsValue) -> Result<&'static Action, JsValue> {
        match self.string(value, "action")?.and_then(|s| s.as_string()) {
            Some(name) => request::find_action(&name).map_err(|m| self.misuse(m)),
            None => Err(self.type_error("action", "a string", &self.describe(value))),
        }
    }

    /// The snapshot of `values` (named `names`), `depth` levels of plain objects deep.
    pub fn snapshot<const N: usize>(&mut self, names: [&str; N], values: [&JsValue; N], depth: u32) -> Result<[Snap; N], JsValue> {
        const { assert!(N <= 3, "js/boundary.js snapshots at most 3 arguments") };
        let undefined = JsValue::UNDEFINED;
        let name = |i: usize| names.get(i).copied().unwrap_or("");
        let value = |i: usize| values.get(i).copied().unwrap_or(&undefined);
        let text =
            js::snapshot(self.name, depth, self.budget, MAX_KEYS, N as u32, name(0), value(0), name(1), value(1), name(2), value(2))?;
        let snaps: Vec<Snap> = serde_json::from_str(&text).map_err(|e| self.unreadable(&e))?;
        snaps.try_into().map_err(|_| js::fail("Error", &format!("{}: the snapshot has the wrong length", self.name), JsValue::UNDEFINED))
    }

    /// Arguments that are values (strings, numbers ...), read by name like an object's members.
    #[cfg(feature = "sign")]
    pub fn arguments<const N: usize>(&mut self, names: [&str; N], values: [&JsValue; N]) -> Result<Members<'_>, JsValue> {
        let snaps = self.snapshot(names, values, 0)?;
        let entries = names.iter().zip(&snaps).map(|(name, snap)| ((*name).to_owned(), self.input(snap))).collect();
        Ok(Members { call: self, base: "", entries })
    }

    /// The snapshot is the module's own JSON: failing to read it is the module's fault.
    fn unreadable(&self, e: &serde_json::Error) -> JsValue {
        js::fail("Error", &format!("{}: the arguments' snapshot could not be read: {e}", self.name), JsValue::UNDEFINED)
    }

    /// A snapshot as a plain object's entries: `None` for undefined or null.
    pub fn object<V: DeserializeOwned>(&self, what: &str, expected: &str, snap: &RawValue) -> Result<Option<Entries<V>>, JsValue> {
        let read = crate::pairs::deserialize(&mut serde_json::Deserializer::from_str(snap.get()));
        match (read, self.input(snap)) {
            (_, Input::Missing | Input::Null) => Ok(None),
            (Ok(entries), _) => Ok(Some(entries)),
            (Err(_), given) => Err(self.type_error(what, expected, &given)),
        }
    }

    /// A snapshot's leaf value (an object is `Other`).
    pub fn input(&self, snap: &RawValue) -> Input {
        serde_json::from_str(snap.get()).unwrap_or(Input::Other("an object"))
    }

    /// A raw argument described for a message, without running caller code.
    pub fn describe(&self, value: &JsValue) -> Input {
        if let Some(s) = value.as_string() {
            Input::Text(s)
        } else if let Some(n) = value.as_f64() {
            Input::Number(n)
        } else if let Some(b) = value.as_bool() {
            Input::Bool(b)
        } else if value.is_null() {
            Input::Null
        } else if value.is_undefined() {
            Input::Missing
        } else if value.is_function() {
            Input::Other("a function")
        } else if value.is_symbol() {
            Input::Other("a symbol")
        } else if value.is_bigint() {
            Input::Other("a bigint")
        } else {
            Input::Other("an object")
        }
    }
}

/// An object's members, read by name with a check each; names not asked for are ignored.
pub struct Members<'a> {
    pub call: &'a Call,
    /// `options`, `built` ...
    pub base: &'static str,
    pub entries: Entries,
}

impl Members<'_> {
    fn path(&self, name: &str) -> String {
        if self.base.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.base)
        }
    }

    pub fn get(&self, name: &str) -> &Input {
        self.entries.iter().find(|(k, _)| k == name).map_or(&Input::Missing, |(_, v)| v)
    }

    /// A string member; `None` when not given (undefined or null).
    pub fn text(&self, name: &str, expected: &str) -> Result<Option<String>, JsValue> {
        match self.get(name) {
            Input::Missing | Input::Null => Ok(None),
            Input::Text(s) => Ok(Some(s.clone())),
            Input::BadText => Err(self.call.range_error(&format!("{} holds an unpaired surrogate", self.path(name)))),
            other => Err(self.call.type_error(&self.path(name), expected, other)),
        }
    }

    /// A string member that must be given.
    pub fn required(&self, name: &str, expected: &str) -> Result<String, JsValue> {
        self.text(name, expected)?.ok_or_else(|| self.call.type_error(&self.path(name), expected, self.get(name)))
    }

    /// A member from a closed set of strings: the variants of `T`'s serde declaration.
    pub fn choice<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, JsValue> {
        let Some(text) = self.text(name, "a string")? else { return Ok(None) };
        let read: Result<T, serde::de::value::Error> = T::deserialize(text.as_str().into_deserializer());
        read.map(Some).map_err(|e| self.call.range_error(&format!("{}: {e}", self.path(name))))
    }
}
