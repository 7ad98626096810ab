// Type definitions for createimage 0.1.0, written by hand to match the reports of the Rust core
// (docs/rules.md). No `any`: values the caller controls are `unknown`.
//
// Design: every function takes the request as `unknown`, because a console passes whatever the
// user typed so far and the functions never throw on bad input (that is what the report is for).
// The request types below (`ZenlayerRequest`, `TencentRequest`, `OpenStackRequest`,
// `HuaweiRequest`, `RequestFor<P>`) are for code that builds requests: annotate the object with
// them (`const r: TencentRequest = {...}` or `{...} satisfies RequestFor<"tencent">`) to get
// the compiler's help, then pass it in. The provider id is checked strictly: it is a `Provider`.

// ----- providers and options ---------------------------------------------------------------

/** The provider ids. `openstack` is the seed page's reading of the Nova API, `nova` upstream Nova's schema. */
export type Provider = "zenlayer" | "tencent" | "openstack" | "nova" | "huawei";

/** The language of messages. */
export type Lang = "en" | "zh";

/**
 * A language for the `lang` option: any BCP 47 tag (`navigator.language` fits). Every `zh` tag
 * (`zh`, `zh-CN`, `zh-Hans-CN`, `zh-TW`, ...) gives Chinese (Simplified), any other tag English.
 */
export type LangTag = Lang | "zh-CN" | "zh-Hans" | "zh-Hans-CN" | "en-US" | (string & {});

/**
 * The console's own labels for the messages: JSON pointer -> label (`{ "/ImageName": "名称" }`).
 * A segment `*` stands for any one segment (`"/TagSpecification/*\/Tags/*\/Key"`); `*key` for an
 * OpenStack metadata key (as `describe` writes it; the entry's own pointer names its value); a
 * part of a Huawei `key.value` tag is labelled at `/tags/*\/key` and `/tags/*\/value`. A label
 * given for an exact pointer is the whole name; one matched through `*` keeps the position
 * ("第 2 个标签的" + label). The fewest `*` wins; between as many, the one naming the first segment
 * where they differ exactly (whatever the order of the keys). Fields without a label of the
 * console are named by `describe`'s labels.
 */
export type Labels = Readonly<Record<string, string>>;

/** What a console knows about Zenlayer resources; each field turns documented provider errors into pre-flight issues. `null` means "not known". */
export interface ZenlayerContext {
  /** The instance's zone; zones where imaging is unsupported give `not_supported`. */
  zone?: string | null | undefined;
  /** `false`: `not_found` at `/instanceId`. */
  instanceExists?: boolean | null | undefined;
  /** Anything but `STOPPED` (case-insensitive) gives `bad_state`. */
  instanceState?: string | null | undefined;
  /** Images already in the zone; `imageQuota` or more gives `quota_exceeded` (an error); without `imageQuota`, 5 or more (the page's default quota, which Zenlayer Support can raise) gives it as a warning. */
  imagesInZone?: number | null | undefined;
  /** The account's image quota per zone (the page's default: 5); a negative one is unlimited. */
  imageQuota?: number | null | undefined;
  /** `MAKING_IMAGE` or `UNAVAILABLE` gives `bad_state`. */
  systemDiskStatus?: string | null | undefined;
}

/**
 * What a console knows about Tencent Cloud resources. The instance's facts (`instance*`, `localDiskIds`,
 * `swapDiskIds`) are not about a request from snapshots (`SnapshotIds` given, `InstanceId` not).
 */
export interface TencentContext {
  /** `false`: `not_found` at `/InstanceId`. */
  instanceExists?: boolean | null | undefined;
  /** DescribeInstances' `InstanceState` (case-insensitive): `REBOOTING`, `STOPPING`, `TERMINATING`, `STARTING`, `ENTER_RESCUE_MODE`, `RESCUE_MODE`, `EXIT_RESCUE_MODE`, `ENTER_SERVICE_LIVE_MIGRATE` and `SERVICE_LIVE_MIGRATE` give `bad_state`, each with its documented `UnsupportedOperation.InstanceState…` code; any other state (`RUNNING`, `STOPPED`, but also `PENDING`, `LAUNCH_FAILED`, `SHUTDOWN`: no CreateImage error is documented for them) gives nothing. */
  instanceState?: string | null | undefined;
  /** DescribeInstances' `LatestOperationState`: `OPERATING` gives `bad_state` (OperationDenied.InstanceOperationInProgress). */
  instanceLatestOperationState?: string | null | undefined;
  /** The instance's system disk: naming it in DataDiskIds gives `not_supported`. */
  instanceSystemDiskId?: string | null | undefined;
  /** The instance's data disks: another id in DataDiskIds gives `not_found`. */
  instanceDataDiskIds?: readonly string[] | null | undefined;
  /** Local disks: naming one in DataDiskIds gives `not_supported`. */
  localDiskIds?: readonly string[] | null | undefined;
  /** Swap disks: naming one in DataDiskIds gives `not_supported` (InvalidParameter.SwapDiskNotSupport). */
  swapDiskIds?: readonly string[] | null | undefined;
  /** Snapshot id -> disk usage (`SYSTEM_DISK`, `DATA_DISK`): unknown ids give `not_found`; exactly one system disk snapshot is required. */
  snapshotDiskUsage?: Readonly<Record<string, string>> | null | undefined;
  /** Image names already taken: `already_exists` at `/ImageName`. */
  existingImageNames?: readonly string[] | null | undefined;
  /** 0 or less: `quota_exceeded`. */
  imageQuotaRemaining?: number | null | undefined;
  /** Tag keys that exist: other keys give `not_found`. */
  existingTagKeys?: readonly string[] | null | undefined;
}

