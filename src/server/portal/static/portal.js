// The portal's only script. Pages work without it; it adds two things:
// - offline search in the static export (gongkai export-site), over the index in search-index.js,
//   with the same matching as the server's search (unit, 主管部门, project and 科目 names; code prefixes);
// - the compare forms go straight to the comparison's page (the server also redirects without script).
(function () {
  "use strict";
  var root = document.documentElement;
  var isStatic = root.getAttribute("data-export") === "static";
  var folder = isStatic ? "index.html" : "";

  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function normalize(text) {
    return String(text || "").normalize("NFKC").trim().toLowerCase();
  }

  var KIND_NAMES = { unit: "单位", department: "主管部门", project: "项目", function: "支出功能分类科目", economic: "经济分类科目" };
  var RANK = { unit: 0, department: 1, project: 2, function: 3, economic: 3 };

  function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function search(index, q, year, region) {
    var text = normalize(q);
    if (text === "") return null;
    var prefix = /^\d+$/.test(text) ? text : null;
    var found = {};
    index.entries.forEach(function (e, i) {
      var add = function (kind, code, name) {
        var hit = found[i] || (found[i] = { entry: e, rank: 9, matches: [] });
        hit.rank = Math.min(hit.rank, RANK[kind]);
        hit.matches.push({ kind: kind, code: code, text: name });
      };
      if (normalize(e.unitName).indexOf(text) !== -1 || (prefix && e.unitCode.indexOf(prefix) === 0)) add("unit", e.unitCode, e.unitName);
      if (normalize(e.departmentName).indexOf(text) !== -1 || (prefix && e.departmentCode.indexOf(prefix) === 0)) add("department", e.departmentCode, e.departmentName);
    });
    index.items.forEach(function (item) {
      var i = item[0], kind = item[1], code = item[2], name = item[3];
      if (kind === "unit") return;
      var byName = normalize(name).indexOf(text) !== -1;
      var byCode = prefix && kind !== "project" && code.indexOf(prefix) === 0;
      if (!byName && !byCode) return;
      var e = index.entries[i];
      var hit = found[i] || (found[i] = { entry: e, rank: 9, matches: [] });
      hit.rank = Math.min(hit.rank, RANK[kind]);
      hit.matches.push({ kind: kind, code: code, text: name });
    });
    var all = Object.keys(found).map(function (k) { return found[k]; });
    var facet = function (list, key) {
      var counts = {};
      list.forEach(function (h) { counts[h.entry[key]] = (counts[h.entry[key]] || 0) + 1; });
      return counts;
    };
    var years = facet(all.filter(function (h) { return !region || h.entry.region === region; }), "year");
    var regions = facet(all.filter(function (h) { return !year || String(h.entry.year) === year; }), "region");
    var hits = all
      .filter(function (h) { return (!year || String(h.entry.year) === year) && (!region || h.entry.region === region); })
      .sort(function (a, b) {
        return a.rank - b.rank || compare(a.entry.region, b.entry.region) || compare(a.entry.departmentCode, b.entry.departmentCode) ||
          compare(a.entry.unitCode, b.entry.unitCode) || b.entry.year - a.entry.year;
      });
    return { hits: hits, years: years, regions: regions };
  }

  function searchHref(q, year, region) {
    var params = new URLSearchParams();
    if (q) params.set("q", q);
    if (year) params.set("year", year);
    if (region) params.set("region", region);
    return "./" + folder + "?" + params.toString();
  }

  function renderSearch(index, container) {
    var params = new URLSearchParams(window.location.search);
    var q = params.get("q") || "";
    var year = params.get("year") || "";
    var region = params.get("region") || "";
    var form = document.getElementById("search-form");
    if (form) {
      form.elements.q.value = q;
      if (form.elements.year) form.elements.year.value = year;
      if (form.elements.region) form.elements.region.value = region;
    }
    var result = search(index, q, year, region);
    if (!result) return;
    var html = [];
    html.push('<p id="search-summary" role="status">“' + esc(q) + "”共找到 " + result.hits.length + " 份已公开的预算。</p>");
    var facetList = function (title, counts, current, link) {
      var keys = Object.keys(counts).sort(function (a, b) { return title === "年度" ? b - a : counts[b] - counts[a] || compare(a, b); });
      if (keys.length === 0) return "";
      var items = keys.map(function (k) {
        return "<li><a href=\"" + esc(link(k)) + "\"" + (k === current ? ' aria-current="true"' : "") + ">" + esc(title === "年度" ? k + " 年" : k) + "</a>（" + counts[k] + "）</li>";
      });
      var all = current ? '<li><a href="' + esc(link("")) + '">不限</a></li>' : "";
      return "<h2>" + title + "</h2><ul>" + all + items.join("") + "</ul>";
    };
    html.push('<div class="search-layout"><nav class="facets" aria-label="筛选">' +
      facetList("年度", result.years, year, function (k) { return searchHref(q, k, region); }) +
      facetList("地区", result.regions, region, function (k) { return searchHref(q, year, k); }) + "</nav>");
    if (result.hits.length === 0) {
      html.push('<div><p>没有找到匹配的已公开预算。可以换一个关键词，或去掉年度、地区的筛选。</p></div></div>');
    } else {
      html.push('<ol class="cards" id="search-hits">' + result.hits.map(function (h) {
        var e = h.entry;
        var matches = h.matches.slice(0, 5).map(function (m) {
          return esc(KIND_NAMES[m.kind]) + "：" + (m.kind === "function" || m.kind === "economic" ? esc(m.code) + " " : "") + esc(m.text);
        });
        return '<li><h3><a href="../' + esc(e.path) + folder + '">' + esc(e.unitName) + e.year + "年单位预算公开</a></h3>" +
          "<p>" + esc(e.region) + " · " + esc(e.departmentName) + "</p>" +
          '<p class="matches">匹配：' + matches.join("；") + "</p></li>";
      }).join("") + "</ol></div>");
    }
    container.innerHTML = html.join("");
  }

  function initSearch() {
    var container = document.getElementById("search-results");
    var index = window.GONGKAI_SEARCH_INDEX;
    if (!container || !index) return;
    renderSearch(index, container);
  }

  function initCompare() {
    var forms = document.querySelectorAll("form[data-compare]");
    Array.prototype.forEach.call(forms, function (form) {
      form.addEventListener("submit", function (event) {
        var v = function (name) { return encodeURIComponent(form.elements[name].value); };
        var path = form.getAttribute("data-compare") === "years"
          ? "years/" + v("unit") + "/" + v("year") + "/" + v("otherYear") + "/"
          : "units/" + v("year") + "/" + v("unit") + "/" + v("otherUnit") + "/";
        event.preventDefault();
        window.location.href = path + folder;
      });
    });
  }

  initSearch();
  initCompare();
})();
