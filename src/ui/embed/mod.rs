//! The widget's entry point: the script a host page loads
//! (`embed/repertoire-widget.js`) calls `mount` once per element, inside
//! the element's shadow root. Each call is its own app: its own namespace,
//! state and owner; nothing is shared between widgets but the code.

use super::app::App;
use super::options::MountOptions;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// Mounts one Repertoire into `container`. A refused option comes back as
/// an error in words, which the script shows in place of the widget.
#[wasm_bindgen]
pub fn mount(
    container: web_sys::HtmlElement,
    namespace: &str,
    name: &str,
    theme: &str,
    view: &str,
    compact: bool,
    full_page: &str,
) -> Result<(), JsError> {
    let options = MountOptions::embedded(namespace, name, theme, view, compact, full_page)
        .map_err(|message| JsError::new(&message))?;
    // The widget lives as long as the page: the handle is never dropped.
    leptos::mount::mount_to(container, move || view! { <App options/> }).forget();
    Ok(())
}
