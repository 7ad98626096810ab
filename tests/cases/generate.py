#!/usr/bin/env python3
"""Generate the shared table-driven case files for createimage (stdlib only, deterministic).

Run from anywhere:  python3 tests/cases/generate.py
Writes tests/cases/<provider>/<topic>.json next to this script (old .json files there are replaced).
"""
import copy
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEL = object()  # marker: remove this key from the base request


class Raw:
    """A JSON number written exactly as given (e.g. 1e5), which Python would otherwise reformat."""
    registry = {}

    def __init__(self, text):
        self.text = text
        self.token = "@@RAW%d@@" % len(Raw.registry)
        Raw.registry[self.token] = text


def ptr(*parts):
    """JSON pointer from raw parts (RFC 6901 escaping)."""
    out = ""
    for p in parts:
        out += "/" + str(p).replace("~", "~0").replace("/", "~1")
    return out


def cp(ch):
    return "U+%04X" % ord(ch)


def bc(ch, index, **extra):
    d = {"codePoint": cp(ch), "index": index}
    d.update(extra)
    return d


def tl(mx, actual, unit="chars", **extra):
    d = {"max": mx, "actual": actual, "unit": unit}
    d.update(extra)
    return d


def merge(base, changes):
    out = copy.deepcopy(base)
    for k, v in changes.items():
        if v is DEL:
            out.pop(k, None)
        else:
            out[k] = v
    return out


class File:
    def __init__(self, provider, topic):
        self.provider = provider
        self.topic = topic
        self.cases = []
        self.names = set()

    def add(self, name, request, issues=(), params=(), warnings=(), context=None, lang=None, source=None,
            changes=None, normalized=None, empty_as_absent=None):
        """issues: list of (path, code); warnings: list of (path, code) that are warnings
        (also listed in the multiset).  params: list of (path, code, dict).
        source: where the provider's answer comes from (a URL, or "seed:<file>"), for the cases that
        pin a documented answer.  changes: the exact multiset of (path, code) that normalize makes;
        normalized: the request normalize returns (both optional)."""
        assert name not in self.names, (self.provider, self.topic, name)
        self.names.add(name)
        issues = [list(i) for i in issues] + [list(w) for w in warnings]
        case = {"name": name}
        if source is not None:
            assert source.startswith("http") or source.startswith("seed:"), source
            case["source"] = source
        case.update({"request": request, "ok": len(issues) == len(warnings), "issues": issues})
        ps = [list(p) for p in params]
        for w in warnings:
            if not any(p[0] == w[0] and p[1] == w[1] and "severity" in p[2] for p in ps):
                ps.append([w[0], w[1], {"severity": "warning"}])
        for i in issues[:len(issues) - len(warnings)]:
            # An issue listed as an error must be one: pin its severity unless a params entry does.
            if not any(p[0] == i[0] and p[1] == i[1] and "severity" in p[2] for p in ps) and \
                    [i[0], i[1]] not in [list(w) for w in warnings]:
                ps.append([i[0], i[1], {"severity": "error"}])
        if ps:
            case["params"] = ps
        if context is not None:
            case["context"] = context
        if lang is not None:
            case["lang"] = lang
        if empty_as_absent is not None:
            case["emptyAsAbsent"] = empty_as_absent
        if changes is not None:
            case["changes"] = [list(c) for c in changes]
        if normalized is not None:
            case["normalized"] = normalized
        self.cases.append(case)


FILES = []


def new_file(provider, topic):
    f = File(provider, topic)
    FILES.append(f)
    return f


# Strings built by code ------------------------------------------------------------------------
U20000 = "\U00020000"  # 𠀀 CJK Ext. B: one char, two UTF-16 units, Han
ZHONG = "中"          # 3 UTF-8 bytes
GRIN = "\U0001F600"    # 😀 one char, 4 UTF-8 bytes
FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467"  # 👨‍👩‍👧 = 5 chars
assert len(FAMILY) == 5
E_COMB = "e\u0301"     # 2 chars
FW_A = "\uff41"        # ａ full-width
ZWSP = "\u200b"
ZWNJ = "\u200c"
ZWJ = "\u200d"
PERSIAN = "\u0645\u06cc" + ZWNJ + "\u062e\u0648\u0627\u0647\u0645"  # می‌خواهم: ZWNJ is part of its spelling
FAMILY_NAME = "family " + FAMILY + " image"

# Where the provider's documented answer comes from (the "source" of a case).
SRC = {
    "zl_page": "https://docs.console.zenlayer.com/api-reference/compute/vm/image/createimage",
    "zl_tf": "https://github.com/zenlayer/terraform-provider-zenlayercloud/blob/master/zenlayercloud/resource_zc_zvm_image.go",
    "tc_sdk": "https://github.com/TencentCloud/tencentcloud-sdk-go/blob/master/tencentcloud/cvm/v20170312/client.go",
    "tc_page": "seed:tencent-cvm-createimage.txt",
    "tc_tags": "https://www.tencentcloud.com/document/product/651/13354",
    "tc_ckafka": "https://cloud.tencent.com/document/product/597/33355",
    "tc_states": "https://www.tencentcloud.com/document/api/213/15753",
    "os_seed": "seed:openstack-nova-createimage.txt",
    "nova_schema": "https://github.com/openstack/nova/blob/master/nova/api/openstack/compute/schemas/servers.py",
    "nova_legacy": "https://github.com/openstack/nova/blob/master/nova/api/openstack/__init__.py",
    "nova_router": "https://github.com/openstack/nova/blob/master/nova/api/openstack/__init__.py",
    "nova_apiref": "https://docs.openstack.org/api-ref/compute/#create-image-createimage-action",
    "nova_juno": "https://github.com/openstack/nova/blob/juno-eol/nova/api/openstack/common.py",
    "hw_tag_ad": "https://support.huaweicloud.com/intl/en-us/ae-ad-1-api-ims/en-us_topic_0020092110.html",
    "hw_tag_eu": "https://support.huaweicloud.com/eu/api-ims/ims_03_0902.html",
    "hw_tag_cn": "https://support.huaweicloud.com/api-ims/ims_03_0902.html",
    "hw_tag_paris": "https://support.huaweicloud.com/intl/en-us/eu-west-0-api-ims/en-us_topic_0020092110.html",
    "hw_tf_tags": "https://github.com/huaweicloud/terraform-provider-huaweicloud/pull/1745",
    "hw_attrs": "https://support.huaweicloud.com/intl/en-us/api-ims/ims_03_0901.html",
    "hw_tf_image": "https://github.com/huaweicloud/terraform-provider-huaweicloud/blob/master/docs/resources/ims_obs_data_image.md",
    "hw_errors": "https://support.huaweicloud.com/intl/en-us/api-ims/ims_03_0908.html",
    "hw_create_intl": "https://support.huaweicloud.com/intl/en-us/api-ims/ims_03_0606.html",
}

# too_deep is not covered here: the Rust harness parses each whole case file with the depth limit, so a
# request sits 3 levels below the file root and the reported path would differ from a direct check.


ROOTS = [("null", None), ("an array", []), ("a string", "x"), ("a number", 5), ("boolean true", True)]

# =============================================================================================
# zenlayer
# =============================================================================================
ZB = {"instanceId": "ins-1", "imageName": "web01"}


def zen():
    f = new_file("zenlayer", "fields")
    z = lambda **kw: merge(ZB, kw)
    f.add("base request is valid", z())
    f.add("all three fields valid", z(imageDescription="testimagedescription"))
    f.add("empty object: instanceId and imageName required", {},
          [("/instanceId", "required"), ("/imageName", "required")])
    for label, root in ROOTS:
        f.add("root is %s: wrong_type at root" % label, root, [("", "wrong_type")],
              [("", "wrong_type", {"actual": {"null": "null", "an array": "array", "a string": "string",
                                               "a number": "number", "boolean true": "boolean"}[label]})])
    # instanceId
    f.add("instanceId missing", z(instanceId=DEL), [("/instanceId", "required")])
    f.add("instanceId empty string", z(instanceId=""), [("/instanceId", "empty")])
    f.add("instanceId single char is valid", z(instanceId="i"))
    f.add("instanceId with any characters is valid", z(instanceId="ins 1/中"))
    for label, v, actual in [("null", None, "null"), ("number", 1, "number"), ("boolean", True, "boolean"),
                             ("array", ["ins-1"], "array"), ("object", {"id": "ins-1"}, "object")]:
        f.add("instanceId is %s: wrong_type" % label, z(instanceId=v), [("/instanceId", "wrong_type")],
              [("/instanceId", "wrong_type", {"actual": actual})])
    # imageName
    f.add("imageName missing", z(imageName=DEL), [("/imageName", "required")])
    f.add("imageName empty string", z(imageName=""), [("/imageName", "empty")])
    f.add("imageName single char is valid, a warning: Zenlayer's Terraform provider asks for 2", z(imageName="w"),
          warnings=[("/imageName", "too_short")], params=[("/imageName", "too_short", {"min": 2, "actual": 1, "severity": "warning"})],
          source=SRC["zl_tf"])
    f.add("imageName of 2 chars is valid without a warning", z(imageName="ww"))
    # Zenlayer refuses full-width letters and takes their fold: normalize folds them (that makes it pass);
    # the full-width period stays (Zenlayer refuses "." as well, so the fold would not help).
    f.add("imageName in full-width letters: normalize folds what Zenlayer refuses", z(imageName="\uff57\uff45\uff42\uff10\uff11"),
          [("/imageName", "bad_char")], changes=[("/imageName", "fold_width")], normalized=z(imageName="web01"),
          source=SRC["zl_page"])
    f.add("imageName with a full-width period: only the letters are folded", z(imageName="\uff41\uff0eb"),
          [("/imageName", "bad_char")], changes=[("/imageName", "fold_width")], normalized=z(imageName="a\uff0eb"))
    # Zenlayer refuses joiners (Han, letters, digits, - and _ only): normalize removes them, which makes the name pass.
    f.add("imageName with a ZWJ between letters: Zenlayer refuses it, normalize removes it", z(imageName="web" + ZWJ + "01"),
          [("/imageName", "bad_char")], [("/imageName", "bad_char", bc(ZWJ, 3))],
          changes=[("/imageName", "remove_zero_width")], normalized=z(imageName="web01"), source=SRC["zl_page"])
    f.add("imageName with a ZWNJ between Han: normalize removes it", z(imageName="镜" + ZWNJ + "像"),
          [("/imageName", "bad_char")], changes=[("/imageName", "remove_zero_width")], normalized=z(imageName="镜像"))
    f.add("imageName of 24 ASCII chars is valid (longest)", z(imageName="a" * 24))
    f.add("imageName of 25 ASCII chars is too long", z(imageName="a" * 25), [("/imageName", "too_long")],
          [("/imageName", "too_long", tl(24, 25))])
    f.add("imageName with all allowed ASCII classes", z(imageName="Ab-09_xyZ"))
    # Zenlayer's Terraform provider checks 2-24 *bytes* of UTF-8 (Go's len in StringLenBetween): a
    # warning past 24 bytes, never an error (the page and SDKs count 24 characters).
    TFW = lambda n: [("/imageName", "too_long", tl(24, n, unit="bytes", severity="warning"))]
    f.add("imageName of 8 Han chars (24 bytes) is valid without a warning", z(imageName=ZHONG * 8))
    f.add("imageName of 9 Han chars (27 bytes) is valid, a warning: Terraform counts 24 bytes", z(imageName=ZHONG * 9),
          warnings=[("/imageName", "too_long")], params=TFW(27), source=SRC["zl_tf"])
    f.add("imageName of 1 Han char (3 bytes) gets no Terraform warning", z(imageName=ZHONG))
    f.add("imageName of 6 x U+20000 (24 bytes) is valid without a warning", z(imageName=U20000 * 6))
    f.add("imageName of 7 x U+20000 (28 bytes) is valid, a warning", z(imageName=U20000 * 7),
          warnings=[("/imageName", "too_long")], params=TFW(28))
    f.add("imageName of 24 Han chars is valid, a Terraform warning (72 bytes)", z(imageName=ZHONG * 24),
          warnings=[("/imageName", "too_long")], params=TFW(72))
    f.add("imageName of 25 Han chars is too long", z(imageName=ZHONG * 25), [("/imageName", "too_long")],
          [("/imageName", "too_long", tl(24, 25))])
    f.add("imageName of 24 x U+20000 (supplementary Han) is valid, a Terraform warning (96 bytes)", z(imageName=U20000 * 24),
          warnings=[("/imageName", "too_long")], params=TFW(96))
    f.add("imageName of 25 x U+20000 is too long (counted in chars, not UTF-16 units)",
          z(imageName=U20000 * 25), [("/imageName", "too_long")], [("/imageName", "too_long", tl(24, 25))])
    f.add("imageName with U+3007 ideographic zero is Han", z(imageName="web\u3007"))
    f.add("imageName with CJK compatibility ideograph U+F900 is Han", z(imageName="web\uf900"))
    f.add("imageName with CJK compatibility supplement U+2F800 is Han", z(imageName="web\U0002F800"))
    f.add("imageName with CJK ext A U+3400 is Han", z(imageName="web\u3400"))
    for label, s, ch, idx in [
        ("space", "web 01", " ", 3),
        ("dot", "web.01", ".", 3),
        ("hiragana U+3042", "abあ", "あ", 2),
        ("katakana", "アb", "ア", 0),
        ("Hangul", "web한", "한", 3),
        ("CJK punctuation U+3001", "web、", "、", 3),
        ("CJK radical U+2E80", "\u2e80web", "\u2e80", 0),
        ("full-width letter a", FW_A + "bc", FW_A, 0),
        ("full-width digit 1", "web\uff11", "\uff11", 3),
        ("Latin e acute", "caf\u00e9", "\u00e9", 3),
        ("combining acute after e", "caf" + E_COMB, "\u0301", 4),
        ("emoji", "web" + GRIN, GRIN, 3),
        ("zero-width space U+200B", "we" + ZWSP + "b", ZWSP, 2),
        ("slash", "a/b", "/", 1),
        ("tab", "a\tb", "\t", 1),
    ]:
        f.add("imageName with %s is bad_char" % label, z(imageName=s), [("/imageName", "bad_char")],
              [("/imageName", "bad_char", bc(ch, idx))])
    f.add("imageName reports only the first bad char", z(imageName="a b.c"), [("/imageName", "bad_char")],
          [("/imageName", "bad_char", bc(" ", 1))])
    f.add("imageName lone surrogate is bad_char at its index", z(imageName="ab\ud800"),
          [("/imageName", "bad_char")], [("/imageName", "bad_char", {"codePoint": "U+D800", "index": 2})])
    f.add("imageName lone low surrogate first", z(imageName="\udc00ab"),
          [("/imageName", "bad_char")], [("/imageName", "bad_char", {"codePoint": "U+DC00", "index": 0})])
    # A string holding a lone surrogate gets every rule, not only the surrogate's bad_char.
    f.add("imageName with a refused char before a lone surrogate: bad_char is the earlier one", z(imageName="\u00e9\ud800"),
          [("/imageName", "bad_char")], [("/imageName", "bad_char", bc("\u00e9", 0))])
    f.add("imageName of 25 chars ending in a lone surrogate: too_long and bad_char", z(imageName="a" * 24 + "\ud800"),
          [("/imageName", "too_long"), ("/imageName", "bad_char")],
          [("/imageName", "too_long", tl(24, 25)), ("/imageName", "bad_char", {"codePoint": "U+D800", "index": 24})])
    f.add("imageName zero-width space counts as a char: 24 chars (26 bytes) bad_char and Terraform's byte warning",
          z(imageName="a" * 23 + ZWSP), [("/imageName", "bad_char")],
          [("/imageName", "bad_char", bc(ZWSP, 23))] + TFW(26), warnings=[("/imageName", "too_long")])
    f.add("imageName 21 a + a zero-width space (24 bytes): only bad_char",
          z(imageName="a" * 21 + ZWSP), [("/imageName", "bad_char")], [("/imageName", "bad_char", bc(ZWSP, 21))])
    f.add("imageName 25 chars with a zero-width space: too_long and bad_char",
          z(imageName="a" * 24 + ZWSP), [("/imageName", "too_long"), ("/imageName", "bad_char")],
          [("/imageName", "too_long", tl(24, 25)), ("/imageName", "bad_char", bc(ZWSP, 24))])
    f.add("imageName 24 chars ending in e+U+0301 (2 chars, 25 bytes): bad_char and Terraform's byte warning",
          z(imageName="a" * 22 + E_COMB), [("/imageName", "bad_char")],
          [("/imageName", "bad_char", bc("\u0301", 23))] + TFW(25), warnings=[("/imageName", "too_long")])
    f.add("imageName 21 chars ending in e+U+0301 (24 bytes): only bad_char",
          z(imageName="a" * 19 + E_COMB), [("/imageName", "bad_char")],
          [("/imageName", "bad_char", bc("\u0301", 20))])
    f.add("imageName with 25 emoji: too_long and bad_char",
          z(imageName=GRIN * 25), [("/imageName", "too_long"), ("/imageName", "bad_char")],
          [("/imageName", "too_long", tl(24, 25)), ("/imageName", "bad_char", bc(GRIN, 0))])
    f.add("imageName ZWJ family emoji is 5 chars, first bad char is the man",
          z(imageName="a" * 20 + FAMILY), [("/imageName", "too_long"), ("/imageName", "bad_char")],
          [("/imageName", "too_long", tl(24, 25)), ("/imageName", "bad_char", bc("\U0001F468", 20))])
    for label, v, actual in [("null", None, "null"), ("number", 5, "number"), ("boolean", False, "boolean"),
                             ("array", ["web01"], "array"), ("object", {}, "object")]:
        f.add("imageName is %s: wrong_type" % label, z(imageName=v), [("/imageName", "wrong_type")],
              [("/imageName", "wrong_type", {"actual": actual})])
    # imageDescription
    # The page and SDKs say 255; Zenlayer's Terraform provider sends 2-256: 256 warns, 257 is an error.
    f.add("imageDescription empty string is valid, a warning (Terraform asks for 2)", z(imageDescription=""),
          warnings=[("/imageDescription", "empty")], source=SRC["zl_tf"])
    f.add("imageDescription of 2 chars is valid without a warning", z(imageDescription="dd"))
    f.add("imageDescription of 255 chars is valid", z(imageDescription="d" * 255))
    f.add("imageDescription of 256 chars is valid, a warning: the page says 255, Terraform sends 256",
          z(imageDescription="d" * 256), warnings=[("/imageDescription", "too_long")],
          params=[("/imageDescription", "too_long", tl(255, 256, severity="warning"))], source=SRC["zl_tf"])
    # An ASCII text's error says 256, the most it may have (256 ASCII characters: a warning); it said
    # 255 until 2026-12-01, although 256 passes (a newcomer's trial). Any other text's says 255 (a
    # breaker: 257 Han said 256, and 256 Han then 255).
    f.add("imageDescription of 257 chars is too long: at most 256 (the Terraform reading's 256 ASCII)",
          z(imageDescription="d" * 257),
          [("/imageDescription", "too_long")], [("/imageDescription", "too_long", tl(256, 257, severity="error"))])
    f.add("imageDescription of 257 Han is too long: at most 255", z(imageDescription=ZHONG * 257),
          [("/imageDescription", "too_long")], [("/imageDescription", "too_long", tl(255, 257, severity="error"))])
    f.add("imageDescription of e-acute + 256 a is too long: at most 255", z(imageDescription="\u00e9" + "a" * 256),
          [("/imageDescription", "too_long")], [("/imageDescription", "too_long", tl(255, 257, severity="error"))])
    # 256 characters pass only within Terraform's 256 bytes (all ASCII): no source takes 256 others
    # (until 2026-11-30 they were a warning that said another source accepts them).
    f.add("imageDescription of 256 Han is too long: the page says 255 chars, Terraform 256 bytes",
          z(imageDescription=ZHONG * 256), [("/imageDescription", "too_long")],
          [("/imageDescription", "too_long", tl(255, 256, severity="error"))], source=SRC["zl_tf"])
    f.add("imageDescription of 255 a + 1 Han (256 chars, 258 bytes) is too long", z(imageDescription="a" * 255 + ZHONG),
          [("/imageDescription", "too_long")], [("/imageDescription", "too_long", tl(255, 256, severity="error"))])
    f.add("imageDescription of 255 Han is valid (chars), a Terraform warning (765 bytes)", z(imageDescription=ZHONG * 255),
          warnings=[("/imageDescription", "too_long")],
          params=[("/imageDescription", "too_long", tl(256, 765, unit="bytes", severity="warning"))])
    TFD = lambda n: [("/imageDescription", "too_long", tl(256, n, unit="bytes", severity="warning"))]
    f.add("imageDescription of 255 emoji is valid (chars), a Terraform warning (1020 bytes)", z(imageDescription=GRIN * 255),
          warnings=[("/imageDescription", "too_long")], params=TFD(1020), source=SRC["zl_tf"])
    f.add("imageDescription of 85 Han + 1 ASCII (256 bytes) is valid without a warning",
          z(imageDescription=ZHONG * 85 + "d"))
    f.add("imageDescription of 85 Han + 2 ASCII (257 bytes) is valid, a warning: Terraform counts 256 bytes",
          z(imageDescription=ZHONG * 85 + "dd"), warnings=[("/imageDescription", "too_long")], params=TFD(257))
    f.add("imageDescription of 128 e+U+0301 (256 chars, 384 bytes) is too long (no source takes it)",
          z(imageDescription=E_COMB * 128), [("/imageDescription", "too_long")],
          [("/imageDescription", "too_long", tl(255, 256, severity="error"))])
    f.add("imageDescription of 255 x U+20000 is valid, a Terraform warning (1020 bytes)", z(imageDescription=U20000 * 255),
          warnings=[("/imageDescription", "too_long")], params=TFD(1020))
    f.add("imageDescription of 256 x U+20000 is too long (counted in chars)", z(imageDescription=U20000 * 256),
          [("/imageDescription", "too_long")], [("/imageDescription", "too_long", tl(255, 256, severity="error"))])
    f.add("imageDescription with any characters is valid", z(imageDescription="a b.c/中\u3042ａ\u200b\n<>" + FAMILY))
    f.add("imageDescription 255 a plus e+U+0301 is 257 chars: too long", z(imageDescription="a" * 255 + E_COMB),
          [("/imageDescription", "too_long")], [("/imageDescription", "too_long", tl(255, 257))])
    f.add("imageDescription null is wrong_type", z(imageDescription=None), [("/imageDescription", "wrong_type")],
          [("/imageDescription", "wrong_type", {"actual": "null"})])
    f.add("imageDescription number is wrong_type", z(imageDescription=1), [("/imageDescription", "wrong_type")])
    # unknown
    f.add("unknown field is a warning", z(imageFamily="x"), warnings=[("/imageFamily", "unknown_field")])
    f.add("wrongly cased InstanceId is unknown and instanceId is missing", {"InstanceId": "ins-1", "imageName": "web01"},
          [("/instanceId", "required")], warnings=[("/InstanceId", "unknown_field")])
    f.add("two unknown fields are two warnings", z(a=1, b=None),
          warnings=[("/a", "unknown_field"), ("/b", "unknown_field")])
    f.add("unknown key with slash and tilde is escaped in the path", z(**{"x/y~z": 1}),
          warnings=[("/x~1y~0z", "unknown_field")])
    # many at once
    f.add("many problems at once are all reported",
          {"instanceId": "", "imageName": "ab c" + "d" * 30, "imageDescription": "x" * 300, "extra": True},
          [("/instanceId", "empty"), ("/imageName", "too_long"), ("/imageName", "bad_char"),
           ("/imageDescription", "too_long")], [("/imageName", "bad_char", bc(" ", 2)),
                                                ("/imageName", "too_long", tl(24, 34)),
                                                ("/imageDescription", "too_long", tl(256, 300))],
          warnings=[("/extra", "unknown_field")])
    f.add("wrong types everywhere", {"instanceId": 1, "imageName": None, "imageDescription": []},
          [("/instanceId", "wrong_type"), ("/imageName", "wrong_type"), ("/imageDescription", "wrong_type")])
    f.add("imageName missing and description too long", {"instanceId": "ins-1", "imageDescription": "x" * 257},
          [("/imageName", "required"), ("/imageDescription", "too_long")])


