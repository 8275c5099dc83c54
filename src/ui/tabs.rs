//! Several tabs (or several widgets) on one namespace: every committed write
//! is announced on a BroadcastChannel, and the others read the change back
//! from IndexedDB, so all of them show the same repertoire without a reload.

use crate::domain::Id;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// What changed, as small as a message can be: the data itself is read
/// from IndexedDB, which every tab shares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Record(Id),
    Deleted(Id),
    /// The profile, a member or a self-assessment round.
    Community,
    /// Many changes at once (an import): read everything again.
    Everything,
}

impl Change {
    fn encode(self) -> String {
        match self {
            Change::Record(id) => format!("record {id}"),
            Change::Deleted(id) => format!("deleted {id}"),
            Change::Community => "community".to_owned(),
            Change::Everything => "everything".to_owned(),
        }
    }

    fn decode(text: &str) -> Option<Change> {
        match text.split_once(' ') {
            Some(("record", id)) => Id::parse(id).map(Change::Record),
            Some(("deleted", id)) => Id::parse(id).map(Change::Deleted),
            None if text == "community" => Some(Change::Community),
            None if text == "everything" => Some(Change::Everything),
            _ => None,
        }
    }
}

pub struct Tabs {
    channel: web_sys::BroadcastChannel,
    // Kept alive for as long as the channel listens.
    _listener: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Tabs {
    /// `None` where the browser has no BroadcastChannel: each tab then
    /// shows its own changes, and others' after a reload.
    pub fn open(namespace: &str, on_change: impl Fn(Change) + 'static) -> Option<Tabs> {
        let channel = web_sys::BroadcastChannel::new(&format!("repertoire:{namespace}")).ok()?;
        let listener = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                if let Some(change) = event.data().as_string().as_deref().and_then(Change::decode) {
                    on_change(change);
                }
            },
        );
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        Some(Tabs {
            channel,
            _listener: listener,
        })
    }

    pub fn announce(&self, change: Change) {
        // A tab that cannot be told still sees the change after a reload.
        let _ = self.channel.post_message(&change.encode().into());
    }
}

impl Drop for Tabs {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
