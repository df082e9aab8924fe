namespace MtaAudit.Render;

/// <summary>
/// The HTML report's stylesheet and script, inlined into every page. The page is a whole document
/// without the script (<see cref="HtmlSink"/> writes every host's row and detail); the script only adds
/// sorting, filtering, paging and opening a detail, reading the rows it finds (no innerHTML, no eval,
/// nothing from the network). Printing always shows every host of the current filter with its detail.
/// State lives in the URL fragment (#q=TEXT&amp;v=VERDICT&amp;sort=COLUMN&amp;dir=desc&amp;page=N;
/// expand=1 opens every host's detail) so a view can be bookmarked (and tested).
/// </summary>
internal static class HtmlPage
{
    public const string Css = """
:root{--good:#2e7d32;--vuln:#c62828;--manual:#ef6c00;--na:#757575;--line:#d0d7de;--head:#eef2f8}
*{box-sizing:border-box}
body{font-family:"Malgun Gothic","Apple SD Gothic Neo","Noto Sans CJK KR","Noto Sans KR",sans-serif;margin:0 auto;max-width:1400px;padding:16px;color:#1f2328;font-size:14px;word-break:keep-all;overflow-wrap:break-word}
h1{font-size:22px;margin:0 0 8px}
h2{font-size:17px;margin:24px 0 8px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:15px;margin:12px 0 4px}
main{display:flex;flex-direction:column}
#summary{order:-1}
dl.meta{display:flex;flex-wrap:wrap;gap:4px 24px;margin:0}
dl.meta div{display:flex;gap:6px}
dl.meta dt{font-weight:bold;white-space:nowrap}
dl.meta dd{margin:0;min-width:4em}
.warn{border-left:4px solid var(--manual);background:#fff4e5;padding:6px 10px;margin:8px 0}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:110px}
.card b{display:block;font-size:22px}
.card small{display:block;color:#57606a}
.charts{display:flex;flex-wrap:wrap;gap:16px}
.chart{border:1px solid var(--line);border-radius:6px;padding:8px;flex:1 1 380px}
.chart h3{margin:0 0 4px}
.controls{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0}
.controls[hidden],.pager[hidden]{display:none}
.controls input{flex:1 1 260px;padding:6px}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:var(--head);white-space:nowrap}
html.js #hosts-table>thead th{cursor:pointer;user-select:none}
th[aria-sort=ascending]::after{content:" \25B2"}
th[aria-sort=descending]::after{content:" \25BC"}
html.js tr.host{cursor:pointer}
tr.host:hover{background:#f6f8fa}
html.js tbody.h.off,html.js tbody.h.paged{display:none}
html.js tbody.h>tr.detail{display:none}
html.js tbody.h[data-open]>tr.detail{display:table-row}
/* A host name, address, version or package is one word: never broken at its dots or hyphens. */
#hosts-table>tbody>tr.host>td:not(:nth-child(3)){white-space:nowrap}
.v{font-weight:bold;white-space:nowrap}
.v-good{color:var(--good)}.v-vulnerable{color:var(--vuln)}.v-manual{color:var(--manual)}.v-na{color:var(--na)}
tr.detail>td{background:#fbfcfe}
.hostdetail ul{margin:2px 0 6px;padding-left:20px}
table.cves{margin:4px 0 8px;font-size:12px}
table.cves th{background:#f6f8fa}
table.cves.na{color:#57606a}
.na-head{margin:6px 0 2px;font-weight:bold;color:#57606a}
pre.ev{background:#f6f8fa;border:1px solid var(--line);padding:6px;white-space:pre-wrap;word-break:break-all;margin:4px 0;font-size:12px}
.kev{background:var(--vuln);color:#fff;border-radius:3px;padding:0 4px;font-size:12px}
.sev-critical,.sev-high{color:var(--vuln);font-weight:bold}
.pager{display:flex;gap:8px;align-items:center;margin:8px 0}
.muted{color:#57606a}
@page{size:A4;margin:12mm}
@media print{
  body{max-width:none;padding:0;font-size:10px}
  .controls,.pager,button,#shown{display:none!important}
  html.js tbody.h.paged{display:table-row-group}
  html.js tbody.h>tr.detail{display:table-row}
  tr.host{break-inside:avoid;break-after:avoid}
  h2,h3{break-after:avoid}
  .hostdetail h3,.hostdetail b{break-after:avoid}
  table.cves tr,.hostdetail li{break-inside:avoid}
  .chart,.card{break-inside:avoid}
  .cards{flex-wrap:nowrap;gap:6px}
  .card{min-width:0;flex:1 1 0;padding:4px 8px}
  .charts{flex-wrap:nowrap;gap:8px}
  .chart{flex:1 1 0;min-width:0}
  tr.host:hover{background:none}
  a{color:inherit;text-decoration:none}
}
""";

