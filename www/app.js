// The order form: every field, label, rule and enum value comes from the
// module's describe(); this file only knows the page chrome, how the actions are
// grouped in the picker, and the build options. The audit view reads a pasted
// request back with parseRequest (V1 text, or a whole request with its headers)
// and a gateway answer with parseResponse. Nothing here signs: signing needs the
// AccessKey secret, which belongs on a backend, never in a page. When config.json
// names an order endpoint, "Place order" sends { action, params, locale } to it.
import init, { actions, describe, validate, buildRequest, parseRequest, parseResponse } from "./pkg/smartag_request.js";

// "1 problem", "2 problems": English counts, for the summary and the status line.
const problemCount = (n) => (n === 1 ? "1 problem" : `${n} problems`);

const UI = {
  en: {
    title: "Smart Access Gateway order form",
    intro: "Fill in an order for Alibaba Cloud Smart Access Gateway. Problems show as you type; a valid order gives the signed-ready request to hand to your signer. Nothing leaves this page, and it never asks for your AccessKey secret.",
    introOrdering: "Fill in an order for Alibaba Cloud Smart Access Gateway. Problems show as you type; a valid order gives the signed-ready request, and can be placed through your company's order service below. The page never asks for your AccessKey secret and sends nothing else.",
    groups: { buy: "Buy", hardware: "Change hardware", app: "Change app", other: "Other" },
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
      cli: "aliyun CLI command",
    },
    cliHelp: "The same order for the aliyun command-line tool, which signs it with your own CLI profile (aliyun configure): run it where your CLI is set up. It holds no key; the AccessKey ID, nonce, time and endpoint above do not apply to it.",
    cliNone: "No CLI command: a value holds a character (U+0000) that a shell cannot pass.",
    placeHeading: "Place the order",
    placeHelp: (endpoint) => `Sends this order (the action, the parameters above and the page's language) to your company's order service at ${endpoint}, which checks it again, signs it with its own AccessKey and places it. The build options above only shape the signed-ready request; this page sends no key and no signature.`,
    placeButton: "Place order",
    placeSending: "Placing the order…",
    placeBlocked: (n) => `Fix the ${problemCount(n)} above before placing the order. Nothing was sent.`,
    placeOk: (id) => `Order placed. Order ID: ${id}.`,
    placeRefused: (code) => `The gateway refused the order: ${code}.`,
    placeProblems: (n) => `The order service refused the order: ${problemCount(n)} to fix, marked at the fields. Nothing was sent to the gateway.`,
    placeOwn: (code) => `The order service did not place the order: ${code}.`,
    placeNetwork: "The order service did not answer. If the order reached it, it may have been placed: check your orders before placing it again.",
    placeUnreadable: (status) => `The order service answered (HTTP ${status}) in a way this page cannot read. Check your orders before placing it again.`,
    details: { code: "Code", message: "Message", requestId: "Request ID", hostId: "Host ID", recommend: "Recommend", status: "HTTP status" },
    auditHeading: "Audit a request",
    auditIntro: "Check a request, or read the gateway's answer to one, against the same rules. What you paste is read on this page and never sent. Signatures are not verified here: that needs the AccessKey secret, which this page never asks for.",
    auditLabel: "Request: a V1 URL, query string or POST body, or a whole request with its headers (V1 or V3)",
    auditHelp: "A first line that starts with GET or POST is read as a whole request: the method and URL (or path, with a host header), then one \"name: value\" header per line, then, if there is a body, an empty line and the body; this is how to paste a V3 request, as below. Any other text is read as a V1 URL, query string or POST body.",
    auditAction: "Action",
    auditReadAs: "Read as",
    auditForms: {
      text: "V1 text (URL, query string or body)",
      request: (method, signature) => `a whole ${method} request with its headers, signature ${signature.toUpperCase()}`,
    },
    auditBadLine: (n) => `Line ${n} is not a header ("name: value"). Put an empty line before a body.`,
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
    responseHeading: "Read the gateway's answer",
    responseAction: "Answer to the action",
    responseActionHelp: "The action of the request that was answered; it follows the form's action until you pick one.",
    responseLabel: "Answer",
    responseHelp: "Paste the gateway's answer: its JSON or XML body, or the whole answer with its status line (HTTP/1.1 400 Bad Request), headers, an empty line and the body.",
    responseEmpty: "Nothing to read yet.",
    responseOk: (id) => `The gateway placed the order. Order ID: ${id}.`,
    responseRefused: (code) => `The gateway refused the request: ${code}.`,
  },
  "zh-CN": {
    title: "智能接入网关下单表单",
    intro: "填写阿里云智能接入网关订单。输入时即时显示问题；订单有效时给出可交给签名方的待签名请求。数据不会离开本页面，也绝不会索要您的 AccessKey Secret。",
    introOrdering: "填写阿里云智能接入网关订单。输入时即时显示问题；订单有效时给出待签名请求，也可以在下方通过贵公司的下单服务下单。本页面绝不会索要您的 AccessKey Secret，也不发送其他任何数据。",
    groups: { buy: "购买", hardware: "变更硬件", app: "变更 APP", other: "其他" },
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
      cli: "aliyun 命令行",
    },
    cliHelp: "同一订单的 aliyun 命令行工具命令，由该工具用您自己的 CLI 配置（aliyun configure）签名：请在已配置 CLI 的机器上运行。命令中不含密钥；上面的 AccessKey ID、随机数、时间戳和服务地址对它不适用。",
    cliNone: "无法生成命令行：某个值含有 shell 无法传递的字符（U+0000）。",
    placeHeading: "下单",
    placeHelp: (endpoint) => `把此订单（操作、上面的参数和页面语言）发送到贵公司的下单服务 ${endpoint}，由它再次检查、用它自己的 AccessKey 签名并下单。上面的构建选项只影响待签名请求；本页面不发送任何密钥或签名。`,
    placeButton: "下单",
    placeSending: "正在下单……",
    placeBlocked: (n) => `请先修正上面的 ${n} 个问题再下单。订单未发送。`,
    placeOk: (id) => `下单成功。订单号：${id}。`,
    placeRefused: (code) => `网关拒绝了订单：${code}。`,
    placeProblems: (n) => `下单服务拒绝了订单：有 ${n} 个问题需要修正，已在对应字段标出。订单未发送到网关。`,
    placeOwn: (code) => `下单服务未下单：${code}。`,
    placeNetwork: "下单服务没有响应。如果订单已到达该服务，则可能已经生成：请先查看订单列表，再决定是否重新下单。",
    placeUnreadable: (status) => `下单服务的响应（HTTP ${status}）无法读取。请先查看订单列表，再决定是否重新下单。`,
    details: { code: "错误码", message: "错误信息", requestId: "请求 ID", hostId: "Host ID", recommend: "诊断地址", status: "HTTP 状态码" },
    auditHeading: "审核请求",
    auditIntro: "按相同的规则检查一个请求，或读取网关对请求的响应。粘贴的内容只在本页面读取，不会被发送。本页面不校验签名：那需要 AccessKey Secret，而本页面绝不会索要它。",
    auditLabel: "请求：V1 的 URL、查询字符串或 POST 正文，或带请求头的完整请求（V1 或 V3）",
    auditHelp: "以 GET 或 POST 开头的第一行表示完整请求：方法和 URL（或路径，另加 host 请求头），之后每行一个“名称: 值”形式的请求头；如有正文，空一行后接正文。V3 请求请按下面的格式粘贴。其他文本按 V1 的 URL、查询字符串或 POST 正文读取。",
    auditAction: "操作",
    auditReadAs: "读取方式",
    auditForms: {
      text: "V1 文本（URL、查询字符串或正文）",
      request: (method, signature) => `带请求头的完整 ${method} 请求，签名 ${signature.toUpperCase()}`,
    },
    auditBadLine: (n) => `第 ${n} 行不是请求头（“名称: 值”）。正文之前请空一行。`,
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
    responseHeading: "读取网关的响应",
    responseAction: "响应所对应的操作",
    responseActionHelp: "被响应的请求的操作；在您选择之前，它与表单的操作相同。",
    responseLabel: "响应",
    responseHelp: "粘贴网关的响应：JSON 或 XML 正文，或带状态行（HTTP/1.1 400 Bad Request）、响应头、空行和正文的完整响应。",
    responseEmpty: "尚无可读取的响应。",
    responseOk: (id) => `网关已下单。订单号：${id}。`,
    responseRefused: (code) => `网关拒绝了请求：${code}。`,
  },
};

