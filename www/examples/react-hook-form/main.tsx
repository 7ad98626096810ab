// React + react-hook-form: a Tencent Cloud "Create image" form checked by createimage through
// Standard Schema (`standardSchemaResolver` from @hookform/resolvers). Every message under an input
// is the package's own, at the path the package gives; nothing here maps paths or messages.
import { StrictMode, useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { useFieldArray, useForm } from "react-hook-form";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { standardSchema, type TencentRequest } from "createimage";
import { browserLang, TEXT, type Lang } from "../i18n";
import "../style.css";

const defaultValues: TencentRequest = {
  ImageName: "",
  ImageDescription: "",
  InstanceId: "",
  DataDiskIds: [],
  SnapshotIds: [],
  TagSpecification: [{ ResourceType: "image", Tags: [] }],
};

function CreateImageForm() {
  const [lang, setLang] = useState<Lang>(browserLang);
  const t = TEXT[lang];
  // The one line that ties the form to the rules: the schema in the chosen language.
  const schema = useMemo(() => standardSchema("tencent", { lang }), [lang]);
  const { register, control, handleSubmit, setValue, watch, trigger, formState } = useForm<TencentRequest>({
    resolver: standardSchemaResolver(schema),
    defaultValues,
  });
  const { errors, isSubmitted } = formState;
  const tags = useFieldArray({ control, name: "TagSpecification.0.Tags" });
  const [sent, setSent] = useState<TencentRequest | null>(null);
  const values = watch();
  const dataDisks = values.DataDiskIds ?? [];
  // Cross-field rules (one of InstanceId and SnapshotIds; DataDiskIds needs InstanceId): a change
  // checks the fields it affects again (`deps`, `shouldValidate`), once the form was submitted.
  const again = { shouldValidate: isSubmitted };
  const snapshots = values.SnapshotIds ?? [];

  // A new language: show the messages again in it.
  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    if (isSubmitted) void trigger();
  }, [lang]); // eslint-disable-line react-hooks/exhaustive-deps

  const tagErrors = errors.TagSpecification?.[0]?.Tags;
  return (
    <main>
      <header>
        <div>
          <h1>{t.title}</h1>
          <p>{t.provider} · React + react-hook-form</p>
        </div>
        <div className="langs">
          <button type="button" aria-pressed={lang === "en"} onClick={() => setLang("en")}>English</button>{" "}
          <button type="button" aria-pressed={lang === "zh"} onClick={() => setLang("zh")}>中文</button>
        </div>
      </header>
      <form noValidate onSubmit={handleSubmit((request) => setSent(request), () => setSent(null))}>
        <div className="field">
          <label htmlFor="ImageName">{t.imageName}</label>
          <input id="ImageName" {...register("ImageName")} aria-invalid={!!errors.ImageName} aria-describedby="ImageName-error" />
          <p className="error" id="ImageName-error" role="alert">{errors.ImageName?.message}</p>
        </div>
        <div className="field">
          <label htmlFor="ImageDescription">{t.imageDescription}</label>
          <textarea id="ImageDescription" rows={2} {...register("ImageDescription")} aria-invalid={!!errors.ImageDescription} aria-describedby="ImageDescription-error" />
          <p className="error" id="ImageDescription-error" role="alert">{errors.ImageDescription?.message}</p>
        </div>

        <fieldset>
          <legend>{t.source}</legend>
          <div className="field">
            <label htmlFor="InstanceId">{t.instanceId}</label>
            <input id="InstanceId" {...register("InstanceId", { deps: ["SnapshotIds", "DataDiskIds"] })} aria-invalid={!!errors.InstanceId} aria-describedby="InstanceId-error" />
            <p className="error" id="InstanceId-error" role="alert">{errors.InstanceId?.message}</p>
          </div>
          <div className="field">
            <span className="label">{t.dataDiskIds}</span>
            {dataDisks.map((_, i) => (
              <div className="row" key={i}>
                <div>
                  <input id={`DataDiskIds.${i}`} aria-label={`${t.dataDiskIds} ${i + 1}`} {...register(`DataDiskIds.${i}`, { deps: ["DataDiskIds", "InstanceId"] })} aria-invalid={!!errors.DataDiskIds?.[i]} aria-describedby={`DataDiskIds.${i}-error`} />
                  <p className="error" id={`DataDiskIds.${i}-error`} role="alert">{errors.DataDiskIds?.[i]?.message}</p>
                </div>
                <button type="button" id={`remove-DataDiskIds.${i}`} onClick={() => setValue("DataDiskIds", dataDisks.filter((_, k) => k !== i), again)}>{t.remove}</button>
              </div>
            ))}
            <button type="button" id="add-DataDiskIds" onClick={() => setValue("DataDiskIds", [...dataDisks, ""], again)}>{t.addDataDisk}</button>
            <p className="error" id="DataDiskIds-error" role="alert">{errors.DataDiskIds?.root?.message ?? errors.DataDiskIds?.message}</p>
          </div>
          <p className="or">— {t.or} —</p>
          <div className="field">
            <span className="label">{t.snapshotIds}</span>
            {snapshots.map((_, i) => (
              <div className="row" key={i}>
                <div>
                  <input id={`SnapshotIds.${i}`} aria-label={`${t.snapshotIds} ${i + 1}`} {...register(`SnapshotIds.${i}`, { deps: ["SnapshotIds", "InstanceId"] })} aria-invalid={!!errors.SnapshotIds?.[i]} aria-describedby={`SnapshotIds.${i}-error`} />
                  <p className="error" id={`SnapshotIds.${i}-error`} role="alert">{errors.SnapshotIds?.[i]?.message}</p>
                </div>
                <button type="button" id={`remove-SnapshotIds.${i}`} onClick={() => setValue("SnapshotIds", snapshots.filter((_, k) => k !== i), again)}>{t.remove}</button>
              </div>
            ))}
            <button type="button" id="add-SnapshotIds" onClick={() => setValue("SnapshotIds", [...snapshots, ""], again)}>{t.addSnapshot}</button>
            <p className="error" id="SnapshotIds-error" role="alert">{errors.SnapshotIds?.root?.message ?? errors.SnapshotIds?.message}</p>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t.tags}</legend>
          {tags.fields.map((tag, i) => (
            <div className="row" key={tag.id}>
              <div>
                <input id={`TagSpecification.0.Tags.${i}.Key`} placeholder={t.tagKey} aria-label={`${t.tagKey} ${i + 1}`} {...register(`TagSpecification.0.Tags.${i}.Key`)} aria-invalid={!!tagErrors?.[i]?.Key} aria-describedby={`TagSpecification.0.Tags.${i}.Key-error`} />
                <p className="error" id={`TagSpecification.0.Tags.${i}.Key-error`} role="alert">{tagErrors?.[i]?.Key?.message}</p>
              </div>
              <div>
                <input id={`TagSpecification.0.Tags.${i}.Value`} placeholder={t.tagValue} aria-label={`${t.tagValue} ${i + 1}`} {...register(`TagSpecification.0.Tags.${i}.Value`)} aria-invalid={!!tagErrors?.[i]?.Value} aria-describedby={`TagSpecification.0.Tags.${i}.Value-error`} />
                <p className="error" id={`TagSpecification.0.Tags.${i}.Value-error`} role="alert">{tagErrors?.[i]?.Value?.message}</p>
              </div>
              <button type="button" id={`remove-TagSpecification.0.Tags.${i}`} onClick={() => tags.remove(i)}>{t.remove}</button>
            </div>
          ))}
          <button type="button" id="add-tag" onClick={() => tags.append({ Key: "", Value: "" })}>{t.addTag}</button>
          <p className="error" id="TagSpecification-error" role="alert">{tagErrors?.root?.message ?? tagErrors?.message}</p>
        </fieldset>

        <p className="error" id="form-error" role="alert">{errors.root?.message}</p>
        <button type="submit">{t.submit}</button>
        {sent && <p className="ok" id="result">{t.valid}</p>}
      </form>
      <h2 className="label">{t.request}</h2>
      <pre id="request">{JSON.stringify(values, null, 1)}</pre>
    </main>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <CreateImageForm />
  </StrictMode>,
);
