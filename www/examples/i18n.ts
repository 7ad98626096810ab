// The console's own words (labels, buttons) in English and Chinese, shared by the three examples.
// The messages under the inputs are not here: they come from createimage (`lang` option).
export type Lang = "en" | "zh";

/** The first language: the browser's (`navigator.language`, a BCP 47 tag), Chinese for any `zh-*`. */
export function browserLang(): Lang {
  return /^zh(-|$)/i.test(navigator.language) ? "zh" : "en";
}

export const TEXT = {
  en: {
    title: "Create image",
    provider: "Tencent Cloud CVM",
    imageName: "Image name",
    imageDescription: "Image description",
    source: "Source: an instance, or system and data disk snapshots",
    instanceId: "Instance ID",
    dataDiskIds: "Data disk IDs",
    addDataDisk: "Add data disk",
    or: "or",
    snapshotIds: "Snapshot IDs",
    addSnapshot: "Add snapshot",
    tags: "Tags",
    tagKey: "Tag key",
    tagValue: "Tag value",
    addTag: "Add tag",
    remove: "Remove",
    submit: "Create image",
    valid: "The request is valid.",
    request: "Request",
  },
  zh: {
    title: "创建镜像",
    provider: "腾讯云 CVM",
    imageName: "镜像名称",
    imageDescription: "镜像描述",
    source: "来源：实例，或系统盘和数据盘快照",
    instanceId: "实例 ID",
    dataDiskIds: "数据盘 ID",
    addDataDisk: "添加数据盘",
    or: "或",
    snapshotIds: "快照 ID",
    addSnapshot: "添加快照",
    tags: "标签",
    tagKey: "标签键",
    tagValue: "标签值",
    addTag: "添加标签",
    remove: "删除",
    submit: "创建镜像",
    valid: "请求有效。",
    request: "请求",
  },
} as const;