// The picker's groups, by what an action does; an action of the module not listed
// here is offered under "Other". For the actions that change an instance, its ID
// (the field describe() gives the format smartAgId) comes first.
const ACTION_GROUPS = [
  { key: "buy", actions: ["CreateSmartAccessGatewaySoftware", "CreateSmartAccessGateway"] },
  { key: "hardware", actions: ["UpgradeSmartAccessGateway", "DowngradeSmartAccessGateway"], instanceFirst: true },
  { key: "app", actions: ["UpgradeSmartAccessGatewaySoftware", "DowngradeSmartAccessGatewaySoftware"], instanceFirst: true },
];
const groupOf = (action) => ACTION_GROUPS.find((g) => g.actions.includes(action));

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
const OUTPUTS = { v1: ["canonicalQuery", "stringToSign", "url", "cli"], v3: ["url", "headers", "canonicalRequest", "stringToSign", "cli"] };
// A bookmarked odd value is flagged at its option, and the outputs stay V1's.
const signature = () => (Object.hasOwn(OUTPUTS, state.options.signature) ? state.options.signature : "v1");
const outputs = () => OUTPUTS[signature()];

const $ = (sel) => document.querySelector(sel);
const state = {
  action: "",
  locale: "en",
  values: {},
  options: {},
  responseAction: null, // the audit's answer action; null: the form's
  orderProblems: null, // the order service's 400 problem list, while the form holds what was sent
  placed: null, // the last order's outcome, shown until the next one
};
let orderEndpoint = null; // a same-origin URL from config.json, or null: no ordering
let placing = false; // an order in flight
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

