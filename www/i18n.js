// The console's own words (buttons, headings, hints built from describe()). Field labels,
// charsets, formats and every validation message come from the package in the chosen language.

// validateText's reasons for text that is not JSON (the `actual` param of its `wrong_type`), in Chinese.
const JSON_WHY = {
  "unexpected character": "出现了意外的字符",
  "unexpected end of input": "内容意外结束",
  "unexpected text after the JSON value": "JSON 值之后还有多余内容",
  "expected a string": "此处应为字符串",
  "invalid number": "数字格式无效",
  "unterminated string": "字符串没有结束",
  "control character in string": "字符串中有控制字符",
  "invalid \\u escape": "\\u 转义无效",
  "invalid escape": "转义无效",
  "expected ',' or ']'": "此处应为 , 或 ]",
  "expected a string key": "此处应为字符串形式的键",
  "expected ':'": "此处应为 :",
  "expected ',' or '}'": "此处应为 , 或 }",
};

const S = {
  en: {
    title: "Create image",
    tagline: "Each field is checked in your browser by the createimage package (WebAssembly) as you type.",
    cloud: "Cloud",
    openstackNote: "as documented",
    novaNote: "upstream Nova",
    language: "Language",
    modes: "Input mode",
    modeForm: "Form",
    modePaste: "Paste JSON",
    notSet: "— not set —",
    notInList: "(not a listed value)",
    add: "Add",
    addTag: "Add tag",
    addSpec: "Add tag set",
    addEntry: "Add entry",
    remove: "Remove",
    submit: "Check request",
    example: "Fill example",
    clear: "Clear",
    summary: "Issues",
    summaryIdle: "Each field is checked as you type. Check request checks the whole request, including pre-flight rules.",
    summaryOk: "No problems found: the request is ready to send.",
    summaryOkTouched: "No problems in the fields filled so far.",
    count: (e, w) => `${e} error${e === 1 ? "" : "s"}, ${w} warning${w === 1 ? "" : "s"}`,
    wholeRequest: "Whole request",
    context: "Pre-flight context",
    contextIntro:
      "What the console knows about your resources. The package uses it (options.context) to report the provider's pre-flight errors.",
    contextClear: "Clear context",
    commaList: "comma-separated",
    pairList: "id:USAGE, comma-separated",
    normalized: "Normalized request",
    changes: "Changes made by normalization",
    http: "HTTP request",
    copy: "Copy",
    valid: "valid",
    errors: (n) => `${n} error${n === 1 ? "" : "s"}`,
    copied: "Copied",
    copyFailed: "Copy failed",
    useInForm: "Use in form",
    noChanges: "No changes: the request is already in its normal form.",
    httpBlocked: (n) => `Not built: the request has ${n} error${n === 1 ? "" : "s"}.`,
    unsigned: "Unsigned: your SDK adds the signature headers.",
    pasteLabel: "Request JSON",
    pasteHint: "Paste a whole CreateImage request. It is checked as one request and filled into the form.",
    pasteButton: "Check and fill the form",
    pasteBad: (m) => `This is not JSON: ${m}`,
    pasteBadAt: (why, line, col) => `This is not JSON: ${why} at line ${line}, column ${col}.`,
    pasteKept: (nums) =>
      "Not filled into the form: JavaScript reads this text differently from how it is written" +
      (nums.length ? ` (${nums.join(", ")})` : "") +
      ", and the package judges the two differently. The form and the panes keep the previous request. " +
      "Below is the check of the text as written; edit it here (a long number can be written as a string).",
    pasteChecked: (e, w) => `Checked: ${e} error${e === 1 ? "" : "s"}, ${w} warning${w === 1 ? "" : "s"}.`,
    pasteNotObject: "The request must be a JSON object; the form was not filled.",
    pasteDone: (e, w) => `Checked: ${e} error${e === 1 ? "" : "s"}, ${w} warning${w === 1 ? "" : "s"}. The form shows them by their fields.`,
    otherFields: "Other fields in the request",
    otherFieldsHint: "Fields the form does not know (from pasted JSON); they are sent and checked as they are.",
    suggestion: "Suggestion:",
    apply: "Apply",
    dupKey: (n) => `This key is also in entry ${n}; a JSON object keeps only one of them.`,
    notList: "The request holds something other than a list here:",
    key: "key",
    value: "value",
    loading: "Loading the createimage package…",
    ready: (total, own) => `createimage ready ${total} ms after the page started loading (package loaded and started in ${own} ms)`,
    loadFailed: (m) => `The createimage package could not be loaded (${m}). Build it and serve the console with: bash scripts/serve.sh`,
    required: "required",
    unit: { chars: "characters", bytes: "bytes (UTF-8)" },
    unitShort: { chars: "", bytes: " bytes" },
    counterTitle: { chars: "characters (Unicode scalar values)", bytes: "UTF-8 bytes" },
    len: (min, max, u) =>
      max !== undefined ? (min > 1 ? `${min}–${max} ${u}` : `Up to ${max} ${u}`) : min > 1 ? `At least ${min} ${u}` : "",
    range: (a, b) => `Whole number from ${a} to ${b}`,
    allowed: (l) => `One of: ${l}`,
    alsoAccepted: (l) => `Also accepted: ${l}`,
    unique: "No repeats",
    nonEmpty: "If given, at least one",
    itemHint: (label, text) => `${label}: ${text}`,
    joiner: "; ",
    yes: "true",
    no: "false",
    footer: "Plain JS and CSS; user input is only ever shown as text.",
  },
  zh: {
    title: "创建镜像",
    tagline: "每个字段都在浏览器中由 createimage 包（WebAssembly）实时校验。",
    cloud: "云厂商",
    openstackNote: "按文档",
    novaNote: "上游 Nova",
    language: "语言",
    modes: "输入方式",
    modeForm: "表单",
    modePaste: "粘贴 JSON",
    notSet: "— 未设置 —",
    notInList: "（不在可选值中）",
    add: "添加",
    addTag: "添加标签",
    addSpec: "添加标签组",
    addEntry: "添加条目",
    remove: "删除",
    submit: "检查请求",
    example: "填入示例",
    clear: "清空",
    summary: "问题",
    summaryIdle: "输入时逐个字段校验；点击“检查请求”校验整个请求（含预检规则）。",
    summaryOk: "未发现问题：请求可以发送。",
    summaryOkTouched: "已填写的字段没有问题。",
    count: (e, w) => `${e} 个错误，${w} 个警告`,
    wholeRequest: "整个请求",
    context: "预检上下文",
    contextIntro: "控制台已知的资源状态。createimage 包用它（options.context）报告云厂商的预检错误。",
    contextClear: "清空上下文",
    commaList: "以逗号分隔",
    pairList: "快照ID:用途，以逗号分隔",
    normalized: "规范化后的请求",
    changes: "规范化所做的修改",
    http: "HTTP 请求",
    copy: "复制",
    valid: "有效",
    errors: (n) => `${n} 个错误`,
    copied: "已复制",
    copyFailed: "复制失败",
    useInForm: "填回表单",
    noChanges: "无修改：请求已是规范形式。",
    httpBlocked: (n) => `未生成：请求有 ${n} 个错误。`,
    unsigned: "未签名：签名头由 SDK 添加。",
    pasteLabel: "请求 JSON",
    pasteHint: "粘贴完整的 CreateImage 请求，将作为一个请求校验并填入表单。",
    pasteButton: "检查并填入表单",
    pasteBad: (m) => `不是合法的 JSON（浏览器的说明：${m}）。`,
    pasteBadAt: (why, line, col) => `不是合法的 JSON：第 ${line} 行第 ${col} 列${JSON_WHY[why] ? "，" + JSON_WHY[why] : "有误"}。`,
    pasteKept: (nums) =>
      "未填入表单：JavaScript 对这段文本的读取与原文不同" +
      (nums.length ? `（${nums.join("，")}）` : "") +
      "，createimage 对两者的判断也不同。表单和右侧面板仍是之前的请求。以下是按原文检查的结果；请在此修改（过长的数字可以写成字符串）。",
    pasteChecked: (e, w) => `已检查：${e} 个错误，${w} 个警告。`,
    pasteNotObject: "请求必须是 JSON 对象；未填入表单。",
    pasteDone: (e, w) => `已检查：${e} 个错误，${w} 个警告。问题显示在对应字段旁。`,
    otherFields: "请求中的其他字段",
    otherFieldsHint: "表单不认识的字段（来自粘贴的 JSON），将原样发送并校验。",
    suggestion: "建议：",
    apply: "应用",
    dupKey: (n) => `该键与第 ${n} 条重复；JSON 对象只能保留其中一个。`,
    notList: "请求中此处不是列表：",
    key: "键",
    value: "值",
    loading: "正在加载 createimage 包…",
    ready: (total, own) => `createimage 已就绪：页面开始加载后 ${total} 毫秒（其中加载并启动包用时 ${own} 毫秒）`,
    loadFailed: (m) => `无法加载 createimage 包（${m}）。请用以下命令构建并启动控制台：bash scripts/serve.sh`,
    required: "必填",
    unit: { chars: "个字符", bytes: "字节（UTF-8）" },
    unitShort: { chars: "", bytes: " 字节" },
    counterTitle: { chars: "字符数（Unicode 标量值）", bytes: "UTF-8 字节数" },
    len: (min, max, u) =>
      max !== undefined ? (min > 1 ? `${min}–${max} ${u}` : `最多 ${max} ${u}`) : min > 1 ? `至少 ${min} ${u}` : "",
    range: (a, b) => `${a} 到 ${b} 之间的整数`,
    allowed: (l) => `可选：${l}`,
    alsoAccepted: (l) => `也接受：${l}`,
    unique: "不能重复",
    nonEmpty: "如填写，至少一项",
    itemHint: (label, text) => `${label}：${text}`,
    joiner: "；",
    yes: "true",
    no: "false",
    footer: "纯 JS 与 CSS；用户输入只以文本显示。",
  },
};

