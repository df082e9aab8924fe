namespace MtaAudit.Render;

/// <summary>
/// The HTML report's stylesheet and script, inlined into every page. The script reads three JSON
/// blocks (words, hosts, summary), and builds everything with createElement/textContent: no
/// innerHTML, no eval, nothing from the network. State lives in the URL fragment
/// (#q=TEXT&amp;v=VERDICT&amp;sort=COLUMN&amp;dir=desc&amp;page=N; expand=1 opens every host's detail) so a view can be bookmarked (and tested).
/// </summary>
internal static class HtmlPage
{
    public const string Css = """
:root{--good:#2e7d32;--vuln:#c62828;--manual:#ef6c00;--na:#757575;--line:#d0d7de;--head:#eef2f8}
*{box-sizing:border-box}
body{font-family:"Malgun Gothic","Apple SD Gothic Neo","Noto Sans CJK KR","Noto Sans KR",sans-serif;margin:0 auto;max-width:1400px;padding:16px;color:#1f2328;font-size:14px}
h1{font-size:22px;margin:0 0 8px}
h2{font-size:17px;margin:24px 0 8px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:15px;margin:12px 0 4px}
dl.meta{display:flex;flex-wrap:wrap;gap:4px 24px;margin:0}
dl.meta div{display:flex;gap:6px}
dl.meta dt{font-weight:bold}
dl.meta dd{margin:0;min-width:4em}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:110px}
.card b{display:block;font-size:22px}
.charts{display:flex;flex-wrap:wrap;gap:16px}
.chart{border:1px solid var(--line);border-radius:6px;padding:8px;flex:1 1 380px}
.chart h3{margin:0 0 4px}
.controls{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0}
.controls input{flex:1 1 260px;padding:6px}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:var(--head);cursor:pointer;user-select:none;white-space:nowrap}
th[aria-sort=ascending]::after{content:" \25B2"}
th[aria-sort=descending]::after{content:" \25BC"}
tbody tr.host{cursor:pointer}
tbody tr.host:hover{background:#f6f8fa}
.v{font-weight:bold;white-space:nowrap}
.v-good{color:var(--good)}.v-vulnerable{color:var(--vuln)}.v-manual{color:var(--manual)}.v-na{color:var(--na)}
.detail{background:#fbfcfe}
.detail ul{margin:2px 0 6px;padding-left:20px}
pre.ev{background:#f6f8fa;border:1px solid var(--line);padding:6px;white-space:pre-wrap;word-break:break-all;margin:4px 0;font-size:12px}
.kev{background:var(--vuln);color:#fff;border-radius:3px;padding:0 4px;font-size:12px}
.sev-critical,.sev-high{color:var(--vuln);font-weight:bold}
.pager{display:flex;gap:8px;align-items:center;margin:8px 0}
.muted{color:#57606a}
@media print{
  body{max-width:none;padding:0;font-size:11px}
  .controls,.pager,button{display:none!important}
  th{cursor:auto}
  tr,.hostdetail{break-inside:avoid}
  .chart{break-inside:avoid}
  a{color:inherit;text-decoration:none}
}
""";

