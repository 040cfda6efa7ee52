// The order form: every field, label, rule and enum value comes from the
// module's describe(); this file only knows the page chrome and the build options.
// The audit view reads a pasted request back with parseRequest. Nothing here signs:
// signing needs the AccessKey secret, which belongs on a backend, never in a page.
import init, { actions, describe, validate, buildRequest, parseRequest } from "./pkg/smartag_request.js";

// "1 problem", "2 problems": English counts, for the summary and the status line.
const problemCount = (n) => (n === 1 ? "1 problem" : `${n} problems`);

const UI = {
  en: {
    title: "Smart Access Gateway order form",
    intro: "Fill in an order for Alibaba Cloud Smart Access Gateway. Problems show as you type; a valid order gives the signed-ready request to hand to your signer. Nothing leaves this page, and it never asks for your AccessKey secret.",
    language: "Language",
    actionHeading: "Order",
    action: "API action",
    fieldsHeading: "Parameters",
    requiredNote: "required",
    optionsHeading: "Build options",
    optionsHelp: "Leave the nonce and timestamp empty for fresh ones; fix them for reproducible output.",
    outputHeading: "Signed-ready request",
    notSet: "(not set)",
    copy: "Copy",
    copied: "Copied",
    selected: "Selected: press Ctrl+C",
    problems: (n) => `${problemCount(n)} to fix`,
    warnings: "Worth a look",
    ready: {
      v1: "The request is valid. Sign the string-to-sign with your AccessKey secret on a trusted machine, then append &Signature=… to the URL.",
      v3: "The request is valid. On a trusted machine, sign the string-to-sign (HMAC-SHA256 with your AccessKey secret), then send the URL with these headers and an Authorization header.",
    },
    // The status line is a live region: the count tells a screen reader what changed.
    blocked: (n) => `Fix the ${problemCount(n)} above to get the request.`,
    options: {
      signature: ["Signature version", "V1: HMAC-SHA1, all parameters in the query. V3: ACS3-HMAC-SHA256, what today's official SDKs send."],
      accessKeyId: ["AccessKey ID", "Your AccessKey ID (never the secret)."],
      format: ["Response format", "JSON or XML."],
      method: ["HTTP method", "V1: GET puts the pairs in the URL; POST sends the same pairs as a form body. V3: the query either way, with an empty body."],
      endpoint: ["Endpoint", "Host name; empty means smartag.<RegionId>.aliyuncs.com."],
      securityToken: ["STS token", "Only for temporary (STS) credentials."],
      nonce: ["Signature nonce", "Empty: a fresh random UUID for every build."],
      timestamp: ["Timestamp", "UTC, YYYY-MM-DDThh:mm:ssZ. Empty: the time of your last change, shown in the outputs."],
    },
    // What each option must be, when the module refuses it (its own error is for developers, in English).
    optionErrors: {
      signature: "Signature version must be v1 or v3.",
      accessKeyId: "AccessKey ID must be given, in letters, digits, '.', '_' and '-'.",
      format: "Response format must be JSON with signature v3 (V3 requests carry no Format and are answered in JSON).",
      method: "HTTP method must be GET or POST.",
      endpoint: "Endpoint must be a host name with an optional port, such as smartag.cn-shanghai.aliyuncs.com (no scheme or path).",
      securityToken: "STS token must be printable ASCII characters without spaces.",
      nonce: "Signature nonce must be 1 to 128 printable ASCII characters without spaces.",
      timestamp: "Timestamp must be a UTC time written YYYY-MM-DDThh:mm:ssZ.",
    },
    outputs: {
      canonicalQuery: "Canonical query",
      stringToSign: "String to sign",
      url: { v1: "URL (append &Signature=…)", v3: "URL" },
      headers: "Headers (add Authorization)",
      canonicalRequest: "Canonical request",
    },
    auditHeading: "Audit a request",
    auditLabel: "Request URL, query string or POST body (signature V1)",
    auditHelp: "Paste a request to check it against the same rules. It is read on this page and never sent; its signature is not checked, as that needs the secret.",
    auditEmpty: "Nothing to audit yet.",
    auditOk: "No problems found.",
    auditWarnings: "No errors; worth a look:",
    auditProblems: (n) => (n === 1 ? "1 problem found:" : `${n} problems found:`),
    auditUnreadable: "This text cannot be read as a request.",
    auditAction: "Action",
    auditNoAction: "(not given)",
    auditParams: "Parameters",
    auditName: "Name",
    auditValue: "Value",
    auditCommon: "Common parameters",
  },
  "zh-CN": {
    title: "智能接入网关下单表单",
    intro: "填写阿里云智能接入网关订单。输入时即时显示问题；订单有效时给出可交给签名方的待签名请求。数据不会离开本页面，也绝不会索要您的 AccessKey Secret。",
    language: "语言",
    actionHeading: "订单",
    action: "API 操作",
    fieldsHeading: "请求参数",
    requiredNote: "必填",
    optionsHeading: "构建选项",
    optionsHelp: "随机数和时间戳留空时自动生成；填写固定值可得到可复现的输出。",
    outputHeading: "待签名请求",
    notSet: "（不设置）",
    copy: "复制",
    copied: "已复制",
    selected: "已选中：请按 Ctrl+C",
    problems: (n) => `有 ${n} 个问题需要修正`,
    warnings: "请留意",
    ready: {
      v1: "请求有效。请在可信的机器上用 AccessKey Secret 对待签名字符串签名，然后在 URL 后追加 &Signature=…。",
      v3: "请求有效。请在可信的机器上用 AccessKey Secret 对待签名字符串签名（HMAC-SHA256），然后带上这些请求头和 Authorization 头发送该 URL。",
    },
    blocked: (n) => `请先修正上面的 ${n} 个问题，才能生成请求。`,
    options: {
      signature: ["签名版本", "V1：HMAC-SHA1，所有参数都在查询字符串中。V3：ACS3-HMAC-SHA256，当前官方 SDK 使用的签名。"],
      accessKeyId: ["AccessKey ID", "您的 AccessKey ID（绝不是 Secret）。"],
      format: ["返回格式", "JSON 或 XML。"],
      method: ["HTTP 方法", "V1：GET 把参数放在 URL 中；POST 以表单正文发送相同的参数。V3：两种方法都放在查询字符串中，正文为空。"],
      endpoint: ["服务地址", "主机名；留空即 smartag.<RegionId>.aliyuncs.com。"],
      securityToken: ["STS Token", "仅用于临时（STS）凭证。"],
      nonce: ["签名随机数", "留空时每次生成新的随机 UUID。"],
      timestamp: ["时间戳", "UTC 时间，格式 YYYY-MM-DDThh:mm:ssZ。留空即最后一次修改的时间（见下方输出）。"],
    },
    optionErrors: {
      signature: "签名版本必须为 v1 或 v3。",
      accessKeyId: "必须填写 AccessKey ID，且只能由字母、数字、半角句号（.）、下划线（_）和短划线（-）组成。",
      format: "使用 V3 签名时返回格式必须为 JSON（V3 请求不带 Format 参数，总以 JSON 返回）。",
      method: "HTTP 方法必须为 GET 或 POST。",
      endpoint: "服务地址必须是主机名（可带端口），例如 smartag.cn-shanghai.aliyuncs.com（不含协议和路径）。",
      securityToken: "STS Token 必须由不含空格的可打印 ASCII 字符组成。",
      nonce: "签名随机数必须是 1~128 个不含空格的可打印 ASCII 字符。",
      timestamp: "时间戳必须是 YYYY-MM-DDThh:mm:ssZ 格式的 UTC 时间。",
    },
    outputs: {
      canonicalQuery: "规范化查询字符串",
      stringToSign: "待签名字符串",
      url: { v1: "URL（追加 &Signature=…）", v3: "URL" },
      headers: "请求头（另加 Authorization）",
      canonicalRequest: "规范化请求",
    },
    auditHeading: "审核请求",
    auditLabel: "请求 URL、查询字符串或 POST 正文（V1 签名）",
    auditHelp: "粘贴一个请求，按相同的规则检查。它只在本页面读取，不会被发送；不校验签名，因为那需要 Secret。",
    auditEmpty: "尚无可审核的请求。",
    auditOk: "未发现问题。",
    auditWarnings: "没有错误；请留意：",
    auditProblems: (n) => `发现 ${n} 个问题：`,
    auditUnreadable: "无法将这段文本读取为请求。",
    auditAction: "操作",
    auditNoAction: "（未提供）",
    auditParams: "参数",
    auditName: "名称",
    auditValue: "值",
    auditCommon: "公共参数",
  },
};