// A value longer than this (a huge paste; no field takes more than 4096 characters)
// is not kept in the URL: a megabyte hash burdens history and every hash change.
const HASH_VALUE_MAX = 8192;

function writeHash() {
  const hash = new URLSearchParams({ action: state.action, locale: state.locale });
  const kept = (v) => v !== "" && v.length <= HASH_VALUE_MAX;
  for (const [k, v] of Object.entries(state.values[state.action] ?? {})) if (kept(v)) hash.append(`p.${k}`, v);
  for (const [name, , def] of BUILD_OPTIONS) if (state.options[name] !== def && !UNSAVED.has(name) && kept(state.options[name])) hash.append(`o.${name}`, state.options[name]);
  try {
    history.replaceState(null, "", `#${hash}`);
  } catch {
    // A state too long for a URL is not kept in it.
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
  if (orderEndpoint) $(".intro").textContent = t().introOrdering;
  $("[name=locale]").value = state.locale;
  const picker = $("[name=action]");
  picker.replaceChildren(...actionOptions());
  picker.value = state.action;
  const answerPicker = $("[name=response-action]");
  answerPicker.replaceChildren(...actionOptions());
  answerPicker.value = responseAction();
}

/** The action options in their groups (an <optgroup> each, labelled in the page's language). */
function actionOptions() {
  const known = actions();
  const grouped = ACTION_GROUPS.map((g) => [t().groups[g.key], g.actions.filter((a) => known.includes(a))]);
  const rest = known.filter((a) => !ACTION_GROUPS.some((g) => g.actions.includes(a)));
  return [...grouped, [t().groups.other, rest]]
    .filter(([, list]) => list.length > 0)
    .map(([label, list]) => el("optgroup", { label }, ...list.map((a) => el("option", { value: a }, a))));
}

const responseAction = () => state.responseAction ?? state.action;

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
  if (groupOf(state.action)?.instanceFirst) {
    // The instance being changed first: the rest keep describe()'s order.
    formFields = [...formFields.filter((f) => f.format === "smartAgId"), ...formFields.filter((f) => f.format !== "smartAgId")];
  }
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
        el("pre", { "data-output": name, "aria-labelledby": `out-${name}`, "aria-describedby": name === "cli" ? "out-help-cli" : undefined, tabindex: "0" }),
        name === "cli" ? el("p", { id: "out-help-cli", class: "help" }, t().cliHelp) : "",
      ),
    ),
  );
}

