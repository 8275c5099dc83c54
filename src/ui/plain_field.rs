//! One labelled text control with its hint and error, for the forms that
//! are not activities (the community profile, a member).

use super::activity::{field_ids, FieldIds, IdScope};
use crate::domain::ValidationErrors;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Line,
    Text,
}

/// A text field bound to one string of a form signal through a getter and
/// a setter, so any form struct can use it.
#[component]
pub fn PlainField<T: Send + Sync + 'static>(
    form: RwSignal<T>,
    /// The error key, and with `field-` (after the scope) the element id.
    key: &'static str,
    #[prop(optional)] scope: IdScope,
    label: &'static str,
    hint: &'static str,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] required: bool,
    #[prop(default = Control::Line)] control: Control,
    errors: RwSignal<ValidationErrors>,
    read: fn(&T) -> String,
    write: fn(&mut T, String),
) -> impl IntoView {
    let id = scope.field(key);
    let FieldIds {
        hint_id,
        error_id,
        error,
        described,
    } = field_ids(&id, errors, key);
    let value = move || form.with(read);
    let on_input = move |ev| form.update(|f| write(f, event_target_value(&ev)));
    let invalid = move || error().is_some().then_some("true");
    let input = match control {
        Control::Text => view! {
            <textarea id=id.clone() rows=4 placeholder=placeholder required=required
                aria-describedby=described aria-invalid=invalid prop:value=value on:input=on_input></textarea>
        }
        .into_any(),
        Control::Line => view! {
            <input id=id.clone() type="text" placeholder=placeholder required=required
                aria-describedby=described aria-invalid=invalid prop:value=value on:input=on_input/>
        }
        .into_any(),
    };
    view! {
        <div class="field" class:invalid=move || error().is_some()>
            <label for=id.clone()>
                {label}
                {required.then(|| view! { <span class="required">" (required)"</span> })}
            </label>
            <p class="hint" id=hint_id>{hint}</p>
            {input}
            <p class="field-error" id=error_id hidden=move || error().is_none()>{error}</p>
        </div>
    }
}