// name -> allowed values (a select) or null (a text input), and the default.
// Each is kept in the URL hash but securityToken: a credential stays out of history and shared links.
const UNSAVED = new Set(["securityToken"]);
const BUILD_OPTIONS = [
  ["signature", ["v1", "v3"], "v1"],
  ["accessKeyId", null, "YourAccessKeyId"],
  ["format", ["JSON", "XML"], "JSON"],
  ["method", ["GET", "POST"], "GET"],
  ["endpoint", null, ""],
  ["securityToken", null, ""],
  ["nonce", null, ""],
  ["timestamp", null, ""],
];
// The outputs of each signature version, in display order.
const OUTPUTS = { v1: ["canonicalQuery", "stringToSign", "url"], v3: ["url", "headers", "canonicalRequest", "stringToSign"] };
// A bookmarked odd value is flagged at its option, and the outputs stay V1's.
const signature = () => (Object.hasOwn(OUTPUTS, state.options.signature) ? state.options.signature : "v1");
const outputs = () => OUTPUTS[signature()];

const $ = (sel) => document.querySelector(sel);
const state = { action: "", locale: "en", values: {}, options: {} };
let spec = null;
let formFields = []; // the action's fields on the form (see onForm)
// Every field but Action, which the picker sets.
const onForm = (field) => field.name !== "Action";

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? "" : String(v));
  }
  node.append(...children); // strings become text nodes: user text is never parsed as HTML
  return node;
}

