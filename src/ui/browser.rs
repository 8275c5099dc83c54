//! The few browser facts the UI needs: clock, randomness, the URL hash.

use crate::domain::{Id, Timestamp};
use wasm_bindgen::{JsCast, JsValue};

pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// A v4 id from the browser's cryptographic generator; `Math.random` only
/// where `crypto` is missing (very old or locked-down browsers).
pub fn new_id() -> Id {
    let mut bytes = [0u8; 16];
    // Read from the global object, so that ids made in a worker (import
    // planning) come from the same generator as ids made on the page.
    let filled = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
        .ok()
        .and_then(|crypto| crypto.dyn_into::<web_sys::Crypto>().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for byte in bytes.iter_mut() {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    Id::from_random_bytes(bytes)
}

/// Local date and time, `2026-11-22 14:03`: unambiguous in every locale.
pub fn format_time(at: Timestamp) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(at.millis() as f64));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// Sets the hash when it changes: a new history entry, or, with `replace`,
/// an update of the current one (typing in the search box). True when a
/// `hashchange` event is to follow.
pub fn set_location_hash(hash: &str, replace: bool) -> bool {
    if location_hash() == hash || (hash == "#/" && location_hash().is_empty()) {
        return false;
    }
    let Some(window) = web_sys::window() else {
        return false;
    };
    if replace {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(hash));
            return false;
        }
    }
    window.location().set_hash(hash).is_ok()
}

pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Moves keyboard focus to an element by id (headings after a view change,
/// the first invalid field after a failed submit).
pub fn focus_element(id: &str) {
    focus_in(focus_place().root.as_ref(), id);
}

/// Focuses `id` in `root` if it holds it, else in the page. A widget's
/// elements live in its shadow root, and two widgets on a page use the
/// same ids: the widget that has (or had) the focus is looked in first.
fn focus_in(root: Option<&web_sys::ShadowRoot>, id: &str) {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let element = root
        .and_then(|root| root.get_element_by_id(id))
        .or_else(|| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Where the focus is, kept across a change that may remove the focused
/// control (a step's form goes once used, and the focus would fall to the
/// page's body, out of a widget).
pub struct FocusPlace {
    /// The widget's shadow root when the focus is in a widget.
    root: Option<web_sys::ShadowRoot>,
}

pub fn focus_place() -> FocusPlace {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.active_element())
        .and_then(|active| active.shadow_root());
    FocusPlace { root }
}

impl FocusPlace {
    /// Focuses `id` in the same page or widget if the focus was lost.
    pub fn restore(&self, id: &str) {
        let Some(document) = web_sys::window().and_then(|window| window.document()) else {
            return;
        };
        let body: Option<web_sys::Element> = document.body().map(Into::into);
        if document
            .active_element()
            .is_some_and(|active| Some(active) != body)
        {
            return;
        }
        focus_in(self.root.as_ref(), id);
    }
}

/// JSON text indented by two spaces; the text unchanged if it is not JSON.
pub fn indent_json(text: &str) -> String {
    js_sys::JSON::parse(text)
        .ok()
        .and_then(|value| {
            js_sys::JSON::stringify_with_replacer_and_space(
                &value,
                &JsValue::NULL,
                &JsValue::from_f64(2.0),
            )
            .ok()
        })
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| text.to_owned())
}

/// Hands a text file to the browser's downloads.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |what: &str| format!("The browser refused to {what}.");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("create the file"))?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("create the file"))?;
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlAnchorElement>(e).ok())
        .ok_or_else(|| fail("start the download"))?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Older browsers and some embedded views have no StorageManager.
    js_sys::Reflect::has(&navigator, &JsValue::from_str("storage"))
        .unwrap_or(false)
        .then(|| navigator.storage())
}

async fn promise(value: Result<js_sys::Promise, JsValue>) -> Option<JsValue> {
    wasm_bindgen_futures::JsFuture::from(value.ok()?).await.ok()
}

/// Bytes used and available to this site, as the browser estimates them.
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let estimate = promise(storage_manager()?.estimate()).await?;
    let read = |key: &str| {
        js_sys::Reflect::get(&estimate, &JsValue::from_str(key))
            .ok()?
            .as_f64()
    };
    Some((read("usage")?, read("quota")?))
}

/// Whether the browser promised to keep this site's data; `None` when it
/// cannot say.
pub async fn storage_persisted() -> Option<bool> {
    promise(storage_manager()?.persisted()).await?.as_bool()
}

/// Asks the browser to keep this site's data under storage pressure.
pub async fn request_persistence() -> Option<bool> {
    promise(storage_manager()?.persist()).await?.as_bool()
}

/// The file chosen in a file input (the first, should several be);
/// `None` when none is chosen.
pub fn chosen_file(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    input.files()?.get(0)
}

/// Reads a file as UTF-8 text; bytes that are not UTF-8 read as U+FFFD, as
/// the browser's own decoding does. Read as bytes, the text is copied into
/// the wasm memory once, not decoded to a JS string and encoded back.
pub async fn file_text(file: &web_sys::File) -> Result<String, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "The browser could not read the file.".to_owned())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => String::from_utf8_lossy(error.as_bytes()).into_owned(),
    })
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::file_text;
    use wasm_bindgen_futures::JsFuture;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn file(bytes: &[u8]) -> web_sys::File {
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
        web_sys::File::new_with_u8_array_sequence(&parts, "export.json").expect("a file")
    }

    /// Read as bytes, a file gives the text the browser's own decoding
    /// gives, broken UTF-8 included. (The browser also drops a leading
    /// byte-order mark; `read_export` does that itself.)
    #[wasm_bindgen_test]
    async fn files_read_as_the_browser_decodes_them() {
        let samples: [&[u8]; 5] = [
            "{\"title\": \"Zoë 🙂\"}".as_bytes(),
            b"a\xffb",
            b"cut \xe2\x82",
            b"\xf0\x9f\x99 and \xc3",
            b"",
        ];
        for bytes in samples {
            let file = file(bytes);
            let browser = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|text| text.as_string());
            assert_eq!(file_text(&file).await.ok(), browser, "{bytes:?}");
        }
    }
}
