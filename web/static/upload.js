/* The upload page, enhanced: drop many files, one progress bar per file, each job followed live.
 *
 * Without this script the form still posts to /upload and the status page follows the jobs.
 * With it, every file is posted on its own to the same form endpoint (CSRF token, asking for
 * JSON), so it works when the JSON API needs a token; each job is then polled at
 * GET /api/jobs/<id>, and a failed one can be retried (POST /jobs/<id>/retry).
 */
(function () {
  "use strict";

  var form = document.getElementById("upload-form");
  if (!form || !window.FormData || !window.XMLHttpRequest) { return; }
  document.documentElement.classList.add("js");

  var input = document.getElementById("file");
  var zone = document.getElementById("dropzone");
  var chosenList = document.getElementById("chosen");
  var message = document.getElementById("form-message");
  var progress = document.getElementById("progress");
  var jobsList = document.getElementById("upload-jobs");
  var summary = document.getElementById("progress-summary");
  var statusLink = document.getElementById("status-link");
  var words = JSON.parse(document.getElementById("plain-words").textContent);
  var token = form.querySelector("input[name=csrf_token]").value;
  var maxBytes = parseInt(form.getAttribute("data-max-bytes"), 10);
  var POLL_MS = 1000;
  var PARALLEL = 3;

  var chosen = [];      // File objects waiting to be uploaded
  var entries = [];     // one per uploaded file: {file, row, job, state}
  input.required = false;  // the script checks for files itself (dropped ones are not in input)

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function size(bytes) {
    if (bytes < 1024) { return bytes + " B"; }
    if (bytes < 1024 * 1024) { return (bytes / 1024).toFixed(0) + " KB"; }
    return (bytes / 1048576).toFixed(1) + " MB";
  }

  function say(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  /* Choosing and dropping files */

  function addFiles(list) {
    for (var i = 0; i < list.length; i++) {
      var file = list[i];
      var known = chosen.some(function (f) {
        return f.name === file.name && f.size === file.size && f.lastModified === file.lastModified;
      });
      if (!known) { chosen.push(file); }
    }
    say("");
    renderChosen();
  }

  function renderChosen() {
    chosenList.textContent = "";
    chosen.forEach(function (file, index) {
      var item = el("li");
      item.appendChild(el("span", "name", file.name));
      item.appendChild(el("span", "size", size(file.size)));
      var remove = el("button", "", "×");
      remove.type = "button";
      remove.setAttribute("aria-label", "移除 Remove " + file.name);
      remove.addEventListener("click", function () {
        chosen.splice(index, 1);
        renderChosen();
        input.focus();
      });
      item.appendChild(remove);
      chosenList.appendChild(item);
    });
    chosenList.hidden = chosen.length === 0;
  }

  input.addEventListener("change", function () {
    addFiles(input.files);
    input.value = "";
  });

  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) {
      event.preventDefault();
      zone.classList.add("dragging");
    });
  });
  ["dragleave", "dragend"].forEach(function (name) {
    zone.addEventListener(name, function () { zone.classList.remove("dragging"); });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    zone.classList.remove("dragging");
    if (event.dataTransfer && event.dataTransfer.files) { addFiles(event.dataTransfer.files); }
  });
  // A file dropped beside the zone must not make the browser leave the page to open it.
  window.addEventListener("dragover", function (event) { event.preventDefault(); });
  window.addEventListener("drop", function (event) { event.preventDefault(); });

  /* Uploading */

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (chosen.length === 0) {
      say("请先选择文件。Choose or drop at least one file first.");
      input.focus();
      return;
    }
    var fields = {
      newspaper: form.elements.newspaper.value,
      issue_date: form.elements.issue_date.value,
      page: form.elements.page.value
    };
    progress.hidden = false;
    // The files sent together are the pages of one issue: one batch, so that an article
    // continued from one file to another is joined (each file goes in its own request).
    var batch = chosen.length > 1 ? newBatchId() : "";
    chosen.forEach(function (file, index) {
      var entry = {file: file, fields: fields, batch: batch, position: index, job: null,
                   state: "uploading"};
      entry.row = makeRow(entry);
      jobsList.appendChild(entry.row.item);
      entries.push(entry);
      if (file.size > maxBytes) {
        reject(entry, "file_too_large", file.name + ": larger than " + size(maxBytes));
      }
    });
    chosen = [];
    renderChosen();
    pump();
    refreshSummary();
  });

  function makeRow(entry) {
    var item = el("li", "job state-uploading");
    var head = el("div", "job-head");
    head.appendChild(el("span", "filename", entry.file.name));
    var state = el("span", "state badge state-uploading", words.states.uploading);
    state.setAttribute("data-state", "uploading");
    head.appendChild(state);
    item.appendChild(head);
    var bar = el("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", "上传进度 Upload progress: " + entry.file.name);
    item.appendChild(bar);
    var detail = el("p", "detail");
    detail.hidden = true;
    item.appendChild(detail);
    var actions = el("div", "actions");
    actions.hidden = true;
    item.appendChild(actions);
    return {item: item, state: state, bar: bar, detail: detail, actions: actions, head: head};
  }

  function setState(entry, state) {
    entry.state = state;
    var row = entry.row;
    row.item.className = "job state-" + state;
    row.state.className = "state badge state-" + state;
    row.state.setAttribute("data-state", state);
    row.state.textContent = words.states[state] || state;
    refreshSummary();
  }

  function running() {
    return entries.filter(function (e) { return e.state === "uploading" && e.xhr; }).length;
  }

  function pump() {
    entries.forEach(function (entry) {
      if (entry.state === "uploading" && !entry.xhr && running() < PARALLEL) { send(entry); }
    });
  }

  function newBatchId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("");
  }

  function send(entry) {
    var data = new FormData();
    data.append("csrf_token", token);
    data.append("newspaper", entry.fields.newspaper);
    data.append("issue_date", entry.fields.issue_date);
    data.append("page", entry.fields.page);
    if (entry.batch) {
      data.append("batch", entry.batch);
      data.append("batch_position", String(entry.position));
    }
    data.append("file", entry.file, entry.file.name);
    var xhr = new XMLHttpRequest();
    entry.xhr = xhr;
    xhr.open("POST", form.action);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", function (event) {
      if (event.lengthComputable) {
        entry.row.bar.value = Math.round((event.loaded / event.total) * 100);
      }
    });
    xhr.addEventListener("load", function () {
      entry.xhr = null;
      var body = null;
      try { body = JSON.parse(xhr.responseText); } catch (ignored) { body = null; }
      if (xhr.status === 202 && body && body.jobs && body.jobs.length) {
        entry.row.bar.value = 100;
        entry.row.bar.hidden = true;
        entry.job = body.jobs[0];
        setState(entry, "queued");
        addJson(entry);
        updateStatusLink();
        poll(entry);
      } else if (body && body.error) {
        reject(entry, body.error.code, body.error.message);
      } else {
        reject(entry, "http_" + xhr.status, "the service answered " + xhr.status);
      }
      pump();
    });
    xhr.addEventListener("error", function () {
      entry.xhr = null;
      reject(entry, "network", "the upload was interrupted");
      pump();
    });
    xhr.send(data);
  }

  function addJson(entry) {
    var link = el("a", "json", "JSON");
    link.href = entry.job.status_url;
    entry.row.head.appendChild(link);
  }

  function explain(entry, code, text) {
    var detail = entry.row.detail;
    detail.textContent = "";
    detail.className = "detail error";
    var hint = words.errors[code];
    if (hint) {
      detail.appendChild(el("strong", "", hint));
      detail.appendChild(el("br"));
    }
    var technical = el("span", "technical", text + " ");
    technical.appendChild(el("small", "", "(" + code + ")"));
    detail.appendChild(technical);
    detail.hidden = false;
  }

  function actionButton(entry, label, onClick) {
    var actions = entry.row.actions;
    actions.textContent = "";
    var button = el("button", "", label);
    button.type = "button";
    button.addEventListener("click", function () {
      button.disabled = true;
      onClick(button);
    });
    actions.appendChild(button);
    actions.hidden = false;
    return button;
  }

  function clearActions(entry) {
    entry.row.actions.textContent = "";
    entry.row.actions.hidden = true;
  }

  function reject(entry, code, text) {
    entry.row.bar.hidden = true;
    setState(entry, "rejected");
    explain(entry, code, text);
    actionButton(entry, "重新上传 Upload again", function () {
      entry.row.detail.hidden = true;
      clearActions(entry);
      entry.row.bar.value = 0;
      entry.row.bar.hidden = false;
      setState(entry, "uploading");
      pump();
    });
  }

  /* Following a job */

  function poll(entry) {
    fetch(entry.job.status_url, {headers: {Accept: "application/json"}, cache: "no-store"})
      .then(function (response) { return response.json(); })
      .then(function (job) { show(entry, job); })
      .catch(function () { window.setTimeout(function () { poll(entry); }, POLL_MS * 3); });
  }

  function show(entry, job) {
    if (job.error && !job.state) {  // an error answer, e.g. the database is down: try later
      window.setTimeout(function () { poll(entry); }, POLL_MS * 3);
      return;
    }
    if (job.state !== entry.state) { setState(entry, job.state); }
    if (job.state === "queued" || job.state === "running") {
      if (job.error) {
        entry.row.detail.className = "detail hint";
        entry.row.detail.textContent = job.error.message;
        entry.row.detail.hidden = false;
      }
      window.setTimeout(function () { poll(entry); }, POLL_MS);
      return;
    }
    if (job.state === "succeeded") {
      var detail = entry.row.detail;
      detail.className = "detail";
      detail.textContent = "";
      var link = el("a", "issue-link",
        job.article_ids.length + " 篇文章 articles — 阅读 read them");
      link.href = form.getAttribute("data-issue-url").replace(/0$/, String(job.issue_id));
      detail.appendChild(link);
      detail.hidden = false;
      clearActions(entry);
      return;
    }
    // failed
    explain(entry, job.error ? job.error.code : "failed", job.error ? job.error.message : "");
    actionButton(entry, "重试 Retry", function (button) { retry(entry, button); });
  }

  function retry(entry, button) {
    var data = new FormData();
    data.append("csrf_token", token);
    fetch(form.getAttribute("data-retry-url").replace("JOB_ID", entry.job.id), {
      method: "POST", body: data, headers: {Accept: "application/json"}
    })
      .then(function (response) {
        return response.json().then(function (body) { return {status: response.status, body: body}; });
      })
      .then(function (answer) {
        if (answer.status === 202) {
          clearActions(entry);
          entry.row.detail.hidden = true;
          show(entry, answer.body);
        } else {
          button.disabled = false;
          explain(entry, answer.body.error.code, answer.body.error.message);
        }
      })
      .catch(function () {
        button.disabled = false;
        explain(entry, "network", "the retry did not reach the service");
      });
  }

  function updateStatusLink() {
    var ids = entries.filter(function (e) { return e.job; }).map(function (e) {
      return "id=" + encodeURIComponent(e.job.id);
    });
    statusLink.href = form.getAttribute("data-jobs-url") + "?" + ids.join("&");
  }

  function refreshSummary() {
    var counts = {};
    entries.forEach(function (e) { counts[e.state] = (counts[e.state] || 0) + 1; });
    var done = (counts.succeeded || 0);
    var bad = (counts.failed || 0) + (counts.rejected || 0);
    var text = done + " / " + entries.length + " 完成 done";
    if (bad) { text += " · " + bad + " 失败 failed"; }
    summary.textContent = text;
  }
})();