# =============================================================================================
# tencent
# =============================================================================================
TB = {"ImageName": "web", "InstanceId": "ins-6pb6lrmy"}
TC_LEN = "InvalidParameter.ValueTooLarge"


def tencent():
    t = lambda **kw: merge(TB, kw)
    f = new_file("tencent", "fields")
    f.add("base request is valid", t())
    f.add("full valid request with every field", t(
        Action="CreateImage", Version="2017-03-12", Region="ap-guangzhou", ImageDescription="desc",
        ForcePoweroff="TRUE", Sysprep="false", DataDiskIds=["disk-1", "disk-2"], DryRun=False,
        TagSpecification=[{"ResourceType": "image", "Tags": [{"Key": "env", "Value": "prod"}]}],
        ImageFamily="family"))
    f.add("empty object: ImageName required and one of InstanceId/SnapshotIds", {},
          [("/ImageName", "required"), ("", "missing_one_of")],
          [("", "missing_one_of", {"fields": ["/InstanceId", "/SnapshotIds"],
                                   "providerCode": "InvalidParameter.SpecifyOneParameter"})])
    for label, root in ROOTS:
        f.add("root is %s: wrong_type at root" % label, root, [("", "wrong_type")])
    # Action / Version
    f.add("Action CreateImage is valid", t(Action="CreateImage"))
    f.add("Action of another API is not_allowed", t(Action="DescribeImages"), [("/Action", "not_allowed")],
          [("/Action", "not_allowed", {"allowed": ["CreateImage"], "actual": "DescribeImages"})])
    f.add("Action in lower case is not_allowed", t(Action="createimage"), [("/Action", "not_allowed")])
    f.add("Action empty string is not_allowed", t(Action=""), [("/Action", "not_allowed")])
    f.add("Action number is wrong_type", t(Action=1), [("/Action", "wrong_type")])
    f.add("Action null is wrong_type", t(Action=None), [("/Action", "wrong_type")],
          [("/Action", "wrong_type", {"actual": "null"})])
    f.add("Version 2017-03-12 is valid", t(Version="2017-03-12"))
    f.add("Version of another date is not_allowed", t(Version="2018-03-12"), [("/Version", "not_allowed")],
          [("/Version", "not_allowed", {"allowed": ["2017-03-12"], "actual": "2018-03-12"})])
    f.add("Version without zero padding is not_allowed", t(Version="2017-3-12"), [("/Version", "not_allowed")])
    f.add("Version as a number is wrong_type", t(Version=20170312), [("/Version", "wrong_type")],
          [("/Version", "wrong_type", {"actual": "number"})])
    f.add("Action and Version both wrong", t(Action="RunInstances", Version="2020-01-01"),
          [("/Action", "not_allowed"), ("/Version", "not_allowed")])
    # Region
    f.add("Region is valid", t(Region="ap-guangzhou"))
    f.add("Region empty is empty", t(Region=""), [("/Region", "empty")])
    f.add("Region number is wrong_type", t(Region=1), [("/Region", "wrong_type")])
    # It goes into the X-TC-Region header: a region id.
    f.add("Region in Chinese is bad_char", t(Region="广州"), [("/Region", "bad_char")],
          [("/Region", "bad_char", {"codePoint": "U+5E7F", "index": 0})])
    f.add("Region with CR LF is bad_char", t(Region="ap-guangzhou\r\nX: 1"), [("/Region", "bad_char")])
    f.add("Region uppercase is bad_char", t(Region="AP-GUANGZHOU"), [("/Region", "bad_char")])
    # ImageName
    f.add("ImageName missing", t(ImageName=DEL), [("/ImageName", "required")])
    f.add("ImageName empty", t(ImageName=""), [("/ImageName", "empty")])
    f.add("ImageName of 1 char is valid", t(ImageName="w"))
    f.add("ImageName of 60 chars is valid", t(ImageName="n" * 60))
    f.add("ImageName of 61 chars is too long", t(ImageName="n" * 61), [("/ImageName", "too_long")],
          [("/ImageName", "too_long", tl(60, 61, providerCode=TC_LEN, severity="error"))])
    f.add("ImageName of 60 Han chars is valid", t(ImageName=ZHONG * 60))
    f.add("ImageName of 61 Han chars is too long", t(ImageName=ZHONG * 61), [("/ImageName", "too_long")],
          [("/ImageName", "too_long", tl(60, 61, providerCode=TC_LEN))])
    f.add("ImageName of 61 chars and a lone surrogate: too_long (62) and bad_char, with a suggestion", t(ImageName="a" * 61 + "\ud800"),
          [("/ImageName", "too_long"), ("/ImageName", "bad_char")],
          [("/ImageName", "too_long", tl(60, 62, suggestion="a" * 60)), ("/ImageName", "bad_char", {"codePoint": "U+D800", "index": 61})])
    # The surrogate is refused (bad_char): the suggestion drops it, as it drops every refused character (until
    # a helper's attack of 2026-11-30 it kept the U+FFFD standing in for it, a character nobody typed).
    f.add("ImageName of 61 chars with a lone surrogate inside: the suggestion drops it", t(ImageName="a" * 30 + "\ud800" + "a" * 30),
          [("/ImageName", "too_long"), ("/ImageName", "bad_char")],
          [("/ImageName", "too_long", tl(60, 61, suggestion="a" * 60))])
    f.add("ImageName of 60 x U+20000 is valid", t(ImageName=U20000 * 60))
    f.add("ImageName of 61 x U+20000 is too long", t(ImageName=U20000 * 61), [("/ImageName", "too_long")],
          [("/ImageName", "too_long", tl(60, 61, providerCode=TC_LEN))])
    f.add("ImageName full-width letters are fine (no charset)", t(ImageName=FW_A * 60))
    # Normalize folds a name's full-width forms only where the provider refuses them: Tencent does not.
    f.add("ImageName with full-width parentheses is valid and normalize keeps it", t(ImageName="生产环境（测试）"),
          source=SRC["tc_sdk"], changes=[], normalized=t(ImageName="生产环境（测试）"))
    f.add("ImageName in full-width letters is kept by normalize; only the spaces are trimmed",
          t(ImageName=" \uff57\uff45\uff42 "), changes=[("/ImageName", "trim")], normalized=t(ImageName="\uff57\uff45\uff42"))
    f.add("InstanceId in full-width letters is folded by normalize (ids stay folded)", t(InstanceId="ins-\uff11"),
          changes=[("/InstanceId", "fold_width")], normalized=t(InstanceId="ins-1"))
    # Joiners between two characters are part of the name (Tencent takes any character): normalize keeps them.
    f.add("ImageName with a ZWJ family emoji is valid and normalize keeps it (one emoji, not three)",
          t(ImageName=FAMILY_NAME), changes=[], normalized=t(ImageName=FAMILY_NAME), source=SRC["tc_page"])
    f.add("ImageName in Persian with its ZWNJ is valid and normalize keeps it", t(ImageName=PERSIAN),
          changes=[], normalized=t(ImageName=PERSIAN))
    f.add("ImageName: joiners that join nothing (at an end, beside a space) are removed",
          t(ImageName=ZWNJ + "web" + ZWJ + " 01" + ZWJ), changes=[("/ImageName", "remove_zero_width")],
          normalized=t(ImageName="web 01"))
    f.add("ImageName: U+200B, U+2060 and U+FEFF are removed anywhere", t(ImageName="w" + ZWSP + "e\u2060b\ufeff"),
          changes=[("/ImageName", "remove_zero_width")], normalized=t(ImageName="web"))
    f.add("ImageName: a ZWJ beside U+200B joins nothing, both are removed", t(ImageName="a" + ZWSP + ZWJ + "b"),
          changes=[("/ImageName", "remove_zero_width")], normalized=t(ImageName="ab"))
    f.add("ImageName: a run of joiners between two letters is kept", t(ImageName="\u0644" + ZWJ + ZWNJ + ZWJ + "\u0627"),
          changes=[], normalized=t(ImageName="\u0644" + ZWJ + ZWNJ + ZWJ + "\u0627"))
    f.add("InstanceId: every zero-width character is removed (ids)", t(InstanceId="ins" + ZWJ + "-1"),
          changes=[("/InstanceId", "remove_zero_width")], normalized=t(InstanceId="ins-1"))
    f.add("ImageName with spaces, punctuation, kana and emoji is fine", t(ImageName="web 01.あ/" + GRIN))
    f.add("ImageName 55 chars plus ZWJ family emoji (5 chars) is 60: valid", t(ImageName="a" * 55 + FAMILY))
    f.add("ImageName 56 chars plus ZWJ family emoji is 61: too long", t(ImageName="a" * 56 + FAMILY),
          [("/ImageName", "too_long")], [("/ImageName", "too_long", tl(60, 61))])
    f.add("ImageName 58 chars plus e+U+0301 is 60: valid", t(ImageName="a" * 58 + E_COMB))
    f.add("ImageName 59 chars plus e+U+0301 is 61: too long", t(ImageName="a" * 59 + E_COMB),
          [("/ImageName", "too_long")], [("/ImageName", "too_long", tl(60, 61))])
    f.add("ImageName zero-width space counts: 60 + U+200B too long", t(ImageName="a" * 60 + ZWSP),
          [("/ImageName", "too_long")], [("/ImageName", "too_long", tl(60, 61))])
    f.add("ImageName 60 emoji is valid", t(ImageName=GRIN * 60))
    for label, v, actual in [("null", None, "null"), ("number", 5, "number"), ("boolean", True, "boolean"),
                             ("array", ["web"], "array"), ("object", {"a": 1}, "object")]:
        f.add("ImageName is %s: wrong_type" % label, t(ImageName=v), [("/ImageName", "wrong_type")],
              [("/ImageName", "wrong_type", {"actual": actual})])
    # InstanceId
    f.add("InstanceId empty string is empty (still given)", t(InstanceId=""), [("/InstanceId", "empty")])
    f.add("InstanceId null is wrong_type (still given)", t(InstanceId=None), [("/InstanceId", "wrong_type")])
    f.add("InstanceId number is wrong_type", t(InstanceId=6), [("/InstanceId", "wrong_type")],
          [("/InstanceId", "wrong_type", {"actual": "number"})])
    # ImageDescription
    f.add("ImageDescription empty is valid", t(ImageDescription=""))
    f.add("ImageDescription of 256 chars is valid", t(ImageDescription="d" * 256))
    f.add("ImageDescription of 257 chars is too long", t(ImageDescription="d" * 257),
          [("/ImageDescription", "too_long")],
          [("/ImageDescription", "too_long", tl(256, 257, providerCode=TC_LEN))])
    f.add("ImageDescription of 256 Han chars is valid", t(ImageDescription=ZHONG * 256))
    f.add("ImageDescription of 257 emoji is too long", t(ImageDescription=GRIN * 257),
          [("/ImageDescription", "too_long")], [("/ImageDescription", "too_long", tl(256, 257))])
    f.add("ImageDescription number is wrong_type", t(ImageDescription=1), [("/ImageDescription", "wrong_type")])
    # ForcePoweroff / Sysprep
    for fld in ("ForcePoweroff", "Sysprep"):
        for v in ("true", "false", "TRUE", "FALSE"):
            f.add("%s %s is valid" % (fld, v), t(**{fld: v}))
        f.add("%s True (mixed case) is not_allowed" % fld, t(**{fld: "True"}), [("/" + fld, "not_allowed")],
              [("/" + fld, "not_allowed", {"allowed": ["true", "false", "TRUE", "FALSE"], "actual": "True"})])
        f.add("%s yes is not_allowed" % fld, t(**{fld: "yes"}), [("/" + fld, "not_allowed")])
        f.add("%s JSON boolean is wrong_type" % fld, t(**{fld: True}), [("/" + fld, "wrong_type")],
              [("/" + fld, "wrong_type", {"actual": "boolean"})])
        f.add("%s number is wrong_type" % fld, t(**{fld: 1}), [("/" + fld, "wrong_type")])
    # DryRun
    f.add("DryRun true is valid", t(DryRun=True))
    f.add("DryRun false is valid", t(DryRun=False))
    f.add("DryRun string true is wrong_type", t(DryRun="true"), [("/DryRun", "wrong_type")],
          [("/DryRun", "wrong_type", {"actual": "string"})])
    f.add("DryRun number is wrong_type", t(DryRun=1), [("/DryRun", "wrong_type")])
    f.add("DryRun null is wrong_type", t(DryRun=None), [("/DryRun", "wrong_type")])
    # ImageFamily
    f.add("ImageFamily string is valid", t(ImageFamily="fam-1"))
    f.add("ImageFamily number is wrong_type", t(ImageFamily=1), [("/ImageFamily", "wrong_type")])
    # unknown fields
    f.add("unknown field is an error with UnknownParameter", t(Foo="x"), [("/Foo", "unknown_field")],
          [("/Foo", "unknown_field", {"providerCode": "UnknownParameter", "severity": "error"})])
    f.add("camelCase imageName is unknown and ImageName missing", {"imageName": "web", "InstanceId": "ins-1"},
          [("/ImageName", "required"), ("/imageName", "unknown_field")])
    f.add("dotted key of another field is unknown", t(**{"Foo.0": "x"}), [("/Foo.0", "unknown_field")],
          [("/Foo.0", "unknown_field", {"providerCode": "UnknownParameter"})])
    # many at once
    f.add("many problems at once are all reported",
          {"Action": "X", "ImageName": "n" * 61, "InstanceId": "", "ForcePoweroff": True,
           "DataDiskIds": ["d", "d"], "DryRun": "no", "Bogus": 1},
          [("/Action", "not_allowed"), ("/ImageName", "too_long"), ("/InstanceId", "empty"),
           ("/ForcePoweroff", "wrong_type"), ("/DataDiskIds/1", "duplicate"), ("/DryRun", "wrong_type"),
           ("/Bogus", "unknown_field")])
    f.add("missing name, no source, bad description, unknown key",
          {"ImageDescription": "x" * 300, "Sysprep": "on", "Other": None},
          [("/ImageName", "required"), ("/ImageDescription", "too_long"), ("/Sysprep", "not_allowed"),
           ("/Other", "unknown_field"), ("", "missing_one_of")])

    # ---- arrays and cross-field
    g = new_file("tencent", "cross_field")
    s = lambda **kw: merge({"ImageName": "web"}, kw)
    g.add("SnapshotIds alone is valid", s(SnapshotIds=["snap-1", "snap-2"]))
    g.add("neither InstanceId nor SnapshotIds: missing_one_of", s(), [("", "missing_one_of")],
          [("", "missing_one_of", {"fields": ["/InstanceId", "/SnapshotIds"], "paths": ["/InstanceId", "/SnapshotIds"],
                                   "providerCode": "InvalidParameter.SpecifyOneParameter"})])
    g.add("InstanceId and SnapshotIds: conflict at SnapshotIds", t(SnapshotIds=["snap-1"]),
          [("/SnapshotIds", "conflict")],
          [("/SnapshotIds", "conflict", {"with": "/InstanceId", "paths": ["/InstanceId", "/SnapshotIds"],
                                         "providerCode": "InvalidParameterConflict"})])
    g.add("conflict is reported even when InstanceId is null (key present)", t(InstanceId=None, SnapshotIds=["snap-1"]),
          [("/InstanceId", "wrong_type"), ("/SnapshotIds", "conflict")])
    # An empty list is passed only as the page reads literally: the SDKs leave it out (`omitempty`),
    # and the flattened form cannot write one (the 2026-12-01 audit): a warning naming the reading.
    g.add("an empty SnapshotIds beside InstanceId: a conflict warning (the SDK leaves it out)", t(SnapshotIds=[]),
          warnings=[("/SnapshotIds", "conflict")],
          params=[("/SnapshotIds", "conflict", {"severity": "warning", "with": "/InstanceId",
                                                "paths": ["/InstanceId", "/SnapshotIds"],
                                                "providerCode": "InvalidParameterConflict"})],
          source="https://github.com/TencentCloud/tencentcloud-sdk-go/blob/master/tencentcloud/cvm/v20170312/models.go")
    g.add("DataDiskIds with SnapshotIds and no InstanceId: requires", s(SnapshotIds=["snap-1"], DataDiskIds=["disk-1"]),
          [("/DataDiskIds", "requires")],
          [("/DataDiskIds", "requires", {"field": "/InstanceId", "paths": ["/InstanceId", "/DataDiskIds"],
                                         "providerCode": "InvalidParameter.InvalidDependence"})])
    g.add("DataDiskIds alone: requires and missing_one_of", s(DataDiskIds=["disk-1"]),
          [("/DataDiskIds", "requires"), ("", "missing_one_of")])
    g.add("an empty DataDiskIds without InstanceId: a requires warning (the SDK leaves it out)",
          s(SnapshotIds=["snap-1"], DataDiskIds=[]), warnings=[("/DataDiskIds", "requires")],
          params=[("/DataDiskIds", "requires", {"severity": "warning", "field": "/InstanceId",
                                                "providerCode": "InvalidParameter.InvalidDependence"})],
          source="https://github.com/TencentCloud/tencentcloud-sdk-go/blob/master/tencentcloud/cvm/v20170312/models.go")
    g.add("an empty DataDiskIds beside flattened DataDiskIds.0 without InstanceId: requires",
          s(SnapshotIds=["snap-1"], DataDiskIds=[], **{"DataDiskIds.0": "disk-1"}),
          [("/DataDiskIds", "requires"), ("/DataDiskIds.0", "conflict")])
    g.add("InstanceId, SnapshotIds and DataDiskIds: only conflict", t(SnapshotIds=["s"], DataDiskIds=["d"]),
          [("/SnapshotIds", "conflict")])
    g.add("SnapshotIds null counts as given (no missing_one_of)", s(SnapshotIds=None), [("/SnapshotIds", "wrong_type")])
    # DataDiskIds
    g.add("DataDiskIds with InstanceId is valid", t(DataDiskIds=["disk-1", "disk-2"]))
    g.add("DataDiskIds empty array is allowed", t(DataDiskIds=[]))
    g.add("DataDiskIds duplicate at the later index", t(DataDiskIds=["disk-1", "disk-1"]),
          [("/DataDiskIds/1", "duplicate")],
          [("/DataDiskIds/1", "duplicate", {"value": "disk-1", "first": "/DataDiskIds/0"})])
    # Compared as normalize leaves them (normalize removes the repeat it makes; until 2026-11-30
    # check passed these and normalize dropped the item).
    g.add("DataDiskIds duplicate once normalized (a zero-width space)", t(DataDiskIds=["disk-1", "disk-1\u200b"]),
          [("/DataDiskIds/1", "duplicate")], [("/DataDiskIds/1", "duplicate", {"value": "disk-1", "first": "/DataDiskIds/0"})])
    g.add("DataDiskIds duplicate once normalized (full-width, edge space)", t(DataDiskIds=["disk-1", " ｄisk-1"]),
          [("/DataDiskIds/1", "duplicate")])
    g.add("SnapshotIds duplicate once normalized (edge space)", {"ImageName": "web", "SnapshotIds": ["snap-1", " snap-1"]},
          [("/SnapshotIds/1", "duplicate")])
    g.add("DataDiskIds three equal ids: two duplicates pointing at the first", t(DataDiskIds=["d", "d", "d"]),
          [("/DataDiskIds/1", "duplicate"), ("/DataDiskIds/2", "duplicate")],
          [("/DataDiskIds/2", "duplicate", {"value": "d", "first": "/DataDiskIds/0"})])
    g.add("DataDiskIds two pairs of duplicates", t(DataDiskIds=["a", "b", "a", "b"]),
          [("/DataDiskIds/2", "duplicate"), ("/DataDiskIds/3", "duplicate")],
          [("/DataDiskIds/3", "duplicate", {"value": "b", "first": "/DataDiskIds/1"})])
    g.add("DataDiskIds ids differing in case are not duplicates", t(DataDiskIds=["disk-a", "DISK-A"]))
    g.add("DataDiskIds empty element", t(DataDiskIds=["disk-1", ""]), [("/DataDiskIds/1", "empty")])
    g.add("DataDiskIds number element", t(DataDiskIds=[5]), [("/DataDiskIds/0", "wrong_type")],
          [("/DataDiskIds/0", "wrong_type", {"actual": "number"})])
    g.add("DataDiskIds null element", t(DataDiskIds=["d", None]), [("/DataDiskIds/1", "wrong_type")])
    g.add("DataDiskIds as a string is wrong_type", t(DataDiskIds="disk-1"), [("/DataDiskIds", "wrong_type")],
          [("/DataDiskIds", "wrong_type", {"actual": "string"})])
    g.add("DataDiskIds as an object is wrong_type", t(DataDiskIds={"0": "disk-1"}), [("/DataDiskIds", "wrong_type")])
    # SnapshotIds
    g.add("SnapshotIds empty array alone: no snapshot, so missing_one_of", s(SnapshotIds=[]), [("", "missing_one_of")],
          [("", "missing_one_of", {"providerCode": "InvalidParameter.SpecifyOneParameter"})])
    g.add("SnapshotIds duplicate", s(SnapshotIds=["snap-1", "snap-2", "snap-1"]), [("/SnapshotIds/2", "duplicate")],
          [("/SnapshotIds/2", "duplicate", {"value": "snap-1", "first": "/SnapshotIds/0"})])
    g.add("SnapshotIds empty element", s(SnapshotIds=[""]), [("/SnapshotIds/0", "empty")])
    g.add("SnapshotIds boolean element", s(SnapshotIds=[True]), [("/SnapshotIds/0", "wrong_type")])
    g.add("SnapshotIds as a string is wrong_type", s(SnapshotIds="snap-1"), [("/SnapshotIds", "wrong_type")])

    # ---- flattened form
    h = new_file("tencent", "flattened")
    h.add("flattened DataDiskIds.0 and .1 are valid", t(**{"DataDiskIds.0": "disk-1", "DataDiskIds.1": "disk-2"}))
    h.add("flattened keys out of order are collected in index order", t(**{"DataDiskIds.1": "disk-2", "DataDiskIds.0": "disk-1"}))
    h.add("flattened index 10 after 0..9 is valid", t(**{"DataDiskIds.%d" % i: "disk-%d" % i for i in range(11)}))
    h.add("flattened SnapshotIds alone is valid", s(**{"SnapshotIds.0": "snap-1", "SnapshotIds.1": "snap-2"}))
    h.add("flattened gap: bad_format at the first key after the gap",
          t(**{"DataDiskIds.0": "d0", "DataDiskIds.2": "d2", "DataDiskIds.3": "d3"}),
          [("/DataDiskIds/2", "bad_format")],
          [("/DataDiskIds/2", "bad_format", {"format": "contiguous index"})])
    h.add("flattened starting at 1 is a gap", t(**{"DataDiskIds.1": "d1"}), [("/DataDiskIds/1", "bad_format")],
          [("/DataDiskIds/1", "bad_format", {"format": "contiguous index"})])
    h.add("flattened SnapshotIds gap", s(**{"SnapshotIds.0": "s0", "SnapshotIds.5": "s5"}),
          [("/SnapshotIds/5", "bad_format")], [("/SnapshotIds/5", "bad_format", {"format": "contiguous index"})])
    h.add("flattened duplicate reported at /DataDiskIds/N",
          t(**{"DataDiskIds.0": "disk-1", "DataDiskIds.1": "disk-1"}), [("/DataDiskIds/1", "duplicate")],
          [("/DataDiskIds/1", "duplicate", {"value": "disk-1", "first": "/DataDiskIds/0"})])
    h.add("flattened duplicate found in index order, not key order",
          t(**{"DataDiskIds.1": "disk-1", "DataDiskIds.0": "disk-1"}), [("/DataDiskIds/1", "duplicate")],
          [("/DataDiskIds/1", "duplicate", {"first": "/DataDiskIds/0"})])
    h.add("flattened SnapshotIds duplicate", s(**{"SnapshotIds.0": "s", "SnapshotIds.1": "s"}),
          [("/SnapshotIds/1", "duplicate")])
    # With the array form beside them, /DataDiskIds/0 is the array's item: the flattened keys are
    # reported at their own keys, each checked as an item (as check_field checks it).
    h.add("mixing array and flattened DataDiskIds: conflict at the flattened key /DataDiskIds.0",
          t(DataDiskIds=["disk-1"], **{"DataDiskIds.0": "disk-2"}), [("/DataDiskIds.0", "conflict")],
          [("/DataDiskIds.0", "conflict", {"with": "/DataDiskIds"})])
    h.add("mixing array and flattened SnapshotIds: conflict at the flattened key /SnapshotIds.0",
          s(SnapshotIds=["s1"], **{"SnapshotIds.0": "s2"}), [("/SnapshotIds.0", "conflict")],
          [("/SnapshotIds.0", "conflict", {"with": "/SnapshotIds"})])
    h.add("mixing forms: an empty flattened key is empty at its own key (issue 14.5)",
          t(DataDiskIds=["disk-1"], **{"DataDiskIds.0": ""}),
          [("/DataDiskIds.0", "conflict"), ("/DataDiskIds.0", "empty")])
    h.add("mixing forms: an empty array item is empty at /DataDiskIds/0, the flattened key is only in conflict",
          t(**{"DataDiskIds.0": "disk-1"}, DataDiskIds=[""]),
          [("/DataDiskIds.0", "conflict"), ("/DataDiskIds/0", "empty")])
    h.add("flattened empty element", t(**{"DataDiskIds.0": ""}), [("/DataDiskIds/0", "empty")])
    h.add("flattened number element is wrong_type", t(**{"DataDiskIds.0": 7}), [("/DataDiskIds/0", "wrong_type")])
    h.add("flattened index with leading zero is an unknown field", t(**{"DataDiskIds.01": "d"}),
          [("/DataDiskIds.01", "unknown_field")],
          [("/DataDiskIds.01", "unknown_field", {"providerCode": "UnknownParameter", "severity": "error"})])
    h.add("flattened non-numeric index is an unknown field", t(**{"DataDiskIds.x": "d"}),
          [("/DataDiskIds.x", "unknown_field")])
    h.add("flattened negative index is an unknown field", t(**{"DataDiskIds.-1": "d"}),
          [("/DataDiskIds.-1", "unknown_field")])
    h.add("DataDiskIds. with no index is an unknown field", t(**{"DataDiskIds.": "d"}),
          [("/DataDiskIds.", "unknown_field")])
    h.add("flattened SnapshotIds with InstanceId: conflict", t(**{"SnapshotIds.0": "snap-1"}),
          [("/SnapshotIds", "conflict")], [("/SnapshotIds", "conflict", {"with": "/InstanceId"})])
    h.add("flattened DataDiskIds without InstanceId: requires", s(**{"SnapshotIds.0": "s", "DataDiskIds.0": "d"}),
          [("/DataDiskIds", "requires")], [("/DataDiskIds", "requires", {"field": "/InstanceId"})])
    h.add("flattened DataDiskIds only: requires and missing_one_of", s(**{"DataDiskIds.0": "d"}),
          [("/DataDiskIds", "requires"), ("", "missing_one_of")])

    # ---- TagSpecification
    k = new_file("tencent", "tag_specification")
    ts = lambda tags=None, **item: t(TagSpecification=[merge({"ResourceType": "image",
                                                              "Tags": tags if tags is not None else [{"Key": "k", "Value": "v"}]}, item)])
    P = "/TagSpecification/0"
    k.add("TagSpecification valid", ts())
    k.add("TagSpecification with two tags valid", ts([{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "2"}]))
    k.add("TagSpecification empty array is allowed", t(TagSpecification=[]))
    k.add("Tags empty array is allowed", ts([]))
    k.add("same Key in two TagSpecification items is fine", t(TagSpecification=[
        {"ResourceType": "image", "Tags": [{"Key": "k", "Value": "1"}]},
        {"ResourceType": "image", "Tags": [{"Key": "k", "Value": "2"}]}]))
    # The Tag "Use Limits" page: "Each resource can have 50 tags at most"; every tag set binds to the image.
    tags_of = lambda n, at=0: [{"Key": "k%d" % (at + i), "Value": "v"} for i in range(n)]
    k.add("50 tags, the most a resource can have, valid", ts(tags_of(50)), source=SRC["tc_tags"])
    k.add("51 tags: too_many", ts(tags_of(51)), [("/TagSpecification", "too_many")],
          [("/TagSpecification", "too_many", {"max": 50, "actual": 51, "severity": "error"})], source=SRC["tc_tags"])
    k.add("30 + 21 tags in two sets: too_many (both bind to the image)", t(TagSpecification=[
        {"ResourceType": "image", "Tags": tags_of(30)}, {"ResourceType": "image", "Tags": tags_of(21, 30)}]),
          [("/TagSpecification", "too_many")], source=SRC["tc_tags"])
    k.add("30 image + 30 instance tags: 30 per resource, valid (the instance type is a warning)", t(TagSpecification=[
        {"ResourceType": "image", "Tags": tags_of(30)}, {"ResourceType": "instance", "Tags": tags_of(30, 30)}]),
          warnings=[("/TagSpecification/1/ResourceType", "not_allowed")])
    k.add("30 image + 30 image + 30 instance: the image's 60 counted", t(TagSpecification=[
        {"ResourceType": "image", "Tags": tags_of(30)}, {"ResourceType": "instance", "Tags": tags_of(30, 30)},
        {"ResourceType": "image", "Tags": tags_of(30, 60)}]), [("/TagSpecification", "too_many")],
          [("/TagSpecification", "too_many", {"max": 50, "actual": 60, "severity": "error"})],
          warnings=[("/TagSpecification/1/ResourceType", "not_allowed")])
    k.add("51 tags in a set of an unknown type: only its not_allowed (not counted)", t(TagSpecification=[
        {"ResourceType": "disk", "Tags": tags_of(51)}]), [("/TagSpecification/0/ResourceType", "not_allowed")])
    k.add("25 + 25 tags in two sets valid", t(TagSpecification=[
        {"ResourceType": "image", "Tags": tags_of(25)}, {"ResourceType": "image", "Tags": tags_of(25, 25)}]))
    # The SDK's TagSpecification lists six types (the struct is shared by the APIs that create
    # resources); the CreateImage page binds the tags to the image: another listed type is a warning.
    k.add("ResourceType instance: a warning (the SDK lists it; the CreateImage page binds tags to the image)",
          ts(ResourceType="instance"), warnings=[(P + "/ResourceType", "not_allowed")],
          params=[(P + "/ResourceType", "not_allowed", {"allowed": ["image"], "actual": "instance", "severity": "warning"})],
          source="https://github.com/TencentCloud/tencentcloud-sdk-go/blob/master/tencentcloud/cvm/v20170312/models.go")
    for rt in ("host", "keypair", "ps", "hpc"):
        k.add("ResourceType %s: a warning" % rt, ts(ResourceType=rt), warnings=[(P + "/ResourceType", "not_allowed")])
    k.add("ResourceType Image (case) is not_allowed", ts(ResourceType="Image"), [(P + "/ResourceType", "not_allowed")],
          [(P + "/ResourceType", "not_allowed", {"allowed": ["image", "instance", "host", "keypair", "ps", "hpc"],
                                                  "actual": "Image", "severity": "error"})])
    k.add("ResourceType disk (not a listed type) is not_allowed", ts(ResourceType="disk"), [(P + "/ResourceType", "not_allowed")])
    k.add("ResourceType missing is required", ts(ResourceType=DEL), [(P + "/ResourceType", "required")])
    k.add("ResourceType number is wrong_type", ts(ResourceType=1), [(P + "/ResourceType", "wrong_type")])
    k.add("Tags missing is required", ts(Tags=DEL), [(P + "/Tags", "required")])
    k.add("Tags object is wrong_type", ts(Tags={"Key": "k", "Value": "v"}), [(P + "/Tags", "wrong_type")],
          [(P + "/Tags", "wrong_type", {"actual": "object"})])
    k.add("Tags item string is wrong_type", ts(["k=v"]), [(P + "/Tags/0", "wrong_type")])
    # Keys: the Tag page says 1-127, CKafka's tag overview up to 255: 255 is the error, 127 a warning.
    k.add("Key of 127 chars is valid", ts([{"Key": "k" * 127, "Value": "v"}]))
    k.add("Key of 128 chars is valid, a warning: the Tag page says 127, CKafka's page 255",
          ts([{"Key": "k" * 128, "Value": "v"}]), warnings=[(P + "/Tags/0/Key", "too_long")],
          params=[(P + "/Tags/0/Key", "too_long", tl(127, 128, severity="warning"))], source=SRC["tc_ckafka"])
    k.add("Key of 255 chars is a warning", ts([{"Key": "k" * 255, "Value": "v"}]), warnings=[(P + "/Tags/0/Key", "too_long")])
    k.add("Key of 256 chars is too long", ts([{"Key": "k" * 256, "Value": "v"}]), [(P + "/Tags/0/Key", "too_long")],
          [(P + "/Tags/0/Key", "too_long", tl(255, 256, severity="error"))])
    k.add("Key of 127 x U+20000 is valid", ts([{"Key": U20000 * 127, "Value": "v"}]))
    k.add("Key of 128 Han chars is a warning", ts([{"Key": ZHONG * 128, "Value": "v"}]),
          warnings=[(P + "/Tags/0/Key", "too_long")], params=[(P + "/Tags/0/Key", "too_long", tl(127, 128))])
    k.add("Key of 256 x U+20000 is too long (chars)", ts([{"Key": U20000 * 256, "Value": "v"}]),
          [(P + "/Tags/0/Key", "too_long")], [(P + "/Tags/0/Key", "too_long", tl(255, 256))])
    # Characters: the Tag page's set warns (no source lists the rest, but the pages' "letters" differ).
    k.add("Key in Chinese with full-width parentheses is valid", ts([{"Key": "部门（研发）", "Value": "值"}]),
          source=SRC["tc_tags"])
    k.add("Key with every special character the Tag page lists is valid",
          ts([{"Key": "a+-=._:/@()[],;><b", "Value": "＋－＝／＠（）【】："}]), source=SRC["tc_tags"])
    k.add("Key with # is a warning (not in the Tag page's set)", ts([{"Key": "env#1", "Value": "v"}]),
          warnings=[(P + "/Tags/0/Key", "bad_char")], params=[(P + "/Tags/0/Key", "bad_char", bc("#", 3, severity="warning"))],
          source=SRC["tc_tags"])
    k.add("Key with an emoji is a warning", ts([{"Key": "k" + GRIN, "Value": "v"}]),
          warnings=[(P + "/Tags/0/Key", "bad_char")], params=[(P + "/Tags/0/Key", "bad_char", bc(GRIN, 1))])
    k.add("Key with kana is a warning (the Tag page: Chinese and English characters)", ts([{"Key": "キー", "Value": "v"}]),
          warnings=[(P + "/Tags/0/Key", "bad_char")])
    k.add("Key with a combining mark is a warning", ts([{"Key": "caf" + E_COMB, "Value": "v"}]),
          warnings=[(P + "/Tags/0/Key", "bad_char")], params=[(P + "/Tags/0/Key", "bad_char", bc("\u0301", 4))])
    k.add("Key with a space at the end is a warning (bad_format)", ts([{"Key": "env ", "Value": "v"}]),
          warnings=[(P + "/Tags/0/Key", "bad_format")],
          params=[(P + "/Tags/0/Key", "bad_format", {"format": "no leading or trailing space"})], source=SRC["tc_tags"])
    k.add("Key with an inner space is valid", ts([{"Key": "cost center", "Value": "v"}]))
    k.add("Key empty", ts([{"Key": "", "Value": "v"}]), [(P + "/Tags/0/Key", "empty")])
    k.add("Key missing", ts([{"Value": "v"}]), [(P + "/Tags/0/Key", "required")])
    k.add("Key number is wrong_type", ts([{"Key": 1, "Value": "v"}]), [(P + "/Tags/0/Key", "wrong_type")])
    # Values: the Tag page says 1-255, CKafka's tag overview up to 127: 255 is the error, 127 and empty warn.
    k.add("Value empty is valid, a warning (the Tag page asks for 1)", ts([{"Key": "k", "Value": ""}]),
          warnings=[(P + "/Tags/0/Value", "empty")], source=SRC["tc_tags"])
    k.add("Value of 127 chars is valid", ts([{"Key": "k", "Value": "v" * 127}]))
    k.add("Value of 128 chars is valid, a warning (CKafka's page says 127)", ts([{"Key": "k", "Value": "v" * 128}]),
          warnings=[(P + "/Tags/0/Value", "too_long")], params=[(P + "/Tags/0/Value", "too_long", tl(127, 128))],
          source=SRC["tc_ckafka"])
    k.add("Value of 255 chars is a warning", ts([{"Key": "k", "Value": "v" * 255}]),
          warnings=[(P + "/Tags/0/Value", "too_long")], params=[(P + "/Tags/0/Value", "too_long", tl(127, 255))])
    k.add("Value of 256 chars is too long", ts([{"Key": "k", "Value": "v" * 256}]), [(P + "/Tags/0/Value", "too_long")],
          [(P + "/Tags/0/Value", "too_long", tl(255, 256, severity="error"))])
    k.add("Value of 255 emoji: two warnings (CKafka's length, the Tag page's characters)", ts([{"Key": "k", "Value": GRIN * 255}]),
          warnings=[(P + "/Tags/0/Value", "too_long"), (P + "/Tags/0/Value", "bad_char")])
    k.add("Value missing is required", ts([{"Key": "k"}]), [(P + "/Tags/0/Value", "required")])
    k.add("Value null is wrong_type", ts([{"Key": "k", "Value": None}]), [(P + "/Tags/0/Value", "wrong_type")])
    k.add("Value number is wrong_type", ts([{"Key": "k", "Value": 1}]), [(P + "/Tags/0/Value", "wrong_type")])
    k.add("duplicate Key in one Tags", ts([{"Key": "k", "Value": "1"}, {"Key": "k", "Value": "2"}]),
          [(P + "/Tags/1/Key", "duplicate")],
          [(P + "/Tags/1/Key", "duplicate", {"value": "k", "first": P + "/Tags/0/Key"})])
    k.add("duplicate Key in the second TagSpecification item", t(TagSpecification=[
        {"ResourceType": "image", "Tags": [{"Key": "a", "Value": "1"}]},
        {"ResourceType": "image", "Tags": [{"Key": "b", "Value": "1"}, {"Key": "c", "Value": "1"}, {"Key": "b", "Value": "2"}]}]),
        [("/TagSpecification/1/Tags/2/Key", "duplicate")],
        [("/TagSpecification/1/Tags/2/Key", "duplicate", {"first": "/TagSpecification/1/Tags/0/Key"})])
    k.add("unknown key in a TagSpecification item is an error", ts(Extra=1), [(P + "/Extra", "unknown_field")],
          [(P + "/Extra", "unknown_field", {"providerCode": "UnknownParameter", "severity": "error"})])
    k.add("unknown key in a tag is an error", ts([{"Key": "k", "Value": "v", "key": "x"}]),
          [(P + "/Tags/0/key", "unknown_field")],
          [(P + "/Tags/0/key", "unknown_field", {"providerCode": "UnknownParameter"})])
    k.add("TagSpecification item string is wrong_type", t(TagSpecification=["image"]), [(P, "wrong_type")])
    k.add("TagSpecification object is wrong_type", t(TagSpecification={"ResourceType": "image", "Tags": []}),
          [("/TagSpecification", "wrong_type")])
    k.add("TagSpecification null is wrong_type", t(TagSpecification=None), [("/TagSpecification", "wrong_type")])
    k.add("empty TagSpecification item: ResourceType and Tags required", t(TagSpecification=[{}]),
          [(P + "/ResourceType", "required"), (P + "/Tags", "required")])
    k.add("many tag problems at once", t(TagSpecification=[
        {"ResourceType": "disk", "Tags": [{"Key": "", "Value": 1}, {"Key": "k" * 256}, {"Key": "x", "Value": "y", "Z": 0}]}]),
        [(P + "/ResourceType", "not_allowed"), (P + "/Tags/0/Key", "empty"), (P + "/Tags/0/Value", "wrong_type"),
         (P + "/Tags/1/Key", "too_long"), (P + "/Tags/1/Value", "required"), (P + "/Tags/2/Z", "unknown_field")])


