//! The boundary's two guarantees (SPEC §5), in Node and Chromium: caller code
//! runs only in the one guarded snapshot of the caller's own properties, and
//! making a result runs none. And why results are made by `JSON.parse`.

use super::*;

/// serde-wasm-bindgen's serializer sets each property with `obj[key] = value`,
/// which runs an inherited setter: on a page with a polluted `Object.prototype`,
/// making a result with it would run caller code. This is why results are
/// written as JSON and made by the `JSON.parse` taken at load (src/wasm/mod.rs).
#[wasm_bindgen_test]
fn serde_wasm_bindgen_would_run_an_inherited_setter() {
    #[derive(serde::Serialize)]
    struct Result {
        ok: bool,
    }
    let removed = Undo("(() => { delete Object.prototype.ok; delete globalThis.__runs })()".to_owned());
    js("(() => { globalThis.__runs = 0; Object.defineProperty(Object.prototype, 'ok', \
        { __proto__: null, configurable: true, set() { globalThis.__runs++; } }) })()");
    let made = serde_wasm_bindgen::to_value(&Result { ok: true }).unwrap();
    let ours = validate(&js(SOFTWARE), &js(SEED000), &JsValue::UNDEFINED).unwrap();
    let built = build(SOFTWARE, SEED000, FIXED);
    let runs = js("globalThis.__runs").as_f64();
    drop(removed);
    assert_eq!(runs, Some(1.0), "serde-wasm-bindgen ran the setter once; the module's own results never");
    // The setter took the value: serde-wasm-bindgen's object has no own `ok`.
    let has_own = |o: &JsValue| js_sys::Function::new_with_args("o", "return Object.hasOwn(o, 'ok')").call1(&JsValue::NULL, o).unwrap();
    assert_eq!(has_own(&made), JsValue::FALSE);
    assert_eq!(json(&ours), "[]");
    assert_eq!(has_own(&built), JsValue::TRUE);
}

/// serde-wasm-bindgen's `from_value` reads an object with `Object.entries`, looked
/// up when it runs: a page that replaced it runs its code outside the guarded
/// snapshot and changes what is read. This is why arguments cross as the
/// snapshot's JSON text, read by serde_json (src/wasm/read.rs).
#[wasm_bindgen_test]
fn serde_wasm_bindgen_would_run_a_replaced_object_entries() {
    let restored =
        Undo("(() => { Object.entries = globalThis.__entries; delete globalThis.__entries; delete globalThis.__runs })()".to_owned());
    js("(() => { globalThis.__runs = 0; const entries = globalThis.__entries = Object.entries; \
        Object.entries = (o) => { globalThis.__runs++; return entries(o).map(([k, v]) => [k, k === 'UserCount' ? '7' : v]); } })()");
    let read: std::collections::BTreeMap<String, String> = serde_wasm_bindgen::from_value(js(SEED000)).unwrap();
    let after_serde = js("globalThis.__runs").as_f64();
    let ours = validate(&js(SOFTWARE), &js(SEED000), &JsValue::UNDEFINED).unwrap();
    let runs = js("globalThis.__runs").as_f64();
    drop(restored);
    assert_eq!((after_serde, read["UserCount"].as_str()), (Some(1.0), "7"), "the page's Object.entries ran and changed a value");
    assert_eq!(runs, Some(1.0), "the module's own reading ran nothing of the page's");
    assert_eq!(json(&ours), "[]");
}

/// Every own getter and Proxy trap of the caller's runs once per call, inside the
/// snapshot; nothing inherited is read, and nothing of the caller's runs after.
#[wasm_bindgen_test]
fn caller_code_runs_once_in_the_snapshot_and_never_after() {
    let log = Undo("(() => { delete globalThis.__log })()".to_owned());
    js("globalThis.__log = []");
    let params = "new Proxy({RegionId: 'cn-shanghai', Period: '12', AutoPay: 'true', ChargeType: 'PREPAY', UserCount: '5', \
        DataPlan: '5'}, {get(t, k) { __log.push('get ' + String(k)); return t[k]; }, \
        ownKeys(t) { __log.push('ownKeys'); return Reflect.ownKeys(t); }})";
    let options = "{get accessKeyId() { __log.push('accessKeyId'); return 'testid' }, nonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf', \
        timestamp: '2016-02-23T12:46:24Z', get toJSON() { __log.push('toJSON'); return undefined }}";
    let r = build(SOFTWARE, params, options);
    let seen = json(&js("__log"));
    drop(log);
    assert_eq!(text(&r, "canonicalQuery"), SEED000_QUERY);
    assert_eq!(
        seen,
        r#"["ownKeys","get RegionId","get Period","get AutoPay","get ChargeType","get UserCount","get DataPlan","accessKeyId","toJSON"]"#
    );
}

/// Inherited properties never count, values or accessors: a polluted
/// `Object.prototype` adds no parameter and no option, and its getters never run.
#[wasm_bindgen_test]
fn inherited_properties_never_count() {
    let removed = Undo(
        "(() => { for (const k of ['OwnerId', 'endpoint', 'Signature']) delete Object.prototype[k]; delete globalThis.__runs })()"
            .to_owned(),
    );
    js("(() => { globalThis.__runs = 0; Object.prototype.OwnerId = '7'; Object.prototype.endpoint = 'evil.example'; \
        Object.defineProperty(Object.prototype, 'Signature', { __proto__: null, configurable: true, \
        get() { globalThis.__runs++; return 'x' } }) })()");
    let r = build(SOFTWARE, SEED000, FIXED);
    let runs = js("globalThis.__runs").as_f64();
    drop(removed);
    assert_eq!(text(&r, "canonicalQuery"), SEED000_QUERY);
    assert_eq!(runs, Some(0.0));
}
