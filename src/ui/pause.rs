//! A call made once things settle: asking again before it ran puts it off.

use leptos::prelude::*;
use std::time::Duration;

/// At most one waiting call; a new one replaces it.
#[derive(Clone, Copy)]
pub struct Pause(StoredValue<Option<TimeoutHandle>>);

impl Pause {
    pub fn new() -> Pause {
        Pause(StoredValue::new(None))
    }

    /// Drops the waiting call, if any.
    pub fn cancel(self) {
        if let Some(handle) = self.0.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }

    /// Runs `call` after `delay`, in place of the call still waiting.
    pub fn after(self, delay: Duration, call: impl FnOnce() + 'static) {
        self.cancel();
        self.0
            .try_set_value(set_timeout_with_handle(call, delay).ok());
    }
}