function t() {
  return UI[state.locale];
}

// --- state <-> URL hash -------------------------------------------------------

function readHash() {
  const hash = new URLSearchParams(location.hash.slice(1));
  state.values = {};
  state.options = Object.fromEntries(BUILD_OPTIONS.map(([name, , def]) => [name, def]));
  const known = actions();
  state.action = known.includes(hash.get("action")) ? hash.get("action") : known[0];
  state.locale = hash.get("locale") === "zh-CN" ? "zh-CN" : "en";
  // Only the fields on the form: it has no control to clear any other name.
  const fields = new Set(describe(state.action).fields.filter(onForm).map((f) => f.name));
  for (const [key, value] of hash) {
    if (key.startsWith("p.") && fields.has(key.slice(2))) (state.values[state.action] ??= {})[key.slice(2)] = value;
    if (key.startsWith("o.") && key.slice(2) in state.options && !UNSAVED.has(key.slice(2))) state.options[key.slice(2)] = value;
  }
}

function writeHash() {
  const hash = new URLSearchParams({ action: state.action, locale: state.locale });
  for (const [k, v] of Object.entries(state.values[state.action] ?? {})) if (v !== "") hash.append(`p.${k}`, v);
  for (const [name, , def] of BUILD_OPTIONS) if (state.options[name] !== def && !UNSAVED.has(name)) hash.append(`o.${name}`, state.options[name]);
  try {
    history.replaceState(null, "", `#${hash}`);
  } catch {
    // A state too long for a URL (a huge paste) is not kept in it.
  }
}

/** The values of an action not seen yet: the examples of its required fields. */
function valuesFor(action) {
  state.values[action] ??= Object.fromEntries(spec.fields.filter((f) => f.required && f.example).map((f) => [f.name, f.example]));
  return state.values[action];
}

// --- rendering ---------------------------------------------------------------

function renderChrome() {
  document.documentElement.lang = state.locale;
  document.title = t().title;
  for (const node of document.querySelectorAll("[data-text]")) node.textContent = t()[node.dataset.text];
  $("[name=locale]").value = state.locale;
  const picker = $("[name=action]");
  picker.replaceChildren(...actions().map((a) => el("option", { value: a }, a)));
  picker.value = state.action;
}

function fieldControl(f, value) {
  const id = `f-${f.name}`;
  const common = { id, name: f.name, required: f.required, "aria-describedby": `h-${f.name} e-${f.name}` };
  const choices = f.enum?.map(String) ?? (f.type === "Boolean" ? ["true", "false"] : null);
  if (choices) {
    const opts = [...(f.required ? [] : [""]), ...choices];
    if (value && !opts.includes(value)) opts.push(value); // keep a bookmarked odd value visible, and flagged
    const select = el("select", common, ...opts.map((o) => el("option", { value: o }, o === "" ? t().notSet : o)));
    select.value = value ?? "";
    return select;
  }
  // Numbers are text inputs too: a number input hides what it cannot parse ("-",
  // "1-2") behind an empty value, which would read as "required".
  const numeric = f.type === "Integer" || f.type === "Long";
  const input = el("input", {
    ...common,
    type: f.format === "email" ? "email" : "text",
    inputmode: numeric ? "numeric" : undefined,
    placeholder: f.example || undefined,
    spellcheck: "false",
  });
  input.value = value ?? "";
  return input;
}

