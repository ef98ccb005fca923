package io.mediahub.arr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * The self-contained HTML dashboard: one file that opens offline by double-click. Chart.js is inlined from the
 * packaged webjar (no CDN); the tables are sorted, filtered and exported to CSV by a few lines of script in the page.
 * Every text that came from Radarr or Sonarr is HTML-escaped, and the charts' data is embedded as JSON with
 * {@code <}, {@code >} and {@code &} escaped, so a title like {@code <script>} stays text.
 */
public final class ArrDashboard {
    static final String CHART_JS = "META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js";
    private static volatile String chartJs;

    private final ObjectMapper json;
    private final int limit;

    public ArrDashboard(ObjectMapper json, int limit) {
        this.json = json;
        this.limit = limit;
    }

    public void write(List<ArrAnalysis> analyses, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".arr-", ".html.tmp");
        try {
            Files.writeString(tmp, render(analyses), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public String render(List<ArrAnalysis> analyses) {
        StringBuilder h = new StringBuilder(256 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Mediahub — Radarr/Sonarr scores</title>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<script>window.addEventListener('error',function(){var d=document.documentElement;")
                .append("d.setAttribute('data-script-errors',String((+d.getAttribute('data-script-errors')||0)+1));});</script>\n")
                .append("<style>").append(CSS).append("</style>\n<script>").append(chartJs().replace("</script", "<\\/script")).append("</script>\n")
                .append("</head><body>\n<header><h1>Radarr/Sonarr custom-format scores</h1><nav>");
        for (ArrAnalysis a : analyses) {
            h.append("<a href=\"#").append(a.instance().id()).append("\">").append(esc(a.instance().displayName())).append("</a> ");
        }
        h.append("</nav></header>\n");
        if (analyses.isEmpty()) {
            h.append("<p>No export yet: run <code>mediahub export arr</code>.</p>");
        }
        for (ArrAnalysis a : analyses) {
            section(h, a);
        }
        h.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return h.toString();
    }

    private void section(StringBuilder h, ArrAnalysis a) {
        String id = a.instance().id();
        LibraryStatistics s = a.statistics();
        LibraryHealth health = a.health();
        h.append("<section id=\"").append(id).append("\"><h2>").append(esc(a.instance().displayName())).append("</h2>\n<p class=\"meta\">");
        if (a.run() != null) {
            h.append("Run ").append(a.run().id()).append(" of ").append(esc(a.run().startedAt())).append(" (").append(esc(a.run().status()))
                    .append("), ").append(esc(a.service().displayName())).append(' ').append(esc(a.run().version())).append(" · ");
        }
        h.append(s.total()).append(" files · ").append(esc(LibraryStatistics.formatSize(s.totalSizeBytes()))).append(" · mean size ")
                .append(esc(LibraryStatistics.formatSize((long) s.meanSizeBytes()))).append(" · score min ").append(s.minScore()).append(", max ")
                .append(s.maxScore()).append(", mean ").append(fmt(s.meanScore())).append(", median ").append(fmt(s.medianScore())).append("</p>\n");

        h.append("<div class=\"cards\"><div class=\"card grade grade-").append(health.grade()).append("\"><div class=\"big\">").append(health.grade())
                .append("</div><div>Health ").append(fmt(health.score())).append(" / 100</div><small>average score ").append(fmt(health.averageFactor()))
                .append(" · positive files ").append(fmt(health.positiveFactor())).append(" · candidates ").append(fmt(health.candidateFactor()))
                .append("</small></div>\n<div class=\"card\"><h3>Achievements</h3><ul>");
        health.achievements().forEach(x -> h.append("<li class=\"ok\">").append(esc(x)).append("</li>"));
        h.append("</ul><h3>Warnings</h3><ul>");
        health.warnings().forEach(x -> h.append("<li class=\"warn\">").append(esc(x)).append("</li>"));
        h.append("</ul></div>\n<div class=\"card\"><h3>Upgrade candidates</h3><ul>");
        for (String p : List.of("CRITICAL", "HIGH", "MEDIUM", "LOW")) {
            h.append("<li>").append(p).append(": ").append(a.candidatesByPriority(p)).append("</li>");
        }
        h.append("</ul></div></div>\n");

        h.append("<div class=\"charts\"><figure><canvas id=\"pie-").append(id).append("\" width=\"360\" height=\"260\"></canvas><figcaption>Score distribution</figcaption></figure>")
                .append("<figure><canvas id=\"bar-").append(id).append("\" width=\"520\" height=\"300\"></canvas><figcaption>Top 10 formats by average file score</figcaption></figure>");
        if (a.healthTrend().size() > 1) {
            h.append("<figure><canvas id=\"trend-").append(id).append("\" width=\"520\" height=\"260\"></canvas><figcaption>Health across runs</figcaption></figure>");
        }
        h.append("</div>\n<script type=\"application/json\" id=\"data-").append(id).append("\">").append(chartData(a)).append("</script>\n");

        // Upgrade candidates
        h.append("<h3>Upgrade candidates</h3>");
        tableTools(h, "cand-" + id);
        h.append("<table class=\"sortable\" id=\"cand-").append(id).append("\"><thead><tr><th>Priority</th><th>Title</th><th>Score</th><th>Cutoff</th>")
                .append("<th>Gain</th><th>Profile</th><th>Quality</th><th>Reasons</th><th>Missing formats</th></tr></thead><tbody>");
        a.candidates().stream().limit(limit).forEach(c -> h.append("<tr><td data-sort=\"").append(c.priorityRank()).append("\">").append(c.priority())
                .append("</td><td>").append(esc(c.file().displayTitle())).append("</td><td>").append(c.file().totalScore()).append("</td><td>")
                .append(c.file().cutoffScore() == null ? "" : c.file().cutoffScore()).append("</td><td>").append(c.potentialGain()).append("</td><td>")
                .append(esc(c.file().profileName())).append("</td><td>").append(esc(c.file().quality())).append("</td><td>")
                .append(esc(String.join("; ", c.reasons()))).append("</td><td>")
                .append(esc(String.join("; ", c.missingFormats().stream().map(FormatScore::label).toList()))).append("</td></tr>"));
        h.append("</tbody></table>");
        if (a.candidates().size() > limit) {
            h.append("<p class=\"meta\">").append(limit).append(" of ").append(a.candidates().size()).append(" shown.</p>");
        }

        // Profiles
        h.append("\n<h3>Quality profiles</h3><table class=\"sortable\"><thead><tr><th>Profile</th><th>Files</th><th>Mean</th><th>Excellent &gt;100</th>")
                .append("<th>Good 50–100</th><th>Average 0–50</th><th>Poor −50–0</th><th>Terrible &lt;−50</th><th>Below cutoff</th><th>Cutoff score</th>")
                .append("<th>Min score</th><th>Upgrades</th><th>Rating</th><th>Health</th><th>Issues</th></tr></thead><tbody>");
        for (ProfileAnalysis p : a.profiles()) {
            QualityProfile qp = p.profile();
            h.append("<tr><td>").append(esc(p.name())).append("</td><td>").append(p.files()).append("</td><td>").append(fmt(p.meanScore())).append("</td><td>")
                    .append(p.excellent()).append("</td><td>").append(p.good()).append("</td><td>").append(p.average()).append("</td><td>").append(p.poor())
                    .append("</td><td>").append(p.terrible()).append("</td><td>").append(p.belowCutoff()).append("</td><td>")
                    .append(qp == null ? "" : qp.cutoffFormatScore()).append("</td><td>").append(qp == null ? "" : qp.minFormatScore()).append("</td><td>")
                    .append(qp == null ? "" : qp.upgradeAllowed() ? "allowed" : "off").append("</td><td>").append(p.rating()).append("</td><td>")
                    .append(health(a.healthByProfile().get(p.name()))).append("</td><td>")
                    .append(esc(String.join("; ", p.issues()))).append("</td></tr>");
        }
        h.append("</tbody></table>\n");

        // Formats
        h.append("<h3>Custom formats</h3>");
        tableTools(h, "fmt-" + id);
        h.append("<table class=\"sortable\" id=\"fmt-").append(id).append("\"><thead><tr><th>Format</th><th>Files matched</th><th>Score per profile</th>")
                .append("<th>Total contribution</th><th>Mean score of files carrying it</th><th>Impact</th><th>Advice</th></tr></thead><tbody>");
        for (FormatEffectiveness f : a.formats().formats()) {
            StringBuilder per = new StringBuilder();
            f.scoreByProfile().forEach((k, v) -> per.append(per.length() == 0 ? "" : "; ").append(k).append(' ').append(v));
            h.append("<tr><td>").append(esc(f.name())).append("</td><td>").append(f.filesMatched()).append("</td><td>").append(esc(per.toString()))
                    .append("</td><td>").append(f.totalContribution()).append("</td><td>").append(fmt(f.meanScoreOfCarriers())).append("</td><td>")
                    .append(f.impact()).append("</td><td>").append(esc(f.advice() == null ? "" : f.advice())).append("</td></tr>");
        }
        h.append("</tbody></table><p><b>Scored but matching no file:</b> ").append(esc(String.join(", ", a.formats().scoredButUnmatched())))
                .append("</p><p><b>Matching files but scored 0 in every profile:</b> ").append(esc(String.join(", ", a.formats().matchedButUnscored())))
                .append("</p>\n");

        // Categories
        h.append("<h3>Categories</h3><p class=\"meta\">Tested in this order; a file is in the first that matches.</p><div class=\"cats\">");
        a.categories().forEach((name, files) -> {
            h.append("<details><summary>").append(name.replace('_', ' ')).append(" <b>").append(files.size()).append("</b></summary><ul>");
            files.stream().limit(50).forEach(f -> h.append("<li>").append(esc(f.displayTitle())).append(" (").append(f.totalScore()).append(")</li>"));
            if (files.size() > 50) {
                h.append("<li>… and ").append(files.size() - 50).append(" more</li>");
            }
            h.append("</ul></details>");
        });
        h.append("</div>\n");

        // Trends
        ScoreTrends t = a.trends();
        h.append("<h3>Trends (90 days)</h3>");
        if (t.isEmpty()) {
            h.append("<p>No improvements or degradations recorded yet: trends appear once two exports have seen files change.</p>");
        } else {
            h.append("<p>").append(t.improvements()).append(" improvements, ").append(t.degradations()).append(" degradations; velocity ")
                    .append(fmt(t.improvementVelocity())).append(" / ").append(fmt(t.degradationVelocity())).append(" a week (last 4 weeks); ")
                    .append("net change in 30 days ").append(t.netChange30Days()).append(". ").append(esc(String.join(", ", t.patterns()))).append("</p>")
                    .append("<table><thead><tr><th>Week</th><th>Improved</th><th>Degraded</th></tr></thead><tbody>");
            t.weekly().forEach((k, v) -> h.append("<tr><td>").append(k).append("</td><td>").append(v[0]).append("</td><td>").append(v[1]).append("</td></tr>"));
            h.append("</tbody></table><table><thead><tr><th>Month</th><th>Improved</th><th>Degraded</th></tr></thead><tbody>");
            t.monthly().forEach((k, v) -> h.append("<tr><td>").append(k).append("</td><td>").append(v[0]).append("</td><td>").append(v[1]).append("</td></tr>"));
            h.append("</tbody></table>");
        }

        // Zero-score files
        h.append("\n<h3 id=\"zero-").append(id).append("\">Zero-score files (").append(a.zeroScoreFiles().size()).append(")</h3>");
        tableTools(h, "zero-table-" + id);
        h.append("<table class=\"sortable\" id=\"zero-table-").append(id).append("\"><thead><tr><th>Title</th><th>Profile</th><th>Quality</th>")
                .append("<th>Formats</th><th>Why</th></tr></thead><tbody>");
        a.zeroScoreFiles().stream().limit(limit).forEach(f -> h.append("<tr><td>").append(esc(f.displayTitle())).append("</td><td>")
                .append(esc(f.profileName())).append("</td><td>").append(esc(f.quality())).append("</td><td>").append(esc(f.formatsLabel()))
                .append("</td><td>").append(f.formats().isEmpty() ? "matches no custom format" : "its formats score 0 in its profile").append("</td></tr>"));
        h.append("</tbody></table></section>\n");
    }

    private static String health(LibraryHealth h) {
        return h == null ? "" : h.grade() + " (" + fmt(h.score()) + ")";
    }

    private static void tableTools(StringBuilder h, String tableId) {
        h.append("<div class=\"tools\"><input type=\"search\" placeholder=\"Filter\" data-filter=\"").append(tableId)
                .append("\"> <button type=\"button\" data-csv=\"").append(tableId).append("\">Export CSV</button></div>");
    }

    private String chartData(ArrAnalysis a) {
        ObjectNode d = json.createObjectNode();
        d.put("positive", a.statistics().positive()).put("zero", a.statistics().zero()).put("negative", a.statistics().negative());
        ArrayNode labels = d.putArray("formatLabels");
        ArrayNode values = d.putArray("formatScores");
        a.formats().formats().stream().sorted((x, y) -> Double.compare(y.meanScoreOfCarriers(), x.meanScoreOfCarriers())).limit(10).forEach(f -> {
            labels.add(f.name());
            values.add(Math.round(f.meanScoreOfCarriers() * 10) / 10.0);
        });
        ArrayNode runs = d.putArray("runLabels");
        ArrayNode healths = d.putArray("runHealth");
        for (ArrRepository.RunRow r : a.healthTrend()) {
            runs.add(r.startedAt().substring(0, Math.min(10, r.startedAt().length())));
            healths.add(r.healthScore() == null ? 0 : Math.round(r.healthScore() * 10) / 10.0);
        }
        try {
            return json.writeValueAsString(d).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String esc(Object o) {
        if (o == null) {
            return "";
        }
        String s = String.valueOf(o);
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    static String chartJs() {
        String js = chartJs;
        if (js == null) {
            try (InputStream in = ArrDashboard.class.getClassLoader().getResourceAsStream(CHART_JS)) {
                if (in == null) {
                    throw new IllegalStateException("Chart.js is missing from the classpath (" + CHART_JS + "): the build is incomplete");
                }
                js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                chartJs = js;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return js;
    }

    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:0 2rem 2rem;color:#222;background:#fafafa}
            header{display:flex;gap:2rem;align-items:baseline}nav a{margin-right:1rem}
            section{background:#fff;border:1px solid #ddd;border-radius:8px;padding:1rem 1.5rem;margin:1rem 0}
            .meta{color:#666;font-size:.9rem}.cards,.charts{display:flex;flex-wrap:wrap;gap:1rem}
            .card{border:1px solid #ddd;border-radius:8px;padding:.75rem 1rem;min-width:220px}
            .big{font-size:3rem;font-weight:700}.grade-A .big,.grade-B .big{color:#2e7d32}.grade-C .big{color:#f9a825}
            .grade-D .big,.grade-F .big{color:#c62828}li.ok{color:#2e7d32}li.warn{color:#c62828}
            figure{margin:0}figcaption{text-align:center;color:#555}
            table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.85rem}
            th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
            th{background:#f0f0f0;cursor:pointer;user-select:none}.tools{margin:.25rem 0}
            .cats details{margin:.25rem 0}
            """;

    private static final String SCRIPT = """
            (function(){
              var drawn=0, expected=0;
              function data(id){var e=document.getElementById('data-'+id);return e?JSON.parse(e.textContent):null;}
              function painted(c){try{var p=c.getContext('2d').getImageData(0,0,c.width,c.height).data;
                for(var i=3;i<p.length;i+=4){if(p[i]!==0)return true;}}catch(e){}return false;}
              function chart(id,cfg){var c=document.getElementById(id);if(!c)return;expected++;
                cfg.options=Object.assign({animation:false,responsive:false},cfg.options||{});
                new Chart(c,cfg);if(painted(c))drawn++;}
              document.querySelectorAll('script[id^="data-"]').forEach(function(s){
                var id=s.id.substring(5), d=data(id);
                chart('pie-'+id,{type:'pie',data:{labels:['Positive','Zero','Negative'],datasets:[{data:[d.positive,d.zero,d.negative],
                  backgroundColor:['#2e7d32','#9e9e9e','#c62828']}]},options:{onClick:function(ev,els){
                  if(els.length&&els[0].index===1){location.hash='zero-'+id;}}}});
                chart('bar-'+id,{type:'bar',data:{labels:d.formatLabels,datasets:[{label:'Average score',data:d.formatScores,
                  backgroundColor:d.formatScores.map(function(v){return v>=50?'#2e7d32':v>=0?'#f9a825':'#c62828';})}]},
                  options:{indexAxis:'y',plugins:{legend:{display:false}},scales:{x:{title:{display:true,text:'Average TRaSH Score'}}}}});
                chart('trend-'+id,{type:'line',data:{labels:d.runLabels,datasets:[{label:'Health',data:d.runHealth,borderColor:'#1565c0'}]},
                  options:{scales:{y:{min:0,max:100}}}});
              });
              document.documentElement.setAttribute('data-charts-expected',String(expected));
              document.documentElement.setAttribute('data-charts-drawn',String(drawn));
              document.querySelectorAll('table.sortable th').forEach(function(th){th.addEventListener('click',function(){
                var table=th.closest('table'),tb=table.tBodies[0],i=Array.prototype.indexOf.call(th.parentNode.children,th);
                var asc=th.getAttribute('data-dir')!=='asc';th.setAttribute('data-dir',asc?'asc':'desc');
                var rows=Array.prototype.slice.call(tb.rows);
                function key(r){var c=r.cells[i];var v=c.getAttribute('data-sort')||c.textContent;var n=parseFloat(v);
                  return isNaN(n)||!/^\\s*-?[0-9.]+\\s*$/.test(v)?v.toLowerCase():n;}
                rows.sort(function(a,b){var x=key(a),y=key(b);if(typeof x!==typeof y){x=String(x);y=String(y);}
                  return (x<y?-1:x>y?1:0)*(asc?1:-1);});
                rows.forEach(function(r){tb.appendChild(r);});});});
              document.querySelectorAll('input[data-filter]').forEach(function(inp){inp.addEventListener('input',function(){
                var q=inp.value.toLowerCase(),t=document.getElementById(inp.getAttribute('data-filter'));
                Array.prototype.forEach.call(t.tBodies[0].rows,function(r){r.style.display=r.textContent.toLowerCase().indexOf(q)>=0?'':'none';});});});
              document.querySelectorAll('button[data-csv]').forEach(function(b){b.addEventListener('click',function(){
                var t=document.getElementById(b.getAttribute('data-csv')),lines=[];
                function q(s){s=s.replace(/\\s+/g,' ').trim();return /[",\\n]/.test(s)?'"'+s.replace(/"/g,'""')+'"':s;}
                Array.prototype.forEach.call(t.rows,function(r){if(r.style.display==='none')return;
                  lines.push(Array.prototype.map.call(r.cells,function(c){return q(c.textContent);}).join(','));});
                var a=document.createElement('a');a.href=URL.createObjectURL(new Blob([lines.join('\\r\\n')],{type:'text/csv'}));
                a.download=b.getAttribute('data-csv')+'.csv';document.body.appendChild(a);a.click();a.remove();});});
            })();
            """;
}