/** What a console knows about an OpenStack server (`openstack`; `nova` adds the microversion). */
export interface OpenStackContext {
  /** `false`: `not_found` at `/server_id` (404). */
  serverExists?: boolean | null | undefined;
  /** `false`: `not_found` at `/project_id` (404). */
  projectExists?: boolean | null | undefined;
  /** The server's vm_state: states that refuse createImage give `bad_state` (409). */
  vmState?: string | null | undefined;
  /** The server's task_state: any task (a string) gives `bad_state` (409). */
  taskState?: string | null | undefined;
  /** The project of the token: another project_id gives `mismatch` at `/project_id`. */
  tokenProjectId?: string | null | undefined;
  /** The metadata quota: more metadata items give `too_many` (403). */
  metadataQuota?: number | null | undefined;
  /** `false`: `not_supported` (snapshots disabled). */
  snapshotsEnabled?: boolean | null | undefined;
}

/** What a console knows about a server of upstream Nova (`nova`): OpenStack's, and the microversion. */
export interface NovaContext extends OpenStackContext {
  /** The compute API microversion, e.g. `"2.45"` (2.1 or later, or `"latest"`; another value is a context warning and not used); from 2.39 on the metadata quota no longer applies. `openstack` (the `/v2` endpoint) has no microversion: there it is an `unknown_field` warning. */
  microversion?: string | null | undefined;
}

/** What a console knows about Huawei Cloud resources. */
export interface HuaweiContext {
  /** The OBS bucket's storage class: anything but `STANDARD` gives `bad_state` at `/image_url`. */
  bucketStorageClass?: string | null | undefined;
  /** `false`: `not_found` at `/image_url` (IMG.0057). */
  imageFileExists?: boolean | null | undefined;
  /** The OBS bucket's region: unlike `region`, `mismatch` at `/image_url` (IMG.0058). */
  bucketRegion?: string | null | undefined;
  /** The region the request goes to (compared with `bucketRegion`). */
  region?: string | null | undefined;
}

/** The context type of each provider. Fields it does not read give `unknown_field` warnings at `""`. */
export interface ContextMap {
  zenlayer: ZenlayerContext;
  tencent: TencentContext;
  openstack: OpenStackContext;
  nova: NovaContext;
  huawei: HuaweiContext;
}
export type ContextFor<P extends Provider> = ContextMap[P];

/** Options of `validate`, `normalize` and `toHttp`. */
export interface Options<P extends Provider = Provider> {
  /** Message language, a BCP 47 tag (`{ lang: navigator.language }`); default English. */
  lang?: LangTag | undefined;
  /** The console's own labels, for the messages (see `Labels`). */
  labels?: Labels | undefined;
  /**
   * Read what an empty form control gives as an absent field: `""`, `[]` and `null` in an
   * optional field (so in the alternative the user did not pick: Tencent's `SnapshotIds: []` beside
   * an `InstanceId`) are not checked and not "given" for the cross-field rules; `null` in a required
   * field is `required`. A required field left `""`/`[]` is still checked (`empty`), and so is a
   * blank row of a list (its key is `empty`: the request as given would be refused), but for a
   * Huawei `image_tags` row `{key: "", value: ""}`: both its members are optional, so it is a tag
   * without them (a `required` warning at its key) and `toHttp` sends it as `{}`. `toHttp`
   * leaves such fields out of the body. Default `false` (`standardSchema`: `true`); only `true`
   * turns it on (`1`, `"true"` and other values are `false`).
   */
  emptyAsAbsent?: boolean | undefined;
  /** What the console knows (instance state, quotas, ...). `null`/absent: no pre-flight checks. */
  context?: ContextFor<P> | null | undefined;
}