function renderFields() {
  spec = describe(state.action, { locale: state.locale });
  $("#action-title").textContent = spec.title;
  const values = valuesFor(state.action);
  formFields = spec.fields.filter(onForm);
  $("#fields").replaceChildren(
    ...formFields.map((f) =>
      el(
        "div",
        { class: "field", "data-field": f.name },
        el("label", { for: `f-${f.name}` }, el("span", { class: "label" }, f.label), " ", el("code", {}, f.name), f.required ? el("span", { class: "req", "aria-hidden": "true" }, " *") : ""),
        fieldControl(f, values[f.name]),
        el("p", { id: `h-${f.name}`, class: "help" }, f.help),
        el("p", { id: `e-${f.name}`, class: "message" }),
      ),
    ),
  );
}

function renderOptions() {
  $("#options").replaceChildren(
    ...BUILD_OPTIONS.map(([name, choices]) => {
      const [label, help] = t().options[name];
      const common = { id: `o-${name}`, name, "aria-describedby": `oh-${name} oe-${name}` };
      const control = choices
        ? el("select", common, ...choices.map((c) => el("option", { value: c }, c)))
        : el("input", { ...common, type: "text", spellcheck: "false" });
      control.value = state.options[name];
      return el("div", { class: "field" }, el("label", { for: `o-${name}` }, el("span", { class: "label" }, label)), control, el("p", { id: `oh-${name}`, class: "help" }, help), el("p", { id: `oe-${name}`, class: "message" }));
    }),
  );
}

function renderOutputs() {
  const label = (name) => t().outputs[name][signature()] ?? t().outputs[name];
  $("#outputs").replaceChildren(
    ...outputs().map((name) =>
      el(
        "div",
        { class: "output" },
        el("div", { class: "output-head" }, el("h3", { id: `out-${name}` }, label(name)), el("button", { type: "button", "data-copy": name, "aria-describedby": `out-${name}`, disabled: true }, t().copy)),
        el("pre", { "data-output": name, "aria-labelledby": `out-${name}`, tabindex: "0" }),
      ),
    ),
  );
}

/** An output's text: the headers as `name: value` lines, as they are sent. */
function outputText(result, name) {
  if (!result?.ok) return "";
  return name === "headers" ? Object.entries(result.headers).map(([k, v]) => `${k}: ${v}`).join("\n") : result[name];
}

// --- audit ---------------------------------------------------------------------

function renderAudit() {
  const text = $("[name=audit]").value.trim();
  let parsed = null;
  try {
    if (text) parsed = parseRequest(text, { locale: state.locale });
  } catch {
    // Only text past the module's size cap or with a lone surrogate gets here.
  }
  const problems = parsed?.problems ?? [];
  const errors = problems.filter((p) => p.severity === "error").length;
  const [message, kind] = !text ? [t().auditEmpty, ""]
    : !parsed ? [t().auditUnreadable, "error"]
    : errors ? [t().auditProblems(errors), "error"]
    : problems.length ? [t().auditWarnings, "warning"]
    : [t().auditOk, "ok"];
  const status = $("#audit-status");
  status.textContent = message;
  status.className = `audit-status ${kind}`;
  $("#audit-problems").replaceChildren(...problems.map((p) => el("li", { class: p.severity }, el("code", {}, p.field), " ", p.message)));
  $("#audit-result").hidden = !parsed;
  if (!parsed) return;
  $("[data-audit=action]").textContent = parsed.action ?? t().auditNoAction;
  const flagged = new Set(problems.map((p) => p.field));
  const rows = (record) =>
    Object.entries(record).map(([name, value]) =>
      el("tr", { "data-param": name, class: flagged.has(name) && "flagged" }, el("th", { scope: "row" }, el("code", {}, name)), el("td", {}, String(value))),
    );
  $("#audit-params").replaceChildren(...rows(parsed.params));
  $("#audit-common").replaceChildren(el("tr", {}, el("th", { scope: "rowgroup", colspan: 2, class: "group" }, t().auditCommon)), ...rows(parsed.common));
}

function render() {
  $("#copy-status").textContent = ""; // it spoke of the outputs being replaced
  renderChrome();
  renderFields();
  renderOptions();
  renderOutputs();
  update();
  renderAudit();
}

// --- validation and build ------------------------------------------------------

function showMessage(id, input, text, kind) {
  const box = document.getElementById(id);
  box.textContent = text;
  box.className = `message ${kind ?? ""}`;
  if (input) input.setAttribute("aria-invalid", kind === "error" ? "true" : "false");
}

/** A summary line: `message`, linking to the control with id `target`. */
function summaryItem(target, message) {
  return el("li", {}, el("a", { href: `#${target}`, "data-focus": target }, message));
}

/**
 * The params' problems. Past the module's size caps (a huge paste) it throws;
 * that is shown as a problem of the longest value, the paste.
 */
