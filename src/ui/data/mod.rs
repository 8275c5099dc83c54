//! Data: take the repertoire elsewhere (export), and see how safely this
//! browser keeps it (storage used, persistence).

use super::browser::{self, format_time};
use super::layout::ViewLink;
use super::pause::Pause;
use super::route::View;
use super::state::{use_app, AppState};
use crate::domain::exchange::{backup_due, iso_date, published_markdown, ExportFile};
use crate::domain::import::histories_for;
use crate::domain::words::plural;
use crate::domain::Timestamp;
use crate::store::repository::Repository;
use leptos::prelude::*;
use std::time::Duration;

mod import;
mod import_job;
pub mod import_worker;
use leptos::task::spawn_local;

/// Whole kilobytes, or megabytes with one decimal (integer arithmetic keeps
/// float formatting out of the bundle).
fn megabytes(bytes: f64) -> String {
    let bytes = bytes.max(0.0) as u64;
    if bytes < 1_000_000 {
        format!("{} KB", (bytes + 500) / 1_000)
    } else if bytes < 1_000_000_000 {
        let tenths = (bytes + 50_000) / 100_000;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else {
        let tenths = (bytes + 50_000_000) / 100_000_000;
        format!("{}.{} GB", tenths / 10, tenths % 10)
    }
}

#[component]
pub fn DataView() -> impl IntoView {
    view! {
        <section aria-labelledby="view-title">
            <h1 id="view-title" tabindex="-1">"Data"</h1>
            <p class="lead">
                "The repertoire lives in this browser only. An export is a copy you keep: "
                "on a shared drive, with a colleague, or to move to another device."
            </p>
            <Export/>
            <import::Import/>
            <PublishedDocuments/>
            <StorageInfo/>
        </section>
    }
}

#[component]
fn Export() -> impl IntoView {
    let state = use_app();
    let last = move || {
        state
            .settings
            .with(|s| s.last_export)
            .map(|ms| format_time(Timestamp(ms)))
    };
    let export = move |_| {
        let now = browser::now();
        let namespace = state.namespace.get_value();
        leptos::task::spawn_local(async move {
            // Every document with its history, as stored.
            let stored = match state.repo() {
                Ok(repo) => futures::future::try_join(repo.export(), repo.community()).await,
                Err(error) => Err(error),
            };
            let ((records, history), community) = match stored {
                Ok(stored) => stored,
                Err(error) => return state.warn(format!("Nothing was exported. {error}")),
            };
            let mut file = ExportFile::new(&namespace, now, records);
            file.history = history;
            file.profile = community.profile;
            file.members = community.members;
            file.rounds = community.rounds;
            file.community_history = histories_for(&file, &community.docs);
            let count = file.records.len();
            let name = format!(
                "repertoire-{}-{}.json",
                crate::domain::exchange::file_stem(&namespace),
                iso_date(now)
            );
            match browser::download(
                &name,
                "application/json",
                &browser::indent_json(&file.to_json()),
            ) {
                Ok(()) => {
                    state.update_settings(|s| s.last_export = Some(now.millis()));
                    state.tell(format!(
                        "Exported {} to “{name}”.",
                        plural(count, "record", "records")
                    ));
                }
                Err(problem) => state.warn(format!("Nothing was exported. {problem}")),
            }
        });
    };
    view! {
        <section aria-labelledby="export-title">
            <h2 id="export-title">"Export everything"</h2>
            <p>
                "One JSON file with the community profile, the members, every record with its contributions "
                "and the self-assessment rounds, in a documented format "
                "(see the project's data-format description). Keep it somewhere safe."
            </p>
            <p class="quiet">
                {move || match last() {
                    Some(when) => format!("Last export from this browser: {when}."),
                    None => "No export has been made from this browser yet.".to_owned(),
                }}
            </p>
            <button type="button" on:click=export>"Download the export (JSON)"</button>
            <ReminderSetting/>
        </section>
    }
}

/// Shown on Home when no export was made for longer than the chosen
/// interval: the repertoire lives in one browser, which can lose it.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = use_app();
    let due = move || {
        let oldest = state
            .records
            .with(|records| records.iter().map(|r| r.created).min());
        state.settings.with(|s| {
            // Settings from before `kept_since` existed: the oldest record.
            let kept_since = oldest.map(|oldest| s.kept_since.map_or(oldest, Timestamp));
            backup_due(
                s.last_export.map(Timestamp),
                kept_since,
                browser::now(),
                s.backup_reminder_days,
            )
        })
    };
    move || {
        due().map(|days| {
            view! {
                <p class="reminder">
                    {format!("No backup of the repertoire for {days} days. It lives only in this browser. ")}
                    <ViewLink to=View::Data>"Export it now"</ViewLink>
                </p>
            }
        })
    }
}