/** Options of `checkField`: one field is checked without the rest of the request, so no context. */
export interface FieldOptions {
  lang?: LangTag | undefined;
  labels?: Labels | undefined;
  emptyAsAbsent?: boolean | undefined;
}

// ----- requests (for callers who build them) -------------------------------------------------

/** Zenlayer Cloud `CreateImage`. */
export interface ZenlayerRequest {
  instanceId: string;
  /** 1..24 chars: Han characters, `A-Z a-z 0-9 - _`; below 2 or above 24 bytes of UTF-8: a warning (Terraform). */
  imageName: string;
  /** 0..255 chars, or 256 within 256 bytes of UTF-8 (Terraform's limit); above 255 chars (the page), below 2 or above 256 bytes (Terraform): a warning. */
  imageDescription?: string;
}

export type TencentBooleanString = "true" | "false" | "TRUE" | "FALSE";

export interface TencentTag {
  /** 1..255 chars, unique within one `Tags`; above 127 (the Tag page) a warning. */
  Key: string;
  /** 0..255 chars; empty or above 127 a warning. */
  Value: string;
}

export interface TencentTagSpecification {
  /** `image`; the SDK's other types (`instance`, `host`, `keypair`, `ps`, `hpc`) are a warning. */
  ResourceType: "image" | "instance" | "host" | "keypair" | "ps" | "hpc";
  /** At most 50 tags in all the tag sets of type `image` (the Tag page: 50 per resource). */
  Tags: TencentTag[];
}

/** Tencent Cloud CVM `CreateImage` (API 2017-03-12). Exactly one of `InstanceId` and `SnapshotIds`. */
export interface TencentRequest {
  Action?: "CreateImage";
  Version?: "2017-03-12";
  /** Optional for `validate`; sent as the `X-TC-Region` header by `toHttp`, which warns without it (the current page requires it; a 2024 copy does not). */
  Region?: string;
  /** 1..60 chars. */
  ImageName: string;
  InstanceId?: string;
  /** 0..256 chars. */
  ImageDescription?: string;
  ForcePoweroff?: TencentBooleanString;
  Sysprep?: TencentBooleanString;
  /** Needs `InstanceId`; unique ids. */
  DataDiskIds?: string[];
  /** Non-empty; unique ids. */
  SnapshotIds?: string[];
  DryRun?: boolean;
  TagSpecification?: TencentTagSpecification[];
  ImageFamily?: string;
  /** The flattened form of `DataDiskIds` (`DataDiskIds.0`, `DataDiskIds.1`, ...), as the query API spells it. */
  [flattened: `DataDiskIds.${number}`]: string;
  /** The flattened form of `SnapshotIds`. */
  [flattened: `SnapshotIds.${number}`]: string;
}

/** The `createImage` server action of OpenStack Nova, with the URL parts and the token. Used by both `openstack` and `nova`. */
export interface OpenStackRequest {
  /** 32 hexadecimal digits. */
  project_id: string;
  /** A UUID. */
  server_id: string;
  /** The Keystone token (sent as `X-Auth-Token`). */
  token: string;
  body: {
    createImage: {
      /**
       * 1..255 chars. `openstack` also accepts a JSON number written with 1..255 digits only;
       * `nova` requires a string of printable BMP characters without whitespace at either end.
       */
      name: string | number;
      /** `openstack`: keys 1..255 chars, values up to 65,535 UTF-8 bytes. `nova`: keys `[a-zA-Z0-9-_:. ]{1,255}`, values 0..255 chars. */
      metadata?: Record<string, string>;
    };
  };
}

/** A Huawei IMS tag object. */
export interface HuaweiImageTag {
  /**
   * 1..128 chars, not `= * < > \ , | /`, no space at either end; unique in the list. Optional (the
   * CreateImage page); absent is a warning (the "Image Tag Data Formats" page), as are more than 36
   * chars and characters outside `A-Z a-z 0-9 _ -` (the EU and Kuala Lumpur pages).
   */
  key?: string;
  /** 0..255 chars, not `= * < > \ , |`, no space at either end; above 43 or outside `A-Z a-z 0-9 _ . -`: a warning. */
  value?: string;
}