    public const string Script = """
(function(){
'use strict';
var t0=performance.now();
function data(id){return JSON.parse(document.getElementById(id).textContent);}
var W=data('words'),H=data('hosts'),S=data('summary');
// The parsed copy is all the page needs; dropping the text halves the page's memory.
document.getElementById('hosts').textContent='';
var PAGE=100,ORDER={vulnerable:0,manual:1,good:2,na:3},COLORS={good:'#2e7d32',vulnerable:'#c62828',manual:'#ef6c00',na:'#757575'};
function w(k){return W[k]||k;}
function fill(s,a){return s.replace(/\{(\w+)\}/g,function(m,k){return a[k]!==undefined?String(a[k]):m;});}
function el(tag,cls,text){var e=document.createElement(tag);if(cls)e.className=cls;if(text!==undefined&&text!==null)e.textContent=String(text);return e;}
function add(p){for(var i=1;i<arguments.length;i++)p.appendChild(arguments[i]);return p;}
function put(p,c){p.appendChild(c);return c;}
function sv(tag,attrs,text){var e=document.createElementNS('http://www.w3.org/2000/svg',tag);for(var k in attrs)e.setAttribute(k,attrs[k]);if(text!==undefined)e.textContent=String(text);return e;}
function verdict(v){return el('span','v v-'+v,w('verdict.'+v));}
H.forEach(function(h,i){
  h.i=i;
  h.cols=[h.h,h.ip.join(', '),h.os,h.m.map(function(m){return m.n;}).join('\n'),h.m.map(function(m){return m.ver||'?';}).join('\n'),
    h.m.map(function(m){return m.pkg||'-';}).join('\n'),h.m.map(function(m){return m.u;}).join('\n'),w('verdict.'+h.v)];
  var ids=[];h.m.forEach(function(m){m.c.forEach(function(c){ids.push(c.id);});});
  h.hay=(h.cols.join(' ')+' '+ids.join(' ')).toLowerCase();
});
var COLS=['col.host','col.ip','col.os','col.mta','col.version','col.package','col.usage','col.result'];
var state={q:'',v:'',sort:-1,dir:1,page:0};
function readHash(){
  var p=new URLSearchParams(location.hash.slice(1));
  state.q=p.get('q')||'';state.v=p.get('v')||'';
  var s=COLS.indexOf('col.'+(p.get('sort')||''));state.sort=s;state.dir=p.get('dir')==='desc'?-1:1;
  state.page=Math.max(0,(parseInt(p.get('page')||'1',10)||1)-1);
}
readHash();
var app=document.getElementById('app');
// Summary: counts, compliance rate, charts.
var counts={good:0,vulnerable:0,manual:0,na:0},mtas={},oses={};
H.forEach(function(h){counts[h.v]++;h.m.forEach(function(m){var k=m.n+' '+(m.ver||'?');mtas[k]=(mtas[k]||0)+1;});if(!h.m.length){mtas['-']=(mtas['-']||0)+1;}var o=h.os||w('value.unknown');oses[o]=(oses[o]||0)+1;});
add(app,el('h2',null,w('head.summary')));
var cards=put(app,el('div','cards'));
function card(label,value,cls){add(cards,add(el('div','card '+(cls||'')),el('b',cls?'v '+cls:null,value),el('span',null,label)));}
card(w('head.total'),H.length);
['good','vulnerable','manual','na'].forEach(function(v){card(w('verdict.'+v),counts[v],'v-'+v);});
var rate=counts.good+counts.vulnerable?(100*counts.good/(counts.good+counts.vulnerable)).toFixed(1)+'%':'-';
card(w('head.rate')+' ('+S.rateNote+')',rate);
function top(map,n){return Object.keys(map).map(function(k){return [k,map[k]];}).sort(function(a,b){return b[1]-a[1]||(a[0]<b[0]?-1:1);}).slice(0,n);}
function chart(title,rows){
  var box=el('div','chart');add(box,el('h3',null,title));
  var max=1;rows.forEach(function(r){max=Math.max(max,r[1]);});
  var bh=22,lw=170,width=520,svg=sv('svg',{width:'100%',viewBox:'0 0 '+width+' '+(rows.length*bh+4),role:'img'});
  svg.appendChild(sv('title',{},title));
  rows.forEach(function(r,i){
    var y=i*bh+2,bw=Math.max(2,(width-lw-60)*r[1]/max);
    svg.appendChild(sv('text',{x:lw-6,y:y+15,'text-anchor':'end','font-size':12},r[0].length>24?r[0].slice(0,23)+'\u2026':r[0]));
    svg.appendChild(sv('rect',{x:lw,y:y+3,width:bw,height:bh-6,fill:r[2]||'#4a6fa5'}));
    svg.appendChild(sv('text',{x:lw+bw+6,y:y+15,'font-size':12},r[1]));
  });
  return add(box,svg);
}
var charts=put(app,el('div','charts'));
add(charts,chart(w('html.chart-verdicts'),['vulnerable','manual','good','na'].map(function(v){return [w('verdict.'+v),counts[v],COLORS[v]];})));
add(charts,chart(w('html.chart-mtas'),top(mtas,12)));
add(charts,chart(w('html.chart-os'),top(oses,12)));
if(S.inputErrors.length){add(app,el('h3',null,w('head.input-errors')));var ul=put(app,el('ul'));S.inputErrors.forEach(function(e){add(ul,el('li',null,e));});}
if(S.notes.length){add(app,el('h3',null,w('head.notes')));var ul2=put(app,el('ul'));S.notes.forEach(function(e){add(ul2,el('li',null,e));});}
// The host table.
add(app,el('h2',null,w('head.hosts')));
var controls=put(app,el('div','controls'));
var q=put(controls,el('input'));q.type='search';q.id='q';q.placeholder=w('html.search');q.value=state.q;
var sel=put(controls,el('select'));sel.id='verdict';
put(sel,el('option',null,w('html.all'))).value='';
['vulnerable','manual','good','na'].forEach(function(v){var o=put(sel,el('option',null,w('verdict.'+v)));o.value=v;});
sel.value=state.v;
var expand=put(controls,el('button',null,w('html.expand')));
var printb=put(controls,el('button',null,w('html.print')));
add(controls,el('span','muted',w('html.sort-hint')));
var table=put(app,el('table'));table.id='hosts-table';
var thr=put(put(table,el('thead')),el('tr'));
var ths=COLS.map(function(c,i){var th=put(thr,el('th',null,w(c)));th.dataset.col=c.slice(4);th.addEventListener('click',function(){if(state.sort===i)state.dir=-state.dir;else{state.sort=i;state.dir=1;}state.page=0;update();});return th;});
var tbody=put(table,el('tbody'));
var pager=put(app,el('div','pager'));
var prev=put(pager,el('button',null,w('html.prev'))),info=put(pager,el('span','muted')),next=put(pager,el('button',null,w('html.next')));
var shown=put(app,el('p','muted'));shown.id='shown';
var all=put(app,el('section'));all.id='all-details';
var view=[];
function cmp(a,b){
  var r;
  if(state.sort===7)r=ORDER[a.v]-ORDER[b.v];
  else r=a.cols[state.sort].localeCompare(b.cols[state.sort],undefined,{numeric:true,sensitivity:'base'});
  return r*state.dir||a.i-b.i;
}
function compute(){
  var needle=state.q.toLowerCase();
  view=H.filter(function(h){return (!state.v||h.v===state.v)&&(!needle||h.hay.indexOf(needle)>=0);});
  if(state.sort>=0)view.sort(cmp);
}
function list(items){var ul=el('ul');items.forEach(function(s){add(ul,el('li',null,s));});return ul;}
function detail(h){
  var d=el('div','hostdetail');
  var f=put(d,el('dl','meta'));
  function field(k,v){add(f,add(el('div'),el('dt',null,w(k)),el('dd',null,v)));}
  field('col.checked-at',h.at||w('value.unknown'));field('col.account',h.acct);field('col.ip',h.ipt);
  field('col.os',h.os||w('value.unknown'));if(h.src)field('col.source',h.src);
  if(!h.m.length){add(d,el('h3',null,w('detail.status')));add(d,list(h.r.length?h.r:[w('detail.no-mta')]));}
  h.m.forEach(function(m){
    var head=put(d,el('h3',null,m.n+' '+(m.ver||w('detail.version-unknown'))+(m.vt&&m.vt!==m.ver?' ('+m.vt+')':'')+' : '));add(head,verdict(m.v));
    add(d,el('b',null,w('detail.status')));
    var st=[m.pd,m.ul];if(m.bin)st.push(fill(w('detail.binary'),{path:m.bin}));add(d,list(st));
    if(m.ev.length){add(d,el('b',null,w('detail.evidence')));add(d,el('pre','ev',m.ev.join('\n')));}
    add(d,el('b',null,w('detail.reasons')));add(d,list(m.r));
    if(m.c.length){
      add(d,el('b',null,w('detail.cves')));
      var ct=put(d,el('table'));
      m.c.forEach(function(c){var tr=put(ct,el('tr'));add(tr,el('td',null,c.id));add(tr,el('td','sev-'+c.sk,c.s));var k=put(tr,el('td'));if(c.kev)add(k,el('span','kev','KEV'));add(tr,el('td',null,c.f));add(tr,el('td',null,c.vd));});
    }
    add(d,el('b',null,w('detail.remediation')));add(d,list(m.fix));
  });
  if(h.m.length&&h.r.length)add(d,list(h.r));
  if(h.e.length){add(d,el('b',null,w('detail.errors')));add(d,list(h.e));}
  return d;
}
function row(h){
  var tr=el('tr','host');tr.dataset.host=h.h;
  h.cols.forEach(function(c,i){var td=put(tr,el('td',null,i===7?null:c));if(i===7)add(td,verdict(h.v));else if(c.indexOf('\n')>=0){td.textContent='';c.split('\n').forEach(function(line,j){if(j)add(td,el('br'));add(td,document.createTextNode(line));});}});
  tr.addEventListener('click',function(){
    var n=tr.nextSibling;
    if(n&&n.classList.contains('detail')){n.remove();return;}
    var dr=el('tr','detail'),td=put(dr,el('td'));td.colSpan=COLS.length;add(td,detail(h));tr.after(dr);
  });
  return tr;
}
function render(){
  var pages=Math.max(1,Math.ceil(view.length/PAGE));state.page=Math.min(state.page,pages-1);
  var frag=document.createDocumentFragment();
  view.slice(state.page*PAGE,(state.page+1)*PAGE).forEach(function(h){frag.appendChild(row(h));});
  tbody.replaceChildren(frag);
  ths.forEach(function(th,i){if(i===state.sort)th.setAttribute('aria-sort',state.dir>0?'ascending':'descending');else th.removeAttribute('aria-sort');});
  info.textContent=fill(w('html.page'),{page:state.page+1,pages:pages});
  prev.disabled=state.page===0;next.disabled=state.page>=pages-1;
  shown.textContent=fill(w('html.shown'),{shown:view.length,total:H.length});
  shown.dataset.count=view.length;
}
function writeHash(){
  var p=new URLSearchParams();
  if(state.q)p.set('q',state.q);if(state.v)p.set('v',state.v);
  if(state.sort>=0){p.set('sort',COLS[state.sort].slice(4));if(state.dir<0)p.set('dir','desc');}
  if(state.page)p.set('page',state.page+1);
  var s=p.toString();history.replaceState(null,'',s?'#'+s:location.pathname+location.search);
}
function update(){var t=performance.now();compute();render();writeHash();document.documentElement.dataset.updateMs=(performance.now()-t).toFixed(1);}
q.addEventListener('input',function(){state.q=q.value;state.page=0;update();});
sel.addEventListener('change',function(){state.v=sel.value;state.page=0;update();});
prev.addEventListener('click',function(){state.page--;render();writeHash();});
next.addEventListener('click',function(){state.page++;render();writeHash();});
function expandAll(){all.replaceChildren();add(all,el('h2',null,w('head.details')));view.forEach(function(h){var s=put(all,el('div'));var hd=put(s,el('h3',null,h.h+' : '));add(hd,verdict(h.v));add(s,detail(h));});}
expand.addEventListener('click',expandAll);
printb.addEventListener('click',function(){expandAll();window.print();});
window.addEventListener('beforeprint',function(){if(!all.firstChild)expandAll();});
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
