//! Every provider code a report can carry, in one list. A [`ProviderCode`] can only be made in
//! this module, so a rule cannot report a code that is not here; `docs/rules.md` ("Provider
//! codes") names the source that documents each one for its situation, and a test holds the two
//! lists together (and proves each code is reachable from a case file).

use crate::Provider;

/// A provider's own error code (or HTTP status), exactly as its documentation writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ProviderCode(&'static str);

impl ProviderCode {
    pub const fn as_str(self) -> &'static str {
        self.0
    }
}

macro_rules! provider_codes {
    ($($name:ident = $code:literal for [$($p:ident),+];)*) => {
        $(pub const $name: ProviderCode = ProviderCode($code);)*
        /// Every code, with the providers whose reports can carry it (the tests check it against docs/rules.md).
        #[cfg_attr(not(test), allow(dead_code))]
        pub const ALL: &[(ProviderCode, &[Provider])] = &[$(($name, &[$(Provider::$p),+]),)*];
    };
}

provider_codes! {
    // Zenlayer: the CreateImage page's error table.
    ZL_INSTANCE_NOT_FOUND = "INVALID_INSTANCE_NOT_FOUND" for [Zenlayer];
    ZL_INSTANCE_NOT_STOPPED = "UNSUPPORTED_OPERATION_INSTANCE_STATE_STARTING" for [Zenlayer];
    ZL_IMAGE_QUOTA = "LIMIT_EXCEEDED_IMAGE_QUOTA" for [Zenlayer];
    ZL_ZONE_NOT_SUPPORTED = "UNSUPPORTED_OPERATION_ZONE_NOT_SUPPORT" for [Zenlayer];
    ZL_DISK_UNAVAILABLE = "UNSUPPORTED_OPERATION_DISK_UNAVAILABLE" for [Zenlayer];
    ZL_DISK_MAKING_IMAGE = "UNSUPPORTED_OPERATION_DISK_MAKING_IMAGE" for [Zenlayer];

    // Tencent: the CreateImage page's error table, the SDK's CreateImage error list, the common error codes.
    TC_VALUE_TOO_LARGE = "InvalidParameter.ValueTooLarge" for [Tencent];
    TC_SPECIFY_ONE = "InvalidParameter.SpecifyOneParameter" for [Tencent];
    TC_CONFLICT = "InvalidParameterConflict" for [Tencent];
    TC_INVALID_DEPENDENCE = "InvalidParameter.InvalidDependence" for [Tencent];
    TC_UNKNOWN_PARAMETER = "UnknownParameter" for [Tencent];
    TC_INSTANCE_NOT_FOUND = "InvalidInstanceId.NotFound" for [Tencent];
    TC_STATE_REBOOTING = "UnsupportedOperation.InstanceStateRebooting" for [Tencent];
    TC_STATE_STOPPING = "UnsupportedOperation.InstanceStateStopping" for [Tencent];
    TC_STATE_TERMINATING = "UnsupportedOperation.InstanceStateTerminating" for [Tencent];
    TC_STATE_STARTING = "UnsupportedOperation.InstanceStateStarting" for [Tencent];
    TC_STATE_ENTER_RESCUE = "UnsupportedOperation.InstanceStateEnterRescueMode" for [Tencent];
    TC_STATE_RESCUE = "UnsupportedOperation.InstanceStateRescueMode" for [Tencent];
    TC_STATE_EXIT_RESCUE = "UnsupportedOperation.InstanceStateExitRescueMode" for [Tencent];
    TC_STATE_ENTER_MIGRATE = "UnsupportedOperation.InstanceStateEnterServiceLiveMigrate" for [Tencent];
    TC_STATE_MIGRATE = "UnsupportedOperation.InstanceStateServiceLiveMigrate" for [Tencent];
    TC_OPERATION_IN_PROGRESS = "OperationDenied.InstanceOperationInProgress" for [Tencent];
    TC_ROOT_DISK = "InvalidParameter.DataDiskIdContainsRootDisk" for [Tencent];
    TC_LOCAL_DISK = "InvalidParameter.LocalDataDiskNotSupport" for [Tencent];
    TC_SWAP_DISK = "InvalidParameter.SwapDiskNotSupport" for [Tencent];
    TC_DISK_NOT_OF_INSTANCE = "InvalidParameter.DataDiskNotBelongSpecifiedInstance" for [Tencent];
    TC_SNAPSHOT_NOT_FOUND = "InvalidParameter.SnapshotNotFound" for [Tencent];
    TC_NO_SYSTEM_SNAPSHOT = "InvalidParameter.SystemSnapshotNotFound" for [Tencent];
    TC_TWO_SYSTEM_SNAPSHOTS = "InvalidParameter.DuplicateSystemSnapshots" for [Tencent];
    TC_NAME_TAKEN = "InvalidImageName.Duplicate" for [Tencent];
    TC_IMAGE_QUOTA = "ImageQuotaLimitExceeded" for [Tencent];
    TC_TAG_KEY_NOT_FOUND = "InvalidParameterValue.TagKeyNotFound" for [Tencent];

    // OpenStack (seed page) and Nova: HTTP statuses.
    OS_400 = "400" for [OpenStack, Nova];
    OS_401 = "401" for [OpenStack, Nova];
    OS_403 = "403" for [OpenStack, Nova];
    OS_404 = "404" for [OpenStack, Nova];
    OS_409 = "409" for [OpenStack, Nova];

    // Huawei: the IMS "Error Codes" page.
    IMG_0002 = "IMG.0002" for [Huawei];
    IMG_0003 = "IMG.0003" for [Huawei];
    IMG_0004 = "IMG.0004" for [Huawei];
    IMG_0013 = "IMG.0013" for [Huawei];
    IMG_0054 = "IMG.0054" for [Huawei];
    IMG_0055 = "IMG.0055" for [Huawei];
    IMG_0057 = "IMG.0057" for [Huawei];
    IMG_0058 = "IMG.0058" for [Huawei];
    IMG_0115 = "IMG.0115" for [Huawei];
    IMG_0122 = "IMG.0122" for [Huawei];
}

