//! The page's side of an import. The file is read, checked and planned in
//! the import worker (`import_worker.rs`), so a large file never freezes the
//! page. Where no worker can start (a host page that loads the widget from
//! another origin, a policy that refuses workers), the same steps run on the
//! page, which then pauses while the file is checked.

use super::import_worker::{plan, whole_file, Report};
use crate::domain::import::Summary;
use crate::domain::words::plural;
use crate::store::import::Writes;
use crate::store::StoreError;
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;

#[wasm_bindgen]
extern "C" {
    type ImportMeta;
    #[wasm_bindgen(thread_local_v2, js_namespace = import, js_name = meta)]
    static IMPORT_META: ImportMeta;
    #[wasm_bindgen(method, getter)]
    fn url(this: &ImportMeta) -> String;
}

/// `import-worker.js` ships beside the bundle's own script, wherever a host
/// page serves it from.
fn worker_url() -> Option<String> {
    let bundle = IMPORT_META.with(ImportMeta::url);
    web_sys::Url::new_with_base("import-worker.js", &bundle)
        .ok()
        .map(|url| url.href())
}

struct Running {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

struct Job {
    state: AppState,
    file: web_sys::File,
    on_report: Box<dyn Fn(&Report)>,
    worker: RefCell<Option<Running>>,
    listening: Cell<bool>,
    /// Planned on the page, when no worker could start.
    here: RefCell<Option<Writes>>,
    stop: Rc<Cell<bool>>,
    /// What the plan changes, for the last word.
    summary: RefCell<Option<Summary>>,
}

/// One import, from the chosen file to the last word. It keeps itself alive
/// until it ends, so leaving the Data view does not stop a running import.
#[derive(Clone)]
pub struct ImportJob(Rc<Job>);

impl ImportJob {
    /// Starts checking `file`; `on_report` hears every step.
    pub fn start(
        state: AppState,
        file: web_sys::File,
        on_report: impl Fn(&Report) + 'static,
    ) -> Self {
        let job = ImportJob(Rc::new(Job {
            state,
            file,
            on_report: Box::new(on_report),
            worker: RefCell::new(None),
            listening: Cell::new(false),
            here: RefCell::new(None),
            stop: Rc::new(Cell::new(false)),
            summary: RefCell::new(None),
        }));
        match job.spawn_worker() {
            Some(running) => *job.0.worker.borrow_mut() = Some(running),
            None => job.check_here(),
        }
        job
    }

    fn spawn_worker(&self) -> Option<Running> {
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options(&worker_url()?, &options).ok()?;
        let job = self.clone();
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                if let Some(report) = event.data().as_string().and_then(|t| Report::from_text(&t)) {
                    job.hear(report);
                }
            },
        );
        let job = self.clone();
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
            job.end_worker();
            if job.0.listening.get() {
                job.finish(Report::Failed(
                    "The import stopped unexpectedly; nothing was changed.".to_owned(),
                ));
            } else {
                // The worker could not start here: do the work on the page.
                job.check_here();
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // `import-worker.js` starts the bundle from the page's own module.
        worker.post_message(&wasm_bindgen::module()).ok()?;
        Some(Running {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    fn post(&self, request: &str, with_file: bool) {
        let Some(worker) = self.0.worker.borrow().as_ref().map(|r| r.worker.clone()) else {
            return;
        };
        let message = js_sys::Object::new();
        let set = |name: &str, value: &JsValue| {
            let _ = js_sys::Reflect::set(&message, &JsValue::from_str(name), value);
        };
        set("request", &JsValue::from_str(request));
        if with_file {
            set(
                "namespace",
                &JsValue::from_str(&self.0.state.namespace.get_value()),
            );
            set("file", &self.0.file);
        }
        if worker.post_message(&message).is_err() {
            self.end_worker();
            self.finish(Report::Failed(
                "The import could not go on; nothing was changed.".to_owned(),
            ));
        }
    }

    fn hear(&self, report: Report) {
        match report {
            Report::Listening => {
                self.0.listening.set(true);
                self.post("check", true);
            }
            Report::Ready(summary) => {
                *self.0.summary.borrow_mut() = Some(summary.clone());
                (self.0.on_report)(&Report::Ready(summary));
            }
            Report::Progress { .. } => (self.0.on_report)(&report),
            Report::Refused(_) | Report::Done | Report::Cancelled | Report::Failed(_) => {
                self.end_worker();
                self.finish(report);
            }
        }
    }

    /// The last step: shows what is stored now and says how it went.
    fn finish(&self, report: Report) {
        let job = self.clone();
        spawn_local(async move {
            let state = job.0.state;
            match &report {
                // Said as soon as it is committed; the list then refreshes
                // in slices, which takes a while on a large repertoire.
                Report::Done => {
                    let c = job
                        .0
                        .summary
                        .borrow()
                        .as_ref()
                        .map(|s| s.counts)
                        .unwrap_or_default();
                    state.tell(format!(
                        "Imported: {} new, {} updated, {} kept as separate copies.",
                        plural(c.new, "record", "records"),
                        c.updated,
                        plural(c.conflicts, "conflicting version", "conflicting versions"),
                    ));
                }
                Report::Cancelled => state.tell(StoreError::Cancelled.to_string()),
                Report::Failed(message) => state.warn(format!("Nothing was imported. {message}")),
                _ => {}
            }
            (job.0.on_report)(&report);
            if report == Report::Done {
                state.imported().await;
            }
        });
    }

    /// Plans on the page (no worker): the page pauses while the file is read.
    fn check_here(&self) {
        let job = self.clone();
        spawn_local(async move {
            let repo = std::future::ready(job.0.state.repo());
            let report = match plan(repo, &job.0.file).await {
                Err(report) => report,
                Ok((_, plan)) => {
                    let summary = plan.summary();
                    *job.0.here.borrow_mut() = Some(Writes::from_plan(plan));
                    Report::Ready(summary)
                }
            };
            match report {
                Report::Ready(_) => job.hear(report),
                other => job.finish(other),
            }
        });
    }

    /// Writes what was planned, after the member confirmed.
    pub fn write(&self) {
        if self.0.worker.borrow().is_some() {
            self.post("write", false);
            return;
        }
        let Some(writes) = self.0.here.borrow_mut().take() else {
            return;
        };
        let job = self.clone();
        spawn_local(async move {
            let progress = |done, total| (job.0.on_report)(&Report::Progress { done, total });
            let stop = job.0.stop.clone();
            let cancelled = move || stop.get();
            let report = match job
                .0
                .state
                .write_import(&writes, &progress, &cancelled)
                .await
            {
                Ok(()) => Report::Done,
                Err(StoreError::Cancelled) => Report::Cancelled,
                Err(error) => Report::Failed(error.to_string()),
            };
            job.finish(report);
        });
    }

    /// Asks a running write to stop: nothing it wrote is kept.
    pub fn stop(&self) {
        self.0.stop.set(true);
        self.post("stop", false);
    }

    /// Drops the job before anything was written.
    pub fn abandon(&self) {
        self.end_worker();
        self.0.here.borrow_mut().take();
    }

    fn end_worker(&self) {
        let Some(running) = self.0.worker.borrow_mut().take() else {
            return;
        };
        running.worker.terminate();
        running.worker.set_onmessage(None);
        running.worker.set_onerror(None);
        // The listeners may be running this very call: they are dropped
        // once it has returned. Dropping them also ends the job's cycle.
        spawn_local(async move { drop(running) });
    }
}

/// A refusal of the whole file, for checks made before a job starts.
pub fn refused_whole_file(message: String) -> Report {
    Report::Refused(whole_file(message))
}
