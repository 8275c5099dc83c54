//! Helpers shared by the in-browser test suites (each uses some of them).
#![allow(dead_code)]

use repertoire::domain::Id;

/// A database name no other test uses, so suites never see each other's data.
pub fn unique_name(label: &str) -> String {
    format!("{label}-{}", js_sys::Math::random())
}

pub fn random_id() -> Id {
    let mut bytes = [0u8; 16];
    for byte in bytes.iter_mut() {
        *byte = (js_sys::Math::random() * 256.0) as u8;
    }
    Id::from_random_bytes(bytes)
}

/// Writes rows into `store` as they are, past the repository, as another
/// program or a disk fault could; returns once they are committed.
pub async fn put_raw_rows(
    db: &web_sys::IdbDatabase,
    store: &str,
    rows: impl IntoIterator<Item = wasm_bindgen::JsValue>,
) {
    let tx = db
        .transaction_with_str_and_mode(store, web_sys::IdbTransactionMode::Readwrite)
        .expect("transaction");
    let target = tx.object_store(store).expect("store");
    for row in rows {
        target.put(&row).expect("put");
    }
    let done = js_sys::Promise::new(&mut |resolve, _| tx.set_oncomplete(Some(&resolve)));
    wasm_bindgen_futures::JsFuture::from(done)
        .await
        .expect("committed");
}

/// A stored row whose document is not JSON.
pub fn damaged_row(id: &str) -> wasm_bindgen::JsValue {
    let row = js_sys::Object::new();
    for (key, value) in [("id", id), ("doc", "{not json")] {
        js_sys::Reflect::set(&row, &key.into(), &value.into()).expect("set");
    }
    js_sys::Reflect::set(&row, &"v".into(), &1.0.into()).expect("set");
    row.into()
}