/** Huawei Cloud IMS: create a data disk image from an external file (`POST /v1/cloudimages/dataimages/action`). */
export interface HuaweiRequest {
  /** 1..128 chars: Han, `A-Z a-z 0-9 - . _` and space, no space at either end. */
  name: string;
  /** 0..1024 chars; no CR, LF, `<`, `>`. */
  description?: string;
  os_type?: "Windows" | "Linux";
  /** `bucket:object`. */
  image_url: string;
  /** An integer, 40..2048 (GB). */
  min_disk: number;
  cmk_id?: string;
  /** `"0"` or a UUID. */
  enterprise_project_id?: string;
  /** `"key.value"` strings; not together with `image_tags`. */
  tags?: string[];
  image_tags?: HuaweiImageTag[];
}

/** The request type of each provider id. */
export interface RequestMap {
  zenlayer: ZenlayerRequest;
  tencent: TencentRequest;
  openstack: OpenStackRequest;
  nova: OpenStackRequest;
  huawei: HuaweiRequest;
}
export type RequestFor<P extends Provider> = RequestMap[P];

// ----- the report --------------------------------------------------------------------------

/** The stable issue codes. */
export type IssueCode =
  | "required"
  | "wrong_type"
  | "empty"
  | "too_short"
  | "too_long"
  | "out_of_range"
  | "bad_char"
  | "bad_format"
  | "not_allowed"
  | "conflict"
  | "missing_one_of"
  | "requires"
  | "duplicate"
  | "unknown_field"
  | "too_many"
  | "too_deep"
  | "unreadable"
  | "not_found"
  | "bad_state"
  | "quota_exceeded"
  | "not_supported"
  | "mismatch"
  | "already_exists";

/** A warning never makes a report fail. */
export type Severity = "error" | "warning";

/** How lengths are counted: Unicode scalar values, or UTF-8 bytes. */
export type LengthUnit = "chars" | "bytes";

/** The type of a value in `wrong_type`: a JSON type, or a JS value JSON cannot carry. */
export type ValueType =
  | "null"
  | "boolean"
  | "number"
  | "string"
  | "array"
  | "object"
  | "bigint"
  | "NaN"
  | "Infinity"
  | "-Infinity"
  | "function"
  | "symbol"
  | "undefined"
  | "cycle"
  | "date"
  | "unreadable"
  | "too deep";

/** The params of each code. */
export interface IssueParamsMap {
  required: {};
  /**
   * `expected` in words: `"string"`, `"integer"`, `"object"`, `"string or number"`, ... A field of
   * the console's context (a warning at `""`) adds `field`: `"context.<name>"`, or `"context"`
   * when the context itself is not an object.
   */
  wrong_type: { expected: string; actual: ValueType } | { field: string; expected: string; actual: ValueType };
  empty: {};
  too_short: { min: number; actual: number; unit: LengthUnit };
  too_long: { max: number; actual: number; unit: LengthUnit };
  /** `actual`: a number (a safe integer, at most 2^53 - 1 either way), else the literal as written, as a string (`"2049.0"`, `"1e400"`, `"-0"`, `"9007199254740993"`). */
  out_of_range: { min: number; max: number; actual: number | string };
  /** `char` is null for a lone surrogate; `codePoint` like `"U+3042"`; `index` in chars, 0-based. */
  bad_char: { char: string | null; codePoint: string; index: number };
  /** e.g. `"uuid"`, `"hex32 or uuid"`, `"bucket:object"`, `"no leading or trailing whitespace"`, `"contiguous index"`. */
  bad_format: { format: string };
  not_allowed: { allowed: string[]; actual: string };
  /** `with`: the JSON pointer of the other field. */
  conflict: { with: string };
  /** `fields`: JSON pointers of the alternatives. */
  missing_one_of: { fields: string[] };
  /** `field`: the JSON pointer of the field that is needed. */
  requires: { field: string };
  /** `first`: the JSON pointer of the first occurrence. */
  duplicate: { value: string; first: string };
  unknown_field: { field: string };
  /** Also at `""` when a report would list more than 10,000 issues: the first 10,000 are listed, `actual` is how many were found. */
  /** A count from a console's context past 2^53 - 1 (which `JSON.parse` cannot read exactly) comes as its digits, a string. */
  too_many: { max: number | string; actual: number | string };
  too_deep: { max: number };
  /** A property of the JS value could not be read (a getter or proxy trap threw). */
  unreadable: { detail: string };
  not_found: { what: string; value: string };
  bad_state: { what: string; state: string; allowed: string[] };
  /** `{ limit, actual }` for a count over its limit, `{ remaining: 0 }` when no quota is left. */
  quota_exceeded: { limit: number | string; actual: number | string } | { remaining: 0 };
  not_supported: { what: string; value: string };
  mismatch: { what: string; expected: string; actual: string };
  already_exists: { value: string };
}

