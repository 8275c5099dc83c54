//! Several tabs, widgets or workers on one database: every batch this
//! repository commits is posted on a BroadcastChannel named after the
//! database, and each batch posted by another is told to this one's
//! listeners, so every copy on the machine shows the same repertoire.

use super::events::{ChangeBatch, Listeners};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub struct Broadcast {
    channel: web_sys::BroadcastChannel,
    // Kept alive for as long as the channel listens.
    _listener: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Broadcast {
    /// `None` where the context has no BroadcastChannel: each tab then
    /// shows its own changes, and others' after a reload.
    pub fn open(database: &str, listeners: Listeners) -> Option<Broadcast> {
        let channel = web_sys::BroadcastChannel::new(database).ok()?;
        let listener = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let batch = event.data().as_string();
                if let Some(batch) = batch.as_deref().and_then(ChangeBatch::decode) {
                    listeners.emit(&batch);
                }
            },
        );
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        Some(Broadcast {
            channel,
            _listener: listener,
        })
    }

    pub fn post(&self, batch: &ChangeBatch) {
        // A tab that cannot be told still sees the change after a reload.
        let _ = self.channel.post_message(&batch.encode().into());
    }
}

impl Drop for Broadcast {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