export function strings(lang) {
  return S[lang] || S.en;
}

/** Length in the descriptor's unit: chars = Unicode scalar values, bytes = UTF-8 bytes. */
const encoder = new TextEncoder();
export function measure(text, unit) {
  if (unit === "bytes") return encoder.encode(text).length;
  let n = 0;
  for (const _ of text) n++; // iterates code points, as [...text].length does, without the array
  return n;
}

/** The hint line of a descriptor, in the page's language, from describe() data only. */
export function hintOf(d, lang) {
  const t = strings(lang);
  const parts = [];
  if (d.format) parts.push(d.format[lang] || d.format.en);
  if (d.charset) parts.push(d.charset[lang] || d.charset.en);
  if (d.length) {
    const s = t.len(d.length.min, d.length.max, t.unit[d.length.unit] || d.length.unit);
    if (s) parts.push(s);
  }
  if (d.range) parts.push(t.range(d.range.min, d.range.max));
  if (d.alsoAccepted && d.alsoAccepted.length) parts.push(t.alsoAccepted(d.alsoAccepted.join(", ")));
  if (d.item && d.item.length) {
    const s = t.len(d.item.length.min, d.item.length.max, t.unit[d.item.length.unit] || d.item.length.unit);
    if (s) parts.push(s);
  }
  if (d.unique) parts.push(t.unique);
  if (d.nonEmpty) parts.push(t.nonEmpty);
  return parts.join(t.joiner);
}