# =============================================================================================
# openstack / nova
# =============================================================================================
OB = {"project_id": "b7a7b63e92174a95a999c95da856f143", "server_id": "da5834e0-31d2-40f9-b271-6592f9f68370",
      "token": "e5b9d3e8160747b3b7bdd9d4833d0b08",
      "body": {"createImage": {"name": "test-image", "metadata": {"myvar": "test"}}}}
CI = "/body/createImage"
NAME = CI + "/name"
MD = CI + "/metadata"


def o(**kw):
    return merge(OB, kw)


def ci(**kw):
    """base request with createImage fields changed"""
    r = copy.deepcopy(OB)
    for k, v in kw.items():
        if v is DEL:
            r["body"]["createImage"].pop(k, None)
        else:
            r["body"]["createImage"][k] = v
    return r


def name_req(v):
    return ci(name=v)


def md_req(md):
    return ci(metadata=md)


def url_parts(f, provider):
    nova = provider == "nova"
    f.add("base request is valid", o())
    f.add("request without metadata is valid", ci(metadata=DEL))
    f.add("empty metadata object is valid", ci(metadata={}))
    f.add("empty object: project_id, server_id, token and body required", {},
          [("/project_id", "required"), ("/server_id", "required"), ("/token", "required"), ("/body", "required")],
          [("/project_id", "required", {"providerCode": "400"}), ("/server_id", "required", {"providerCode": "404"}),
           ("/token", "required", {"providerCode": "401"}), ("/body", "required", {"providerCode": "400"})])
    for label, root in ROOTS:
        f.add("root is %s: wrong_type at root" % label, root, [("", "wrong_type")])
    # project_id: upstream Nova's router (`{project_id:[0-9a-f-]+}`) for nova. For openstack: hex
    # digits (either case) and dashes, the characters both readings share; the seed page's "UUID(3)"
    # (32 hex digits, with or without a UUID's dashes) and upstream's router (lower case, any length)
    # each warn where they are stricter.
    if nova:
        f.add("project_id in upper case finds no route upstream: bad_char 404", o(project_id="B7A7B63E92174A95A999C95DA856F143"),
              [("/project_id", "bad_char")], [("/project_id", "bad_char", bc("B", 0, providerCode="404"))],
              source=SRC["nova_router"])
        for label, v in [("31 hex digits", "b7a7b63e92174a95a999c95da856f14"), ("33 hex digits", "b7a7b63e92174a95a999c95da856f1430"),
                         ("a dashed UUID", "b7a7b63e-9217-4a95-a999-c95da856f143")]:
            f.add("project_id of %s matches the router: valid" % label, o(project_id=v), source=SRC["nova_router"])
        f.add("project_id with a non-hex letter is bad_char", o(project_id="g7a7b63e92174a95a999c95da856f143"),
              [("/project_id", "bad_char")], [("/project_id", "bad_char", bc("g", 0, providerCode="404"))])
    else:
        SW = {"format": "hex32 or uuid", "providerCode": "400", "severity": "warning"}
        f.add("project_id upper-case hex is valid, a warning: upstream's /v2 router takes lower case only",
              o(project_id="B7A7B63E92174A95A999C95DA856F143"), warnings=[("/project_id", "bad_char")],
              params=[("/project_id", "bad_char", bc("B", 0, providerCode="404", severity="warning"))], source=SRC["nova_router"])
        f.add("project_id as a dashed UUID is valid (a UUID, and upstream's router takes it)",
              o(project_id="b7a7b63e-9217-4a95-a999-c95da856f143"), source=SRC["os_seed"])
        f.add("project_id as an upper-case dashed UUID is valid, upstream's lower-case warning",
              o(project_id="B7A7B63E-9217-4A95-A999-C95DA856F143"), warnings=[("/project_id", "bad_char")])
        f.add("project_id of 31 hex digits is valid, a warning: the seed page says UUID", o(project_id="b7a7b63e92174a95a999c95da856f14"),
              warnings=[("/project_id", "bad_format")], params=[("/project_id", "bad_format", SW)], source=SRC["nova_router"])
        f.add("project_id of 33 hex digits is valid, a warning", o(project_id="b7a7b63e92174a95a999c95da856f1430"),
              warnings=[("/project_id", "bad_format")], params=[("/project_id", "bad_format", SW)])
        f.add("project_id of a UUID with its dashes misplaced is valid, a warning", o(project_id="b7a7b63e9-217-4a95-a999-c95da856f143"),
              warnings=[("/project_id", "bad_format")])
        f.add("project_id with a non-hex letter is bad_char 404 (and the UUID warning)", o(project_id="g7a7b63e92174a95a999c95da856f143"),
              [("/project_id", "bad_char")], [("/project_id", "bad_char", bc("g", 0, providerCode="404", severity="error"))],
              warnings=[("/project_id", "bad_format")])
        f.add("project_id with a space is bad_char", o(project_id="b7a7b63e 92174a95a999c95da856f143"),
              [("/project_id", "bad_char")], [("/project_id", "bad_char", bc(" ", 8))], warnings=[("/project_id", "bad_format")])
    f.add("project_id empty", o(project_id=""), [("/project_id", "empty")],
          [("/project_id", "empty", {"providerCode": "400"})])
    f.add("project_id missing", o(project_id=DEL), [("/project_id", "required")],
          [("/project_id", "required", {"providerCode": "400"})])
    f.add("project_id number is wrong_type", o(project_id=12345678901234567890123456789012),
          [("/project_id", "wrong_type")], [("/project_id", "wrong_type", {"actual": "number", "providerCode": "400"})])
    f.add("project_id null is wrong_type", o(project_id=None), [("/project_id", "wrong_type")])
    # server_id
    f.add("server_id upper-case UUID is valid", o(server_id="DA5834E0-31D2-40F9-B271-6592F9F68370"))
    f.add("server_id without dashes is bad_format", o(server_id="da5834e031d240f9b2716592f9f68370"),
          [("/server_id", "bad_format")], [("/server_id", "bad_format", {"format": "uuid", "providerCode": "404"})])
    f.add("server_id in braces is bad_format", o(server_id="{da5834e0-31d2-40f9-b271-6592f9f68370}"),
          [("/server_id", "bad_format")], [("/server_id", "bad_format", {"format": "uuid"})])
    f.add("server_id with wrong group lengths is bad_format", o(server_id="da5834e031-d2-40f9-b271-6592f9f68370"),
          [("/server_id", "bad_format")])
    f.add("server_id with a non-hex char is bad_format", o(server_id="za5834e0-31d2-40f9-b271-6592f9f68370"),
          [("/server_id", "bad_format")])
    f.add("server_id empty", o(server_id=""), [("/server_id", "empty")],
          [("/server_id", "empty", {"providerCode": "404"})])
    f.add("server_id missing", o(server_id=DEL), [("/server_id", "required")],
          [("/server_id", "required", {"providerCode": "404"})])
    f.add("server_id number is wrong_type", o(server_id=42), [("/server_id", "wrong_type")],
          [("/server_id", "wrong_type", {"providerCode": "404"})])
    # token
    f.add("token of one char is valid", o(token="x"))
    f.add("token empty", o(token=""), [("/token", "empty")], [("/token", "empty", {"providerCode": "401"})])
    f.add("token missing", o(token=DEL), [("/token", "required")], [("/token", "required", {"providerCode": "401"})])
    f.add("token number is wrong_type", o(token=5), [("/token", "wrong_type")],
          [("/token", "wrong_type", {"actual": "number", "providerCode": "401"})])
    f.add("token null is wrong_type", o(token=None), [("/token", "wrong_type")])
    # It goes into the X-Auth-Token header: visible ASCII only (no header injection).
    f.add("token with CR LF is bad_char", o(token="abc\r\nX-Evil: 1"), [("/token", "bad_char")],
          [("/token", "bad_char", {"codePoint": "U+000D", "index": 3, "providerCode": "401"})])
    f.add("token with a space is bad_char", o(token="ab c"), [("/token", "bad_char")])
    f.add("token with non-ASCII is bad_char", o(token="令牌"), [("/token", "bad_char")])
    f.add("token of every visible ASCII character is valid", o(token="".join(chr(c) for c in range(0x21, 0x7f))))
    # body / createImage
    f.add("body missing", o(body=DEL), [("/body", "required")], [("/body", "required", {"providerCode": "400"})])
    f.add("body string is wrong_type", o(body="createImage"), [("/body", "wrong_type")],
          [("/body", "wrong_type", {"actual": "string", "providerCode": "400"})])
    f.add("body array is wrong_type", o(body=[]), [("/body", "wrong_type")])
    f.add("body null is wrong_type", o(body=None), [("/body", "wrong_type")])
    f.add("body without createImage", o(body={}), [(CI, "required")], [(CI, "required", {"providerCode": "400"})])
    f.add("createImage string is wrong_type", o(body={"createImage": "x"}), [(CI, "wrong_type")],
          [(CI, "wrong_type", {"providerCode": "400"})])
    f.add("createImage null is wrong_type", o(body={"createImage": None}), [(CI, "wrong_type")])
    f.add("createImage empty object: name required", o(body={"createImage": {}}), [(NAME, "required")],
          [(NAME, "required", {"providerCode": "400"})])
    f.add("metadata array is wrong_type", ci(metadata=[]), [(MD, "wrong_type")],
          [(MD, "wrong_type", {"actual": "array", "providerCode": "400"})])
    f.add("metadata null is wrong_type", ci(metadata=None), [(MD, "wrong_type")])
    f.add("metadata string is wrong_type", ci(metadata="myvar=test"), [(MD, "wrong_type")])
    # unknown fields
    f.add("unknown top-level key is a warning", o(region="RegionOne"), warnings=[("/region", "unknown_field")])
    f.add("unknown top-level key X-Auth-Token is a warning", o(**{"X-Auth-Token": "t"}),
          warnings=[("/X-Auth-Token", "unknown_field")])
    # A body of more than one key is refused before any schema, on /v2 as on /v2.1 (Nova's
    # `action_peek`: "too many body keys", 400 "Malformed request body").
    f.add("unknown key in body is an error 400", o(body={"createImage": {"name": "n"}, "createBackup": {}}),
          [("/body/createBackup", "unknown_field")],
          [("/body/createBackup", "unknown_field", {"severity": "error", "providerCode": "400"})])
    if nova:
        f.add("unknown key in createImage is an error 400", ci(description="d"),
              [(CI + "/description", "unknown_field")],
              [(CI + "/description", "unknown_field", {"severity": "error", "providerCode": "400"})])
    else:
        f.add("unknown key in createImage is a warning (the legacy-v2 wrapper strips it)", ci(description="d"),
              warnings=[(CI + "/description", "unknown_field")])
    f.add("many wrapper problems at once",
          {"project_id": "xyz", "server_id": "", "token": None, "body": {"createImage": {"metadata": []}}, "extra": 1},
          [("/project_id", "bad_char"), ("/server_id", "empty"), ("/token", "wrong_type"),
           (NAME, "required"), (MD, "wrong_type")],
          warnings=[("/extra", "unknown_field")] + ([] if nova else [("/project_id", "bad_format")]))