/** The params of an issue with code `C`. Huawei `key.value` tags and OpenStack/Nova metadata entries add which part is wrong. */
export type IssueParams<C extends IssueCode = IssueCode> = IssueParamsMap[C] & { part?: "key" | "value" };

/** An issue with code `C`. */
export interface IssueOf<C extends IssueCode> {
  /** JSON pointer (RFC 6901) into the request; `""` is the whole request. */
  path: string;
  code: C;
  severity: Severity;
  /** The provider's own documented error code (or HTTP status, e.g. `"400"`), where it documents one. */
  providerCode?: string;
  params: IssueParams<C>;
  /**
   * The problem in a sentence, in the requested language, naming the field by its console label
   * with its position where it helps ("Tag key of tag 2", "第 2 个标签的标签键"), never by its API path.
   */
  message: string;
  /**
   * The same without the field's name, for display under the input ("At most 60 characters",
   * "最多 60 个字符"; no full stop). An issue with `paths` names the fields it concerns (it shows under each).
   */
  shortMessage: string;
  /** A value that would pass, where one can be offered without guessing. */
  suggestion?: string;
  /**
   * Only on an issue that concerns several fields (`missing_one_of`, `conflict`, `requires`): the
   * JSON pointer of every field it concerns, in the field table's order (never `""`); a form shows
   * the issue under each. `path` is unchanged (`""` for `missing_one_of`).
   */
  paths?: string[];
}

/** One problem; `switch (issue.code)` narrows `params`. */
export type Issue = { [C in IssueCode]: IssueOf<C> }[IssueCode];

/** An issue that does not make a report fail. */
export type Warning = Issue & { severity: "warning" };

/** A report without errors: `ok` is true and every issue (if any) is a warning. */
export interface ValidReport<P extends Provider = Provider> {
  ok: true;
  provider: P;
  issues: Warning[];
}

/** A report with at least one error. */
export interface InvalidReport<P extends Provider = Provider> {
  ok: false;
  provider: P;
  /** Request order (field table order), then cross-field rules. */
  issues: Issue[];
}

/** The result of a check: `{ ok, provider, issues }`. `ok` is false iff some issue has severity `"error"`; narrow on it. */
export type Report<P extends Provider = Provider> = ValidReport<P> | InvalidReport<P>;

// ----- normalize ---------------------------------------------------------------------------

/** What a change did. */
export type ChangeCode =
  | "trim"
  | "fold_width"
  | "remove_zero_width"
  | "canonical_enum"
  | "number_from_string"
  | "flattened_to_array"
  | "remove_duplicate";

/** One change: at `path`, `from` became `to` (`to` is null for a removal). */
export interface Change {
  path: string;
  code: ChangeCode;
  from: unknown;
  to: unknown;
}

/** What `normalize` adds to the report. */
export interface Normalized {
  /** The request with the safe fixes applied (a new value; values JSON cannot carry are the caller's own). */
  normalized: unknown;
  /** In the order they were made; empty when nothing changed. Applied to the request one after another, in this order, they give `normalized`: each path is in the request as the changes before it left it (a list's repeated items are removed from the highest index down). */
  changes: Change[];
}

/** The report of the normalized request, the request itself and the changes made. */
export type NormalizeResult<P extends Provider = Provider> = Report<P> & Normalized;

// ----- toHttp ------------------------------------------------------------------------------

/** The HTTP request to send. No signature or credentials are added (except OpenStack's token, part of the request). */
export interface HttpRequest {
  method: "POST";
  /** The documented host, where the page names one (Zenlayer, Tencent). */
  host?: string;
  /** Path (and, for OpenStack, the percent-encoded project and server ids). */
  path: string;
  headers: Record<string, string>;
  /** The JSON body (the normalized request; for Tencent without Action/Version/Region, for OpenStack the `body`). */
  body: unknown;
}

/** `toHttp` for a valid request: its report (warnings only, e.g. unknown fields sent as given) and the request. */
export interface HttpOk<P extends Provider = Provider> extends ValidReport<P> {
  http: HttpRequest;
}

/** `{ ok: true, provider, issues (warnings), http }` for a valid request, else the report of the normalized request. */
export type HttpResult<P extends Provider = Provider> = HttpOk<P> | InvalidReport<P>;

// ----- describe and jsonSchema ------------------------------------------------------------

/** Text in both languages. */
export interface Localized {
  en: string;
  zh: string;
}

