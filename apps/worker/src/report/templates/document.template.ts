/**
 * Handlebars sources of every report. `{{…}}` escapes; no template uses a triple-stash (a unit test checks),
 * so nothing a user typed can become markup. Charts are SVG drawn by these templates from numbers the
 * view-model builders compute.
 */
export const TEMPLATE_VERSION = '2026.11.1';

export const STYLES = `
@page { size: A4; margin: 24mm 16mm 20mm 16mm; }
* { box-sizing: border-box; }
html { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 9.5pt; color: #212b32; line-height: 1.35; }
body { margin: 0; }
h1, h2, h3 { color: {{brand.primary}}; line-height: 1.2; margin: 0 0 3mm; }
h2.section { font-size: 17pt; break-before: page; padding-bottom: 2mm; border-bottom: 1.2mm solid {{brand.accent}}; margin-bottom: 5mm; }
h3 { font-size: 12pt; margin-top: 6mm; break-after: avoid; }
p { margin: 0 0 2.5mm; }
.muted { color: #4c6272; }
.cover { height: 247mm; display: flex; flex-direction: column; break-after: page; }
.cover .band { background: {{brand.primary}}; color: {{brand.primaryText}}; padding: 10mm 10mm 8mm; border-bottom: 3mm solid {{brand.accent}}; }
.cover .band .network { font-size: 13pt; font-weight: bold; }
.cover .logo { max-height: 22mm; max-width: 70mm; background: #fff; padding: 2mm; margin-bottom: 6mm; }
.cover h1 { color: #212b32; font-size: 28pt; margin: 22mm 0 4mm; }
.cover .subtitle { font-size: 14pt; color: #4c6272; }
.cover .facts { margin-top: auto; border-top: 0.4mm solid #d8dde0; padding-top: 4mm; }
.cover .facts dt { font-weight: bold; float: left; width: 45mm; clear: left; }
.cover .facts dd { margin: 0 0 1.5mm 45mm; }
.classification { font-weight: bold; letter-spacing: 0.05em; }
.contents ol { list-style: none; padding: 0; margin: 0; }
.contents li { border-bottom: 0.2mm dotted #aeb7bd; }
.contents a.toc { display: block; width: 100%; color: #212b32; text-decoration: none; padding: 2mm 14mm 2mm 0; font-size: 11pt; }
table { width: 100%; border-collapse: collapse; margin: 0 0 5mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { background: {{brand.primary}}; color: {{brand.primaryText}}; text-align: left; font-size: 8.5pt; padding: 1.5mm 2mm; }
td { border-bottom: 0.2mm solid #d8dde0; padding: 1.5mm 2mm; vertical-align: top; font-size: 8.5pt; }
td.num, th.num { text-align: right; white-space: nowrap; }
.tag { display: inline-block; padding: 0.4mm 1.6mm; border-radius: 0.8mm; font-weight: bold; font-size: 8pt; white-space: nowrap; }
.kpis { display: flex; gap: 2.5mm; margin: 2mm 0 6mm; }
.kpi { flex: 1 1 0; min-width: 0; border: 0.3mm solid #d8dde0; border-top: 1.5mm solid {{brand.accent}}; padding: 2.5mm; font-size: 8.5pt; }
.kpi .tag { white-space: normal; }
.kpi .n { font-size: 20pt; font-weight: bold; color: {{brand.primary}}; }
.heat { width: auto; margin: 0 auto 5mm; }
.heat td.cell { width: 24mm; height: 13mm; text-align: center; vertical-align: middle; font-size: 9pt; border: 0.6mm solid #fff; }
.heat td.cell .count { font-size: 13pt; font-weight: bold; display: block; }
.heat th.axis { background: none; color: #212b32; font-size: 8pt; text-align: right; }
.heat thead th { text-align: center; background: none; color: #212b32; }
.pair { display: flex; gap: 6mm; }
.pair > div { flex: 1; }
.note { border-left: 1.2mm solid {{brand.accent}}; padding: 2mm 3mm; background: #f0f4f5; margin: 0 0 4mm; }
.checkbox { display: inline-block; width: 4mm; height: 4mm; border: 0.4mm solid #212b32; text-align: center; line-height: 3.4mm; font-weight: bold; margin-right: 2mm; }
.cover-sheet-page .sheet-band { background: {{brand.primary}}; color: {{brand.primaryText}}; padding: 4mm 6mm; border-bottom: 2mm solid {{brand.accent}}; display: flex; gap: 5mm; align-items: center; }
.cover-sheet-page .sheet-band .logo { max-height: 12mm; max-width: 40mm; background: #fff; padding: 1mm; }
.cover-sheet-page .network { font-weight: bold; font-size: 11pt; }
.sheet-title { font-size: 18pt; margin: 5mm 0 2mm; color: #212b32; }
.sheet-meta { display: flex; flex-wrap: wrap; gap: 1mm 6mm; color: #4c6272; margin-bottom: 3mm; }
.cover-sheet h3 { margin-top: 3.5mm; margin-bottom: 1.5mm; font-size: 10.5pt; }
.cover-sheet p { margin-bottom: 1mm; }
.cover-sheet table { margin-bottom: 2mm; }
.cover-sheet dl { margin: 0 0 4mm; }
.cover-sheet dt { font-weight: bold; color: {{brand.primary}}; margin-top: 3mm; }
.cover-sheet dd { margin: 1mm 0 0; white-space: pre-line; }
figure { margin: 0 0 5mm; }
figcaption { font-size: 8pt; color: #4c6272; }
`;

