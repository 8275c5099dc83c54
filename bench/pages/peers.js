// The peers Repertoire is measured against (bench/run.mjs drives them):
// Dexie's bulkPut and a plain IndexedDB put loop for imports, MiniSearch
// for search as you type. Each starts from the same export file's text.
import Dexie from '/vendor/dexie.mjs';
import MiniSearch from '/vendor/minisearch.mjs';

// Indices like Repertoire's records store: by last activity, status,
// author and topic.
const INDICES = ['updated', 'status', 'author', 'topics'];

const nextTask = () => new Promise((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(0);
});

async function exportText(url) {
  return (await fetch(url)).text();
}

// From the file's text to records stored and committed, in ms.
window.dexieImport = async (url) => {
  const text = await exportText(url);
  const db = new Dexie(`dexie-${Math.random()}`);
  db.version(1).stores({ records: 'id, updated, status, author, *topics' });
  await db.open();
  const start = performance.now();
  await db.records.bulkPut(JSON.parse(text).records);
  const ms = performance.now() - start;
  db.close();
  return ms;
};

window.plainImport = async (url) => {
  const text = await exportText(url);
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open(`plain-${Math.random()}`, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('records', { keyPath: 'id' });
      for (const name of INDICES) store.createIndex(name, name, { multiEntry: name === 'topics' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const start = performance.now();
  const records = JSON.parse(text).records;
  await new Promise((resolve, reject) => {
    const tx = db.transaction('records', 'readwrite');
    const store = tx.objectStore('records');
    for (const record of records) store.put(record);
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - start;
  db.close();
  return ms;
};

// Every text of a record in one field, as Repertoire searches them.
function texts(value, out) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) texts(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) texts(item, out);
  return out;
}

let search = null;
let records = [];

window.miniSearchIndex = async (url) => {
  records = JSON.parse(await exportText(url)).records;
  const start = performance.now();
  search = new MiniSearch({
    fields: ['title', 'author', 'topics', 'body'],
    storeFields: [],
    extractField: (record, field) => {
      if (field === 'id') return record.id;
      if (field === 'topics') return record.topics.join(' ');
      if (field === 'body') return texts([record.payload, record.contributions], []).join('\n');
      return record[field];
    },
  });
  search.addAll(records);
  return performance.now() - start;
};

// Types `query` one key at a time; per keystroke: search, render the first
// 50 results, lay out. Returns the ms of each keystroke.
window.miniSearchType = async (query) => {
  const list = document.getElementById('results');
  const byId = new Map(records.map((r) => [r.id, r]));
  const times = [];
  for (let i = 1; i <= query.length; i += 1) {
    const start = performance.now();
    const found = search.search(query.slice(0, i), { prefix: true, combineWith: 'AND' });
    list.replaceChildren(...found.slice(0, 50).map((hit) => {
      const item = document.createElement('li');
      item.textContent = byId.get(hit.id).title;
      return item;
    }));
    void document.body.offsetHeight;
    times.push(performance.now() - start);
    await nextTask();
  }
  return times;
};