/** One field of a form. */
export interface FieldDescriptor {
  /** JSON pointer; `*` stands for any array index or map value, `*key` for a map key. */
  path: string;
  name: string;
  label: Localized;
  required: boolean;
  role: "name" | "id" | "description" | "other";
  /**
   * `list`: an array of objects (see `fields`), or, for Huawei's `tags` (`shape`: array of "key.value"
   * strings), of strings whose two parts `fields` describes at `<path>/key` and `<path>/value` (the
   * pointers labels use for parts; `checkField` takes the whole string, at `/tags/0`, and reports each
   * part's issues there with `params.part`). `map`: an object of strings.
   */
  type: "string" | "integer" | "boolean" | "enum" | "string[]" | "list" | "map";
  /** Strings (and `string[]` items: see `item`). */
  length?: {
    min: number;
    max?: number;
    unit: LengthUnit;
    /** A value over `max` still passes within this many bytes of UTF-8 (Zenlayer's description: 255 characters, or 256 within 256 bytes). */
    orBytes?: number;
  };
  /** The allowed characters in words. */
  charset?: Localized;
  /** No whitespace at either end. */
  noEdgeSpace?: true;
  format?: { id: string } & Localized;
  /** Nova's patterns (Python's `$`) let one final line feed through: `counted` by `length`, or `uncounted`. */
  finalLineFeed?: "counted" | "uncounted";
  /** `list`: at most this many items. */
  maxItems?: number;
  /** Tencent's `TagSpecification`: at most this many tags in all its sets of type `image` together (the Tag page's 50 per resource), so also in one such set (`checkField` on the set says so); a set of another type has no count, and a set's `Tags` no `maxItems`. */
  maxTags?: number;
  /** `integer`. */
  range?: { min: number; max: number };
  /** `enum`: the documented spellings. */
  allowed?: string[];
  /** `enum`: other values the provider accepts: other spellings of a documented one (normalize turns them into it), or values a stricter reading warns about (Tencent's `ResourceType`: see `readings`). */
  alsoAccepted?: string[];
  /** `string[]`: the rule of each item. */
  item?: { length?: { min: number; max?: number; unit: LengthUnit }; charset?: Localized; noEdgeSpace?: true; format?: { id: string } & Localized };
  /** `string[]`. */
  unique?: boolean;
  /** `string[]`. */
  nonEmpty?: boolean;
  /** `list` and `map`: the structure in words. */
  shape?: string;
  /** Issue code (or `"*"`: every code) -> the provider's error code, on the field's errors; a stricter reading's warning carries it where that reading is the provider's own (Huawei's `os_type` `Windows` warning, from another page, carries none), and a pre-flight (`context`) issue carries the code its source documents (OpenStack's metadata quota: 403, where `too_many` here says 400). */
  providerCodes?: Partial<Record<IssueCode | "*", string>>;
  /** Stricter readings of other official sources: a value breaking one gets a `warning`. */
  readings?: ReadingDescriptor[];
  /** Nested fields. */
  fields?: FieldDescriptor[];
}

/** A stricter reading of a field's rule by one official source (docs/rules.md, "Where sources disagree"). */
export interface ReadingDescriptor {
  /** The source: stable id, its name (en/zh) and where to read it (a URL, or `seed:<file>`). */
  source: { id: string; url: string } & Localized;
  length?: { min: number; max?: number; unit: LengthUnit };
  charset?: Localized;
  noEdgeSpace?: true;
  format?: { id: string } & Localized;
  finalLineFeed?: "counted" | "uncounted";
  /** A list: at most this many items. */
  maxItems?: number;
  /** The field, optional by its own rule, is given (Huawei's image tag `key`: the tag format page). */
  required?: true;
  /** `enum`: only these values (Tencent's `ResourceType`: `image`, the CreateImage page). */
  allowed?: string[];
}

/** A cross-field rule. */
export interface CrossFieldRule {
  kind: "exactly_one" | "conflict" | "requires";
  /** JSON pointers; for `requires`, the field and the field it needs. */
  fields: string[];
  providerCode?: string;
}

/** What a form needs to know about a provider's request. */
export interface Description<P extends Provider = Provider> {
  provider: P;
  name: Localized;
  fields: FieldDescriptor[];
  rules: CrossFieldRule[];
  /** How unknown fields are reported, in words (`"warning"`, `"error"`, ...). */
  unknownFields: string;
  /** The Unicode version of the character tables. */
  unicodeVersion: string;
  /** The fields `options.context` may hold for this provider. */
  context: ContextFieldDescriptor[];
}

/** One field of the console's context (`options.context`). */
export interface ContextFieldDescriptor {
  name: string;
  type: "string" | "boolean" | "integer" | "string[]" | "object" | "string|null";
  label: Localized;
}

