//! A record whose versions conflict says so, and lets a member reconcile
//! them: each field that differs, side by side, one choice per field;
//! keeping the choice writes one version and closes the others.

use crate::domain::record::changed_keys;
use crate::domain::{fields_of, ActivityKind, Id, Record, RecordForm};
use crate::store::Repository;
use crate::ui::browser;
use crate::ui::repertoire::versions_in_conflict;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A field's name as its form shows it.
pub(super) fn label(kind: ActivityKind, key: &str) -> String {
    match key {
        "title" => "Title".to_owned(),
        "author" => "Author".to_owned(),
        "topics" => "Topics".to_owned(),
        "links" => "Grows from".to_owned(),
        "status" => "Status".to_owned(),
        key => fields_of(kind)
            .iter()
            .find(|f| f.key == key)
            .map_or_else(|| key.to_owned(), |f| f.label.to_owned()),
    }
}

/// A field's text in one version.
pub(super) fn value(record: &Record, key: &str) -> String {
    let form = RecordForm::of(record);
    let text = match key {
        "title" => form.title,
        "author" => form.author,
        "topics" => form.topics,
        "links" => format!("{} linked records", form.links.len()),
        "status" => record.status.label().to_owned(),
        key => form.values.get(key).cloned().unwrap_or_default(),
    };
    if text.trim().is_empty() {
        "(empty)".to_owned()
    } else {
        text
    }
}

/// Every field on which some version differs from the one shown.
pub(super) fn differing(versions: &[Record]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    let shown = RecordForm::of(&versions[0]);
    for other in &versions[1..] {
        if other.status != versions[0].status && !keys.iter().any(|k| k == "status") {
            keys.push("status".to_owned());
        }
        for key in changed_keys(&shown, &RecordForm::of(other)) {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys
}

/// The version the member put together: the status's version as the
/// start, then each field from the version chosen for it.
fn chosen(versions: &[Record], keys: &[String], picks: &[usize]) -> Record {
    let pick = |key: &str| keys.iter().position(|k| k == key).map_or(0, |at| picks[at]);
    let start = &versions[pick("status")];
    let mut form = RecordForm::of(start);
    for (at, key) in keys.iter().enumerate() {
        let from = RecordForm::of(&versions[picks[at]]);
        match key.as_str() {
            "status" => {}
            "title" => form.title = from.title,
            "author" => form.author = from.author,
            "topics" => form.topics = from.topics,
            "links" => form.links = from.links,
            key => {
                form.values.insert(
                    key.to_owned(),
                    from.values.get(key).cloned().unwrap_or_default(),
                );
            }
        }
    }
    start
        .edited(&form, browser::now())
        .unwrap_or_else(|_| start.clone())
}

#[component]
pub fn ConflictNotice(id: Id, kind: ActivityKind) -> impl IntoView {
    let open = RwSignal::new(false);
    move || {
        versions_in_conflict(id).map(|n| {
            view! {
                <section class="conflict" aria-labelledby="conflict-title">
                    <h2 id="conflict-title">{n} " versions of this record"</h2>
                    <p>"It was changed in two places at once. Every version is kept until someone chooses what stays."</p>
                    {move || if open.get() {
                        view! { <Resolve id kind done=move || open.set(false)/> }.into_any()
                    } else {
                        view! { <button type="button" on:click=move |_| open.set(true)>"Compare and resolve"</button> }.into_any()
                    }}
                </section>
            }
        })
    }
}

/// Every version (the one shown first) and the revision shown.
type Versions = (Vec<Record>, crate::domain::history::Rev);

#[component]
fn Resolve(
    id: Id,
    kind: ActivityKind,
    done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app();
    // The version shown first, then the others.
    let versions: RwSignal<Option<Result<Versions, String>>> = RwSignal::new(None);
    spawn_local(async move {
        let read = async {
            let repo = state.repo()?;
            let (shown, version) =
                repo.get(id)
                    .await?
                    .ok_or(crate::store::StoreError::Changed {
                        current: None,
                        rev: None,
                    })?;
            let mut all = vec![shown];
            all.extend(repo.conflicts(id).await?.into_iter().map(|(_, r)| r));
            Ok::<_, crate::store::StoreError>((all, version.rev))
        };
        let read = read.await.map_err(|e| e.to_string());
        if !versions.is_disposed() {
            versions.set(Some(read));
        }
    });
    let picks = RwSignal::new(Vec::<usize>::new());
    let busy = RwSignal::new(false);
    move || match versions.get() {
        None => view! { <p>"Reading the versions…"</p> }.into_any(),
        Some(Err(error)) => view! { <p class="error">{error}</p> }.into_any(),
        Some(Ok((all, base))) => {
            let keys = differing(&all);
            picks.set(vec![0; keys.len()]);
            let groups = keys.iter().enumerate().map(|(at, key)| {
                let options = all.iter().enumerate().map(|(n, version)| {
                    let which = if n == 0 { "The version shown".to_owned() } else { format!("Version {}", n + 1) };
                    view! {
                        <label class="choice">
                            <input type="radio" name=format!("resolve-{at}") checked=n == 0
                                on:change=move |_| picks.update(|p| if let Some(slot) = p.get_mut(at) { *slot = n })/>
                            <span><strong>{which} ": "</strong>{value(version, key)}</span>
                        </label>
                    }
                }).collect_view();
                let key = key.clone();
                view! {
                    <fieldset class="versions">
                        <legend>{label(kind, &key)}</legend>
                        {options}
                    </fieldset>
                }
            }).collect_view();
            let keep = move |_| {
                if busy.get_untracked() {
                    return;
                }
                busy.set(true);
                let record = chosen(&all, &keys, &picks.get_untracked());
                let base = base.clone();
                spawn_local(async move {
                    match state.resolve(record, base).await {
                        Ok(()) => {
                            state.tell("Resolved: one version of this record stays, made of the fields you chose.");
                            done();
                        }
                        Err(error) => {
                            busy.set(false);
                            state.warn(format!("Not resolved. {error}"));
                        }
                    }
                });
            };
            view! {
                <p>"Choose, for each field that differs, the text that stays."</p>
                {groups}
                <div class="actions">
                    <button type="button" on:click=keep>"Keep the chosen fields"</button>
                    <button type="button" class="secondary" on:click=move |_| done()>"Not now"</button>
                </div>
            }
            .into_any()
        }
    }
}