#[component]
fn ReminderSetting() -> impl IntoView {
    let state = use_app();
    let problem = RwSignal::new(None::<&'static str>);
    view! {
        <div class="field inline-field" class:invalid=move || problem.get().is_some()>
            <label for="backup-days">"Remind me to export after this many days without one (0: never)"</label>
            <input
                id="backup-days"
                type="number"
                min="0"
                max="3650"
                inputmode="numeric"
                aria-describedby="backup-days-error"
                aria-invalid=move || problem.get().map(|_| "true")
                prop:value=move || state.settings.with(|s| s.backup_reminder_days.to_string())
                on:change=move |ev| {
                    match event_target_value(&ev).trim().parse::<u32>() {
                        Ok(days) if days <= 3650 => {
                            problem.set(None);
                            state.update_settings(|s| s.backup_reminder_days = days);
                        }
                        _ => problem.set(Some("Give a whole number of days between 0 and 3650.")),
                    }
                }
            />
            <p class="field-error" id="backup-days-error" hidden=move || problem.get().is_none()>{move || problem.get()}</p>
        </div>
    }
}

#[component]
fn PublishedDocuments() -> impl IntoView {
    let state = use_app();
    let documents = Memo::new(move |_| {
        state.records.with(|records| {
            records
                .iter()
                .filter_map(published_markdown)
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section aria-labelledby="documents-title">
            <h2 id="documents-title">"Published documents as Markdown"</h2>
            <Show
                when=move || !documents.with(Vec::is_empty)
                fallback=|| view! { <p class="quiet">"No documentation project is published yet. Published documents can be downloaded here, one Markdown file each."</p> }
            >
                <ul class="downloads">
                    {move || {
                        documents
                            .get()
                            .into_iter()
                            .map(|(name, text)| {
                                let label = format!("Download {name}");
                                view! {
                                    <li>
                                        <button type="button" class="secondary small" on:click=move |_| {
                                            if let Err(problem) = browser::download(&name, "text/markdown", &text) {
                                                state.warn(problem);
                                            }
                                        }>{label}</button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </section>
    }
}

/// Where the data is, in words: a widget stores under its host page's site.
fn where_it_lives(namespace: String, embedded: bool) -> String {
    let site = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_else(|| "this site".to_owned());
    let mut text = format!(
        "This repertoire (“{namespace}”) is kept in this browser only, for {site}. Another browser, another device or another site does not see it."
    );
    if embedded {
        text.push_str(" It is shown inside this page: every page of this site that shows the same repertoire shares its data.");
    }
    text
}

/// How long the repertoire must stay unchanged before the space it uses is
/// read again: loading and importing change it slice by slice.
const ESTIMATE_PAUSE: Duration = Duration::from_millis(400);

/// Every save, import and deletion changes the space used, so the figure is
/// read again once the repertoire has settled after a change.
fn reread_on_change(state: AppState, estimate: RwSignal<Option<(f64, f64)>>) {
    let pending = Pause::new();
    Effect::new(move |ran: Option<()>| {
        state.records.track();
        state.members.track();
        state.rounds.track();
        state.profile.track();
        // The first run is the mount, which reads the figure already.
        if ran.is_some() {
            pending.after(ESTIMATE_PAUSE, move || {
                spawn_local(async move {
                    estimate.try_set(browser::storage_estimate().await);
                })
            });
        }
    });
    on_cleanup(move || pending.cancel());
}

#[component]
fn StorageInfo() -> impl IntoView {
    let state = use_app();
    let estimate = RwSignal::new(None::<(f64, f64)>);
    let persisted = RwSignal::new(None::<bool>);
    spawn_local(async move {
        estimate.try_set(browser::storage_estimate().await);
        persisted.try_set(browser::storage_persisted().await);
    });
    reread_on_change(state, estimate);
    let ask = move |_| {
        spawn_local(async move {
            match browser::request_persistence().await {
                Some(true) => {
                    persisted.set(Some(true));
                    state.tell("The browser agreed to keep this data: it will not clear it to free space.");
                }
                Some(false) => state.warn(
                    "The browser declined for now. Browsers decide from how often you use the site; bookmarking or installing it helps. Keep exporting regularly.",
                ),
                None => state.warn("This browser cannot keep data persistently. Keep exporting regularly."),
            }
        });
    };
    view! {
        <section aria-labelledby="storage-title">
            <h2 id="storage-title">"Storage in this browser"</h2>
            <p>{where_it_lives(state.namespace.get_value(), state.embedded.get_value())}</p>
            <p>
                {move || match estimate.get() {
                    Some((used, quota)) => format!("This site uses {} of about {} the browser allows it.", megabytes(used), megabytes(quota)),
                    None => "This browser does not say how much space the site uses.".to_owned(),
                }}
            </p>
            <p>
                {move || match persisted.get() {
                    Some(true) => "Kept persistently: the browser will not clear this data on its own to free space.",
                    Some(false) => "Not kept persistently: when the disk runs low, the browser may clear this site's data without asking. Ask it to keep the data, and export regularly.",
                    None => "This browser does not say whether it keeps this data persistently. Export regularly.",
                }}
            </p>
            <Show when=move || persisted.get() == Some(false)>
                <button type="button" class="secondary" on:click=ask>"Ask the browser to keep this data"</button>
            </Show>
        </section>
    }
}