/** An output's text: the headers as `name: value` lines, as they are sent. */
function outputText(result, name) {
  if (!result?.ok) return "";
  return name === "headers" ? Object.entries(result.headers).map(([k, v]) => `${k}: ${v}`).join("\n") : (result[name] ?? "");
}

// --- audit ---------------------------------------------------------------------

/**
 * The pasted text as parseRequest takes it. A first line `GET <url>` or `POST <url>`
 * (an HTTP/1.x version after it is allowed) starts a whole request: then `name: value`
 * header lines, then, after an empty line, the body; it is read as the object
 * { method, url, headers, body } (V1 or V3). Any other text is V1 text, as before.
 * Only the layout is read here; every rule is the module's.
 */
function auditRequest(text) {
  const lines = text.split(/\r?\n/);
  const first = /^(GET|POST)[ \t]+(\S+)(?:[ \t]+HTTP\/\d(?:\.\d)?)?$/i.exec(lines[0].trim());
  if (!first) return { request: text };
  const headers = {};
  let i = 1;
  for (; i < lines.length && lines[i].trim() !== ""; i++) {
    const header = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \t]*:(.*)$/.exec(lines[i].trim());
    if (!header) return { badLine: i + 1 };
    const name = header[1].toLowerCase();
    // A repeated header is one value joined by ", ", as HTTP reads it.
    headers[name] = Object.hasOwn(headers, name) ? `${headers[name]}, ${header[2].trim()}` : header[2].trim();
  }
  const body = lines.slice(i + 1).join("\n");
  return { request: { method: first[1].toUpperCase(), url: first[2], headers, ...(body !== "" ? { body } : {}) } };
}

function renderAudit() {
  const text = $("[name=audit]").value.trim();
  const { request, badLine } = text ? auditRequest(text) : {};
  let parsed = null;
  try {
    if (request !== undefined) parsed = parseRequest(request, { locale: state.locale });
  } catch {
    // Only text past the module's size cap or with a lone surrogate gets here.
  }
  const problems = parsed?.problems ?? [];
  const errors = problems.filter((p) => p.severity === "error").length;
  const [message, kind] = !text ? [t().auditEmpty, ""]
    : badLine ? [t().auditBadLine(badLine), "error"]
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
  $("[data-audit=form]").textContent = typeof request === "string" ? t().auditForms.text : t().auditForms.request(request.method, parsed.signature);
  const flagged = new Set(problems.map((p) => p.field));
  const rows = (record) =>
    Object.entries(record).map(([name, value]) =>
      el("tr", { "data-param": name, class: flagged.has(name) && "flagged" }, el("th", { scope: "row" }, el("code", {}, name)), el("td", {}, String(value))),
    );
  $("#audit-params").replaceChildren(...rows(parsed.params));
  $("#audit-common").replaceChildren(el("tr", {}, el("th", { scope: "rowgroup", colspan: 2, class: "group" }, t().auditCommon)), ...rows(parsed.common));
}

/**
 * The pasted answer as parseResponse takes it: a whole answer (a status line
 * `HTTP/1.1 400 …`, header lines, an empty line, the body) or the body alone.
 */
function responseLike(text) {
  const lines = text.split(/\r?\n/);
  const statusLine = /^HTTP\/\d(?:\.\d)?[ \t]+(\d{3})\b/i.exec(lines[0].trim());
  if (!statusLine) return text;
  const headers = {};
  let i = 1;
  for (; i < lines.length && lines[i].trim() !== ""; i++) {
    const header = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \t]*:(.*)$/.exec(lines[i].trim());
    if (header) headers[header[1].toLowerCase()] = header[2].trim();
  }
  return { status: Number(statusLine[1]), headers, body: lines.slice(i + 1).join("\n") };
}

/** A <dl> of label/value pairs (values as text), leaving out the empty ones. */
function detailList(target, pairs) {
  target.replaceChildren(
    ...pairs
      .filter(([, value]) => value !== null && value !== undefined && value !== "")
      .flatMap(([label, value, cls]) => [el("dt", {}, label), el("dd", { class: cls }, String(value))]),
  );
}

