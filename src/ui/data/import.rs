//! Import: a file is checked whole before anything is written; the member
//! sees what it would change (new, updated, unchanged, conflicts) and
//! confirms; the write is one transaction that can be stopped with nothing
//! kept.

use super::import_job::{form_gone, form_shown, refused_whole_file, warm_up, ImportJob};
use super::import_worker::Report;
use crate::domain::import::{Problem, Summary, MAX_FILE_BYTES};
use crate::domain::words::{figure, plural};
use crate::ui::browser;
use crate::ui::state::use_app;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Idle,
    Reading,
    Refused {
        name: String,
        problems: Vec<Problem>,
        total: usize,
    },
    Ready {
        name: String,
        summary: Summary,
    },
    Writing {
        done: usize,
        total: usize,
    },
    /// How the last import ended, said where the member pressed Import
    /// (the page's notice may be scrolled out of view).
    Ended {
        text: String,
        is_error: bool,
    },
}

fn summary_text(summary: &Summary) -> String {
    let c = summary.counts;
    let mut text = format!(
        "Records: {} new, {} updated, {} unchanged, {}.",
        c.new,
        c.updated,
        c.unchanged,
        plural(c.conflicts, "conflict", "conflicts")
    );
    if c.deleted > 0 {
        text.push_str(&format!(
            " {} deleted in the file's copy, so deleted here too.",
            plural(c.deleted, "record was", "records were")
        ));
    }
    if summary.members > 0 {
        text.push_str(&format!(
            " {} to add or update.",
            plural(summary.members, "member", "members")
        ));
    }
    if summary.rounds > 0 {
        text.push_str(&format!(
            " {} to add or update.",
            plural(
                summary.rounds,
                "self-assessment round",
                "self-assessment rounds"
            )
        ));
    }
    if summary.member_conflicts > 0 {
        text.push_str(&format!(
            " {} changed on both sides: both versions are kept on the member.",
            plural(summary.member_conflicts, "member was", "members were")
        ));
    }
    if summary.profile_differs {
        text.push_str(" The community profile was changed on both sides: both versions are kept, and every copy shows the same one.");
    } else if summary.profile_from_file {
        text.push_str(" The community profile is updated from the file.");
    }
    text
}

