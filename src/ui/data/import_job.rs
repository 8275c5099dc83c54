//! The page's side of an import. The file is read, checked and planned in
//! the import worker (`import_worker.rs`), so a large file never freezes the
//! page. Where no worker can start (a host page that loads the widget from
//! another origin, a policy that refuses workers), the same steps run on the
//! page, which then pauses while the file is checked.

use super::import_worker::{plan, whole_file, Report};
use crate::domain::import::{Counts, Summary};
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

/// Starts an import worker; it says `Listening` once the bundle runs.
fn new_worker() -> Option<web_sys::Worker> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(&worker_url()?, &options).ok()?;
    // `import-worker.js` starts the bundle from the page's own module.
    match worker.post_message(&wasm_bindgen::module()) {
        Ok(()) => Some(worker),
        Err(_) => {
            worker.terminate();
            None
        }
    }
}

/// What the member is told when an import ends, and whether it failed;
/// `counts` are the summary's.
fn outcome(report: &Report, counts: Counts) -> Option<(String, bool)> {
    match report {
        Report::Done => Some((
            format!(
                "Imported: {} new, {} updated, {}, {} deleted.",
                plural(counts.new, "record", "records"),
                counts.updated,
                plural(
                    counts.conflicts,
                    "conflict to resolve",
                    "conflicts to resolve"
                ),
                counts.deleted,
            ),
            false,
        )),
        Report::Cancelled => Some((StoreError::Cancelled.to_string(), false)),
        Report::Failed(message) => Some((format!("Nothing was imported. {message}"), true)),
        _ => None,
    }
}

/// A worker started before a file is chosen: it loads while the member
/// picks the file, so that checking begins at once.
struct Spare {
    worker: web_sys::Worker,
    /// `None` while it starts; `Some(false)` when it could not.
    ready: Rc<Cell<Option<bool>>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static SPARE: RefCell<Option<Spare>> = const { RefCell::new(None) };
    /// Import forms shown: several widgets of one page share the bundle.
    static FORMS: Cell<u32> = const { Cell::new(0) };
}

/// An import form appeared: a worker loads while the member picks a file.
pub fn form_shown() {
    FORMS.with(|forms| forms.set(forms.get() + 1));
    warm_up();
}

/// An import form went; the waiting worker goes with the last one.
pub fn form_gone() {
    let left = FORMS.with(|forms| {
        forms.set(forms.get().saturating_sub(1));
        forms.get()
    });
    if left == 0 {
        if let Some(spare) = SPARE.with(|slot| slot.borrow_mut().take()) {
            spare.worker.terminate();
        }
    }
}

/// Starts a worker for the next import while a form is shown, unless one
/// is waiting already.
pub fn warm_up() {
    if FORMS.with(Cell::get) == 0 || SPARE.with(|spare| spare.borrow().is_some()) {
        return;
    }
    let Some(worker) = new_worker() else {
        return;
    };
    let ready = Rc::new(Cell::new(None));
    let heard = ready.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let report = event.data().as_string().and_then(|t| Report::from_text(&t));
            if report == Some(Report::Listening) {
                heard.set(Some(true));
            }
        });
    let failed = ready.clone();
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
        failed.set(Some(false));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let spare = Spare {
        worker,
        ready,
        _on_message: on_message,
        _on_error: on_error,
    };
    SPARE.with(|slot| *slot.borrow_mut() = Some(spare));
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
        match SPARE.with(|spare| spare.borrow_mut().take()) {
            // A worker cannot start here: the page does the work.
            Some(spare) if spare.ready.get() == Some(false) => {
                spare.worker.terminate();
                job.check_here();
            }
            Some(spare) => {
                *job.0.worker.borrow_mut() = Some(job.attach(spare.worker.clone()));
                if spare.ready.get() == Some(true) {
                    job.hear(Report::Listening);
                }
            }
            None => match new_worker() {
                Some(worker) => *job.0.worker.borrow_mut() = Some(job.attach(worker)),
                None => job.check_here(),
            },
        }
        job
    }

    fn attach(&self, worker: web_sys::Worker) -> Running {
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
        Running {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        }
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

    /// What the member is told when this import ends with `report`, and
    /// whether it failed.
    pub fn outcome(&self, report: &Report) -> Option<(String, bool)> {
        let counts = self.0.summary.borrow().as_ref().map(|s| s.counts);
        outcome(report, counts.unwrap_or_default())
    }

    /// The last step: shows what is stored now and says how it went.
    fn finish(&self, report: Report) {
        let job = self.clone();
        spawn_local(async move {
            let state = job.0.state;
            // Said as soon as it is committed; the list then refreshes in
            // slices, which takes a while on a large repertoire.
            match job.outcome(&report) {
                Some((text, false)) => state.tell(text),
                Some((text, true)) => state.warn(text),
                None => {}
            }
            // Once written, the store tells every tab, this one too, and
            // each shows what is stored now.
            (job.0.on_report)(&report);
        });
    }

    /// Plans on the page (no worker): the page pauses while the file is read.
    fn check_here(&self) {
        let job = self.clone();
        spawn_local(async move {
            let repo = std::future::ready(job.0.state.repo());
            let report = match plan(repo, &job.0.file).await {
                Err(report) => report,
                Ok((_, writes, summary)) => {
                    *job.0.here.borrow_mut() = Some(writes);
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