/** A JSON Schema (draft 2020-12) document. */
export interface JsonSchema {
  $schema: "https://json-schema.org/draft/2020-12/schema";
  $id: string;
  title: string;
  type: "object";
  properties: Record<string, unknown>;
  required?: string[];
  [keyword: string]: unknown;
}

// ----- the functions -----------------------------------------------------------------------

/**
 * Settles when the WebAssembly module is ready: the browser entry starts fetching and compiling it
 * at import; in Node and in `createimage/sync` it is ready at import (already resolved). Rejects
 * with the load's Error (a Content Security Policy without 'wasm-unsafe-eval', a missing file).
 * Until then the synchronous functions throw; `standardSchema()` returns a Promise instead.
 * The browser entries' first module has no `normalize`/`toHttp`: on a page that imports either, a
 * second, full module loads from import too, and this settles when both are ready.
 */
export const ready: Promise<void>;

/**
 * Resolves when the WebAssembly module is ready (both, see `ready`). Every entry starts loading it at
 * import (its `.wasm` is inline), so this is only needed to wait, or to try again after a failed
 * load; an `input` (a URL, a `Response`, the bytes, a compiled `WebAssembly.Module` of a `.wasm`
 * made by the repository's scripts/build-wasm.sh, `pkg/wasm/createimage_bg.wasm`: not in the npm
 * package) loads the first module from there instead, if no load is under way (the inline one
 * starts at import: in practice, after a failed load). Resolves at once when already loaded.
 */
export function init(
  input?: string | URL | Request | Response | BufferSource | WebAssembly.Module | Promise<Response>,
): Promise<void>;

/**
 * Synchronous initialisation from the module's bytes or a compiled `WebAssembly.Module`. On the
 * browser entry it initialises the first module; `normalize` and `toHttp` there use their own, which
 * loads from import (await `ready` before calling them).
 */
export function initSync(input: BufferSource | WebAssembly.Module): void;

/** True once `init()` or `initSync()` has finished (and, on a browser page that uses `normalize` or `toHttp`, the full module has loaded). */
export function isReady(): boolean;

/**
 * Check a whole request: every problem at once (the first 10,000, then one `too_many` at `""`).
 * Never throws on bad input; throws only before init. At most 1,000,000 values of the request are
 * read and at most 16 MiB of JSON text made of it: past either, one `unreadable` issue at `""`
 * (nothing more is read, nothing is checked). A trap inside the module (out of memory) is not
 * thrown: the call is made again on a fresh instance, and a second trap is one `unreadable` issue
 * at `""` (every function that checks a request does the same).
 */
export function validate<P extends Provider>(provider: P, request: unknown, options?: Options<P>): Report<P>;

/** Check one field (`path` a JSON pointer such as `"/ImageName"` or `"/body/createImage/name"`) the way `validate` does, without cross-field rules. */
export function checkField<P extends Provider>(provider: P, path: string, value: unknown, options?: FieldOptions): Report<P>;

/**
 * Apply the safe fixes (trim, full-width folding, zero-width removal, enum spelling, numeric strings,
 * flattened lists, repeated ids) and check the result. Values JSON cannot carry come back as the
 * caller's own, at their place. A request that needs more than 10,000 changes is returned as given,
 * with a `too_many` warning at `""`.
 */
export function normalize<P extends Provider>(provider: P, request: unknown, options?: Options<P>): NormalizeResult<P>;

/**
 * Check a request given as JSON text (number literals checked as written). Text that is not JSON
 * (the package's internal `@` tokens included) gives a report with `wrong_type` at `""`; text over
 * 16 MiB of UTF-8 one `unreadable` issue at `""`, before it is copied into the module.
 */
export function validateText<P extends Provider>(provider: P, text: string, options?: Options<P>): Report<P>;

/** The HTTP request for a valid request (normalized first), or the report. */
export function toHttp<P extends Provider>(provider: P, request: unknown, options?: Options<P>): HttpResult<P>;

/**
 * The field descriptors a form needs (a fresh copy each call). Data from the rule tables: needs no
 * `init()`. At run time an id that is not a provider (a config value cast to `Provider`) gives `null`.
 */
export function describe<P extends Provider>(provider: P): Description<P>;

/**
 * A JSON Schema (draft 2020-12) of the provider's request. Data: needs no `init()`. At run time an
 * id that is not a provider gives `null`.
 */
export function jsonSchema(provider: Provider): JsonSchema;

/** The JSON text `validate` sends to the core for a JS value, with `@` tokens for what JSON cannot carry. Never throws. */
export function encode(value: unknown): string;

