/* Chinese search: the last word of a query is searched whole.
 *
 * The theme's search worker splits each run of Chinese characters in a query into words its index holds (the
 * index is split into words by jieba at build time), but it never tries a word that ends where the run ends:
 * mkdocs-material 9.x, `segment` in its search worker, loops `for (j = i + 1; j < query.length; j++)`. So 开源 was
 * searched as 开*, 隐私 as 隐*, and 训练数据 as 训练 alone. One character that no word of the index holds, put
 * after each run, lets the run's last word be found; the worker drops that character with the rest of what it
 * cannot match. 〇 (U+3007) is a Chinese character (so it joins the run) and in no word of the site's index
 * (tests/test_browser.py checks both, and the query set in tests/chinese_search.py measures the result).
 *
 * The query reaches the worker as a message `{type: 2, data: query}` (the theme's QUERY message); the theme offers
 * no way to transform a query since 9.0, so the message is amended as it is posted. Loaded on Chinese pages only,
 * after the theme's bundle and before a reader can type.
 */
(function () {
  var QUERY = 2;
  var END_OF_RUN = "\u3007";
  var post = window.Worker.prototype.postMessage;  /* the shim's Worker too, in the offline copy */
  window.Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      var amended = { type: QUERY, data: message.data.replace(/\p{sc=Han}+/gu, function (run) { return run + END_OF_RUN; }) };
      return post.apply(this, [amended].concat(Array.prototype.slice.call(arguments, 1)));
    }
    return post.apply(this, arguments);
  };
})();