/** What a parseResponse result (or the order service's answer of that shape) says, in the page's language. */
function answerDetails(answer) {
  const d = t().details;
  if (answer.ok) {
    return [
      ...Object.entries(answer.result ?? {}).map(([k, v]) => [k, v, k === "OrderId" ? "order-id" : undefined]),
      [d.requestId, answer.requestId],
    ];
  }
  return [
    [d.code, answer.code],
    [d.message, answer.message],
    [d.status, answer.status],
    [d.requestId, answer.requestId],
    [d.hostId, answer.hostId],
    [d.recommend, answer.recommend],
  ];
}

function renderResponse() {
  const text = $("[name=response]").value.trim();
  let answer = null;
  try {
    if (text) answer = parseResponse(responseAction(), responseLike(text), { locale: state.locale });
  } catch {
    // Only an answer past the module's 1 MiB cap gets here.
  }
  const [message, kind] = !text ? [t().responseEmpty, ""]
    : !answer ? [t().auditUnreadable, "error"]
    : answer.ok ? [t().responseOk(answer.result.OrderId), "ok"]
    : [t().responseRefused(answer.code), "error"];
  const status = $("#response-message");
  status.textContent = message;
  status.className = `audit-status ${kind}`;
  const hint = $("#response-hint");
  hint.hidden = !(answer && !answer.ok && answer.hint);
  hint.textContent = answer && !answer.ok ? answer.hint : "";
  detailList($("#response-details"), answer ? answerDetails(answer) : []);
}

// --- placing the order -------------------------------------------------------------

/** config.json's orderEndpoint as a same-origin URL, or null (no file, a 404, no endpoint …: no ordering). */
async function loadConfig() {
  try {
    const response = await fetch("config.json", { cache: "no-store", credentials: "same-origin", headers: { accept: "application/json" }, signal: AbortSignal.timeout(5000) });
    if (!response.ok) return null;
    const config = await response.json();
    if (typeof config?.orderEndpoint !== "string" || config.orderEndpoint === "") return null;
    const url = new URL(config.orderEndpoint, location.href);
    // The page's CSP (connect-src 'self') lets it talk to its own origin only.
    return url.origin === location.origin && (url.protocol === "http:" || url.protocol === "https:") ? url : null;
  } catch {
    return null;
  }
}

/** The params as the form holds them: its strings, the empty ones left out. */
function formParams() {
  return Object.fromEntries(Object.entries(state.values[state.action]).filter(([, v]) => v !== ""));
}

async function placeOrder() {
  if (placing || !orderEndpoint) return; // a second click while an order is in flight does nothing
  const button = $("#place-order");
  const params = formParams();
  const errors = checked(params).filter((p) => p.severity === "error");
  if (errors.length > 0) {
    // An invalid order never leaves the page.
    state.placed = { kind: "blocked", count: errors.length };
    renderPlace();
    $("#summary").focus();
    return;
  }
  const order = { action: state.action, params, locale: state.locale };
  const sentValues = JSON.stringify(state.values[state.action]);
  placing = true;
  button.disabled = true;
  $("#place").setAttribute("aria-busy", "true");
  state.placed = { kind: "sending" };
  state.orderProblems = null;
  renderPlace();
  let outcome;
  try {
    const response = await fetch(orderEndpoint, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(order),
      credentials: "same-origin",
      cache: "no-store",
    });
    let answer = null;
    try {
      answer = await response.json();
    } catch {
      // Not JSON: told as unreadable below.
    }
    outcome = readOrderAnswer(order, response.status, answer);
  } catch {
    outcome = { kind: "network" };
  } finally {
    placing = false;
    button.disabled = false;
    $("#place").removeAttribute("aria-busy");
  }
  state.placed = outcome;
  if (outcome.kind === "problems") {
    // The service's problems stand at their fields while the form holds what was sent.
    state.orderProblems = { action: order.action, values: sentValues, problems: outcome.problems };
    update();
  }
  renderPlace();
  if (outcome.kind === "problems") $("#summary").focus();
  else if (document.activeElement === document.body || document.activeElement === null) button.focus(); // it lost focus while disabled
}