def openstack():
    f = new_file("openstack", "url_parts")
    url_parts(f, "openstack")
    n = new_file("openstack", "name")
    n.add("name of 1 char is valid", name_req("n"))
    n.add("name of 255 chars is valid", name_req("n" * 255))
    n.add("name of 256 chars is too long", name_req("n" * 256), [(NAME, "too_long")],
          [(NAME, "too_long", tl(255, 256, providerCode="400"))])
    # Upstream Nova's /v2 (the seed's path) applies the v2.1 name rule: a warning naming it.
    n.add("name of 255 x U+20000 is valid, a warning: upstream's /v2 wants the BMP", name_req(U20000 * 255),
          warnings=[(NAME, "bad_char")], params=[(NAME, "bad_char", bc(U20000, 0, providerCode="400", severity="warning"))],
          source=SRC["nova_schema"])
    n.add("name of 256 x U+20000 is too long (and the BMP warning)", name_req(U20000 * 256), [(NAME, "too_long")],
          [(NAME, "too_long", tl(255, 256))], warnings=[(NAME, "bad_char")])
    n.add("name of 255 Han chars is valid", name_req(ZHONG * 255))
    n.add("name 254 chars plus e+U+0301 is 256: too long", name_req("a" * 254 + E_COMB), [(NAME, "too_long")],
          [(NAME, "too_long", tl(255, 256))])
    n.add("name with leading and trailing spaces is valid for openstack, a warning (upstream /v2 refuses)",
          name_req(" test image "), warnings=[(NAME, "bad_format")],
          params=[(NAME, "bad_format", {"format": "no leading or trailing whitespace", "severity": "warning"})],
          source=SRC["nova_schema"])
    n.add("name ending in one line feed gets no upstream warning (Python's $)", name_req("abc\n"))
    n.add("name ending in two line feeds is valid, upstream's warnings", name_req("abc\n\n"),
          warnings=[(NAME, "bad_char"), (NAME, "bad_format")], params=[(NAME, "bad_char", bc("\n", 3, severity="warning"))])
    n.add("name with emoji and control char is valid for openstack, one bad_char warning", name_req("a" + GRIN + "\u0007b"),
          warnings=[(NAME, "bad_char")], params=[(NAME, "bad_char", bc(GRIN, 1))])
    n.add("name in full-width letters is valid and normalize keeps it (openstack refuses none)", name_req("\uff57\uff45\uff42"),
          changes=[], normalized=name_req("\uff57\uff45\uff42"))
    # The seed page takes any character: a joiner between two letters stays (upstream's reading warns).
    n.add("name in Persian with its ZWNJ is valid, a warning (upstream wants printable), and normalize keeps it",
          name_req(PERSIAN), warnings=[(NAME, "bad_char")], params=[(NAME, "bad_char", bc(ZWNJ, 2, severity="warning"))],
          changes=[], normalized=name_req(PERSIAN), source=SRC["nova_schema"])
    n.add("name empty", name_req(""), [(NAME, "empty")], [(NAME, "empty", {"providerCode": "400"})])
    n.add("name missing", ci(name=DEL), [(NAME, "required")], [(NAME, "required", {"providerCode": "400"})])
    # The seed page takes a name of digits; upstream's /v2 schema takes only a string: a warning.
    NUMW = [(NAME, "wrong_type", {"expected": "string", "actual": "number", "severity": "warning", "providerCode": "400"})]
    n.add("name as a digits-only number is valid, a warning (upstream /v2 wants a string)", name_req(12345),
          warnings=[(NAME, "wrong_type")], params=NUMW, source=SRC["os_seed"])
    n.add("name as number 0 is valid, a warning", name_req(0), warnings=[(NAME, "wrong_type")])
    big255 = int("9" * 255)
    n.add("name as a 255-digit number is valid, a warning", name_req(big255), warnings=[(NAME, "wrong_type")])
    n.add("name as a 256-digit number is too long", name_req(int("1" + "0" * 255)), [(NAME, "too_long")],
          [(NAME, "too_long", {"max": 255, "actual": 256})], warnings=[(NAME, "wrong_type")])
    n.add("name as a negative number is wrong_type", name_req(-1), [(NAME, "wrong_type")],
          [(NAME, "wrong_type", {"actual": "number", "providerCode": "400"})])
    n.add("name as a fraction is wrong_type", name_req(1.5), [(NAME, "wrong_type")])
    n.add("name as 1.0 (fraction written) is wrong_type", name_req(Raw("1.0")), [(NAME, "wrong_type")])
    n.add("name with an exponent is wrong_type", name_req(Raw("1e5")), [(NAME, "wrong_type")])
    for label, v, actual in [("null", None, "null"), ("boolean", True, "boolean"), ("array", ["n"], "array"),
                             ("object", {"n": 1}, "object")]:
        n.add("name is %s: wrong_type" % label, name_req(v), [(NAME, "wrong_type")],
              [(NAME, "wrong_type", {"actual": actual})])
    m = new_file("openstack", "metadata")
    # Upstream's /v2 applies the v2.1 metadata pattern and 255-character values: warnings naming it.
    KW = lambda key: [(MD + "/" + key.replace("~", "~0").replace("/", "~1"), "bad_char")]
    VW = [(MD + "/k", "too_long")]
    m.add("several metadata keys are valid", md_req({"a": "1", "b": "", "c d": "x"}))
    m.add("metadata key with slash and tilde is valid for openstack, a warning", md_req({"a/b~c": "v"}),
          warnings=KW("a/b~c"), params=[(MD + "/a~1b~0c", "bad_char", bc("/", 1, providerCode="400", severity="warning"))],
          source=SRC["nova_schema"])
    m.add("metadata key with any characters is valid, a warning", md_req({"é中" + GRIN: "v", "a.b": "c"}),
          warnings=KW("é中" + GRIN))
    m.add("metadata key of 255 chars is valid", md_req({"k" * 255: "v"}))
    m.add("metadata key of 256 chars is too long", md_req({"k" * 256: "v"}), [(MD + "/" + "k" * 256, "too_long")],
          [(MD + "/" + "k" * 256, "too_long", tl(255, 256, providerCode="400"))])
    m.add("metadata key ending in one line feed gets no upstream warning (Python's $)", md_req({"k\n": "v"}))
    m.add("metadata key ending in two line feeds is valid, upstream's warning", md_req({"k\n\n": "v"}),
          warnings=KW("k\n\n"))
    m.add("metadata key of 255 Han chars is valid, a warning", md_req({ZHONG * 255: "v"}), warnings=KW(ZHONG * 255))
    m.add("metadata key of 256 x U+20000 is too long", md_req({U20000 * 256: "v"}),
          [(MD + "/" + U20000 * 256, "too_long")], [(MD + "/" + U20000 * 256, "too_long", tl(255, 256))],
          warnings=KW(U20000 * 256))
    m.add("metadata key empty", md_req({"": "v"}), [(MD + "/", "empty")], [(MD + "/", "empty", {"providerCode": "400"})])
    # "metadata key cannnot be blank": the code the seed documents refuses only "" (len 0), upstream's
    # pattern allows spaces: a key of spaces only is a warning naming the seed's wording.
    m.add("metadata key blank (spaces only) is valid, a warning (the seed says 'cannot be blank')", md_req({"   ": "v"}),
          warnings=[(MD + "/   ", "empty")], params=[(MD + "/   ", "empty", {"providerCode": "400", "severity": "warning"})],
          source=SRC["nova_juno"])
    m.add("metadata key with inner and edge spaces is valid", md_req({" a b ": "v"}))
    m.add("metadata value empty is valid", md_req({"k": ""}))
    m.add("metadata value of 255 chars is valid", md_req({"k": "v" * 255}))
    m.add("metadata value of 256 chars is valid, a warning: upstream's /v2 takes 255", md_req({"k": "v" * 256}),
          warnings=VW, params=[(MD + "/k", "too_long", tl(255, 256, providerCode="400", severity="warning"))],
          source=SRC["nova_schema"])
    m.add("metadata value of 65535 ASCII bytes is valid, a warning", md_req({"k": "v" * 65535}), warnings=VW)
    m.add("metadata value of 65536 ASCII bytes is too long", md_req({"k": "v" * 65536}), [(MD + "/k", "too_long")],
          [(MD + "/k", "too_long", tl(65535, 65536, "bytes", providerCode="400", severity="error"))])
    m.add("metadata value of 21845 x 3-byte Han (65535 bytes) is valid, a warning", md_req({"k": ZHONG * 21845}), warnings=VW)
    m.add("metadata value of 21845 Han plus one ASCII (65536 bytes) is too long", md_req({"k": ZHONG * 21845 + "a"}),
          [(MD + "/k", "too_long")], [(MD + "/k", "too_long", tl(65535, 65536, "bytes"))])
    m.add("metadata value of 16383 emoji plus 3 ASCII (65535 bytes) is valid, a warning", md_req({"k": GRIN * 16383 + "abc"}),
          warnings=VW)
    m.add("metadata value of 16384 emoji (65536 bytes) is too long", md_req({"k": GRIN * 16384}),
          [(MD + "/k", "too_long")], [(MD + "/k", "too_long", tl(65535, 65536, "bytes"))])
    m.add("metadata value 21844 Han + 2-byte e-acute + a (65535 bytes) is valid, a warning",
          md_req({"k": ZHONG * 21844 + "\u00e9a"}), warnings=VW)
    m.add("metadata value 21845 Han + 2-byte e-acute (65537 bytes) is too long",
          md_req({"k": ZHONG * 21845 + "\u00e9"}), [(MD + "/k", "too_long")],
          [(MD + "/k", "too_long", tl(65535, 65537, "bytes"))])
    for label, v, actual in [("null", None, "null"), ("number", 5, "number"), ("boolean", False, "boolean"),
                             ("array", ["v"], "array"), ("object", {}, "object")]:
        m.add("metadata value is %s: wrong_type" % label, md_req({"k": v}), [(MD + "/k", "wrong_type")],
              [(MD + "/k", "wrong_type", {"actual": actual, "providerCode": "400"})])
    m.add("several metadata problems at once", md_req({"": "a", "ok": "b", "n": 1, "long": "x" * 65536, "  ": None}),
          [(MD + "/", "empty"), (MD + "/n", "wrong_type"), (MD + "/long", "too_long"), (MD + "/  ", "wrong_type")],
          warnings=[(MD + "/  ", "empty")])


