//! Small per-browser settings in localStorage, one namespaced key per
//! concern. The host page shares localStorage when embedded, so nothing here
//! walks or clears other keys.

use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// What this browser remembers for one community.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The name this member signs records with.
    pub author: String,
    /// When this browser last exported the community (ms since the epoch).
    pub last_export: Option<i64>,
    /// Days without an export before Home reminds the member; 0 turns the
    /// reminder off.
    pub backup_reminder_days: u32,
    /// When this member last opened the repertoire here (ms since the epoch).
    pub last_visit: Option<i64>,
    /// Who uses this browser: a member of the directory ("Who am I").
    pub me: Option<crate::domain::Id>,
    /// Whether the browser was asked to keep the data (after the first save).
    pub persistence_asked: bool,
    /// How many records this browser held when last seen: an empty
    /// database after that means the browser cleared it, not a new start.
    pub records_seen: u32,
    /// When this browser began keeping the records it holds (ms since the
    /// epoch): with no export yet, the reminder to export counts from here,
    /// not from when imported records were first written somewhere else.
    pub kept_since: Option<i64>,
}

pub const DEFAULT_BACKUP_REMINDER_DAYS: u32 = 30;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            author: String::new(),
            last_export: None,
            backup_reminder_days: DEFAULT_BACKUP_REMINDER_DAYS,
            last_visit: None,
            me: None,
            persistence_asked: false,
            records_seen: 0,
            kept_since: None,
        }
    }
}

/// `gloo-storage` throws an uncatchable JS exception when storage is
/// blocked, so ask the browser first.
pub fn local_storage_available() -> bool {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .is_some()
}

/// A value kept under `repertoire:<namespace>:<concern>`.
pub struct Slot {
    key: String,
}

impl Slot {
    pub fn new(namespace: &str, concern: &str) -> Slot {
        Slot {
            key: format!("repertoire:{namespace}:{concern}"),
        }
    }

    /// The stored value, or `None` when absent, unreadable or storage is off.
    pub fn load<T: DeserializeOwned>(&self) -> Option<T> {
        if !local_storage_available() {
            return None;
        }
        LocalStorage::get(&self.key).ok()
    }

    /// Whether the value was kept.
    pub fn save<T: Serialize>(&self, value: &T) -> bool {
        local_storage_available() && LocalStorage::set(&self.key, value).is_ok()
    }

    pub fn clear(&self) {
        if local_storage_available() {
            LocalStorage::delete(&self.key);
        }
    }
}

pub fn settings_slot(namespace: &str) -> Slot {
    Slot::new(namespace, "settings")
}