/** The order service's answer (order-handler's shapes, index.d.ts OrderAnswer), sorted into what the page shows. */
function readOrderAnswer(order, status, answer) {
  const isObject = answer !== null && typeof answer === "object";
  if (isObject && answer.ok === true && typeof answer.result?.OrderId === "string") return { kind: "ok", action: order.action, answer };
  if (isObject && answer.ok === false && Array.isArray(answer.errors)) {
    const problems = answer.errors.filter((p) => p && typeof p.field === "string" && typeof p.message === "string");
    if (problems.length > 0) return { kind: "problems", problems };
  }
  if (isObject && answer.ok === false && typeof answer.code === "string") {
    // The gateway's refusal carries a hint; the order service's own refusal a message.
    return { kind: typeof answer.hint === "string" ? "refused" : "own", action: order.action, locale: order.locale, answer };
  }
  return { kind: "unreadable", status };
}

/** The hint of a gateway refusal in the page's language: the module reads the same error again. */
function refusalHint(placed) {
  const { answer } = placed;
  if (placed.locale === state.locale) return answer.hint;
  try {
    const body = JSON.stringify({ RequestId: answer.requestId, HostId: answer.hostId, Code: answer.code, Message: answer.message, Recommend: answer.recommend });
    return parseResponse(placed.action, { status: answer.status ?? undefined, body }, { locale: state.locale }).hint || answer.hint;
  } catch {
    return answer.hint;
  }
}

function renderPlace() {
  const section = $("#place");
  section.hidden = !orderEndpoint;
  if (!orderEndpoint) return;
  $("#place-help").textContent = t().placeHelp(orderEndpoint.pathname === "/" ? orderEndpoint.href : orderEndpoint.pathname);
  const placed = state.placed;
  const [message, kind] = !placed ? ["", ""]
    : placed.kind === "sending" ? [t().placeSending, ""]
    : placed.kind === "blocked" ? [t().placeBlocked(placed.count), "error"]
    : placed.kind === "ok" ? [t().placeOk(placed.answer.result.OrderId), "ok"]
    : placed.kind === "problems" ? [t().placeProblems(placed.problems.length), "error"]
    : placed.kind === "refused" ? [t().placeRefused(placed.answer.code), "error"]
    : placed.kind === "own" ? [t().placeOwn(placed.answer.code), "error"]
    : placed.kind === "network" ? [t().placeNetwork, "error"]
    : [t().placeUnreadable(placed.status), "error"];
  const status = $("#place-message");
  status.textContent = message;
  status.className = `result-status ${kind}`;
  const hint = $("#place-hint");
  const hintText = placed?.kind === "refused" ? refusalHint(placed) : placed?.kind === "own" ? placed.answer.message : "";
  hint.hidden = !hintText;
  hint.textContent = hintText ?? "";
  const answer = placed?.kind === "ok" || placed?.kind === "refused" ? placed.answer : null;
  detailList($("#place-details"), answer ? answerDetails(answer) : placed?.kind === "own" ? [[t().details.code, placed.answer.code], [t().details.status, placed.answer.status]] : []);
}

function render() {
  $("#copy-status").textContent = ""; // it spoke of the outputs being replaced
  renderChrome();
  renderFields();
  renderOptions();
  renderOutputs();
  update();
  renderPlace();
  renderAudit();
  renderResponse();
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
  if (!document.getElementById(target)) return el("li", {}, message); // the order service named a field the form does not show
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
  const params = formParams();
  // The order service's problems stand until the order's values or action change.
  const fromService = state.orderProblems;
  if (fromService && (fromService.action !== state.action || fromService.values !== JSON.stringify(state.values[state.action]))) state.orderProblems = null;
  const problems = [...checked(params), ...(state.orderProblems?.problems ?? [])];
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
  $("#out-help-cli").textContent = result?.ok && result.cli === null ? t().cliNone : t().cliHelp;
  $("#output-status").textContent = result?.ok ? t().ready[result.signature] : t().blocked(stops.length);
  if (state.placed?.kind === "blocked" && !errors.length) {
    state.placed = null; // "fix the problems first" no longer holds
    renderPlace();
  }
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
  if (target.name === "response-action") {
    state.responseAction = target.value;
    return renderResponse();
  }
  if (target.name === "response") return renderResponse();
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
  if (event.target.closest("#place-order")) placeOrder();
}

async function main() {
  const config = loadConfig(); // fetched while the module loads
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
  orderEndpoint = await config;
  if (orderEndpoint) render();
  document.body.dataset.ordering = orderEndpoint ? "on" : "off";
  document.body.dataset.ready = "true";
}

main();