/** The provider ids. */
export const providers: readonly ["zenlayer", "tencent", "openstack", "nova", "huawei"];

// ----- Standard Schema (form libraries) ------------------------------------------------------
//
// The shapes of Standard Schema v1 and Standard JSON Schema v1 (@standard-schema/spec 1.1.0),
// written out so that the package needs no dependency: `standardSchema("tencent")` is assignable
// to `StandardSchemaV1<TencentRequest, TencentRequest>` and `StandardJSONSchemaV1<...>`.

/** Options of `standardSchema`: those of `validate`, with `emptyAsAbsent` on by default. */
export interface StandardSchemaOptions<P extends Provider = Provider> {
  /** A BCP 47 tag (`navigator.language` fits): `zh`, `zh-CN`, `zh-Hans-CN`... give Chinese, anything else English. */
  lang?: LangTag | undefined;
  /** The console's own label per field (a JSON pointer; `*` stands for any one segment: `/TagSpecification/*\/Tags/*\/Key`). */
  labels?: Labels | undefined;
  /** `""`, `[]` and `null` in an optional field or an unused alternative count as absent. Default `true` here (when absent or `undefined`; any other value but `true` is off). */
  emptyAsAbsent?: boolean | undefined;
  /** What the console knows (instance state, quotas, ...), as in `validate`. */
  context?: ContextFor<P> | null | undefined;
}

/** One problem, for display under the input at `path`. */
export interface StandardIssue {
  /** The issue's `shortMessage` (no field name), in the language of `lang`; its `message` where it concerns a part of the value at `path` (`params.part`: a Huawei `key.value` tag's key or value, a metadata entry's key or value), which names the part. */
  readonly message: string;
  /** The keys to the field, array indices as numbers (`["TagSpecification", 0, "Tags", 1, "Key"]`); absent for the whole request. */
  readonly path?: ReadonlyArray<string | number> | undefined;
}

/** `{ value }` (the request as given, not normalized) or `{ issues }` (errors only; warnings never fail). */
export type StandardResult<T> =
  | { readonly value: T; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<StandardIssue> };

/** Options of `~standard.jsonSchema.input/output`: `target` `"draft-2020-12"` or `"draft-07"` (any other throws). */
export interface StandardJsonSchemaOptions {
  readonly target: "draft-2020-12" | "draft-07" | "openapi-3.0" | (string & {});
  readonly libraryOptions?: Record<string, unknown> | undefined;
}

/** The `~standard` property of `standardSchema(provider)`. */
export interface StandardSchemaProps<Input, Output = Input> {
  readonly version: 1;
  readonly vendor: "createimage";
  /**
   * Synchronous once the module is ready; before that a Promise of the same result (the module
   * starts loading). Never throws. `libraryOptions` overrides the schema's options for this call.
   */
  readonly validate: (
    value: unknown,
    options?: { readonly libraryOptions?: Record<string, unknown> | undefined } | undefined,
  ) => StandardResult<Output> | Promise<StandardResult<Output>>;
  /** Type-level only (absent at run time). */
  readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  /** The provider's JSON Schema (`jsonSchema(provider)`), for `"draft-2020-12"` or `"draft-07"`; throws for other targets. */
  readonly jsonSchema: {
    readonly input: (options: StandardJsonSchemaOptions) => Record<string, unknown>;
    readonly output: (options: StandardJsonSchemaOptions) => Record<string, unknown>;
  };
}

/** A Standard Schema (and Standard JSON Schema) of one provider's request. */
export interface StandardSchema<Input, Output = Input> {
  readonly "~standard": StandardSchemaProps<Input, Output>;
}

/**
 * A Standard Schema v1 / Standard JSON Schema v1 object for a form library
 * (`standardSchemaResolver(standardSchema("tencent", { lang }))`). Never throws.
 */
export function standardSchema(provider: "zenlayer", options?: StandardSchemaOptions<"zenlayer">): StandardSchema<ZenlayerRequest>;
export function standardSchema(provider: "tencent", options?: StandardSchemaOptions<"tencent">): StandardSchema<TencentRequest>;
export function standardSchema(provider: "openstack", options?: StandardSchemaOptions<"openstack">): StandardSchema<OpenStackRequest>;
export function standardSchema(provider: "nova", options?: StandardSchemaOptions<"nova">): StandardSchema<OpenStackRequest>;
export function standardSchema(provider: "huawei", options?: StandardSchemaOptions<"huawei">): StandardSchema<HuaweiRequest>;
export function standardSchema<P extends Provider>(provider: P, options?: StandardSchemaOptions<P>): StandardSchema<RequestFor<P>>;
