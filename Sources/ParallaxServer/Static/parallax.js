// Small enhancements only; every page works without this file.
// 1. A filter box above lists and tables marked data-filter (the story list, the coverage matrix rows).
// 2. On the story page, the sentence named by the URL fragment is highlighted (see HTMLRenderer).
(function () {
  function addFilter(container, rows, label) {
    var input = document.createElement('input');
    input.type = 'search';
    input.className = 'filter';
    input.placeholder = label;
    input.setAttribute('aria-label', label);
    input.addEventListener('input', function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        row.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
    });
    container.parentNode.insertBefore(input, container);
  }
  function highlight() {
    document.querySelectorAll('.hl').forEach(function (n) { n.classList.remove('hl'); });
    var h = location.hash.slice(1);
    if (!/^s-[0-9]+-[0-9]+-[0-9]+$/.test(h)) return;
    document.querySelectorAll('[data-s~="' + h + '"]').forEach(function (n) { n.classList.add('hl'); });
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('ol[data-filter]').forEach(function (list) {
      var items = Array.prototype.slice.call(list.children);
      if (items.length > 1) addFilter(list, items, 'Filter the stories shown');
    });
    document.querySelectorAll('.matrix-wrap').forEach(function (wrap) {
      var rows = Array.prototype.slice.call(wrap.querySelectorAll('tbody tr'));
      if (rows.length > 1) addFilter(wrap, rows, 'Filter claims');
    });
    window.addEventListener('hashchange', highlight);
    highlight();
  });
})();
