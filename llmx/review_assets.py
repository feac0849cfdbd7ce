"""The review page's inline style sheet and script (no network, no external assets).

The script reads `data-` attributes only (no data is embedded as JSON): highlights select table
rows and back, type checkboxes, the sector select and "flagged only" filter both, and the URL
keeps the state.
"""

KINDS = ("heading", "indicator", "task", "limitation", "reference", "proposal")
COLOURS = {  # background, and a darker shade to underline a piece nested in an outer item
    "heading": ("#d9d2e9", "#7e57c2"),
    "indicator": ("#ffe08a", "#c79100"),
    "task": ("#c6e9c6", "#2e7d32"),
    "limitation": ("#f8c4c4", "#c62828"),
    "reference": ("#bcd7f5", "#1565c0"),
    "proposal": ("#b2ebf2", "#00838f"),
}

CSS = """
body{font-family:system-ui,"Segoe UI","Noto Sans","DejaVu Sans",Arial,sans-serif;margin:0;color:#222}
header{padding:.6em 1em;background:#f4f4f4;border-bottom:1px solid #ddd}
h1{font-size:1.15em;margin:.2em 0}
table.meta{font-size:13px}
table.meta th{text-align:left;padding-right:1em;font-weight:600;vertical-align:top}
#problems{font-size:13px;margin:.3em 0}
#controls{position:sticky;top:0;background:#fff;padding:.5em 1em;border-bottom:1px solid #ddd;z-index:2;font-size:14px}
#controls label{padding:.15em .5em;margin-right:.3em;border-radius:3px;cursor:pointer}
#controls .hint{color:#777;font-size:12px;margin-left:1em}
main{display:grid;grid-template-columns:minmax(0,11fr) minmax(0,9fr);gap:1em;padding:0 1em}
pre.text{white-space:pre-wrap;overflow-wrap:anywhere;font:15px/1.6 "Noto Serif","DejaVu Serif",Georgia,serif;
  max-height:88vh;overflow:auto;margin:.5em 0}
.panel{max-height:88vh;overflow:auto;margin:.5em 0}
mark{cursor:pointer;border-radius:2px;padding:0;color:inherit}
mark.off{background:none;cursor:auto}
"""
CSS += "".join(
    f".k-{k}{{background:{bg}}}mark.n-{k}{{box-shadow:inset 0 -2px 0 {line}}}" for k, (bg, line) in COLOURS.items()
)
CSS += """
mark.selected{outline:2px solid #e65100}
tr.selected{background:#fff3e0}
.flash{animation:flash 1.2s}
@keyframes flash{0%,60%{outline:3px solid #e65100;background:#ffcc80}}
#items{border-collapse:collapse;font-size:13px;width:100%}
#items td,#items th{border-bottom:1px solid #eee;padding:.25em .4em;vertical-align:top;text-align:left}
#items thead th{position:sticky;top:0;background:#fafafa}
#items tr.hidden{display:none}
td.sec{width:8em;font-size:12px;color:#555}
td.det{width:30%}
#items td.sector{font-size:12px;width:5em;overflow-wrap:anywhere}
#items td small{color:#888}
.warn{color:#b71c1c;font-size:11px}
.trow{outline:1px solid #b0bec5;outline-offset:1px;border-radius:2px}
.via{color:#777}
.flag{display:inline-block;font-size:11px;background:#fff3e0;color:#e65100;border:1px solid #ffb74d;
  border-radius:3px;padding:0 .3em;margin:.1em .2em 0 0}
#controls label.flagged{background:#fff3e0}
"""

JS = """
(function(){
  var pre = document.querySelector('pre.text'), table = document.getElementById('items');
  var marks = Array.prototype.slice.call(pre.querySelectorAll('mark'));
  var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input.kind'));
  var sectorBox = document.getElementById('sector'), flaggedBox = document.getElementById('flagged');
  var kinds = {}, sector = '', flaggedOnly = false, selected = null;
  function shown(kind, sec, flagged){
    return kinds[kind] && (!sector || sec === sector) && (!flaggedOnly || flagged === '1');
  }
  function visibleIds(m){  /* ids of the items covering a piece that the filters show, innermost first */
    var ids = m.dataset.ids.split(' '), ks = m.dataset.kinds.split(' '), ss = m.dataset.sectors.split(' ');
    var fs = m.dataset.flagged.split(' '), out = [];
    for (var i = 0; i < ids.length; i++) { if (shown(ks[i], ss[i], fs[i])) out.push([ids[i], ks[i]]); }
    return out;
  }
  function apply(){
    kinds = {}; boxes.forEach(function(b){ kinds[b.value] = b.checked; });
    sector = sectorBox.value; flaggedOnly = flaggedBox.checked;
    var n = 0;
    rows.forEach(function(r){ var on = shown(r.dataset.kind, r.dataset.sector, r.dataset.flagged); if (on) n++;
      r.classList.toggle('hidden', !on); });
    marks.forEach(function(m){
      var v = visibleIds(m), sel = m.classList.contains('selected') ? ' selected' : '';
      m.className = (v.length ? 'k-' + v[0][1] + (v.length > 1 ? ' n-' + v[v.length - 1][1] : '') : 'off') + sel;
    });
    document.getElementById('shown').textContent = n + ' of ' + rows.length + ' items shown';
  }
  function marksOf(id){ return pre.querySelectorAll('mark[data-ids~="' + CSS.escape(id) + '"]'); }
  function flash(el){ if (!el) return; el.classList.remove('flash'); void el.offsetWidth; el.classList.add('flash'); }
  function select(id, scrollTo){
    var row = document.getElementById('row-' + id); if (!row) return false;
    if (selected) { Array.prototype.forEach.call(document.querySelectorAll('.selected'), function(e){
      e.classList.remove('selected'); }); }
    selected = id; row.classList.add('selected');
    var ms = marksOf(id); Array.prototype.forEach.call(ms, function(m){ m.classList.add('selected'); });
    var target = scrollTo === 'row' ? row : (ms[0] || row);
    target.scrollIntoView({block: 'center'}); flash(target);
    if (history.replaceState) history.replaceState(null, '', '#' + (scrollTo === 'row' ? 'row-' : '') + id);
    return true;
  }
  pre.addEventListener('click', function(ev){
    var m = ev.target.closest('mark'); if (!m) return;
    var v = visibleIds(m); if (v.length) select(v[0][0], 'row');
  });
  document.addEventListener('click', function(ev){
    var a = ev.target.closest('a.to-text'); if (!a) return;
    ev.preventDefault(); select(a.getAttribute('href').slice(1), 'text');
  });
  function fromHash(){
    var h = decodeURIComponent(location.hash.slice(1)); if (!h) return;
    if (h.indexOf('row-') === 0) select(h.slice(4), 'row'); else select(h, 'text');
  }
  var q = new URLSearchParams(location.search);
  if (q.get('show')) {
    var want = q.get('show').split(',');
    boxes.forEach(function(b){ b.checked = want.indexOf(b.value) >= 0; });
  }
  if (q.get('sector')) sectorBox.value = q.get('sector');
  if (q.get('flagged') === '1') flaggedBox.checked = true;
  boxes.concat([sectorBox, flaggedBox]).forEach(function(c){ c.addEventListener('change', apply); });
  window.addEventListener('hashchange', fromHash);
  apply(); fromHash();
  document.body.setAttribute('data-ready', '1');
})();
"""
