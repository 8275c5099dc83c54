//! Nothing typed is lost: an unfinished form is kept in localStorage while
//! the member types, offered back on return, and dropped once saved or
//! discarded.

use crate::domain::{RecordForm, Timestamp};
use crate::store::settings::Slot;
use crate::ui::browser::{format_time, now};
use crate::ui::state::use_app;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct Draft {
    saved: Timestamp,
    form: RecordForm,
}

#[derive(Clone, Copy)]
pub struct DraftKeeper {
    key: StoredValue<String>,
    namespace: StoredValue<String>,
    pristine: StoredValue<RecordForm>,
    form: RwSignal<RecordForm>,
    /// When the draft shown was saved, if one was restored.
    pub restored: RwSignal<Option<Timestamp>>,
}

impl DraftKeeper {
    /// Restores the draft kept under `key` into `form` (unless it equals the
    /// form's starting values) and keeps saving the form as it changes.
    pub fn attach(key: String, form: RwSignal<RecordForm>) -> DraftKeeper {
        let state = use_app();
        let keeper = DraftKeeper {
            key: StoredValue::new(key),
            namespace: state.namespace,
            pristine: StoredValue::new(form.get_untracked()),
            form,
            restored: RwSignal::new(None),
        };
        if let Some(draft) = keeper.slot().load::<Draft>() {
            if draft.form != keeper.pristine.get_value() {
                form.set(draft.form);
                keeper.restored.set(Some(draft.saved));
            }
        }
        Effect::new(move |first: Option<()>| {
            let current = form.get();
            if first.is_none() {
                return;
            }
            if current == keeper.pristine.get_value() {
                keeper.slot().clear();
            } else {
                keeper.slot().save(&Draft {
                    saved: now(),
                    form: current,
                });
            }
        });
        keeper
    }

    fn slot(&self) -> Slot {
        Slot::new(&self.namespace.get_value(), &self.key.get_value())
    }

    /// What to run once `saved` is saved: nothing is left to offer back.
    /// Taken before the save starts, as the form may be closed before it
    /// ends; a draft typed since, in a form opened again, is kept.
    pub fn on_saved(&self, saved: RecordForm) -> impl FnOnce() + 'static {
        let slot = self.slot();
        let restored = self.restored;
        move || {
            if slot.load::<Draft>().is_none_or(|draft| draft.form == saved) {
                slot.clear();
            }
            restored.set(None);
        }
    }

    pub fn discard(&self) {
        self.form.set(self.pristine.get_value());
        self.slot().clear();
        self.restored.set(None);
    }
}

#[component]
pub fn DraftBanner(keeper: DraftKeeper) -> impl IntoView {
    move || {
        keeper.restored.get().map(|saved| {
            view! {
                <div class="draft-banner">
                    <p>
                        "Your unsaved draft from " <time>{format_time(saved)}</time>
                        " is back in the form below."
                    </p>
                    <button type="button" class="secondary" on:click=move |_| keeper.discard()>
                        "Discard the draft"
                    </button>
                </div>
            }
        })
    }
}