def nova():
    f = new_file("nova", "url_parts")
    url_parts(f, "nova")
    n = new_file("nova", "name")
    n.add("name of 1 char is valid", name_req("n"))
    n.add("name of 255 chars is valid", name_req("n" * 255))
    n.add("name of 256 chars is too long", name_req("n" * 256), [(NAME, "too_long")],
          [(NAME, "too_long", tl(255, 256, providerCode="400"))])
    n.add("name of 255 Han chars is valid", name_req(ZHONG * 255))
    n.add("name of 256 Han chars is too long", name_req(ZHONG * 256), [(NAME, "too_long")],
          [(NAME, "too_long", tl(255, 256))])
    n.add("name 254 chars plus e+U+0301 is 256: too long (combining mark is printable)",
          name_req("a" * 254 + E_COMB), [(NAME, "too_long")], [(NAME, "too_long", tl(255, 256))])
    n.add("name of 255 x U+20000: length fine but not BMP", name_req(U20000 * 255), [(NAME, "bad_char")],
          [(NAME, "bad_char", bc(U20000, 0))])
    n.add("name of 256 x U+20000: too_long and bad_char", name_req(U20000 * 256),
          [(NAME, "too_long"), (NAME, "bad_char")], [(NAME, "too_long", tl(255, 256))])
    for label, s in [("precomposed e-acute", "caf\u00e9"), ("combining acute", "cafe\u0301"),
                     ("CJK", "镜像-1"), ("inner space", "test image"), ("inner U+00A0", "a\u00a0b"),
                     ("inner U+3000", "a\u3000b"), ("full-width letters", FW_A + "\uff42"),
                     ("kana and Hangul", "あ한"), ("punctuation", "a!@#$%^&*()[]{}<>/\\|~`'\",.;:?=+")]:
        n.add("name with %s is valid" % label, name_req(s))
    n.add("name in full-width letters is valid and normalize keeps it (Nova prints them)", name_req("\uff57\uff45\uff42\uff10\uff11"),
          changes=[], normalized=name_req("\uff57\uff45\uff42\uff10\uff11"), source=SRC["nova_schema"])
    # Nova refuses format characters (Cf) such as ZWNJ and ZWJ: normalize removes them, which makes the name pass.
    n.add("name in Persian with its ZWNJ: Nova refuses the ZWNJ (Cf), normalize removes it", name_req(PERSIAN),
          [(NAME, "bad_char")], [(NAME, "bad_char", bc(ZWNJ, 2))], changes=[(NAME, "remove_zero_width")],
          normalized=name_req(PERSIAN.replace(ZWNJ, "")), source=SRC["nova_schema"])
    n.add("name with a ZWJ between letters: Nova refuses it, normalize removes it", name_req("a" + ZWJ + "b"),
          [(NAME, "bad_char")], changes=[(NAME, "remove_zero_width")], normalized=name_req("ab"))
    for label, s, ch, idx in [
        ("bell U+0007 (Cc)", "a\u0007b", "\u0007", 1),
        ("DEL U+007F (Cc)", "a\u007fb", "\u007f", 1),
        ("inner newline (Cc)", "a\nb", "\n", 1),
        ("left-to-right mark U+200E (Cf)", "a\u200eb", "\u200e", 1),
        ("zero-width space U+200B (Cf)", "a\u200bb", "\u200b", 1),
        ("soft hyphen U+00AD (Cf)", "a\u00adb", "\u00ad", 1),
        ("BOM U+FEFF (Cf)", "a\ufeffb", "\ufeff", 1),
        ("line separator U+2028 (Zl)", "a\u2028b", "\u2028", 1),
        ("paragraph separator U+2029 (Zp)", "a\u2029b", "\u2029", 1),
        ("private use U+E000 (Co)", "ab\ue000", "\ue000", 2),
        ("noncharacter U+FFFF (Cn)", "a\uffffb", "\uffff", 1),
        ("unassigned U+0378 (Cn)", "a\u0378b", "\u0378", 1),
        ("supplementary U+20000", "a" + U20000, U20000, 1),
        ("emoji (supplementary)", "img" + GRIN, GRIN, 3),
    ]:
        n.add("name with %s is bad_char" % label, name_req(s), [(NAME, "bad_char")],
              [(NAME, "bad_char", bc(ch, idx, providerCode="400"))])
    n.add("name lone surrogate is bad_char", name_req("ab\ud800"), [(NAME, "bad_char")],
          [(NAME, "bad_char", {"codePoint": "U+D800", "index": 2})])
    n.add("name reports only the first bad char", name_req("x\u200e\u0007"), [(NAME, "bad_char")],
          [(NAME, "bad_char", bc("\u200e", 1))])
    n.add("name ZWJ family emoji: first bad char is the man at index 1", name_req("a" + FAMILY),
          [(NAME, "bad_char")], [(NAME, "bad_char", bc("\U0001F468", 1))])
    WS = {"format": "no leading or trailing whitespace"}
    for label, s in [("leading space", " image"), ("trailing space", "image "), ("leading U+00A0", "\u00a0image"),
                     ("trailing U+3000", "image\u3000"), ("leading em space U+2003", "\u2003image"),
                     ("only a space", " "), ("spaces on both sides", "  image  ")]:
        n.add("name with %s is bad_format" % label, name_req(s), [(NAME, "bad_format")],
              [(NAME, "bad_format", dict(WS, providerCode="400"))])
    n.add("name with leading tab: bad_char (Cc) and bad_format (White_Space)", name_req("\timage"),
          [(NAME, "bad_char"), (NAME, "bad_format")], [(NAME, "bad_char", bc("\t", 0))])
    n.add("name with trailing U+2028: bad_char (Zl) and bad_format", name_req("image\u2028"),
          [(NAME, "bad_char"), (NAME, "bad_format")], [(NAME, "bad_char", bc("\u2028", 5))])
    n.add("name 256 chars with leading space and a bell: three issues", name_req(" " + "a" * 254 + "\u0007"),
          [(NAME, "too_long"), (NAME, "bad_char"), (NAME, "bad_format")],
          [(NAME, "bad_char", bc("\u0007", 255)), (NAME, "too_long", tl(255, 256))])
    # Nova matches valid_name_regex with Python's re.search, whose `$` also matches before a final
    # line feed: one final "\n" passes (Nova's normalize_name strips it; so does normalize).
    n.add("name ending in one line feed is valid (Python's $), normalize trims it", name_req("abc\n"),
          changes=[(NAME, "trim")], normalized=name_req("abc"), source=SRC["nova_schema"])
    n.add("name of 254 chars and a final line feed (255) is valid", name_req("a" * 254 + "\n"), changes=[(NAME, "trim")])
    n.add("name of 255 chars and a final line feed is too long (maxLength counts it)", name_req("a" * 255 + "\n"),
          [(NAME, "too_long")], [(NAME, "too_long", tl(255, 256))])
    n.add("name ending in two line feeds: bad_char at the first and bad_format", name_req("abc\n\n"),
          [(NAME, "bad_char"), (NAME, "bad_format")], [(NAME, "bad_char", bc("\n", 3))])
    n.add("name of a line feed only: bad_char and bad_format", name_req("\n"),
          [(NAME, "bad_char"), (NAME, "bad_format")], [(NAME, "bad_char", bc("\n", 0))])
    n.add("name ending in a space and a line feed is bad_format", name_req("abc \n"), [(NAME, "bad_format")])
    n.add("name ending in CR LF: bad_char (CR)", name_req("abc\r\n"), [(NAME, "bad_char"), (NAME, "bad_format")],
          [(NAME, "bad_char", bc("\r", 3))])
    n.add("name empty", name_req(""), [(NAME, "empty")])
    n.add("name missing", ci(name=DEL), [(NAME, "required")])
    n.add("name as a number is wrong_type for nova", name_req(12345), [(NAME, "wrong_type")],
          [(NAME, "wrong_type", {"actual": "number", "providerCode": "400"})])
    for label, v, actual in [("null", None, "null"), ("boolean", False, "boolean"), ("array", [], "array"),
                             ("object", {}, "object")]:
        n.add("name is %s: wrong_type" % label, name_req(v), [(NAME, "wrong_type")],
              [(NAME, "wrong_type", {"actual": actual})])
    m = new_file("nova", "metadata")
    m.add("metadata key with every allowed char class is valid", md_req({"aZ09-_:. x": "v"}))
    m.add("metadata key of spaces only is valid for nova", md_req({"   ": "v"}))
    m.add("metadata key of 255 chars is valid", md_req({"k" * 255: "v"}))
    m.add("metadata key of 256 chars is too long", md_req({"k" * 256: "v"}), [(MD + "/" + "k" * 256, "too_long")],
          [(MD + "/" + "k" * 256, "too_long", tl(255, 256, providerCode="400"))])
    m.add("metadata key empty", md_req({"": "v"}), [(MD + "/", "empty")], [(MD + "/", "empty", {"providerCode": "400"})])
    # The key pattern ^[a-zA-Z0-9-_:. ]{1,255}$ (re.search): one final line feed passes, uncounted.
    m.add("metadata key ending in one line feed is valid (Python's $)", md_req({"k\n": "v"}), source=SRC["nova_schema"])
    m.add("metadata key of 255 chars and a final line feed is valid", md_req({"k" * 255 + "\n": "v"}))
    m.add("metadata key of 256 chars and a final line feed is too long", md_req({"k" * 256 + "\n": "v"}),
          [(MD + "/" + "k" * 256 + "\n", "too_long")], [(MD + "/" + "k" * 256 + "\n", "too_long", tl(255, 256))])
    m.add("metadata key of a line feed only is bad_char", md_req({"\n": "v"}), [(MD + "/\n", "bad_char")],
          [(MD + "/\n", "bad_char", bc("\n", 0))])
    m.add("metadata key ending in two line feeds is bad_char", md_req({"k\n\n": "v"}), [(MD + "/k\n\n", "bad_char")],
          [(MD + "/k\n\n", "bad_char", bc("\n", 1))])
    m.add("metadata key with slash and tilde is bad_char (escaped path)", md_req({"a/b~c": "v"}),
          [(MD + "/a~1b~0c", "bad_char")], [(MD + "/a~1b~0c", "bad_char", bc("/", 1, providerCode="400"))])
    for label, key, ch, idx in [("e-acute", "caf\u00e9", "\u00e9", 3), ("Han", "键", "键", 0),
                                ("exclamation mark", "key!", "!", 3), ("emoji", "k" + GRIN, GRIN, 1),
                                ("full-width a", FW_A, FW_A, 0), ("tab", "a\tb", "\t", 1),
                                ("zero-width space", "a" + ZWSP, ZWSP, 1)]:
        m.add("metadata key with %s is bad_char" % label, md_req({key: "v"}), [(MD + "/" + key, "bad_char")],
              [(MD + "/" + key, "bad_char", bc(ch, idx))])
    # (A metadata key holding a lone surrogate is not tested: the expected path would itself hold a lone
    # surrogate, which the Rust harness cannot read as a string.)
    kk = "k" * 255 + "!"
    m.add("metadata key of 256 chars with a bad char: too_long and bad_char", md_req({kk: "v"}),
          [(MD + "/" + kk, "too_long"), (MD + "/" + kk, "bad_char")], [(MD + "/" + kk, "bad_char", bc("!", 255))])
    m.add("metadata value empty is valid", md_req({"k": ""}))
    m.add("metadata value of 255 chars is valid", md_req({"k": "v" * 255}))
    m.add("metadata value of 256 chars is too long", md_req({"k": "v" * 256}), [(MD + "/k", "too_long")],
          [(MD + "/k", "too_long", tl(255, 256, providerCode="400"))])
    # Nova's API reference says 255 bytes per key and value; the schema counts 255 characters.
    m.add("metadata value of 255 emoji is valid, a warning: the API reference says 255 bytes", md_req({"k": GRIN * 255}),
          warnings=[(MD + "/k", "too_long")],
          params=[(MD + "/k", "too_long", tl(255, 1020, "bytes", providerCode="400", severity="warning"))],
          source=SRC["nova_apiref"])
    m.add("metadata value of 85 Han (255 bytes) is valid without a warning", md_req({"k": ZHONG * 85}))
    m.add("metadata value of 86 Han (258 bytes) is a warning", md_req({"k": ZHONG * 86}), warnings=[(MD + "/k", "too_long")])
    m.add("metadata value of 256 Han is too long", md_req({"k": ZHONG * 256}), [(MD + "/k", "too_long")],
          [(MD + "/k", "too_long", tl(255, 256, severity="error"))])
    for label, v, actual in [("null", None, "null"), ("number", 5, "number"), ("boolean", True, "boolean"),
                             ("array", [], "array"), ("object", {"a": "b"}, "object")]:
        m.add("metadata value is %s: wrong_type" % label, md_req({"k": v}), [(MD + "/k", "wrong_type")],
              [(MD + "/k", "wrong_type", {"actual": actual})])
    m.add("several metadata problems at once", md_req({"": "a", "ok": "b", "bad key!": 1, "long": "x" * 256}),
          [(MD + "/", "empty"), (MD + "/bad key!", "bad_char"), (MD + "/bad key!", "wrong_type"),
           (MD + "/long", "too_long")])


# =============================================================================================
# huawei
# =============================================================================================
HB = {"name": "fedora-data1", "image_url": "image-test:fedora_data1.qcow2", "min_disk": 40}