#[cfg(test)]
mod tests {
    //! The provider-code test: the list above (every code the core can emit: a rule can only
    //! report a `ProviderCode`, and those are made only here) against the list in docs/rules.md
    //! that names each one's source, both ways; then every case file is run and each code seen is
    //! checked to be listed for its provider, and each listed code to be reached by some case.
    use super::*;
    use crate::json::Value;
    use crate::{check, Lang, Options};
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::{Path, PathBuf};

    fn root() -> &'static Path {
        Path::new(env!("CARGO_MANIFEST_DIR"))
    }

    /// The rows of the "Provider codes" table of docs/rules.md: (code, providers, source).
    fn documented() -> Vec<(String, Vec<String>, String)> {
        let text = std::fs::read_to_string(root().join("docs/rules.md")).expect("docs/rules.md");
        let start = text.find("## Provider codes").expect("docs/rules.md has a \"## Provider codes\" section");
        let section = &text[start..];
        let section = &section[..section[3..].find("\n## ").map(|i| i + 3).unwrap_or(section.len())];
        let mut rows = Vec::new();
        for line in section.lines().filter(|l| l.starts_with("| `")) {
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            assert!(cells.len() >= 4, "row with too few cells: {line}");
            let code = cells[0].trim_matches('`').to_owned();
            let providers = cells[1].split(',').map(|p| p.trim().to_owned()).collect();
            rows.push((code, providers, cells[3].to_owned()));
        }
        rows
    }

    #[test]
    fn every_code_is_documented_with_its_source() {
        let listed: BTreeSet<(String, String)> =
            ALL.iter().flat_map(|(c, ps)| ps.iter().map(move |p| (c.as_str().to_owned(), p.id().to_owned()))).collect();
        let mut documented_pairs = BTreeSet::new();
        for (code, providers, source) in documented() {
            assert!(
                source.contains("http") || source.contains("seed"),
                "docs/rules.md: the source of {code} must be a URL or the seed page: {source:?}"
            );
            for p in providers {
                assert!(Provider::parse(&p).is_some(), "docs/rules.md: unknown provider {p:?} for {code}");
                documented_pairs.insert((code.clone(), p));
            }
        }
        let missing: Vec<_> = listed.difference(&documented_pairs).collect();
        let stale: Vec<_> = documented_pairs.difference(&listed).collect();
        assert!(missing.is_empty(), "codes the core can emit that docs/rules.md does not list: {missing:?}");
        assert!(stale.is_empty(), "codes docs/rules.md lists that the core cannot emit: {stale:?}");
    }

    fn case_files() -> Vec<PathBuf> {
        let mut out = Vec::new();
        let mut stack = vec![root().join("tests/cases")];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).expect("tests/cases") {
                let p = e.expect("dir entry").path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "json") {
                    out.push(p);
                }
            }
        }
        out.sort();
        out
    }

    #[test]
    fn every_code_is_reached_by_a_case_and_every_reached_code_is_listed() {
        let mut seen: BTreeMap<(String, &'static str), usize> = BTreeMap::new();
        for f in case_files() {
            let text = std::fs::read_to_string(&f).expect("case file");
            let doc = Value::parse(&text).expect("case file is JSON");
            let p = Provider::parse(doc.get("provider").and_then(Value::as_str).expect("provider")).expect("provider");
            for case in doc.get("cases").and_then(Value::as_array).expect("cases") {
                let options = Options::lang(Lang::En).with_context(case.get("context").cloned());
                let report = check(p, case.get("request").expect("request"), &options);
                for i in &report.issues {
                    if let Some(pc) = &i.provider_code {
                        *seen.entry((pc.to_string(), p.id())).or_default() += 1;
                    }
                }
            }
        }
        for (code, p) in seen.keys() {
            assert!(
                ALL.iter().any(|(c, ps)| c.as_str() == code && ps.iter().any(|x| x.id() == *p)),
                "{p} reported {code}, which is not in providers::codes::ALL for {p}"
            );
        }
        for (c, ps) in ALL {
            for p in *ps {
                assert!(
                    seen.contains_key(&(c.as_str().to_owned(), p.id())),
                    "no case file reaches {} for {}",
                    c.as_str(),
                    p.id()
                );
            }
        }
    }
}
