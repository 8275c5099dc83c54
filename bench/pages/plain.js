// The floor for a cold start: a page with no framework that opens
// Repertoire's database, reads every row, and renders the 50 most recent
// records as links (title, kind, author, date).
const params = new URLSearchParams(location.search);
const name = params.get('db') ?? 'repertoire:default';

const request = indexedDB.open(name);
request.onsuccess = () => {
  const db = request.result;
  const rows = db.transaction('records').objectStore('records').getAll();
  rows.onsuccess = () => {
    const recent = rows.result.sort((a, b) => b.updated - a.updated).slice(0, 50);
    const list = document.getElementById('list');
    list.replaceChildren(...recent.map((row) => {
      const record = JSON.parse(row.doc);
      const item = document.createElement('li');
      item.className = 'row';
      const link = document.createElement('a');
      link.href = `#/record/${record.id}`;
      link.textContent = record.title;
      const about = document.createElement('span');
      about.textContent = ` ${row.kind} · ${record.author} · ${new Date(row.updated).toLocaleDateString()}`;
      item.append(link, about);
      return item;
    }));
  };
};