def huawei():
    h = lambda **kw: merge(HB, kw)
    f = new_file("huawei", "fields")
    f.add("base request is valid", h())
    f.add("full valid request with tags", h(description="Data disk 1 of Fedora", os_type="Linux", cmk_id="key-1",
                                            enterprise_project_id="0", tags=["aaa.111", "bbb.222"]))
    f.add("full valid request with image_tags", h(name="fedora-data2", os_type="Linux",
                                                  image_tags=[{"key": "aaa", "value": "111"}, {"key": "bbb", "value": "222"}]))
    f.add("empty object: name, image_url, min_disk required", {},
          [("/name", "required"), ("/image_url", "required"), ("/min_disk", "required")])
    for label, root in ROOTS:
        f.add("root is %s: wrong_type at root" % label, root, [("", "wrong_type")])
    f.add("unknown field is a warning", h(visibility="private"), warnings=[("/visibility", "unknown_field")])
    # description
    f.add("description empty is valid", h(description=""))
    f.add("description of 1024 chars is valid", h(description="d" * 1024))
    f.add("description of 1025 chars is too long", h(description="d" * 1025), [("/description", "too_long")],
          [("/description", "too_long", tl(1024, 1025, providerCode="IMG.0004"))])
    f.add("description of 1024 Han is valid", h(description=ZHONG * 1024))
    f.add("description of 1025 x U+20000 is too long", h(description=U20000 * 1025), [("/description", "too_long")],
          [("/description", "too_long", tl(1024, 1025))])
    f.add("description with punctuation, tab and emoji is valid", h(description="a, b; c\t" + GRIN + " (x) & y"))
    # The pages name the carriage return; "回车" read as any line break makes a line feed a warning.
    f.add("description with LF is a bad_char warning", h(description="line1\nline2"), warnings=[("/description", "bad_char")],
          params=[("/description", "bad_char", bc("\n", 5, providerCode="IMG.0054", severity="warning"))],
          source="seed:huawei-ims-create-data-image.txt")
    # Every other line break of Unicode's mandatory breaks (UAX #14: VT, FF, NEL, LS, PS) too (LF only
    # until 2026-12-01).
    for label, ch in [("VT", "\x0b"), ("FF", "\x0c"), ("NEL", "\x85"), ("U+2028", "\u2028"), ("U+2029", "\u2029")]:
        f.add("description with %s is a bad_char warning, as LF" % label, h(description="line1" + ch + "line2"),
              warnings=[("/description", "bad_char")],
              params=[("/description", "bad_char", bc(ch, 5, providerCode="IMG.0054", severity="warning"))])
    for label, s, ch, idx in [("CR", "a\rb", "\r", 1), ("CRLF", "a\r\nb", "\r", 1), ("<", "<b>bold", "<", 0),
                              (">", "a>b", ">", 1)]:
        f.add("description with %s is bad_char" % label, h(description=s), [("/description", "bad_char")],
              [("/description", "bad_char", bc(ch, idx, providerCode="IMG.0054"))])
    f.add("description too long and with CR: both issues", h(description="d" * 1024 + "\r"),
          [("/description", "too_long"), ("/description", "bad_char")],
          [("/description", "bad_char", bc("\r", 1024, providerCode="IMG.0054")),
           ("/description", "too_long", {"providerCode": "IMG.0004"})])
    f.add("description too long and with LF: the error and the reading's warning", h(description="d" * 1024 + "\n"),
          [("/description", "too_long")], warnings=[("/description", "bad_char")])
    f.add("description number is wrong_type", h(description=1), [("/description", "wrong_type")])
    # os_type
    f.add("os_type Linux is valid", h(os_type="Linux"))
    # The seed page, the SDK and the region pages list Windows; the international page says the API no
    # longer makes Windows data disk images: a warning naming it.
    f.add("os_type Windows is valid, with a warning (the international page: no Windows data disk images)",
          h(os_type="Windows"), warnings=[("/os_type", "not_allowed")],
          params=[("/os_type", "not_allowed", {"allowed": ["Linux"], "actual": "Windows", "severity": "warning"})],
          source=SRC["hw_create_intl"])
    f.add("os_type lower-case linux is not_allowed", h(os_type="linux"), [("/os_type", "not_allowed")],
          [("/os_type", "not_allowed", {"allowed": ["Windows", "Linux"], "actual": "linux", "providerCode": "IMG.0122"})])
    f.add("os_type Ubuntu is not_allowed", h(os_type="Ubuntu"), [("/os_type", "not_allowed")],
          [("/os_type", "not_allowed", {"providerCode": "IMG.0122"})])
    f.add("os_type empty string is not_allowed", h(os_type=""), [("/os_type", "not_allowed")])
    f.add("os_type number is wrong_type", h(os_type=1), [("/os_type", "wrong_type")])
    # cmk_id
    f.add("cmk_id is valid", h(cmk_id="0b5f1b7e-1234-4d3e-9abc-0123456789ab"))
    f.add("cmk_id empty", h(cmk_id=""), [("/cmk_id", "empty")])
    f.add("cmk_id number is wrong_type", h(cmk_id=5), [("/cmk_id", "wrong_type")])
    # enterprise_project_id
    f.add("enterprise_project_id 0 is valid", h(enterprise_project_id="0"))
    f.add("enterprise_project_id UUID is valid", h(enterprise_project_id="b7a7b63e-9217-4a95-a999-c95da856f143"))
    # "If the value is 0 or left blank, the image belongs to the default enterprise project."
    f.add("enterprise_project_id empty is the default project", h(enterprise_project_id=""))
    for label, v in [("1", "1"), ("00", "00"), ("default", "default"), ("UUID without dashes", "b7a7b63e92174a95a999c95da856f143"),
                     ("UUID too short", "b7a7b63e-9217-4a95-a999-c95da856f14")]:
        f.add("enterprise_project_id %s is bad_format" % label, h(enterprise_project_id=v),
              [("/enterprise_project_id", "bad_format")])
    f.add("enterprise_project_id number 0 is wrong_type", h(enterprise_project_id=0),
          [("/enterprise_project_id", "wrong_type")], [("/enterprise_project_id", "wrong_type", {"actual": "number"})])
    f.add("many problems at once are all reported",
          {"name": " bad@name", "description": "<x>", "os_type": "Mac", "image_url": "AB:", "min_disk": 10,
           "cmk_id": "", "enterprise_project_id": "x", "tags": ["k.v", "k.w"], "image_tags": [{"value": "v"}], "zone": 1},
          [("/name", "bad_format"), ("/name", "bad_char"), ("/description", "bad_char"), ("/os_type", "not_allowed"),
           ("/image_url", "bad_format"), ("/min_disk", "out_of_range"), ("/cmk_id", "empty"),
           ("/enterprise_project_id", "bad_format"), ("/tags/1", "duplicate"),
           ("/image_tags", "conflict")], warnings=[("/zone", "unknown_field"), ("/image_tags/0/key", "required")])

    n = new_file("huawei", "name")
    NC = {"providerCode": "IMG.0003"}
    n.add("name of 1 char is valid", h(name="n"))
    n.add("name of 128 chars is valid", h(name="n" * 128))
    n.add("name of 129 chars is too long", h(name="n" * 129), [("/name", "too_long")],
          [("/name", "too_long", tl(128, 129, providerCode="IMG.0002"))])
    # Chinese characters: Huawei's Terraform provider documents them in names, the IMS "Image
    # Attributes" pages do not: valid, a warning naming the pages.
    HW = lambda ch, idx: [("/name", "bad_char", bc(ch, idx, providerCode="IMG.0003", severity="warning"))]
    n.add("name of 128 Han is valid, a warning (the Image Attributes pages list no Chinese)", h(name=ZHONG * 128),
          warnings=[("/name", "bad_char")], params=HW(ZHONG, 0), source=SRC["hw_tf_image"])
    n.add("name of 128 x U+20000 is valid, a warning", h(name=U20000 * 128), warnings=[("/name", "bad_char")],
          params=HW(U20000, 0))
    n.add("name of 129 x U+20000 is too long (and the Chinese warning)", h(name=U20000 * 129), [("/name", "too_long")],
          [("/name", "too_long", tl(128, 129, providerCode="IMG.0002"))], warnings=[("/name", "bad_char")])
    n.add("name with every allowed ASCII class and inner space is valid", h(name="Fedora data-1.img_x 9"))
    n.add("name with Han and U+3007 is valid, a warning", h(name="镜像\u3007"), warnings=[("/name", "bad_char")])
    n.add("name with only ASCII gets no warning", h(name="data-disk.1_a b"))
    # Normalize folds what Huawei refuses: full-width letters and U+3000 in a name.
    n.add("name in full-width letters: normalize folds them, Huawei refuses the full-width form",
          h(name="\uff44\uff41\uff54\uff41\u3000\uff11"), [("/name", "bad_char")],
          changes=[("/name", "fold_width")], normalized=h(name="data 1"))
    n.add("name with a ZWJ between letters: Huawei refuses it, normalize removes it", h(name="data" + ZWJ + "disk"),
          [("/name", "bad_char")], changes=[("/name", "remove_zero_width")], normalized=h(name="datadisk"))
    # IMG.0013 "The image name is not specified." (IMG.0002 is only "more than 128 characters").
    n.add("name empty is IMG.0013", h(name=""), [("/name", "empty")], [("/name", "empty", {"providerCode": "IMG.0013"})],
          source=SRC["hw_errors"])
    n.add("name missing is IMG.0013", h(name=DEL), [("/name", "required")],
          [("/name", "required", {"providerCode": "IMG.0013"})], source=SRC["hw_errors"])
    for label, v, actual in [("null", None, "null"), ("number", 1, "number"), ("array", ["n"], "array"),
                             ("boolean", True, "boolean"), ("object", {}, "object")]:
        n.add("name is %s: wrong_type" % label, h(name=v), [("/name", "wrong_type")],
              [("/name", "wrong_type", {"actual": actual})])
    for label, s in [("leading space", " fedora"), ("trailing space", "fedora "), ("only a space", " "),
                     ("spaces on both sides", "  fedora  ")]:
        n.add("name with %s is bad_format" % label, h(name=s), [("/name", "bad_format")],
              [("/name", "bad_format", NC)])
    for label, s, ch, idx in [("at sign", "fedora@1", "@", 6), ("full-width a", "fedora" + FW_A, FW_A, 6),
                              ("hiragana", "あ", "あ", 0), ("zero-width space", "a" + ZWSP + "b", ZWSP, 1),
                              ("ideographic space U+3000", "a\u3000b", "\u3000", 1),
                              ("inner U+00A0", "a\u00a0b", "\u00a0", 1), ("tab", "a\tb", "\t", 1),
                              ("combining acute", "fe\u0301", "\u0301", 2), ("emoji", GRIN, GRIN, 0),
                              ("slash", "a/b", "/", 1), ("colon", "a:b", ":", 1)]:
        n.add("name with %s is bad_char" % label, h(name=s), [("/name", "bad_char")],
              [("/name", "bad_char", bc(ch, idx, providerCode="IMG.0003"))])
    n.add("name lone surrogate is bad_char", h(name="ab\ud800"), [("/name", "bad_char")],
          [("/name", "bad_char", {"codePoint": "U+D800", "index": 2, "providerCode": "IMG.0003"})])
    n.add("name with an edge space, '<' and a lone surrogate: bad_format and the first bad_char", h(name=" <x>\ud800"),
          [("/name", "bad_format"), ("/name", "bad_char")], [("/name", "bad_char", bc("<", 1))])
    n.add("name 129 chars with @: too_long and bad_char", h(name="n" * 128 + "@"),
          [("/name", "too_long"), ("/name", "bad_char")],
          [("/name", "too_long", {"providerCode": "IMG.0002"}), ("/name", "bad_char", bc("@", 128, providerCode="IMG.0003"))])
    n.add("name with leading space and @: bad_format and bad_char", h(name=" a@"),
          [("/name", "bad_format"), ("/name", "bad_char")], [("/name", "bad_char", bc("@", 2))])

    u = new_file("huawei", "image_url")
    for label, v in [("bucket of 3 chars", "abc:x"), ("bucket of 63 chars", "b" * 63 + ":x"),
                     ("bucket with digits, dots and dashes", "my.bucket-01:dir/file.qcow2"),
                     ("bucket all digits", "123:x"),
                     ("object containing colons", "bucket:dir:file.qcow2"),
                     ("object with upper case and spaces", "bucket:My Image.VHD")]:
        u.add("image_url with %s is valid" % label, h(image_url=v))
    for label, v in [("bucket of 2 chars", "ab:x"), ("bucket of 64 chars", "b" * 64 + ":x"),
                     ("upper-case letter in bucket", "Image-test:x"), ("underscore in bucket", "image_test:x"),
                     ("bucket starting with -", "-image:x"), ("bucket starting with .", ".image:x"),
                     ("bucket ending with -", "image-:x"), ("bucket ending with .", "image.:x"),
                     ("no colon", "image-test"), ("empty object part", "image-test:"),
                     ("empty bucket part", ":fedora.qcow2"), ("only a colon", ":"),
                     ("Han in bucket", "镜像桶:x"), ("space in bucket", "my bucket:x")]:
        u.add("image_url with %s is bad_format" % label, h(image_url=v), [("/image_url", "bad_format")])
    u.add("image_url empty", h(image_url=""), [("/image_url", "empty")])
    u.add("image_url missing", h(image_url=DEL), [("/image_url", "required")])
    u.add("image_url number is wrong_type", h(image_url=5), [("/image_url", "wrong_type")],
          [("/image_url", "wrong_type", {"actual": "number"})])
    u.add("image_url object is wrong_type", h(image_url={"bucket": "b", "object": "o"}), [("/image_url", "wrong_type")])
    u.add("image_url with several format faults is one bad_format", h(image_url="_AB"), [("/image_url", "bad_format")])
    # Normalization trims, unless trimming would make a value the rule accepts one it refuses (found
    # by the fuzz smoke run of 2026-11-30: the object part all spaces, trimmed to nothing).
    u.add("image_url whose object is spaces is valid; normalize leaves it (trimmed, no object)",
          h(image_url="image-test:   "), changes=[], normalized=h(image_url="image-test:   "))
    # normalize fixes the bucket only: the object is an OBS object key, any text the provider takes as written
    # (a helper's attack, 2026-11-30: a final space, a full-width slash and a zero-width space in it were changed).
    u.add("image_url with spaces around: bad_format (the bucket); normalize trims the bucket, not the object",
          h(image_url="  image-test:disk.qcow2 "), [("/image_url", "bad_format")],
          changes=[("/image_url", "trim")], normalized=h(image_url="image-test:disk.qcow2 "))
    u.add("image_url object with a final space, a full-width slash, a zero-width space: valid, left as written",
          h(image_url="image-test:镜像／ｄｉｓｋ\u200b.qcow2 "), changes=[], normalized=h(image_url="image-test:镜像／ｄｉｓｋ\u200b.qcow2 "))
    u.add("image_url full-width bucket and colon: folded (the colon too: there is no other)",
          h(image_url="ｉｍａｇｅ－ｔｅｓｔ：disk.qcow2"), [("/image_url", "bad_format")],
          changes=[("/image_url", "fold_width")], normalized=h(image_url="image-test:disk.qcow2"))

    d = new_file("huawei", "min_disk")
    MR = {"min": 40, "max": 2048}
    d.add("min_disk 40 is valid (lowest)", h(min_disk=40))
    d.add("min_disk 2048 is valid (highest)", h(min_disk=2048))
    d.add("min_disk 1024 is valid", h(min_disk=1024))
    d.add("min_disk 40.0 is an integer", h(min_disk=Raw("40.0")))
    d.add("min_disk 2048.0 is an integer", h(min_disk=Raw("2048.0")))
    d.add("min_disk 39 is out_of_range", h(min_disk=39), [("/min_disk", "out_of_range")],
          [("/min_disk", "out_of_range", dict(MR, actual=39, providerCode="IMG.0055"))])
    d.add("min_disk 2049 is out_of_range", h(min_disk=2049), [("/min_disk", "out_of_range")],
          [("/min_disk", "out_of_range", dict(MR, actual=2049, providerCode="IMG.0055"))])
    d.add("min_disk 0 is out_of_range", h(min_disk=0), [("/min_disk", "out_of_range")],
          [("/min_disk", "out_of_range", dict(MR, actual=0))])
    d.add("min_disk -40 is out_of_range", h(min_disk=-40), [("/min_disk", "out_of_range")],
          [("/min_disk", "out_of_range", dict(MR, actual=-40))])
    d.add("min_disk 39.0 is an out of range integer", h(min_disk=Raw("39.0")), [("/min_disk", "out_of_range")],
          [("/min_disk", "out_of_range", {"providerCode": "IMG.0055"})])
    d.add("min_disk 40.5 is wrong_type", h(min_disk=40.5), [("/min_disk", "wrong_type")],
          [("/min_disk", "wrong_type", {"actual": "number"})])
    d.add("min_disk 2048.5 is wrong_type", h(min_disk=2048.5), [("/min_disk", "wrong_type")])
    d.add("min_disk string 40 is wrong_type", h(min_disk="40"), [("/min_disk", "wrong_type")],
          [("/min_disk", "wrong_type", {"actual": "string"})])
    d.add("min_disk null is wrong_type", h(min_disk=None), [("/min_disk", "wrong_type")],
          [("/min_disk", "wrong_type", {"actual": "null"})])
    d.add("min_disk boolean is wrong_type", h(min_disk=True), [("/min_disk", "wrong_type")])
    d.add("min_disk array is wrong_type", h(min_disk=[40]), [("/min_disk", "wrong_type")])
    d.add("min_disk missing", h(min_disk=DEL), [("/min_disk", "required")])

    t = new_file("huawei", "tags")
    # The tag pages disagree: the Chinese page allows keys of 1-128 and values of 0-255 characters
    # (Han, letters, digits, spaces, _ . : + - @, and / in values); the ME-Abu Dhabi page (2022) refuses
    # only = * < > \\ , | / and spaces at either end; the EU (2025) and Kuala Lumpur (2024) pages allow
    # 36 / 43 ASCII letters, digits, _ - (and . in values). Errors: what no page allows; the ASCII
    # reading warns. Every tag issue carries IMG.0115 ("The image tag is invalid").
    W = lambda path, code, **p: (path, code, dict({"severity": "warning", "providerCode": "IMG.0115"}, **p))
    t.add("tags example from the page is valid", h(tags=["aaa.111", "bbb.222"]))
    t.add("tags empty array is valid", h(tags=[]))
    t.add("tag without a dot has an empty value: valid", h(tags=["aaa"]))
    t.add("tag ending with a dot has an empty value: valid", h(tags=["aaa."]))
    t.add("tag a.b.c splits at the first dot: key a, value b.c valid", h(tags=["a.b.c"]))
    t.add("tag key of 36 chars is valid", h(tags=["k" * 36 + ".v"]))
    t.add("tag key of 37 chars is valid, a warning (the EU page says 36, the Chinese page 128)", h(tags=["k" * 37 + ".v"]),
          warnings=[("/tags/0", "too_long")], params=[W("/tags/0", "too_long", max=36, actual=37, part="key")],
          source=SRC["hw_tag_cn"])
    t.add("tag key of 128 chars is a warning", h(tags=["k" * 128 + ".v"]), warnings=[("/tags/0", "too_long")])
    t.add("tag key of 129 chars is too long", h(tags=["k" * 129 + ".v"]), [("/tags/0", "too_long")],
          [("/tags/0", "too_long", tl(128, 129, part="key", severity="error", providerCode="IMG.0115"))])
    t.add("tag value of 43 chars is valid", h(tags=["k." + "v" * 43]))
    t.add("tag value of 44 chars is a warning", h(tags=["k." + "v" * 44]), warnings=[("/tags/0", "too_long")],
          params=[W("/tags/0", "too_long", max=43, actual=44, part="value")])
    t.add("tag value of 255 chars is a warning", h(tags=["k." + "v" * 255]), warnings=[("/tags/0", "too_long")])
    t.add("tag value of 256 chars is too long", h(tags=["k." + "v" * 256]), [("/tags/0", "too_long")],
          [("/tags/0", "too_long", tl(255, 256, part="value", severity="error"))])
    t.add("tag value of 43 chars full of dots is valid", h(tags=["k." + "v." * 21 + "v"]))
    t.add("tag key and value with all allowed chars", h(tags=["Ab0_-.Zz9_.-"]))
    t.add("tag with empty key is empty", h(tags=[".value"]), [("/tags/0", "empty")],
          [("/tags/0", "empty", {"part": "key", "providerCode": "IMG.0115"})])
    t.add("tag empty string has an empty key", h(tags=[""]), [("/tags/0", "empty")])
    t.add("tag key with an inner space is valid, a warning", h(tags=["a b.c"]), warnings=[("/tags/0", "bad_char")],
          params=[W("/tags/0", "bad_char", codePoint="U+0020", index=1, part="key")], source=SRC["hw_tag_ad"])
    t.add("tag key in Chinese is valid, a warning (the EU page is ASCII only)", h(tags=["标签.v"]),
          warnings=[("/tags/0", "bad_char")], params=[W("/tags/0", "bad_char", codePoint="U+6807", part="key")],
          source=SRC["hw_tag_paris"])
    t.add("tag value with an inner space is a warning", h(tags=["k.a b"]), warnings=[("/tags/0", "bad_char")],
          params=[W("/tags/0", "bad_char", codePoint="U+0020", part="value")])
    t.add("tag value with a colon is a warning", h(tags=["k.a:b"]), warnings=[("/tags/0", "bad_char")],
          params=[W("/tags/0", "bad_char", codePoint="U+003A", part="value")])
    t.add("tag value with a slash is a warning (the Chinese page allows / in values)", h(tags=["k.a/b"]),
          warnings=[("/tags/0", "bad_char")], source=SRC["hw_tag_cn"])
    t.add("tag key with a slash is bad_char: no page allows it in keys", h(tags=["a/b.c"]), [("/tags/0", "bad_char")],
          [("/tags/0", "bad_char", {"codePoint": "U+002F", "part": "key", "severity": "error", "providerCode": "IMG.0115"})],
          source=SRC["hw_tag_ad"])
    for label, ch in [("=", "="), ("*", "*"), ("<", "<"), (">", ">"), ("backslash", "\\"), (",", ","), ("|", "|")]:
        t.add("tag key with %s is bad_char" % label, h(tags=["a" + ch + "b.c"]), [("/tags/0", "bad_char")],
              [("/tags/0", "bad_char", {"codePoint": cp(ch), "index": 1, "part": "key", "severity": "error"})])
        t.add("tag value with %s is bad_char" % label, h(tags=["k.a" + ch]), [("/tags/0", "bad_char")],
              [("/tags/0", "bad_char", {"codePoint": cp(ch), "index": 1, "part": "value", "severity": "error"})])
    # No page allows a space at either end (the ASCII page's bad_char warning names the space too).
    t.add("tag key starting with a space is bad_format", h(tags=[" k.v"]), [("/tags/0", "bad_format")],
          [("/tags/0", "bad_format", {"format": "no leading or trailing space", "part": "key", "severity": "error"})],
          warnings=[("/tags/0", "bad_char")])
    t.add("tag value ending with a space is bad_format", h(tags=["k.v "]), [("/tags/0", "bad_format")],
          [("/tags/0", "bad_format", {"part": "value"})], warnings=[("/tags/0", "bad_char")])
    t.add("tag with a bad key char and a value of 44: error and warning", h(tags=["k=." + "v" * 44]),
          [("/tags/0", "bad_char")], [("/tags/0", "bad_char", {"part": "key", "severity": "error"})],
          warnings=[("/tags/0", "too_long")])
    t.add("tag key with an emoji warns, a value of 256 is too long", h(tags=["k" + GRIN + "." + "v" * 256]),
          [("/tags/0", "too_long")], [("/tags/0", "too_long", {"part": "value", "severity": "error"})],
          warnings=[("/tags/0", "bad_char")])
    t.add("duplicate tag key at the later one", h(tags=["aaa.111", "aaa.222"]), [("/tags/1", "duplicate")],
          [("/tags/1", "duplicate", {"value": "aaa", "first": "/tags/0", "part": "key", "providerCode": "IMG.0115"})])
    t.add("duplicate tag key without values", h(tags=["aaa", "bbb.1", "aaa"]), [("/tags/2", "duplicate")],
          [("/tags/2", "duplicate", {"first": "/tags/0"})])
    t.add("same value under different keys is fine", h(tags=["a.1", "b.1"]))
    t.add("tag element number is wrong_type", h(tags=["a.1", 5]), [("/tags/1", "wrong_type")],
          [("/tags/1", "wrong_type", {"actual": "number"})])
    t.add("tags as a string is wrong_type", h(tags="aaa.111"), [("/tags", "wrong_type")])
    t.add("tags as an object is wrong_type", h(tags={"aaa": "111"}), [("/tags", "wrong_type")])
    t.add("image_tags example is valid", h(image_tags=[{"key": "aaa", "value": "111"}, {"key": "bbb", "value": "222"}]))
    t.add("image_tags empty array is valid", h(image_tags=[]))
    t.add("image_tags item without value is valid", h(image_tags=[{"key": "aaa"}]))
    t.add("image_tags empty value is valid", h(image_tags=[{"key": "aaa", "value": ""}]))
    # The example of issue 13: Chinese tags, refused by the ASCII page, allowed by the others.
    t.add("image_tags in Chinese are valid: two warnings naming the ASCII page", h(image_tags=[{"key": "部门", "value": "研发"}]),
          warnings=[("/image_tags/0/key", "bad_char"), ("/image_tags/0/value", "bad_char")],
          params=[W("/image_tags/0/key", "bad_char", codePoint="U+90E8", index=0),
                  W("/image_tags/0/value", "bad_char", codePoint="U+7814", index=0)],
          source=SRC["hw_tag_cn"])
    t.add("image_tags key of 36 and value of 43 chars are valid", h(image_tags=[{"key": "k" * 36, "value": "v" * 43}]))
    t.add("image_tags key of 37 chars is a warning", h(image_tags=[{"key": "k" * 37, "value": "v"}]),
          warnings=[("/image_tags/0/key", "too_long")], params=[W("/image_tags/0/key", "too_long", max=36, actual=37)])
    t.add("image_tags key of 128 Han is a warning", h(image_tags=[{"key": ZHONG * 128, "value": "v"}]),
          warnings=[("/image_tags/0/key", "too_long"), ("/image_tags/0/key", "bad_char")])
    t.add("image_tags key of 129 chars is too long", h(image_tags=[{"key": "k" * 129, "value": "v"}]),
          [("/image_tags/0/key", "too_long")], [("/image_tags/0/key", "too_long", tl(128, 129, severity="error"))])
    t.add("image_tags key of 129 x U+20000 is too long (chars), Han warns", h(image_tags=[{"key": U20000 * 129}]),
          [("/image_tags/0/key", "too_long")], warnings=[("/image_tags/0/key", "bad_char")])
    t.add("image_tags value of 44 chars is a warning", h(image_tags=[{"key": "k", "value": "v" * 44}]),
          warnings=[("/image_tags/0/value", "too_long")], params=[W("/image_tags/0/value", "too_long", max=43, actual=44)])
    t.add("image_tags value of 256 chars is too long", h(image_tags=[{"key": "k", "value": "v" * 256}]),
          [("/image_tags/0/value", "too_long")], [("/image_tags/0/value", "too_long", tl(255, 256))])
    # The CreateImage page's Table 1 (and the SDKs' ImageTag model) make `key` optional; the "Image Tag Data
    # Formats" page gives every key 1-128 characters: a tag without a key is a warning naming that page.
    t.add("image_tags key missing is a warning (CreateImage: key not mandatory)", h(image_tags=[{"value": "v"}]),
          warnings=[("/image_tags/0/key", "required")], params=[W("/image_tags/0/key", "required")],
          source="seed:huawei-ims-create-data-image.txt")
    t.add("image_tags item {} is a warning", h(image_tags=[{}]), warnings=[("/image_tags/0/key", "required")])
    t.add("image_tags key empty", h(image_tags=[{"key": "", "value": "v"}]), [("/image_tags/0/key", "empty")])
    t.add("image_tags key empty with emptyAsAbsent is absent: a warning", h(image_tags=[{"key": "", "value": "v"}]),
          warnings=[("/image_tags/0/key", "required")], params=[W("/image_tags/0/key", "required")], empty_as_absent=True)
    t.add("image_tags key null is wrong_type", h(image_tags=[{"key": None, "value": "v"}]),
          [("/image_tags/0/key", "wrong_type")])
    t.add("image_tags key with a dot is a warning (the Chinese page allows it)", h(image_tags=[{"key": "a.b", "value": "v"}]),
          warnings=[("/image_tags/0/key", "bad_char")], params=[W("/image_tags/0/key", "bad_char", codePoint="U+002E", index=1)])
    t.add("image_tags key with = is bad_char", h(image_tags=[{"key": "a=b", "value": "v"}]),
          [("/image_tags/0/key", "bad_char")], [("/image_tags/0/key", "bad_char", bc("=", 1, severity="error", providerCode="IMG.0115"))])
    t.add("image_tags value with a space is a warning", h(image_tags=[{"key": "k", "value": "a b"}]),
          warnings=[("/image_tags/0/value", "bad_char")], params=[W("/image_tags/0/value", "bad_char", codePoint="U+0020", index=1)])
    t.add("image_tags value with a combining mark is a warning", h(image_tags=[{"key": "k", "value": "caf" + E_COMB}]),
          warnings=[("/image_tags/0/value", "bad_char")], params=[W("/image_tags/0/value", "bad_char", codePoint="U+0301", index=4)])
    t.add("image_tags value with spaces at both ends is bad_format", h(image_tags=[{"key": "k", "value": " v "}]),
          [("/image_tags/0/value", "bad_format")], [("/image_tags/0/value", "bad_format", {"severity": "error"})],
          warnings=[("/image_tags/0/value", "bad_char")])
    t.add("image_tags value with dots is valid", h(image_tags=[{"key": "k", "value": "1.2.3"}]))
    t.add("image_tags key number is wrong_type", h(image_tags=[{"key": 1}]), [("/image_tags/0/key", "wrong_type")])
    t.add("image_tags value null is wrong_type", h(image_tags=[{"key": "k", "value": None}]),
          [("/image_tags/0/value", "wrong_type")])
    t.add("image_tags duplicate key at the later one", h(image_tags=[{"key": "k", "value": "1"}, {"key": "k", "value": "2"}]),
          [("/image_tags/1/key", "duplicate")],
          [("/image_tags/1/key", "duplicate", {"value": "k", "first": "/image_tags/0/key", "providerCode": "IMG.0115"})])
    t.add("image_tags unknown key in an item is a warning", h(image_tags=[{"key": "k", "value": "v", "Key": "x"}]),
          warnings=[("/image_tags/0/Key", "unknown_field")])
    t.add("image_tags item string is wrong_type", h(image_tags=["aaa.111"]), [("/image_tags/0", "wrong_type")])
    t.add("image_tags object is wrong_type", h(image_tags={"key": "k"}), [("/image_tags", "wrong_type")])
    t.add("tags and image_tags together: conflict at image_tags", h(tags=["a.1"], image_tags=[{"key": "b", "value": "2"}]),
          [("/image_tags", "conflict")], [("/image_tags", "conflict", {"with": "/tags", "paths": ["/tags", "/image_tags"]})])
    # "Use either tags or image_tags": an empty list is none (the SDKs, `omitempty`, leave it out;
    # a conflict error until the 2026-12-01 audit).
    t.add("tags with an empty image_tags: no conflict (the SDK leaves it out)", h(tags=["a.1"], image_tags=[]),
          source="https://github.com/huaweicloud/huaweicloud-sdk-go-v3/blob/master/services/ims/v2/model/model_create_data_image_request_body.go")
    t.add("an empty tags with image_tags: no conflict", h(tags=[], image_tags=[{"key": "b", "value": "2"}]))
    t.add("both lists empty: no conflict", h(tags=[], image_tags=[]))
    t.add("tags and image_tags with the same key: only conflict (keys unique per list)",
          h(tags=["a.1"], image_tags=[{"key": "a", "value": "1"}]), [("/image_tags", "conflict")])
    t.add("conflict plus problems inside both lists", h(tags=["k" * 129, "x.y|z"], image_tags=[{"key": ""}]),
          [("/tags/0", "too_long"), ("/tags/1", "bad_char"), ("/image_tags/0/key", "empty"), ("/image_tags", "conflict")])
    # A tag string holding a lone surrogate: every rule on each part, the surrogate the bad_char of
    # its part (at its index in the part) unless an earlier character is.
    t.add("tag with an edge space in the key and a lone surrogate in the value: every rule", h(tags=[" k.v\ud800"]),
          [("/tags/0", "bad_format"), ("/tags/0", "bad_char")], warnings=[("/tags/0", "bad_char")],
          params=[("/tags/0", "bad_char", {"codePoint": "U+D800", "index": 1, "part": "value", "severity": "error"}),
                  ("/tags/0", "bad_format", {"part": "key"})])
    t.add("tag key '=' before a lone surrogate: bad_char is the '='", h(tags=["=\ud800"]), [("/tags/0", "bad_char")],
          [("/tags/0", "bad_char", {"codePoint": "U+003D", "index": 0, "part": "key"})])
    t.add("tag key of 129 chars and a lone surrogate in the value: too_long and bad_char", h(tags=["k" * 129 + ".\ud800"]),
          [("/tags/0", "too_long"), ("/tags/0", "bad_char")],
          [("/tags/0", "bad_char", {"codePoint": "U+D800", "index": 0, "part": "value"})])
    # How many tags: at most 20 (the "Image Tag Data Formats" page); AddImageTag and
    # BatchAddOrDeleteTags say 10, a warning naming them. No error code is documented for it.
    TAGS = lambda n: ["k%d.v" % i for i in range(n)]
    ITAGS = lambda n: [{"key": "k%d" % i, "value": "v"} for i in range(n)]
    t.add("tags: 10 are valid", h(tags=TAGS(10)))
    t.add("tags: 11 are valid, a warning (the tag APIs say 10)", h(tags=TAGS(11)), warnings=[("/tags", "too_many")],
          params=[("/tags", "too_many", {"max": 10, "actual": 11, "severity": "warning"})],
          source="https://support.huaweicloud.com/api-ims/ims_03_0618.html")
    t.add("tags: 20 are valid, a warning", h(tags=TAGS(20)), warnings=[("/tags", "too_many")])
    t.add("tags: 21 are too many", h(tags=TAGS(21)), [("/tags", "too_many")],
          [("/tags", "too_many", {"max": 20, "actual": 21, "severity": "error"})], source=SRC["hw_tag_cn"])
    t.add("image_tags: 10 are valid", h(image_tags=ITAGS(10)))
    t.add("image_tags: 11 are valid, a warning", h(image_tags=ITAGS(11)), warnings=[("/image_tags", "too_many")],
          params=[("/image_tags", "too_many", {"max": 10, "actual": 11, "severity": "warning"})])
    t.add("image_tags: 21 are too many", h(image_tags=ITAGS(21)), [("/image_tags", "too_many")],
          [("/image_tags", "too_many", {"max": 20, "actual": 21, "severity": "error"})])
    t.add("tags: 21 items with a duplicate: too_many and duplicate", h(tags=TAGS(20) + ["k0.w"]),
          [("/tags", "too_many"), ("/tags/20", "duplicate")])


