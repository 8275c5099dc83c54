//! The worker side of an import: reading, checking and planning a large
//! file takes seconds, and in a worker the page stays responsive meanwhile.
//! The worker opens the same database, plans the merge against what is
//! stored, reports a summary, and writes when the page confirms.
//! `import-worker.js` starts it; `import_job.rs` is the page's side.

use crate::domain::history::RecordDoc;
pub use crate::domain::import::Report;
use crate::domain::import::{plan_merge, read_export, Local, Problem, Refusal, Summary};
use crate::domain::sample;
use crate::domain::Id;
use crate::store::idb::IdbRepository;
use crate::store::import::{Rows, Writes};
use crate::store::kept::Community;
use crate::store::repository::Repository;
use crate::store::StoreError;
use crate::ui::browser;
use rustc_hash::FxHashMap;
use std::borrow::Borrow;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;

/// A refusal of the whole file with one message (unreadable, too large).
pub fn whole_file(message: String) -> Refusal {
    Refusal {
        problems: vec![Problem {
            at: "the whole file".to_owned(),
            message,
        }],
        total: 1,
    }
}

/// Reads, checks and plans: the part that takes long on a large file.
/// `repo` opens the database: the browser opens it, and starts reading what
/// is stored, while the file is being read. A refused file ends the wait.
pub async fn plan<R: Borrow<IdbRepository>>(
    repo: impl Future<Output = Result<R, StoreError>>,
    file: &web_sys::File,
) -> Result<(R, Writes, Summary), Report> {
    let reading = async {
        let text = browser::file_text(file)
            .await
            .map_err(|message| Report::Refused(whole_file(message)))?;
        read_export(&text).map_err(Report::Refused)
    };
    let loading = async {
        stored(repo)
            .await
            .map_err(|error| Report::Failed(error.to_string()))
    };
    let (imported, (repo, docs, community)) = futures::future::try_join(reading, loading).await?;
    let local = Local {
        docs: &docs,
        community: &community.docs,
    };
    let plan = plan_merge(&local, &imported);
    let summary = plan.summary();
    Ok((repo, Writes::from_plan(plan, &docs), summary))
}

/// Opens the database and reads everything it holds, each record with its
/// history.
async fn stored<R: Borrow<IdbRepository>>(
    repo: impl Future<Output = Result<R, StoreError>>,
) -> Result<(R, FxHashMap<Id, RecordDoc>, Community), StoreError> {
    let repo = repo.await?;
    let docs = repo.borrow().load_docs().await?;
    let community = repo.borrow().community().await?;
    Ok((repo, docs, community))
}

struct Worker {
    scope: web_sys::DedicatedWorkerGlobalScope,
    planned: RefCell<Option<(IdbRepository, Result<Rows, StoreError>)>>,
    stop: Cell<bool>,
}

impl Worker {
    fn report(&self, report: &Report) {
        // Only fails once the page has closed the worker.
        let _ = self
            .scope
            .post_message(&JsValue::from_str(&report.to_text()));
    }

    async fn check(self: Rc<Self>, namespace: String, file: web_sys::File) {
        let report = match plan(IdbRepository::open(&namespace), &file).await {
            Err(report) => report,
            Ok((repo, writes, summary)) => {
                self.report(&Report::Ready(summary));
                // Laid out for storage while the member reads the summary.
                let rows = Rows::of(&writes);
                *self.planned.borrow_mut() = Some((repo, rows));
                return;
            }
        };
        self.report(&report);
    }

    async fn write(self: Rc<Self>) {
        let Some((repo, rows)) = self.planned.borrow_mut().take() else {
            return;
        };
        let progress = |done, total| self.report(&Report::Progress { done, total });
        let cancelled = || self.stop.get();
        let written = match rows {
            Ok(rows) => repo.write_all(&rows, &progress, &cancelled).await,
            Err(error) => Err(error),
        };
        let report = match written {
            Ok(()) => Report::Done,
            Err(StoreError::Cancelled) => Report::Cancelled,
            Err(error) => Report::Failed(error.to_string()),
        };
        repo.close();
        self.report(&report);
    }

    fn take(self: &Rc<Self>, request: &JsValue) {
        let field = |name: &str| js_sys::Reflect::get(request, &JsValue::from_str(name)).ok();
        match field("request").and_then(|v| v.as_string()).as_deref() {
            Some("check") => {
                let namespace = field("namespace").and_then(|v| v.as_string());
                let file = field("file").and_then(|v| v.dyn_into::<web_sys::File>().ok());
                if let (Some(namespace), Some(file)) = (namespace, file) {
                    spawn_local(self.clone().check(namespace, file));
                }
            }
            Some("write") => spawn_local(self.clone().write()),
            // Seen between two batches: the write's awaits let messages in.
            Some("stop") => self.stop.set(true),
            _ => {}
        }
    }
}

/// Called by `import-worker.js` once the bundle is loaded in the worker.
#[wasm_bindgen]
pub fn import_worker() {
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return;
    };
    let worker = Rc::new(Worker {
        scope: scope.clone(),
        planned: RefCell::new(None),
        stop: Cell::new(false),
    });
    let listener = worker.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            listener.take(&event.data())
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // A worker serves one import and is then closed by the page: the
    // listener lives exactly as long as it.
    on_message.forget();
    worker.report(&Report::Listening);
    rehearse();
}

/// Records in the rehearsal: enough for the browser to optimize the
/// import's code, and a few milliseconds of the worker's time once the
/// module is compiled.
const REHEARSAL: usize = 200;

/// Reads, checks, plans and lays out a small sample export, and drops it.
/// The import's code runs once per file, too briefly for the browser to
/// optimize it while it runs. Rehearsed while the member picks a file, a
/// file of 10,000 records is then checked in about 110 ms instead of 160
/// (docs/performance.md). The optimized code belongs to the module, which
/// the page and every later worker share. The first rehearsal in a page
/// takes 60–75 ms, mostly compiling that the check would otherwise do; a
/// file chosen meanwhile waits for it.
fn rehearse() {
    let text = sample::export(REHEARSAL, 1).to_json();
    if let Ok(imported) = read_export(&text) {
        let none = FxHashMap::default();
        let nothing = Local {
            docs: &none,
            community: &[],
        };
        let plan = plan_merge(&nothing, &imported);
        let _ = Rows::of(&Writes::from_plan(plan, &none));
    }
}
