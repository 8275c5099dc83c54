//! Import: a file is checked whole before anything is written; the member
//! sees what it would change (new, updated, unchanged, conflicts) and
//! confirms; the write is one transaction that can be stopped with nothing
//! kept.

use crate::domain::import::{
    plan_merge, read_export, Local, MergePlan, Outcome, Problem, MAX_FILE_BYTES,
};
use crate::domain::words::plural;
use crate::store::import::Writes;
use crate::store::StoreError;
use crate::ui::browser::{self, BrowserIds};
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;
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
        plan: MergePlan,
    },
    Writing {
        done: usize,
        total: usize,
    },
}

fn writes_of(plan: &MergePlan) -> Writes {
    let mut writes = Writes::default();
    for record in &plan.records {
        writes.records.extend(record.write.iter().cloned());
        writes.records.extend(record.kept_copy.iter().cloned());
    }
    writes.members = plan
        .members_new
        .iter()
        .chain(&plan.members_updated)
        .cloned()
        .collect();
    writes.rounds = plan
        .rounds_new
        .iter()
        .chain(&plan.rounds_updated)
        .cloned()
        .collect();
    writes.profile = plan.profile.clone();
    writes
}

fn summary(plan: &MergePlan) -> String {
    let c = plan.counts;
    let mut text = format!(
        "Records: {} new, {} updated, {} unchanged, {}.",
        c.new,
        c.updated,
        c.unchanged,
        plural(c.conflicts, "conflict", "conflicts")
    );
    let (members, rounds) = (
        plan.members_new.len() + plan.members_updated.len(),
        plan.rounds_new.len() + plan.rounds_updated.len(),
    );
    if members > 0 {
        text.push_str(&format!(
            " {} to add or update.",
            plural(members, "member", "members")
        ));
    }
    if rounds > 0 {
        text.push_str(&format!(
            " {} to add or update.",
            plural(rounds, "self-assessment round", "self-assessment rounds")
        ));
    }
    if plan.profile.is_some() {
        text.push_str(" The community profile comes from the file (none was set here).");
    }
    text
}

#[component]
pub fn Import() -> impl IntoView {
    let state = use_app();
    let stage = RwSignal::new(Stage::Idle);
    let stop = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    let reset_input = move || {
        if let Some(input) = input.get_untracked() {
            input.set_value("");
        }
    };
    let choose = move |ev: leptos::ev::Event| {
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| browser::chosen_file(&input))
        else {
            return;
        };
        let name = file.name();
        if file.size() > MAX_FILE_BYTES as f64 {
            stage.set(Stage::Refused {
                name,
                problems: vec![Problem {
                    at: "the whole file".to_owned(),
                    message: format!(
                        "The file is {} MB; an export of Repertoire is at most {} MB. Nothing was imported.",
                        (file.size() / 1_048_576.0).ceil() as u64,
                        MAX_FILE_BYTES / 1_048_576
                    ),
                }],
                total: 1,
            });
            return;
        }
        stage.set(Stage::Reading);
        spawn_local(async move {
            let text = match browser::file_text(&file).await {
                Ok(text) => text,
                Err(message) => {
                    stage.set(Stage::Refused {
                        name,
                        problems: vec![Problem {
                            at: "the whole file".to_owned(),
                            message,
                        }],
                        total: 1,
                    });
                    return;
                }
            };
            match read_export(&text) {
                Err(refusal) => stage.set(Stage::Refused {
                    name,
                    problems: refusal.problems,
                    total: refusal.total,
                }),
                Ok(file) => {
                    let plan = state.records.with_untracked(|records| {
                        state.members.with_untracked(|members| {
                            state.rounds.with_untracked(|rounds| {
                                state.profile.with_untracked(|profile| {
                                    let local = Local {
                                        records,
                                        members,
                                        rounds,
                                        profile: profile.as_ref(),
                                    };
                                    plan_merge(&local, &file, &mut BrowserIds)
                                })
                            })
                        })
                    });
                    stage.set(Stage::Ready { name, plan });
                }
            }
        });
    };
    let confirm = move |_| {
        let Stage::Ready { plan, .. } = stage.get_untracked() else {
            return;
        };
        let writes = writes_of(&plan);
        let total = writes.records.len();
        stop.set(false);
        stage.set(Stage::Writing { done: 0, total });
        spawn_local(async move {
            let progress =
                move |done: usize, total: usize| stage.set(Stage::Writing { done, total });
            let cancelled = move || stop.get_untracked();
            let result = state.import(writes, &progress, &cancelled).await;
            stage.set(Stage::Idle);
            reset_input();
            let c = plan.counts;
            match result {
                Ok(()) => state.tell(format!(
                    "Imported: {} new, {} updated, {} kept as separate copies.",
                    plural(c.new, "record", "records"),
                    c.updated,
                    plural(c.conflicts, "conflicting version", "conflicting versions"),
                )),
                Err(StoreError::Cancelled) => state.tell(StoreError::Cancelled.to_string()),
                Err(error) => state.warn(format!("Nothing was imported. {error}")),
            }
        });
    };
    let cancel = move |_| {
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
                Stage::Reading => view! { <p class="quiet">"Checking the file…"</p> }.into_any(),
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
                Stage::Ready { name, plan } => {
                    let writes = plan.counts.new + plan.counts.updated + plan.counts.conflicts
                        + plan.members_new.len() + plan.members_updated.len()
                        + plan.rounds_new.len() + plan.rounds_updated.len()
                        + usize::from(plan.profile.is_some());
                    let conflicts = plan
                        .records
                        .iter()
                        .filter(|r| r.outcome == Outcome::Conflict)
                        .map(|r| view! { <li>{format!("“{}”: both versions are kept; the one from the file as a separate record.", r.title)}</li> })
                        .collect_view();
                    view! {
                        <div class="import-summary" role="status">
                            <h3>{format!("“{name}” can be imported")}</h3>
                            <p>{summary(&plan)}</p>
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
                        <label for="import-progress">{format!("Importing records: {done} of {total}")}</label>
                        <progress id="import-progress" max=total.max(1) value=done></progress>
                        <p><button type="button" class="secondary" on:click=move |_| stop.set(true)>"Stop the import"</button></p>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}