export const LAYOUT = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{{doc.title}}</title>
<meta name="author" content="{{network.name}}">
<meta name="plexus-render" content="{{marker}}">
<style>{{> styles}}</style>
</head>
<body>
{{#if doc.coverSheet}}
<section class="cover-sheet-page">
  <div class="sheet-band">
    {{#if brand.logo}}<img class="logo" src="{{brand.logo}}" alt="{{network.name}} logo">{{/if}}
    <div><div class="network">{{network.name}}</div><div>Board paper</div></div>
  </div>
  <h1 class="sheet-title">{{doc.title}}</h1>
  <p class="sheet-meta">{{#each doc.coverSheet.meta}}<span><strong>{{label}}:</strong> {{value}}</span>{{/each}}</p>
  {{#with doc.coverSheet}}{{> coverSheet}}{{/with}}
</section>
{{else}}
<section class="cover">
  <div class="band">
    {{#if brand.logo}}<img class="logo" src="{{brand.logo}}" alt="{{network.name}} logo">{{/if}}
    <div class="network">{{network.name}}</div>
    <div>{{network.specialty}}{{#if network.region}} · {{network.region}}{{/if}}</div>
  </div>
  <h1>{{doc.title}}</h1>
  <p class="subtitle">{{doc.subtitle}}</p>
  <dl class="facts">
    {{#each doc.facts}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/each}}
    <dt>Prepared</dt><dd>{{doc.generatedOn}}</dd>
    <dt>Classification</dt><dd class="classification">{{network.classification}}</dd>
  </dl>
</section>
{{/if}}
{{#if doc.sections.length}}
<section class="contents">
  <h2{{#if doc.coverSheet}} class="section"{{/if}}>Contents</h2>
  <ol>{{#each doc.sections}}<li><a class="toc" href="#{{id}}">{{number}}. {{title}}</a></li>{{/each}}</ol>
</section>
{{/if}}
{{#each doc.sections}}
<section>
  <h2 class="section" id="{{id}}">{{number}}. {{title}}</h2>
  {{> (lookup . 'partial') }}
</section>
{{/each}}
</body>
</html>`;

export const HEADER = `<div style="font-family: Arial, sans-serif; font-size: 7.5pt; color: #4c6272; width: 100%; margin: 0 16mm; display: flex; justify-content: space-between; border-bottom: 0.3mm solid #d8dde0; padding-bottom: 1.5mm;"><span>{{network.name}}</span><span>{{doc.title}}</span></div>`;

export const FOOTER = `<div style="font-family: Arial, sans-serif; font-size: 7.5pt; color: #4c6272; width: 100%; margin: 0 16mm; display: flex; justify-content: space-between;"><span style="font-weight: bold;">{{network.classification}}</span><span>{{doc.generatedOn}}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;

const TAG = `<span class="tag" style="background: {{colour}}; color: {{textColour}};">{{label}}</span>`;

export const PARTIALS: Record<string, string> = {
  tag: TAG,
  // ---- risk register -------------------------------------------------------------------------------
  riskSummary: `
<div class="kpis">
  <div class="kpi"><div class="n">{{data.openCount}}</div>open risks</div>
  {{#each data.byBand}}<div class="kpi"><div class="n">{{count}}</div>{{> tag}} ({{range}})</div>{{/each}}
  <div class="kpi"><div class="n">{{data.overdueCount}}</div>overdue for review</div>
</div>
<table>
  <thead><tr><th>Band</th><th>Score</th><th>Required action</th><th class="num">Open risks now</th><th class="num">Before mitigation</th></tr></thead>
  <tbody>{{#each data.byBand}}<tr><td>{{> tag}}</td><td>{{range}}</td><td>{{action}}</td><td class="num">{{count}}</td><td class="num">{{beforeCount}}</td></tr>{{/each}}</tbody>
</table>
{{#if data.unplaced}}<p class="note">{{data.unplaced}} open risk(s) carry only a legacy score from an old register and appear in the table, not the heat maps, until re-scored.</p>{{/if}}`,
  heatMaps: `
<div class="pair">
  {{#each data.maps}}
  <div>
    <h3>{{title}}</h3>
    <table class="heat">
      <thead><tr><th></th>{{#each ../data.impactLabels}}<th>{{this}}</th>{{/each}}</tr></thead>
      <tbody>{{#each rows}}<tr><th class="axis" scope="row">{{label}}</th>{{#each cells}}<td class="cell" style="background: {{colour}}; color: {{textColour}};"><span class="count">{{count}}</span>{{band}}</td>{{/each}}</tr>{{/each}}</tbody>
    </table>
  </div>
  {{/each}}
</div>
<p class="muted">Likelihood runs down (Almost certain at the top), impact across (Negligible to Catastrophic). Each cell shows how many open risks sit there and its band; score = likelihood × impact.</p>`,
  riskTable: `
{{#if data.intro}}<p>{{data.intro}}</p>{{/if}}
{{#if data.rows.length}}
<table>
  <thead><tr><th>Ref</th><th>Risk</th><th class="num">Before</th><th class="num">Now</th><th>Lead</th><th>Next review</th></tr></thead>
  <tbody>
  {{#each data.rows}}
  <tr>
    <td>{{reference}}</td>
    <td>{{description}}{{#if mitigation}}<br><span class="muted">Mitigation: {{mitigation}}</span>{{/if}}{{#if legacyNote}}<br><span class="muted">{{legacyNote}}</span>{{/if}}</td>
    <td class="num">{{before.score}} {{#with before.tag}}{{> tag}}{{/with}}</td>
    <td class="num">{{current.score}} {{#with current.tag}}{{> tag}}{{/with}}</td>
    <td>{{lead}}</td>
    <td>{{nextReviewDue}}{{#if overdue}} <strong>(overdue)</strong>{{/if}}</td>
  </tr>
  {{/each}}
  </tbody>
</table>
{{else}}<p>{{data.empty}}</p>{{/if}}`,
  riskChanges: `
<p>{{data.intro}}</p>
{{#if data.rows.length}}
<table>
  <thead><tr><th>Ref</th><th>Risk</th><th>When</th><th>Change</th><th class="num">From</th><th class="num">To</th></tr></thead>
  <tbody>{{#each data.rows}}<tr><td>{{reference}}</td><td>{{description}}</td><td>{{on}}</td><td>{{change}}</td><td class="num">{{from}}</td><td class="num">{{to}}</td></tr>{{/each}}</tbody>
</table>
{{else}}<p>{{data.empty}}</p>{{/if}}`,
  // ---- progress --------------------------------------------------------------------------------------
  progressSummary: `
<div class="kpis">
  <div class="kpi"><div class="n">{{data.total}}</div>work items</div>
  {{#each data.totals}}<div class="kpi"><div class="n">{{count}}</div>{{> tag}}</div>{{/each}}
  <div class="kpi"><div class="n">{{data.slippedCount}}</div>past target</div>
</div>
<figure>
  <svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {{data.chart.width}} {{data.chart.height}}" role="img" aria-label="{{data.chart.label}}">
    <title>{{data.chart.label}}</title>
    {{#each data.chart.bars}}
      <text x="0" y="{{textY}}" font-size="9" fill="#212b32">{{label}}</text>
      {{#each segments}}<rect x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}" fill="{{colour}}"><title>{{title}}</title></rect>{{#if showCount}}<text x="{{textX}}" y="{{textY}}" font-size="8" text-anchor="middle" fill="{{textColour}}">{{count}}</text>{{/if}}{{/each}}
    {{/each}}
    {{#each data.chart.legend}}<rect x="{{x}}" y="{{y}}" width="8" height="8" fill="{{colour}}"></rect><text x="{{textX}}" y="{{textY}}" font-size="8" fill="#212b32">{{label}}</text>{{/each}}
  </svg>
  <figcaption>Status of work items by theme (counts in each bar; the table below gives the same figures).</figcaption>
</figure>
<table>
  <thead><tr><th>Theme</th>{{#each data.columns}}<th class="num">{{this}}</th>{{/each}}<th class="num">Past target</th><th class="num">Total</th></tr></thead>
  <tbody>{{#each data.themes}}<tr><td>{{title}}</td>{{#each counts}}<td class="num">{{this}}</td>{{/each}}<td class="num">{{slipped}}</td><td class="num">{{total}}</td></tr>{{/each}}</tbody>
</table>`,
  progressItems: `
{{#if data.intro}}<p>{{data.intro}}</p>{{/if}}
{{#if data.rows.length}}
<table>
  <thead><tr><th>Status</th><th>Work</th><th>Lead</th><th>Target</th><th>Latest update</th></tr></thead>
  <tbody>
  {{#each data.rows}}
  <tr>
    <td>{{#with tag}}{{> tag}}{{/with}}{{#if escalated}}<br><span class="muted">{{escalated}}</span>{{/if}}</td>
    <td>{{#if objective}}<span class="muted">{{objective}}</span><br>{{/if}}{{work}}</td>
    <td>{{leads}}</td>
    <td>{{target}}{{#if slipped}}<br><strong>{{slipped}}</strong>{{/if}}{{#if moved}}<br><span class="muted">{{moved}}</span>{{/if}}</td>
    <td>{{#if update}}<span class="muted">{{update.on}} · {{update.author}}</span><br>{{update.narrative}}{{else}}<span class="muted">No update yet</span>{{/if}}</td>
  </tr>
  {{/each}}
  </tbody>
</table>
{{else}}<p>{{data.empty}}</p>{{/if}}`,
  // ---- board paper -------------------------------------------------------------------------------------
  coverSheet: `
<div class="cover-sheet">
  <h3>This paper is for</h3>
  {{#each data.purposes}}<p><span class="checkbox">{{#if selected}}X{{/if}}</span><strong>{{label}}</strong> — {{description}}</p>{{/each}}
  <h3>Previous consideration</h3>
  {{#if data.previous.length}}
  <table><thead><tr><th>Meeting</th><th>Date</th><th>Outcome</th></tr></thead><tbody>{{#each data.previous}}<tr><td>{{meeting}}</td><td>{{date}}</td><td>{{outcome}}</td></tr>{{/each}}</tbody></table>
  {{else}}<p>Not previously considered.</p>{{/if}}
  <h3>Executive summary</h3>
  <div class="note" style="white-space: pre-line;">{{data.executiveSummary}}</div>
  {{#if data.questions.length}}<h3>Questions for the board</h3><ol>{{#each data.questions}}<li>{{this}}</li>{{/each}}</ol>{{/if}}
  {{#if data.priorities.length}}
  <h3>Links to priorities</h3>
  <table><thead><tr><th>Priority</th><th>Linked</th></tr></thead><tbody>{{#each data.priorities}}<tr><td>{{priority}}</td><td>{{link}}</td></tr>{{/each}}</tbody></table>
  {{/if}}
  <dl>
    <dt>Equality impact assessment</dt><dd>{{data.equalityImpact}}</dd>
    <dt>Patient and public involvement</dt><dd>{{data.publicInvolvement}}</dd>
    <dt>Risk references</dt><dd>{{#if data.risks.length}}{{#each data.risks}}{{reference}} — {{description}} ({{score}}){{#unless @last}}; {{/unless}}{{/each}}{{else}}None{{/if}}</dd>
    <dt>Date of the next paper on this topic</dt><dd>{{data.nextPaperDate}}</dd>
  </dl>
</div>`,
};