#[component]
pub fn Import() -> impl IntoView {
    let state = use_app();
    let stage = RwSignal::new(Stage::Idle);
    let job = StoredValue::new_local(None::<ImportJob>);
    let input = NodeRef::<leptos::html::Input>::new();
    let reset_input = move || {
        if let Some(input) = input.try_get_untracked().flatten() {
            input.set_value("");
        }
    };
    let drop_job = move || {
        if let Some(job) = job.try_update_value(Option::take).flatten() {
            job.abandon();
        }
    };
    // A file checked but not confirmed is dropped with the view; a running
    // write goes on and reports when it ends.
    on_cleanup(move || {
        if !matches!(stage.try_get_untracked(), Some(Stage::Writing { .. })) {
            drop_job();
        }
        form_gone();
    });
    // The worker loads while the member picks a file, and again for the
    // next file once an import ended.
    form_shown();
    let ready_for_next = warm_up;
    let choose = move |ev: leptos::ev::Event| {
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| browser::chosen_file(&input))
        else {
            return;
        };
        drop_job();
        let name = file.name();
        let hear = {
            let name = name.clone();
            move |report: &Report| match report {
                Report::Listening => {}
                Report::Refused(refusal) => {
                    reset_input();
                    ready_for_next();
                    stage.set(Stage::Refused {
                        name: name.clone(),
                        problems: refusal.problems.clone(),
                        total: refusal.total,
                    })
                }
                Report::Ready(summary) => stage.set(Stage::Ready {
                    name: name.clone(),
                    summary: summary.clone(),
                }),
                Report::Progress { done, total } => stage.set(Stage::Writing {
                    done: *done,
                    total: *total,
                }),
                Report::Done | Report::Cancelled | Report::Failed(_) => {
                    // The view may be gone by now (the member left during the
                    // write): its values are then disposed.
                    let told = job
                        .try_with_value(|job| job.as_ref().and_then(|job| job.outcome(report)))
                        .flatten();
                    stage.set(told.map_or(Stage::Idle, |(text, is_error)| Stage::Ended {
                        text,
                        is_error,
                    }));
                    reset_input();
                    ready_for_next();
                }
            }
        };
        if file.size() > MAX_FILE_BYTES as f64 {
            hear(&refused_whole_file(format!(
                "The file is {} MB; an export of Repertoire is at most {} MB. Nothing was imported.",
                (file.size() / 1_048_576.0).ceil() as u64,
                MAX_FILE_BYTES / 1_048_576
            )));
            return;
        }
        stage.set(Stage::Reading);
        job.set_value(Some(ImportJob::start(state, file, hear)));
    };
    let confirm = move |_| {
        let Stage::Ready { summary, .. } = stage.get_untracked() else {
            return;
        };
        let total = summary.rows;
        stage.set(Stage::Writing { done: 0, total });
        job.with_value(|job| {
            if let Some(job) = job {
                job.write();
            }
        });
    };
    let stop = move |_| {
        job.with_value(|job| {
            if let Some(job) = job {
                job.stop();
            }
        })
    };
    let cancel = move |_| {
        drop_job();
        stage.set(Stage::Idle);
        reset_input();
    };
    view! {
        <section aria-labelledby="import-title">
            <h2 id="import-title">"Import"</h2>
            <p>
                "Bring in an export: from another browser, a colleague or a backup. The whole file is checked "
                "first; you see what it would change before anything is written. Records present on both "
                "sides keep the newer version and every contribution; when both sides changed a record, both versions are kept."
            </p>
            <div class="field">
                <label for="import-file">"Choose an export file (JSON)"</label>
                <input id="import-file" type="file" accept=".json,application/json" node_ref=input on:change=choose
                    disabled=move || matches!(stage.get(), Stage::Writing { .. } | Stage::Reading)/>
            </div>
            {move || match stage.get() {
                Stage::Idle => ().into_any(),
                Stage::Reading => view! {
                    <p class="quiet" role="status">"Checking the file… "
                        <button type="button" class="secondary" on:click=cancel>"Stop checking"</button>
                    </p>
                }.into_any(),
                Stage::Refused { name, problems, total } => view! {
                    <div class="error-summary" role="alert">
                        <h3>{format!("“{name}” was not imported")}</h3>
                        <p>
                            {format!("{} found; nothing was changed.", plural(total, "problem", "problems"))}
                            {(total > problems.len()).then(|| format!(" The first {} are listed.", problems.len()))}
                        </p>
                        <ul>
                            {problems.into_iter().map(|p| view! { <li><strong>{p.at}</strong>": "{p.message}</li> }).collect_view()}
                        </ul>
                    </div>
                }.into_any(),
                Stage::Ready { name, summary } => {
                    let writes = summary.writes();
                    let conflicts = summary
                        .conflicts
                        .iter()
                        .map(|title| view! { <li>{format!("“{title}”: both versions are kept on the record, for a member to resolve.")}</li> })
                        .collect_view();
                    view! {
                        <div class="import-summary" role="status">
                            <h3>{format!("“{name}” can be imported")}</h3>
                            <p>{summary_text(&summary)}</p>
                            <ul class="plain-list">{conflicts}</ul>
                            <p class="actions">
                                {(writes > 0).then(|| view! { <button type="button" on:click=confirm>"Import"</button> })}
                                {(writes == 0).then(|| view! { <span>"Nothing to import: everything in the file is already here. "</span> })}
                                <button type="button" class="secondary" on:click=cancel>"Cancel"</button>
                            </p>
                        </div>
                    }.into_any()
                }
                Stage::Writing { done, total } => view! {
                    <div class="import-progress">
                        <label for="import-progress">{format!("Importing records: {} of {}", figure(done), figure(total))}</label>
                        <progress id="import-progress" max=total.max(1) value=done></progress>
                        <p><button type="button" class="secondary" on:click=stop>"Stop the import"</button></p>
                    </div>
                }.into_any(),
                Stage::Ended { text, is_error } => view! {
                    <p class="notice" class:error=is_error>
                        {text}
                        {move || (state.refreshing.get() > 0).then_some(" Reading the imported records…")}
                    </p>
                }.into_any(),
            }}
        </section>
    }
}
