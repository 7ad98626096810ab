// React + TanStack Form: a Tencent Cloud "Create image" form checked by createimage through
// Standard Schema, the schema given to the form's validators directly. TanStack Form puts each
// issue on the field at its path; nothing here maps paths or messages.
//
// The schema sits in the *async* slot (`onDynamicAsync`): TanStack Form refuses a Promise from a
// synchronous validator, and createimage's main entry answers with a Promise until its
// WebAssembly module has loaded (synchronously from then on).
import { StrictMode, useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { revalidateLogic, useForm } from "@tanstack/react-form";
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

type Meta = { errors: ReadonlyArray<{ message: string } | null | undefined> };
const firstError = (meta: Meta) => meta.errors.find((e) => e)?.message ?? "";

function CreateImageForm() {
  const [lang, setLang] = useState<Lang>(browserLang);
  const t = TEXT[lang];
  const schema = useMemo(() => standardSchema("tencent", { lang }), [lang]);
  const [sent, setSent] = useState<TencentRequest | null>(null);
  const form = useForm({
    defaultValues,
    // Validate on submit, then on every change (as react-hook-form does by default).
    validationLogic: revalidateLogic(),
    validators: { onDynamicAsync: schema },
    onSubmit: ({ value }) => setSent(value),
  });

  // A new language: show the messages again in it.
  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    if (form.state.submissionAttempts > 0) void form.validate("change");
  }, [lang]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <main>
      <header>
        <div>
          <h1>{t.title}</h1>
          <p>{t.provider} · React + TanStack Form</p>
        </div>
        <div className="langs">
          <button type="button" aria-pressed={lang === "en"} onClick={() => setLang("en")}>English</button>{" "}
          <button type="button" aria-pressed={lang === "zh"} onClick={() => setLang("zh")}>中文</button>
        </div>
      </header>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setSent(null);
          void form.handleSubmit();
        }}
      >
        <form.Field name="ImageName">
          {(field) => (
            <div className="field">
              <label htmlFor="ImageName">{t.imageName}</label>
              <input id="ImageName" name={field.name} value={field.state.value} onBlur={field.handleBlur} onChange={(e) => field.handleChange(e.target.value)} aria-invalid={!field.state.meta.isValid} aria-describedby="ImageName-error" />
              <p className="error" id="ImageName-error" role="alert">{firstError(field.state.meta)}</p>
            </div>
          )}
        </form.Field>
        <form.Field name="ImageDescription">
          {(field) => (
            <div className="field">
              <label htmlFor="ImageDescription">{t.imageDescription}</label>
              <textarea id="ImageDescription" rows={2} name={field.name} value={field.state.value ?? ""} onBlur={field.handleBlur} onChange={(e) => field.handleChange(e.target.value)} aria-invalid={!field.state.meta.isValid} aria-describedby="ImageDescription-error" />
              <p className="error" id="ImageDescription-error" role="alert">{firstError(field.state.meta)}</p>
            </div>
          )}
        </form.Field>

        <fieldset>
          <legend>{t.source}</legend>
          <form.Field name="InstanceId">
            {(field) => (
              <div className="field">
                <label htmlFor="InstanceId">{t.instanceId}</label>
                <input id="InstanceId" name={field.name} value={field.state.value ?? ""} onBlur={field.handleBlur} onChange={(e) => field.handleChange(e.target.value)} aria-invalid={!field.state.meta.isValid} aria-describedby="InstanceId-error" />
                <p className="error" id="InstanceId-error" role="alert">{firstError(field.state.meta)}</p>
              </div>
            )}
          </form.Field>
          <form.Field name="DataDiskIds" mode="array">
            {(list) => (
              <div className="field">
                <span className="label">{t.dataDiskIds}</span>
                {(list.state.value ?? []).map((_, i) => (
                  <form.Field key={i} name={`DataDiskIds[${i}]`}>
                    {(field) => (
                      <div className="row">
                        <div>
                          <input id={`DataDiskIds.${i}`} aria-label={`${t.dataDiskIds} ${i + 1}`} value={field.state.value} onBlur={field.handleBlur} onChange={(e) => field.handleChange(e.target.value)} aria-invalid={!field.state.meta.isValid} aria-describedby={`DataDiskIds.${i}-error`} />
                          <p className="error" id={`DataDiskIds.${i}-error`} role="alert">{firstError(field.state.meta)}</p>
                        </div>
                        <button type="button" id={`remove-DataDiskIds.${i}`} onClick={() => list.removeValue(i)}>{t.remove}</button>
                      </div>
                    )}
                  </form.Field>
                ))}
                <button type="button" id="add-DataDiskIds" onClick={() => list.pushValue("")}>{t.addDataDisk}</button>
                <p className="error" id="DataDiskIds-error" role="alert">{firstError(list.state.meta)}</p>
              </div>
            )}
          </form.Field>
          <p className="or">— {t.or} —</p>
          <form.Field name="SnapshotIds" mode="array">
            {(list) => (
              <div className="field">
                <span className="label">{t.snapshotIds}</span>
                {(list.state.value ?? []).map((_, i) => (
                  <form.Field key={i} name={`SnapshotIds[${i}]`}>
                    {(field) => (
                      <div className="row">
                        <div>
                          <input id={`SnapshotIds.${i}`} aria-label={`${t.snapshotIds} ${i + 1}`} value={field.state.value} onBlur={field.handleBlur} onChange={(e) => field.handleChange(e.target.value)} aria-invalid={!field.state.meta.isValid} aria-describedby={`SnapshotIds.${i}-error`} />
                          <p className="error" id={`SnapshotIds.${i}-error`} role="alert">{firstError(field.state.meta)}</p>
                        </div>
                        <button type="button" id={`remove-SnapshotIds.${i}`} onClick={() => list.removeValue(i)}>{t.remove}</button>
                      </div>
                    )}
                  </form.Field>
                ))}
                <button type="button" id="add-SnapshotIds" onClick={() => list.pushValue("")}>{t.addSnapshot}</button>
                <p className="error" id="SnapshotIds-error" role="alert">{firstError(list.state.meta)}</p>
              </div>
            )}
          </form.Field>
        </fieldset>

        <fieldset>
          <legend>{t.tags}</legend>
          <form.Field name="TagSpecification[0].Tags" mode="array">
            {(list) => (
              <>
                {(list.state.value ?? []).map((_, i) => (
                  <div className="row" key={i}>
                    <form.Field name={`TagSpecification[0].Tags[${i}].Key`}>
                      {(field) => (
                        <div>
                          <input id={`TagSpecification.0.Tags.${i}.Key`} placeholder={t.tagKey} aria-label={`${t.tagKey} ${i + 1}`} value={field.state.value} onBlur={field.handleBlur} onChange={(e) => field.handleChange(e.target.value)} aria-invalid={!field.state.meta.isValid} aria-describedby={`TagSpecification.0.Tags.${i}.Key-error`} />
                          <p className="error" id={`TagSpecification.0.Tags.${i}.Key-error`} role="alert">{firstError(field.state.meta)}</p>
                        </div>
                      )}
                    </form.Field>
                    <form.Field name={`TagSpecification[0].Tags[${i}].Value`}>
                      {(field) => (
                        <div>
                          <input id={`TagSpecification.0.Tags.${i}.Value`} placeholder={t.tagValue} aria-label={`${t.tagValue} ${i + 1}`} value={field.state.value} onBlur={field.handleBlur} onChange={(e) => field.handleChange(e.target.value)} aria-invalid={!field.state.meta.isValid} aria-describedby={`TagSpecification.0.Tags.${i}.Value-error`} />
                          <p className="error" id={`TagSpecification.0.Tags.${i}.Value-error`} role="alert">{firstError(field.state.meta)}</p>
                        </div>
                      )}
                    </form.Field>
                    <button type="button" id={`remove-TagSpecification.0.Tags.${i}`} onClick={() => list.removeValue(i)}>{t.remove}</button>
                  </div>
                ))}
                <button type="button" id="add-tag" onClick={() => list.pushValue({ Key: "", Value: "" })}>{t.addTag}</button>
                <p className="error" id="TagSpecification-error" role="alert">{firstError(list.state.meta)}</p>
              </>
            )}
          </form.Field>
        </fieldset>

        {/* Issues about the whole request (no path) are form-level errors. */}
        <form.Subscribe selector={(s) => s.errorMap.onDynamic}>
          {(formErrors) => <p className="error" id="form-error" role="alert">{formErrors?.[""]?.[0]?.message ?? ""}</p>}
        </form.Subscribe>
        <button type="submit">{t.submit}</button>
        {sent && <p className="ok" id="result">{t.valid}</p>}
      </form>
      <h2 className="label">{t.request}</h2>
      <form.Subscribe selector={(s) => s.values}>{(values) => <pre id="request">{JSON.stringify(values, null, 1)}</pre>}</form.Subscribe>
    </main>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <CreateImageForm />
  </StrictMode>,
);