    public const string Script = """
(function(){
'use strict';
var t0=performance.now();
document.documentElement.classList.add('js');
var PAGE=100,ORDER={vulnerable:0,manual:1,good:2,na:3};
function $(id){return document.getElementById(id);}
function fill(s,a){return s.replace(/\{(\w+)\}/g,function(m,k){return a[k]!==undefined?String(a[k]):m;});}
var table=$('hosts-table'),ths=Array.prototype.slice.call(table.tHead.rows[0].cells);
var COLS=ths.map(function(th){return th.dataset.col;});
// Every host as the server wrote it: its tbody (row and detail), the cells' text, verdict, CVE ids.
var H=Array.prototype.map.call(table.tBodies,function(tb,i){
  var cells=Array.prototype.map.call(tb.rows[0].cells,function(td){return td.textContent;});
  return {tb:tb,i:i,v:tb.dataset.v,cols:cells,hay:(cells.join(' ')+' '+(tb.dataset.cves||'')).toLowerCase()};
});
var state={q:'',v:'',sort:-1,dir:1,page:0};
function readHash(){
  var p=new URLSearchParams(location.hash.slice(1));
  state.q=p.get('q')||'';state.v=p.get('v')||'';
  state.sort=COLS.indexOf(p.get('sort')||'');state.dir=p.get('dir')==='desc'?-1:1;
  state.page=Math.max(0,(parseInt(p.get('page')||'1',10)||1)-1);
}
readHash();
var controls=$('controls'),pager=$('pager'),q=$('q'),sel=$('verdict'),info=$('info'),shown=$('shown'),prev=$('prev'),next=$('next');
controls.hidden=false;pager.hidden=false;q.value=state.q;sel.value=state.v;
var view=[];
function cmp(a,b){
  var r;
  if(COLS[state.sort]==='result')r=ORDER[a.v]-ORDER[b.v];
  else r=a.cols[state.sort].localeCompare(b.cols[state.sort],undefined,{numeric:true,sensitivity:'base'});
  return r*state.dir||a.i-b.i;
}
function compute(){
  var needle=state.q.toLowerCase();
  view=H.filter(function(h){return (!state.v||h.v===state.v)&&(!needle||h.hay.indexOf(needle)>=0);});
  var order=state.sort>=0?H.slice().sort(cmp):H;
  var frag=document.createDocumentFragment();
  order.forEach(function(h){frag.appendChild(h.tb);});
  table.appendChild(frag);
  if(state.sort>=0)view.sort(cmp);
}
// Off the filter: hidden on screen and in print. Off this page: hidden on screen only (print shows all).
function render(){
  var pages=Math.max(1,Math.ceil(view.length/PAGE));state.page=Math.min(state.page,pages-1);
  var lo=state.page*PAGE,hi=lo+PAGE,inView=new Map();
  view.forEach(function(h,k){inView.set(h,k);});
  H.forEach(function(h){var k=inView.get(h);h.tb.className=k===undefined?'h off':(k<lo||k>=hi)?'h paged':'h';});
  ths.forEach(function(th,i){if(i===state.sort)th.setAttribute('aria-sort',state.dir>0?'ascending':'descending');else th.removeAttribute('aria-sort');});
  info.textContent=fill(info.dataset.t,{page:state.page+1,pages:pages});
  prev.disabled=state.page===0;next.disabled=state.page>=pages-1;
  shown.textContent=fill(shown.dataset.t,{shown:view.length,total:H.length});
  shown.dataset.count=view.length;
}
function writeHash(){
  var p=new URLSearchParams();
  if(state.q)p.set('q',state.q);if(state.v)p.set('v',state.v);
  if(state.sort>=0){p.set('sort',COLS[state.sort]);if(state.dir<0)p.set('dir','desc');}
  if(state.page)p.set('page',state.page+1);
  var s=p.toString();history.replaceState(null,'',s?'#'+s:location.pathname+location.search);
}
function update(){var t=performance.now();compute();render();writeHash();document.documentElement.dataset.updateMs=(performance.now()-t).toFixed(1);}
ths.forEach(function(th,i){th.addEventListener('click',function(){if(state.sort===i)state.dir=-state.dir;else{state.sort=i;state.dir=1;}state.page=0;update();});});
H.forEach(function(h){h.tb.rows[0].addEventListener('click',function(){if(h.tb.hasAttribute('data-open'))h.tb.removeAttribute('data-open');else h.tb.setAttribute('data-open','');});});
q.addEventListener('input',function(){state.q=q.value;state.page=0;update();});
sel.addEventListener('change',function(){state.v=sel.value;state.page=0;update();});
prev.addEventListener('click',function(){state.page--;render();writeHash();});
next.addEventListener('click',function(){state.page++;render();writeHash();});
function expandAll(){H.forEach(function(h){h.tb.setAttribute('data-open','');});}
$('expand').addEventListener('click',expandAll);
$('print').addEventListener('click',function(){window.print();});
window.addEventListener('hashchange',function(){readHash();q.value=state.q;sel.value=state.v;compute();render();});
compute();render();
if(new URLSearchParams(location.hash.slice(1)).get('expand')==='1')expandAll();
document.documentElement.dataset.renderMs=(performance.now()-t0).toFixed(1);
// Since navigation start: reading the file, parsing it, and drawing the table (bench/html-10k.sh).
document.documentElement.dataset.readyMs=performance.now().toFixed(1);
document.documentElement.dataset.ready='1';
})();
""";
}