# =============================================================================================
SURR = re.compile("[\ud800-\udfff]")


def dump(obj):
    text = json.dumps(obj, ensure_ascii=False, indent=2)
    text = SURR.sub(lambda m: "\\u%04x" % ord(m.group(0)), text)
    for token, raw in Raw.registry.items():
        text = text.replace('"%s"' % token, raw)
    return text + "\n"


def to_plain(x):
    if isinstance(x, Raw):
        return x.token
    if isinstance(x, dict):
        return {k: to_plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [to_plain(v) for v in x]
    return x


# =============================================================================================
# context: the console's knowledge turned into pre-flight issues (provider codes from the pages)
# =============================================================================================
def contexts():
    pc = lambda path, code, provider_code: (path, code, {"providerCode": provider_code})
    f = new_file("zenlayer", "context")
    f.add("no context fields: nothing checked", ZB, context={})
    # Issues about the instance (zone, state, system disk) are at its id (issue 10: every issue reaches an input).
    f.add("zone SIN-E does not support images", ZB, [("/instanceId", "not_supported")],
          [pc("/instanceId", "not_supported", "UNSUPPORTED_OPERATION_ZONE_NOT_SUPPORT")], context={"zone": "SIN-E"})
    f.add("zone lax-a (any case) does not support images", ZB, [("/instanceId", "not_supported")], context={"zone": "lax-a"})
    f.add("zone SIN-E without an instance id: at the request", {"imageName": "web"},
          [("/instanceId", "required"), ("", "not_supported")], context={"zone": "SIN-E"})
    f.add("zone SIN-A is fine", ZB, context={"zone": "SIN-A"})
    f.add("instance not found", ZB, [("/instanceId", "not_found")],
          [pc("/instanceId", "not_found", "INVALID_INSTANCE_NOT_FOUND")], context={"instanceExists": False})
    f.add("instance exists", ZB, context={"instanceExists": True})
    f.add("instance STARTING must be shut down", ZB, [("/instanceId", "bad_state")],
          [pc("/instanceId", "bad_state", "UNSUPPORTED_OPERATION_INSTANCE_STATE_STARTING")], context={"instanceState": "STARTING"})
    # The page documents one code for a running instance, whatever its state is called.
    f.add("instance RUNNING must be shut down: the documented code, not one made from the state", ZB, [("/instanceId", "bad_state")],
          [("/instanceId", "bad_state", {"providerCode": "UNSUPPORTED_OPERATION_INSTANCE_STATE_STARTING", "state": "RUNNING"})],
          context={"instanceState": "RUNNING"}, source=SRC["zl_page"])
    f.add("instance in a state with odd characters: the code stays the documented literal", ZB, [("/instanceId", "bad_state")],
          [("/instanceId", "bad_state", {"providerCode": "UNSUPPORTED_OPERATION_INSTANCE_STATE_STARTING", "state": "RUNNING; DROP"})],
          context={"instanceState": "running; drop"}, source=SRC["zl_page"])
    f.add("instance STOPPING must be shut down too", ZB, [("/instanceId", "bad_state")],
          [pc("/instanceId", "bad_state", "UNSUPPORTED_OPERATION_INSTANCE_STATE_STARTING")], context={"instanceState": "STOPPING"},
          source=SRC["zl_page"])
    f.add("instance STOPPED is fine", ZB, context={"instanceState": "STOPPED"})
    f.add("4 images in zone is fine", ZB, context={"imagesInZone": 4})
    # The page's 5 is a default that Zenlayer Support can raise: a warning unless the console gives the quota.
    f.add("5 images in zone, quota not known: the page's default quota, a warning", ZB, (),
          [("", "quota_exceeded", {"providerCode": "LIMIT_EXCEEDED_IMAGE_QUOTA", "limit": 5, "actual": 5, "severity": "warning"})],
          warnings=[("", "quota_exceeded")],
          context={"imagesInZone": 5}, source=SRC["zl_page"])
    f.add("5 images in zone, quota 5: quota", ZB, [("", "quota_exceeded")],
          [("", "quota_exceeded", {"providerCode": "LIMIT_EXCEEDED_IMAGE_QUOTA", "limit": 5, "actual": 5})],
          context={"imagesInZone": 5, "imageQuota": 5}, source=SRC["zl_page"])
    f.add("5 images in zone, quota raised to 10: fine", ZB, context={"imagesInZone": 5, "imageQuota": 10},
          source=SRC["zl_page"])
    f.add("10 images in zone, quota 10: quota", ZB, [("", "quota_exceeded")],
          [("", "quota_exceeded", {"providerCode": "LIMIT_EXCEEDED_IMAGE_QUOTA", "limit": 10, "actual": 10})],
          context={"imagesInZone": 10, "imageQuota": 10}, source=SRC["zl_page"])
    # A negative quota is unlimited (as Nova's metadataQuota: -1); a negative count is below any quota.
    f.add("negative quota is unlimited", ZB, context={"imagesInZone": 3, "imageQuota": -1})
    f.add("negative count and negative quota: nothing to report", ZB, context={"imagesInZone": -3, "imageQuota": -5})
    f.add("quota 0: the first image is over it", ZB, [("", "quota_exceeded")],
          [("", "quota_exceeded", {"limit": 0, "actual": 0, "severity": "error"})], context={"imagesInZone": 0, "imageQuota": 0})
    f.add("quota of the wrong type: a context warning, the default applies", ZB,
          warnings=[("", "wrong_type"), ("", "quota_exceeded")], context={"imagesInZone": 7, "imageQuota": "ten"})
    f.add("system disk MAKING_IMAGE", ZB, [("/instanceId", "bad_state")],
          [pc("/instanceId", "bad_state", "UNSUPPORTED_OPERATION_DISK_MAKING_IMAGE")], context={"systemDiskStatus": "MAKING_IMAGE"})
    f.add("system disk UNAVAILABLE", ZB, [("/instanceId", "bad_state")],
          [pc("/instanceId", "bad_state", "UNSUPPORTED_OPERATION_DISK_UNAVAILABLE")], context={"systemDiskStatus": "UNAVAILABLE"})
    f.add("unknown context field is a warning", ZB, warnings=[("", "unknown_field")], context={"region": "x"})
    f.add("context field of the wrong type is a warning and skipped", ZB, warnings=[("", "wrong_type")],
          context={"imagesInZone": "five"})
    f.add("every context rule at once, with a field error", merge(ZB, {"imageName": "a b"}),
          [("/imageName", "bad_char"), ("/instanceId", "not_supported"), ("/instanceId", "not_found"),
           ("/instanceId", "bad_state"), ("", "quota_exceeded"), ("/instanceId", "bad_state")],
          context={"zone": "SIN-E", "instanceExists": False, "instanceState": "STARTING", "imagesInZone": 9, "imageQuota": 5,
                   "systemDiskStatus": "MAKING_IMAGE"})

    f = new_file("tencent", "context")
    T = {"ImageName": "web", "InstanceId": "ins-1"}
    TS = {"ImageName": "web", "SnapshotIds": ["snap-sys", "snap-data"]}
    t = lambda **kw: merge(T, kw)
    f.add("instance not found", T, [("/InstanceId", "not_found")],
          [pc("/InstanceId", "not_found", "InvalidInstanceId.NotFound")], context={"instanceExists": False})
    for state, code in [("REBOOTING", "Rebooting"), ("STOPPING", "Stopping"), ("TERMINATING", "Terminating"),
                        ("STARTING", "Starting"), ("ENTER_RESCUE_MODE", "EnterRescueMode"), ("RESCUE_MODE", "RescueMode"),
                        ("EXIT_RESCUE_MODE", "ExitRescueMode"), ("ENTER_SERVICE_LIVE_MIGRATE", "EnterServiceLiveMigrate"),
                        ("SERVICE_LIVE_MIGRATE", "ServiceLiveMigrate")]:
        f.add("instance %s" % state, T, [("/InstanceId", "bad_state")],
              [pc("/InstanceId", "bad_state", "UnsupportedOperation.InstanceState" + code)], context={"instanceState": state},
              source=SRC["tc_page"] if code in ("Rebooting", "Stopping", "Terminating") else SRC["tc_sdk"])
    for state in ["RUNNING", "STOPPED"]:
        f.add("instance %s is fine" % state, T, context={"instanceState": state})
    f.add("an instance state with no documented CreateImage code is not reported", T, context={"instanceState": "PENDING"})
    f.add("instance with an operation in progress", T, [("/InstanceId", "bad_state")],
          [("/InstanceId", "bad_state", {"providerCode": "OperationDenied.InstanceOperationInProgress", "state": "OPERATING"})],
          context={"instanceLatestOperationState": "OPERATING"}, source=SRC["tc_page"])
    # An image from snapshots names no instance: the facts of an instance the console had selected
    # are not about it (until 2026-11-30 they were errors at the request).
    f.add("instance facts given, but snapshots instead of an instance id: not about this request", TS,
          context={"instanceState": "STOPPING", "instanceExists": False, "instanceLatestOperationState": "OPERATING"},
          source=SRC["tc_page"])
    f.add("instance facts, snapshots as flattened keys: not about this request", {"ImageName": "web", "SnapshotIds.0": "snap-sys"},
          context={"instanceState": "STOPPING", "instanceExists": False})
    f.add("the instance's disk facts with snapshots: not about this request (only DataDiskIds' requires)",
          merge(TS, {"DataDiskIds": ["disk-root"]}), [("/DataDiskIds", "requires")],
          context={"instanceSystemDiskId": "disk-root", "instanceDataDiskIds": ["disk-1"], "swapDiskIds": ["disk-root"]})
    f.add("instance facts of the wrong type with snapshots: still context warnings", TS, warnings=[("", "wrong_type")],
          context={"instanceState": 5})
    f.add("instance state given, neither an instance id nor snapshots: at the request", {"ImageName": "web"},
          [("", "missing_one_of"), ("", "bad_state")], context={"instanceState": "STOPPING"})
    f.add("instance state given with both an instance id and snapshots: at the instance id",
          merge(TS, {"InstanceId": "ins-1"}), [("/SnapshotIds", "conflict"), ("/InstanceId", "bad_state")],
          context={"instanceState": "STOPPING"})
    for op in ("SUCCESS", "FAILED"):
        f.add("instance whose latest operation is %s is fine" % op, T, context={"instanceLatestOperationState": op})
    disks = {"instanceSystemDiskId": "disk-root", "instanceDataDiskIds": ["disk-1", "disk-2"], "localDiskIds": ["disk-local"]}
    f.add("data disks of the instance are fine", t(DataDiskIds=["disk-1", "disk-2"]), context=disks)
    f.add("root disk as a data disk", t(DataDiskIds=["disk-1", "disk-root"]), [("/DataDiskIds/1", "not_supported")],
          [pc("/DataDiskIds/1", "not_supported", "InvalidParameter.DataDiskIdContainsRootDisk")], context=disks)
    f.add("a disk of another instance", t(DataDiskIds=["disk-9"]), [("/DataDiskIds/0", "not_found")],
          [pc("/DataDiskIds/0", "not_found", "InvalidParameter.DataDiskNotBelongSpecifiedInstance")], context=disks)
    f.add("a local disk", t(DataDiskIds=["disk-local"]), [("/DataDiskIds/0", "not_supported")],
          [pc("/DataDiskIds/0", "not_supported", "InvalidParameter.LocalDataDiskNotSupport")], context=disks)
    f.add("a swap disk", t(DataDiskIds=["disk-1", "disk-swap"]), [("/DataDiskIds/1", "not_supported")],
          [pc("/DataDiskIds/1", "not_supported", "InvalidParameter.SwapDiskNotSupport")],
          context={"instanceDataDiskIds": ["disk-1", "disk-swap"], "swapDiskIds": ["disk-swap"]}, source=SRC["tc_page"])
    f.add("no swap disk among the data disks", t(DataDiskIds=["disk-1"]), context={"swapDiskIds": ["disk-swap"]})
    f.add("flattened data disk ids are checked at their index", merge(T, {"DataDiskIds.0": "disk-1", "DataDiskIds.1": "disk-9"}),
          [("/DataDiskIds/1", "not_found")], context=disks)
    usage = {"snapshotDiskUsage": {"snap-sys": "SYSTEM_DISK", "snap-data": "DATA_DISK", "snap-sys2": "SYSTEM_DISK"}}
    f.add("one system snapshot is fine", TS, context=usage)
    f.add("unknown snapshot", merge(TS, {"SnapshotIds": ["snap-sys", "snap-x"]}), [("/SnapshotIds/1", "not_found")],
          [pc("/SnapshotIds/1", "not_found", "InvalidParameter.SnapshotNotFound")], context=usage)
    f.add("no system snapshot", merge(TS, {"SnapshotIds": ["snap-data"]}), [("/SnapshotIds", "required")],
          [pc("/SnapshotIds", "required", "InvalidParameter.SystemSnapshotNotFound")], context=usage)
    f.add("two system snapshots", merge(TS, {"SnapshotIds": ["snap-sys", "snap-sys2"]}), [("/SnapshotIds", "too_many")],
          [pc("/SnapshotIds", "too_many", "InvalidParameter.DuplicateSystemSnapshots")], context=usage)
    f.add("one system snapshot given twice: only the duplicate (one snapshot, counted once)",
          merge(TS, {"SnapshotIds": ["snap-sys", "snap-sys"]}), [("/SnapshotIds/1", "duplicate")], context=usage)
    f.add("two system snapshots, one of them twice: 2 counted", merge(TS, {"SnapshotIds": ["snap-sys", "snap-sys2", "snap-sys2"]}),
          [("/SnapshotIds", "too_many"), ("/SnapshotIds/2", "duplicate")],
          [("/SnapshotIds", "too_many", {"max": 1, "actual": 2})], context=usage)
    f.add("image name already taken", T, [("/ImageName", "already_exists")],
          [pc("/ImageName", "already_exists", "InvalidImageName.Duplicate")], context={"existingImageNames": ["db", "web"]})
    f.add("image name free", T, context={"existingImageNames": ["db"]})
    # Compared as normalize leaves them: a joiner between two characters is part of the name, U+200B is not.
    f.add("image name with a ZWJ emoji is not the name without the joiners", t(ImageName=FAMILY_NAME),
          context={"existingImageNames": [FAMILY_NAME.replace(ZWJ, "")]}, changes=[], normalized=t(ImageName=FAMILY_NAME))
    f.add("image name with a ZWJ emoji already taken", t(ImageName=FAMILY_NAME), [("/ImageName", "already_exists")],
          context={"existingImageNames": [FAMILY_NAME]}, changes=[])
    f.add("image name with U+200B is the name without it: already taken", t(ImageName="w" + ZWSP + "eb"),
          [("/ImageName", "already_exists")], context={"existingImageNames": ["web"]},
          changes=[("/ImageName", "remove_zero_width")], normalized=T)
    f.add("no image quota left", T, [("", "quota_exceeded")], [pc("", "quota_exceeded", "ImageQuotaLimitExceeded")],
          context={"imageQuotaRemaining": 0})
    f.add("image quota left", T, context={"imageQuotaRemaining": 3})
    tags = [{"ResourceType": "image", "Tags": [{"Key": "env", "Value": "prod"}, {"Key": "team", "Value": "a"}]}]
    f.add("tag key not among the account's keys", t(TagSpecification=tags), [("/TagSpecification/0/Tags/1/Key", "not_found")],
          [pc("/TagSpecification/0/Tags/1/Key", "not_found", "InvalidParameterValue.TagKeyNotFound")],
          context={"existingTagKeys": ["env"]})
    f.add("tag keys known", t(TagSpecification=tags), context={"existingTagKeys": ["env", "team"]})
    f.add("unknown context field is a warning", T, warnings=[("", "unknown_field")], context={"zone": "ap-guangzhou-3"})

    for prov in ("openstack", "nova"):
        f = new_file(prov, "context")
        O = {"project_id": "b7a7b63e92174a95a999c95da856f143", "server_id": "da5834e0-31d2-40f9-b271-6592f9f68370",
             "token": "e5b9d3e8160747b3b7bdd9d4833d0b08", "body": {"createImage": {"name": "img", "metadata": {"a": "1", "b": "2"}}}}
        for state in ["ACTIVE", "STOPPED", "PAUSED", "SUSPENDED", "active"]:
            f.add("vm_state %s is fine" % state, O, context={"vmState": state})
        for state in ["BUILDING", "ERROR", "SHELVED_OFFLOADED", "RESIZED"]:
            f.add("vm_state %s: 409" % state, O, [("/server_id", "bad_state")], [pc("/server_id", "bad_state", "409")],
                  context={"vmState": state})
        f.add("task_state null is fine", O, context={"taskState": None})
        f.add("task_state image_snapshot: 409", O, [("/server_id", "bad_state")], [pc("/server_id", "bad_state", "409")],
              context={"taskState": "image_snapshot"})
        # A helper's attack (2026-11-30): the message said the task "needs to be none" when given "none".
        f.add("task_state \"none\" (not null): 409, and the state it needs is null", O, [("/server_id", "bad_state")],
              [("/server_id", "bad_state", {"state": "none", "allowed": ["null"], "providerCode": "409"})],
              context={"taskState": "none"})
        f.add("task_state \"\" is read as no task, as null", O, context={"taskState": ""})
        f.add("token of another project: 400", O, [("/project_id", "mismatch")], [pc("/project_id", "mismatch", "400")],
              context={"tokenProjectId": "f66f8e846a65484a9a6740077e72e3dd"})
        f.add("token of this project", O, context={"tokenProjectId": "B7A7B63E92174A95A999C95DA856F143"})
        f.add("metadata within quota", O, context={"metadataQuota": 2})
        f.add("metadata over quota: 403", O, [("/body/createImage/metadata", "too_many")],
              [("/body/createImage/metadata", "too_many", {"providerCode": "403", "max": 1, "actual": 2})],
              context={"metadataQuota": 1})
        f.add("snapshots disabled: 400", O, [("", "not_supported")], [pc("", "not_supported", "400")],
              context={"snapshotsEnabled": False})
        f.add("snapshots enabled", O, context={"snapshotsEnabled": True})
        f.add("server not found: 404 at server_id", O, [("/server_id", "not_found")],
              [("/server_id", "not_found", {"providerCode": "404", "what": "server", "value": O["server_id"]})],
              context={"serverExists": False}, source=SRC["nova_apiref"] if prov == "nova" else SRC["os_seed"])
        f.add("server exists", O, context={"serverExists": True})
        f.add("server not found and no server_id in the request: the issue is at the root",
              merge(O, {"server_id": DEL}), [("/server_id", "required"), ("", "not_found")], context={"serverExists": False})
        f.add("project not found: 404 at project_id", O, [("/project_id", "not_found")],
              [pc("/project_id", "not_found", "404")], context={"projectExists": False}, source=SRC["os_seed"])
        if prov == "nova":
            f.add("metadata quota not checked from microversion 2.39", O, context={"metadataQuota": 1, "microversion": "2.39"},
                  source=SRC["nova_apiref"])
            f.add("metadata quota checked below 2.39", O, [("/body/createImage/metadata", "too_many")],
                  context={"metadataQuota": 1, "microversion": "2.38"})
            f.add("metadata quota not checked at microversion latest", O, context={"metadataQuota": 1, "microversion": "latest"})
            f.add("metadata quota not checked at 2.100 (numbers, not text)", O, context={"metadataQuota": 1, "microversion": "2.100"})
            f.add("a microversion Nova cannot read is a context warning and ignored", O,
                  [("/body/createImage/metadata", "too_many")], warnings=[("", "bad_format")],
                  context={"metadataQuota": 1, "microversion": "2.x"})
            f.add("microversion 02.39 (leading zero) is not one Nova reads", O, [("/body/createImage/metadata", "too_many")],
                  warnings=[("", "bad_format")], context={"metadataQuota": 1, "microversion": "02.39"})
            # The v2.1 endpoint's lowest microversion is 2.1 (Nova answers 406 below it).
            f.add("microversion 2.1, the v2.1 endpoint's lowest, is read", O, [("/body/createImage/metadata", "too_many")],
                  context={"metadataQuota": 1, "microversion": "2.1"})
            f.add("microversion 2.0 is below the v2.1 endpoint's lowest: a context warning and ignored", O,
                  [("/body/createImage/metadata", "too_many")], warnings=[("", "bad_format")],
                  context={"metadataQuota": 1, "microversion": "2.0"})
        else:
            f.add("microversion is not an openstack (seed page) context field", O, warnings=[("", "unknown_field")],
                  context={"microversion": "2.1"})
            # /v2 drops microversion headers (upstream's legacy-v2 wrapper): the quota applies at any microversion.
            f.add("at /v2 the metadata quota applies even with microversion 2.39: 403", O,
                  [("/body/createImage/metadata", "too_many")],
                  [("/body/createImage/metadata", "too_many", {"providerCode": "403", "max": 1, "actual": 2})],
                  warnings=[("", "unknown_field")], context={"metadataQuota": 1, "microversion": "2.39"},
                  source=SRC["nova_legacy"])

    f = new_file("huawei", "context")
    H = {"name": "fedora-data1", "image_url": "image-test:fedora_data1.qcow2", "min_disk": 40}
    f.add("bucket storage class STANDARD", H, context={"bucketStorageClass": "STANDARD"})
    f.add("bucket storage class standard (any case)", H, context={"bucketStorageClass": "standard"})
    f.add("bucket storage class WARM is refused", H, [("/image_url", "bad_state")], context={"bucketStorageClass": "WARM"})
    f.add("image file not in the bucket: IMG.0057", H, [("/image_url", "not_found")],
          [pc("/image_url", "not_found", "IMG.0057")], context={"imageFileExists": False}, source=SRC["hw_errors"])
    f.add("image file exists", H, context={"imageFileExists": True})
    f.add("bucket in another region than the request: IMG.0058", H, [("/image_url", "mismatch")],
          [("/image_url", "mismatch", {"providerCode": "IMG.0058", "expected": "ae-ad-1", "actual": "cn-north-4"})],
          context={"bucketRegion": "cn-north-4", "region": "ae-ad-1"}, source=SRC["hw_errors"])
    f.add("bucket in the request's region", H, context={"bucketRegion": "ae-ad-1", "region": "ae-ad-1"})
    f.add("only the bucket's region known: nothing to compare", H, context={"bucketRegion": "cn-north-4"})
    f.add("unknown context field is a warning", H, warnings=[("", "unknown_field")], context={"zone": "x"})
    f.add("context that is not an object is a warning", H, warnings=[("", "wrong_type")], context=["x"])

    # Messages in Chinese: the same codes, the language only changes the text.
    f = new_file("tencent", "lang_zh")
    f.add("zh: too long name", merge(T, {"ImageName": "名" * 61}), [("/ImageName", "too_long")],
          [("/ImageName", "too_long", {"max": 60, "actual": 61})], lang="zh")
    f.add("zh: conflict", merge(T, {"SnapshotIds": ["s"]}), [("/SnapshotIds", "conflict")], lang="zh")


# =============================================================================================
# forms: what empty form controls give ("", [], null), read as absent with emptyAsAbsent (issue 10)
# =============================================================================================
def forms():
    E = {"empty_as_absent": True}
    f = new_file("tencent", "forms")
    form = {"ImageName": "web", "ImageDescription": "", "InstanceId": "ins-1", "DataDiskIds": [], "SnapshotIds": [],
            "TagSpecification": [{"ResourceType": "image", "Tags": []}]}
    f.add("form: the instance chosen, the snapshots left empty: valid", form, **E)
    f.add("form without emptyAsAbsent: the empty SnapshotIds is passed as the page reads it (a conflict warning)", form,
          warnings=[("/SnapshotIds", "conflict")])
    f.add("form: the snapshots chosen, the instance left blank: valid",
          merge(form, {"InstanceId": "", "SnapshotIds": ["snap-1"]}), **E)
    f.add("form: neither chosen: missing_one_of under both fields",
          merge(form, {"InstanceId": ""}), [("", "missing_one_of")],
          [("", "missing_one_of", {"paths": ["/InstanceId", "/SnapshotIds"], "providerCode": "InvalidParameter.SpecifyOneParameter"})],
          **E)
    f.add("form: instance null and snapshots null: missing_one_of", merge(form, {"InstanceId": None, "SnapshotIds": None}),
          [("", "missing_one_of")], **E)
    f.add("form: both chosen: conflict under both fields", merge(form, {"SnapshotIds": ["snap-1"]}),
          [("/SnapshotIds", "conflict")],
          [("/SnapshotIds", "conflict", {"with": "/InstanceId", "paths": ["/InstanceId", "/SnapshotIds"]})], **E)
    f.add("form: data disks with the instance left blank: requires under both fields",
          merge(form, {"InstanceId": "", "SnapshotIds": ["snap-1"], "DataDiskIds": ["disk-1"]}),
          [("/DataDiskIds", "requires")],
          [("/DataDiskIds", "requires", {"field": "/InstanceId", "paths": ["/InstanceId", "/DataDiskIds"]})], **E)
    f.add("form: the required name left empty is still empty", merge(form, {"ImageName": ""}),
          [("/ImageName", "empty")], **E)
    f.add("form: the required name null is required", merge(form, {"ImageName": None}),
          [("/ImageName", "required")], **E)
    f.add("form: optional enums, booleans and the region left empty are absent",
          merge(form, {"ForcePoweroff": "", "Sysprep": None, "DryRun": None, "Region": "", "ImageFamily": ""}), **E)
    f.add("form: an empty tag list is absent", merge(form, {"TagSpecification": []}), **E)
    f.add("form: a blank tag row (added, left empty) is not absent: its key is empty",
          merge(form, {"TagSpecification": [{"ResourceType": "image", "Tags": [{"Key": "", "Value": ""}]}]}),
          [("/TagSpecification/0/Tags/0/Key", "empty")], warnings=[("/TagSpecification/0/Tags/0/Value", "empty")], **E)
    f.add("form: a blank snapshot row is not absent: it is empty, and the snapshots are given",
          merge(form, {"InstanceId": "", "SnapshotIds": [""]}), [("/SnapshotIds/0", "empty")], **E)
    f.add("form: a blank data disk row next to an instance is empty", merge(form, {"DataDiskIds": ["disk-1", ""]}),
          [("/DataDiskIds/1", "empty")], **E)
    f.add("form: a value of the wrong type is still wrong", merge(form, {"SnapshotIds": {}}),
          [("/SnapshotIds", "wrong_type"), ("/SnapshotIds", "conflict")], **E)
    f.add("form: the flattened form is given whatever its value", merge(form, {"SnapshotIds.0": ""}),
          [("/SnapshotIds/0", "empty"), ("/SnapshotIds", "conflict")], **E)
    f.add("form: an unknown field stays unknown, empty or not", merge(form, {"Extra": ""}),
          [("/Extra", "unknown_field")], **E)
    f.add("form: the instance state is reported at the blank instance id (it is in the request)",
          merge(form, {"InstanceId": ""}), [("", "missing_one_of"), ("/InstanceId", "bad_state")],
          context={"instanceState": "STOPPING"}, **E)

    f = new_file("huawei", "forms")
    H = {"name": "data-disk", "image_url": "image-test:disk1.qcow2", "min_disk": 40, "description": "", "os_type": "",
         "cmk_id": "", "enterprise_project_id": "", "tags": [], "image_tags": []}
    f.add("form: optional fields left empty are absent", H, **E)
    f.add("form without emptyAsAbsent: the empty optional fields are checked", H,
          [("/os_type", "not_allowed"), ("/cmk_id", "empty")])
    f.add("form: image tags given, the tags list left empty: no conflict",
          merge(H, {"image_tags": [{"key": "env", "value": "prod"}]}), **E)
    f.add("form: both tag lists given: conflict under both fields",
          merge(H, {"tags": ["a.1"], "image_tags": [{"key": "env", "value": "prod"}]}), [("/image_tags", "conflict")],
          [("/image_tags", "conflict", {"with": "/tags", "paths": ["/tags", "/image_tags"]})], **E)
    # `key` is optional (the CreateImage page's Table 1), so a blank key is absent: the tag format page's warning.
    f.add("form: a blank image tag row: its key is absent, a warning",
          merge(H, {"image_tags": [{"key": "", "value": ""}]}), warnings=[("/image_tags/0/key", "required")], **E)
    f.add("form: a tag row's value left empty is absent", merge(H, {"image_tags": [{"key": "env", "value": ""}]}), **E)
    f.add("form: a blank key.value row is not absent: its key is empty", merge(H, {"tags": [""]}),
          [("/tags/0", "empty")], [("/tags/0", "empty", {"part": "key"})], **E)
    f.add("form: the required fields left empty or null", merge(H, {"name": "", "image_url": None, "min_disk": None}),
          [("/name", "empty"), ("/image_url", "required"), ("/min_disk", "required")], **E)

    f = new_file("zenlayer", "forms")
    Z = {"instanceId": "ins-1", "imageName": "web", "imageDescription": ""}
    f.add("form: the description left empty is absent (no reading warning)", Z, **E)
    f.add("form without emptyAsAbsent: an empty description is a value (Terraform's reading warns)", Z,
          warnings=[("/imageDescription", "empty")])
    f.add("form: the required instance id left empty is empty", merge(Z, {"instanceId": ""}), [("/instanceId", "empty")], **E)
    f.add("form: the required name null is required", merge(Z, {"imageName": None}), [("/imageName", "required")], **E)

    for prov in ("openstack", "nova"):
        f = new_file(prov, "forms")
        O = {"project_id": "b7a7b63e92174a95a999c95da856f143", "server_id": "da5834e0-31d2-40f9-b271-6592f9f68370",
             "token": "e5b9d3e8160747b3b7bdd9d4833d0b08", "body": {"createImage": {"name": "img", "metadata": None}}}
        f.add("form: metadata null is absent", O, **E)
        f.add("form without emptyAsAbsent: metadata null is wrong_type", O, [("/body/createImage/metadata", "wrong_type")])
        f.add("form: the name left empty is empty", merge(O, {"body": {"createImage": {"name": ""}}}),
              [("/body/createImage/name", "empty")], **E)
        f.add("form: the name null is required", merge(O, {"body": {"createImage": {"name": None}}}),
              [("/body/createImage/name", "required")], **E)
        f.add("form: a metadata value left empty is a value", merge(O, {"body": {"createImage": {"name": "n", "metadata": {"k": ""}}}}),
              **E)


def main():
    forms()
    contexts()
    zen()
    tencent()
    openstack()
    nova()
    huawei()
    # remove old generated files
    for prov in ("zenlayer", "tencent", "openstack", "nova", "huawei"):
        d = os.path.join(HERE, prov)
        if os.path.isdir(d):
            for fn in os.listdir(d):
                if fn.endswith(".json"):
                    os.remove(os.path.join(d, fn))
    total = 0
    for f in FILES:
        d = os.path.join(HERE, f.provider)
        os.makedirs(d, exist_ok=True)
        doc = {"provider": f.provider, "cases": to_plain(f.cases)}
        with open(os.path.join(d, f.topic + ".json"), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(dump(doc))
        total += len(f.cases)
        print("%-10s %-18s %4d" % (f.provider, f.topic, len(f.cases)))
    print("total", total)


if __name__ == "__main__":
    sys.exit(main())