function checked(params) {
  try {
    return validate(state.action, params, { locale: state.locale });
  } catch (error) {
    const [field] = Object.entries(params).reduce((a, b) => (b[1].length > a[1].length ? b : a), [formFields[0].name, ""]);
    return [{ field, severity: "error", message: error.message }];
  }
}

function update() {
  const params = Object.fromEntries(Object.entries(state.values[state.action]).filter(([, v]) => v !== ""));
  const problems = checked(params);
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");

  for (const f of formFields) {
    const mine = problems.filter((p) => p.field === f.name);
    const worst = mine.find((p) => p.severity === "error") ? "error" : mine.length ? "warning" : null;
    showMessage(`e-${f.name}`, document.getElementById(`f-${f.name}`), mine.map((p) => p.message).join(" "), worst);
  }

  let result = null;
  const stops = errors.map((p) => summaryItem(`f-${p.field}`, p.message));
  for (const [name] of BUILD_OPTIONS) showMessage(`oe-${name}`, document.getElementById(`o-${name}`), "", null);
  // The options are checked whatever the params' problems, so that a refused one
  // is told with them: with no params then, which also keeps a huge paste from
  // taking the options' share of the module's size caps.
  const options = { locale: state.locale };
  for (const [name] of BUILD_OPTIONS) if (state.options[name] !== "") options[name] = state.options[name];
  try {
    const built = buildRequest(state.action, errors.length ? {} : params, options);
    if (errors.length === 0) result = built;
  } catch (error) {
    // The module names the option it refused; the buyer reads what it must be.
    const option = /options\.(\w+)/.exec(error.message)?.[1];
    const known = Object.hasOwn(t().optionErrors, option);
    const target = known ? option : "accessKeyId";
    const message = known ? t().optionErrors[option] : error.message;
    showMessage(`oe-${target}`, document.getElementById(`o-${target}`), message, "error");
    stops.push(summaryItem(`o-${target}`, message));
  }
  const summary = $("#summary");
  summary.hidden = problems.length === 0 && stops.length === 0;
  summary.classList.toggle("warning", stops.length === 0); // warnings alone do not stop the request
  $("#summary-heading").textContent = stops.length ? t().problems(stops.length) : t().warnings;
  $("#summary-errors").replaceChildren(...stops);
  // Beside problems to fix, the warnings get a heading of their own.
  $("#summary-warnings-heading").hidden = !(stops.length && warnings.length);
  $("#summary-warnings").replaceChildren(...warnings.map((p) => summaryItem(`f-${p.field}`, p.message)));
  for (const name of outputs()) {
    const text = outputText(result, name);
    document.querySelector(`[data-output=${name}]`).textContent = text;
    document.querySelector(`[data-copy=${name}]`).disabled = text === ""; // nothing to copy
  }
  $("#output-status").textContent = result?.ok ? t().ready[result.signature] : t().blocked(stops.length);
  writeHash();
}

// --- events --------------------------------------------------------------------

function onInput(event) {
  const target = event.target;
  if (target.name === "locale") {
    state.locale = target.value;
    return render();
  }
  if (target.name === "action") {
    state.action = target.value;
    return render();
  }
  if (target.name === "audit") return renderAudit();
  if (target.closest("#fields")) state.values[state.action][target.name] = target.value;
  else if (target.closest("#options")) state.options[target.name] = target.value;
  else return;
  if (target.name === "signature") renderOutputs();
  update();
}

async function copy(button) {
  const output = document.querySelector(`[data-output=${button.dataset.copy}]`);
  let done = t().copied;
  try {
    await navigator.clipboard.writeText(output.textContent);
  } catch {
    // No clipboard permission: select the text so Ctrl+C copies it.
    getSelection().selectAllChildren(output);
    done = t().selected;
  }
  button.textContent = done;
  // The button's own text is not announced; the status line is.
  $("#copy-status").textContent = `${done}: ${document.getElementById(output.getAttribute("aria-labelledby")).textContent}`;
  setTimeout(() => (button.textContent = t().copy), 1500);
}

function onClick(event) {
  const focus = event.target.closest("[data-focus]");
  if (focus) {
    event.preventDefault(); // the hash holds the form's state, not an anchor
    document.getElementById(focus.dataset.focus)?.focus();
  }
  const button = event.target.closest("[data-copy]");
  if (button) copy(button);
}

async function main() {
  try {
    await init();
  } catch (error) {
    const box = $("#load-error");
    box.hidden = false;
    box.textContent = `The validation module could not be loaded: ${error.message}`;
    return;
  }
  readHash();
  document.addEventListener("input", onInput);
  document.addEventListener("click", onClick);
  addEventListener("hashchange", () => {
    readHash();
    render();
  });
  render();
  document.body.dataset.ready = "true";
}

main();
