//! The guided form shared by all nine activities: one field at a time, each
//! with a hint that says why it helps, errors beside the field they concern.

use crate::domain::fields::{FieldSpec, Input};
use crate::domain::{fields_of, ActivityKind, RecordForm, ValidationErrors};
use leptos::prelude::*;

/// Which field of a form a value belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    Title,
    Author,
    Topics,
    Field(&'static str),
}

impl Slot {
    fn key(self) -> &'static str {
        match self {
            Slot::Title => "title",
            Slot::Author => "author",
            Slot::Topics => "topics",
            Slot::Field(key) => key,
        }
    }

    fn read(self, form: &RecordForm) -> String {
        match self {
            Slot::Title => form.title.clone(),
            Slot::Author => form.author.clone(),
            Slot::Topics => form.topics.clone(),
            Slot::Field(key) => form.values.get(key).cloned().unwrap_or_default(),
        }
    }

    fn write(self, form: &mut RecordForm, value: String) {
        match self {
            Slot::Title => form.title = value,
            Slot::Author => form.author = value,
            Slot::Topics => form.topics = value,
            Slot::Field(key) => {
                form.values.insert(key.to_owned(), value);
            }
        }
    }
}

/// A prefix for the ids of one form, so that forms open side by side (two
/// member editors) never share an id: a label or a link of the error
/// summary would otherwise lead into the other form.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct IdScope(String);

impl IdScope {
    pub fn new(prefix: impl std::fmt::Display) -> Self {
        IdScope(format!("{prefix}-"))
    }

    pub fn field(&self, key: &str) -> String {
        format!("{}field-{key}", self.0)
    }

    pub fn summary(&self) -> String {
        format!("{}error-summary", self.0)
    }

    /// Any other element of the form.
    pub fn id(&self, name: &str) -> String {
        format!("{}{name}", self.0)
    }
}

/// The ids tying a field to its hint and error, and the field's error.
pub struct FieldIds<E, D> {
    pub hint_id: String,
    pub error_id: String,
    pub error: E,
    pub described: D,
}

pub fn field_ids(
    id: &str,
    errors: RwSignal<ValidationErrors>,
    key: &'static str,
) -> FieldIds<
    impl Fn() -> Option<String> + Copy + Send + Sync + 'static,
    impl Fn() -> String + Clone + Send + Sync + 'static,
> {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let error = move || errors.with(|e| e.for_field(key).map(str::to_owned));
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if error().is_some() {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    FieldIds {
        hint_id,
        error_id,
        error,
        described,
    }
}

/// The form itself; the caller decides what submitting means.
#[component]
pub fn ActivityForm(
    kind: ActivityKind,
    form: RwSignal<RecordForm>,
    errors: RwSignal<ValidationErrors>,
    busy: Signal<bool>,
    #[prop(into)] submit_label: String,
    on_submit: Callback<()>,
) -> impl IntoView {
    let common_title = FieldSpec {
        key: "title",
        label: "Title",
        hint: "One sentence others will recognize in a list.",
        placeholder: "Night-shift handover keeps missing allergy notes",
        required: true,
        input: Input::Line,
    };
    let common_topics = FieldSpec {
        key: "topics",
        label: "Topics",
        hint: "A few words, separated by commas: they connect this to members who know about them.",
        placeholder: "handover, patient safety",
        required: false,
        input: Input::Line,
    };
    let common_author = FieldSpec {
        key: "author",
        label: "Your name",
        hint: "So members know whom they are helping. It is remembered in this browser.",
        placeholder: "Robin Example",
        required: true,
        input: Input::Line,
    };
    view! {
        <form class="guided" novalidate on:submit=move |ev| {
            ev.prevent_default();
            on_submit.run(());
        }>
            <ErrorSummary errors/>
            <Field spec=common_title target=Slot::Title form errors/>
            {fields_of(kind)
                .iter()
                .map(|spec| view! { <Field spec=*spec target=Slot::Field(spec.key) form errors/> })
                .collect_view()}
            {(kind == ActivityKind::DocumentationProject).then(|| view! { <super::links::LinkPicker form/> })}
            <Field spec=common_topics target=Slot::Topics form errors/>
            <Field spec=common_author target=Slot::Author form errors/>
            <p class="actions">
                <button type="submit" class="button" disabled=move || busy.get() aria-disabled=move || busy.get().to_string()>
                    {move || if busy.get() { "Saving…".to_owned() } else { submit_label.clone() }}
                </button>
            </p>
        </form>
    }
}

/// Lists every problem at the top, each a link to its field.
#[component]
pub fn ErrorSummary(
    errors: RwSignal<ValidationErrors>,
    #[prop(optional)] scope: IdScope,
) -> impl IntoView {
    let id = scope.summary();
    view! {
        <Show when=move || !errors.with(ValidationErrors::is_empty)>
            <div class="error-summary" id=id.clone() tabindex="-1" role="alert">
                <h2>"Please check these fields"</h2>
                <ul>
                    {let scope = scope.clone();
                    move || {
                        errors
                            .get()
                            .0
                            .into_iter()
                            .map(|error| {
                                let target = scope.field(&error.field);
                                view! {
                                    <li>
                                        <a href=format!("#{target}") on:click=move |ev| {
                                            ev.prevent_default();
                                            super::super::browser::focus_element(&target);
                                        }>{error.message}</a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

#[component]
fn Field(
    spec: FieldSpec,
    target: Slot,
    form: RwSignal<RecordForm>,
    errors: RwSignal<ValidationErrors>,
) -> impl IntoView {
    let id = IdScope::default().field(spec.key);
    let FieldIds {
        hint_id,
        error_id,
        error,
        described,
    } = field_ids(&id, errors, target.key());
    let value = move || form.with(|f| target.read(f));
    let on_input = move |ev| form.update(|f| target.write(f, event_target_value(&ev)));
    let invalid = move || error().is_some().then_some("true");
    let control = match spec.input {
        Input::Text | Input::Lines | Input::TopicExperts => view! {
            <textarea
                id=id.clone()
                rows=if matches!(spec.input, Input::Text) { 5 } else { 3 }
                placeholder=spec.placeholder
                required=spec.required
                aria-describedby=described
                aria-invalid=invalid
                prop:value=value
                on:input=on_input
            ></textarea>
        }
        .into_any(),
        Input::Choice(options) => view! {
            <select
                id=id.clone()
                required=spec.required
                aria-describedby=described
                aria-invalid=invalid
                prop:value=value
                on:change=on_input
            >
                <option value="">"Choose…"</option>
                {options
                    .iter()
                    .map(|(option, label)| {
                        view! {
                            <option value=*option prop:selected=move || form.with(|f| target.read(f) == *option)>
                                {*label}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        }
        .into_any(),
        Input::Line | Input::Link | Input::Date => view! {
            <input
                id=id.clone()
                type=match spec.input {
                    Input::Link => "url",
                    Input::Date => "date",
                    _ => "text",
                }
                placeholder=spec.placeholder
                required=spec.required
                aria-describedby=described
                aria-invalid=invalid
                prop:value=value
                on:input=on_input
            />
        }
        .into_any(),
    };
    view! {
        <div class="field" class:invalid=move || error().is_some()>
            <label for=id.clone()>
                {spec.label}
                {spec.required.then(|| view! { <span class="required">" (required)"</span> })}
            </label>
            <p class="hint" id=hint_id>
                {spec.hint}
                {matches!(spec.input, Input::Text).then_some(" Markdown works: **bold**, lists, links, `code`.")}
            </p>
            {control}
            <p class="field-error" id=error_id hidden=move || error().is_none()>
                {error}
            </p>
        </div>
    }
}
