"""Valid Smartag order requests, drawn from SPEC.md §1 and docs/order-family.md.

Never from the module's own tables: every rule below is written out here again
from the documents, so a rule the module gets wrong shows up as a request that
the module refuses or writes differently from the official SDKs.

    python tests/official/cases.py [--actions A,B] [--per-action N] > cases.jsonl

The seed is DIFF_SEED from the environment, else the clock; it is printed on
stderr, and the same seed (with the same count and actions) gives the same
cases byte for byte.

Each line: {"id", "action", "params", "method", "format", "accessKeyId", "secret",
"securityToken", "endpoint", "timestamp", "nonce"}. `params` hold typed values
as a caller hands them to an SDK model: strings, integers, booleans; an integer
beyond 2^53 is written {"bigint": "<digits>"} so that JavaScript keeps it exact.
"""

import argparse
import calendar
import json
import os
import random
import sys
import time

# SPEC §1 Regions: the official SDK's endpoint map.
KNOWN_REGIONS = [
    "cn-shanghai", "cn-hangzhou", "cn-hongkong", "cn-shanghai-finance-1", "ap-southeast-1",
    "ap-southeast-2", "ap-southeast-3", "ap-southeast-5", "ap-northeast-1", "eu-central-1",
]
# Well-formed region IDs outside that map: valid, with a warning (SPEC §1).
OTHER_REGIONS = ["us-east-1", "us-west-1", "eu-west-1", "me-east-1", "cn-wulanchabu", "ap-south-1", "cn-north-2-gov-1"]

PERIODS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36]  # months, SPEC §1
INT_MAX = 2**31 - 1
LONG_MAX = 2**63 - 1
# MaxBandWidth by HardWareSpec (SPEC §1, current API for sag-vcpe).
BANDWIDTH = {"sag-100wm": (2, 50), "sag-1000": (10, 500), "sag-vcpe": (10, 1000)}

# Chinese text as the SPEC asks for it, and letters for names (English or Chinese).
CHINESE = "张王李赵智能接入网关上海杭州深圳北京市区路号楼室请尽快发货谢谢"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789"
# Free text (BuyerMessage, Receiver*, OwnerAccount): everything a person may type:
# unreserved and reserved ASCII, space, `*`, `+`, `~`, quotes, multi-byte UTF-8.
FREE_ASCII = LATIN + DIGITS + " *+~-_.&=%/?#!'()\"\\,;:@[]{}^`|<>$"
FREE_OTHER = ["张", "网", "关", "é", "ü", "ñ", "😀", "🚀", "\u00a0", "ー", "，", "。", "\t", "\n"]


class Draw:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    def chance(self, percent):
        return self.rng.random() * 100 < percent

    def pick(self, items):
        return self.rng.choice(items)

    def integer(self, lo, hi):
        return self.rng.randint(lo, hi)

    def text(self, alphabet, lo, hi):
        return "".join(self.rng.choice(alphabet) for _ in range(self.rng.randint(lo, hi)))

    # --- values by SPEC rule -------------------------------------------------
    def region(self):
        return self.pick(KNOWN_REGIONS) if self.chance(85) else self.pick(OTHER_REGIONS)

    def multiple_of_five(self):
        # Positive multiples of 5 within Integer: mostly small quotas, some huge ones.
        if self.chance(80):
            return 5 * self.integer(1, 200)
        return 5 * self.integer(1, INT_MAX // 5)

    def long(self):
        return self.pick([self.integer(1, 10**6), self.integer(1, 2**53), self.integer(2**53 + 1, LONG_MAX)])

    def free_text(self, lo=1, hi=40):
        n = self.integer(lo, hi)
        chars = [self.pick(FREE_ASCII) if self.chance(75) else self.pick(FREE_OTHER) for _ in range(n)]
        text = "".join(chars)
        if not text.strip():  # an all-blank value is not a value anyone means
            text = self.pick(CHINESE) + text
        if self.chance(15):
            text = self.pick([" ", "  ", "\t"]) + text + self.pick(["", " "])
        return text

    def name(self, lo, hi):
        """SPEC: lo-hi characters; starts with a letter (English or Chinese);
        then letters (English or Chinese), digits, `.`, `_`, `-`."""
        hi = min(hi, lo + self.pick([4, 20, 60, hi - lo]))
        first = self.pick(LATIN) if self.chance(60) else self.pick(CHINESE)
        rest = self.text(LATIN + DIGITS + "._-" + CHINESE, lo - 1, hi - 1)
        return first + rest

    def email(self):
        # RFC 5322 dot-atom: dots only between characters, never two together.
        local = ".".join(self.pick(LATIN) + self.text(LATIN + DIGITS + "_-", 0, 8) for _ in range(self.integer(1, 3)))
        domain = ".".join(self.text("abcdefghijklmnopqrstuvwxyz0123456789", 1, 10) for _ in range(self.integer(1, 2)))
        return f"{local}@{domain}.{self.pick(['com', 'cn', 'net', 'org', 'io'])}"

    def smartag_id(self):
        return "sag-" + self.text("abcdefghijklmnopqrstuvwxyz0123456789", 6, 24)

    def owners(self, params):
        # SPEC §1: every action takes the optional owner parameters of the SDK models.
        if self.chance(25):
            params["OwnerId"] = self.long()
        if self.chance(25):
            params["ResourceOwnerId"] = self.long()
        if self.chance(25):
            params["OwnerAccount"] = self.free_text(1, 30)
        if self.chance(25):
            params["ResourceOwnerAccount"] = self.free_text(1, 30)


# --- one generator per action ----------------------------------------------------

def create_software(d):
    p = {
        "RegionId": d.region(),
        "Period": d.pick(PERIODS),
        "AutoPay": d.chance(50),
        "ChargeType": "PREPAY",
        "UserCount": d.multiple_of_five(),
        "DataPlan": 5,
    }
    d.owners(p)
    return p


def create_hardware(d):
    spec = d.pick(list(BANDWIDTH))
    ha = "warm_backup" if spec == "sag-vcpe" else d.pick(["no_backup", "cold_backup", "warm_backup"])
    lo, hi = BANDWIDTH[spec]
    p = {
        "RegionId": d.region(),
        "AutoPay": d.chance(50),
        "BuyerMessage": d.free_text(1, 60),
        "ChargeType": "PREPAY",
        "HardWareSpec": spec,
        "HaType": ha,
        "MaxBandWidth": d.pick([lo, hi, d.integer(lo, hi)]),
        "Period": d.pick(PERIODS),
        "ReceiverName": d.free_text(1, 20),
        "ReceiverMobile": d.pick([d.text(DIGITS, 11, 11), "+86 " + d.text(DIGITS, 11, 11), "13*********"]),
        "ReceiverEmail": d.email(),
        "ReceiverCountry": d.pick(["US", "CN", "中国", "Deutschland", d.free_text(1, 20)]),
        "ReceiverState": d.free_text(1, 20),
        "ReceiverCity": d.pick(["Long Beach", "上海市", d.free_text(1, 20)]),
        "ReceiverDistrict": d.free_text(1, 20),
        "ReceiverTown": d.free_text(1, 20),
        "ReceiverAddress": d.pick(["Room XX, XX Building", d.free_text(1, 80)]),
        "ReceiverZip": d.pick(["310000", d.text(DIGITS, 5, 6), d.free_text(1, 10)]),
    }
    if d.chance(40):
        p["ReceiverPhone"] = d.pick(["0571-85022088", "+86 (21) 5555*1234", d.free_text(1, 20)])
    if d.chance(50):
        p["Name"] = d.name(2, 128)
    if d.chance(50):
        p["Description"] = d.name(2, 256)
    if d.chance(40):
        p["AlreadyHaveSag"] = d.chance(50)
    if spec == "sag-vcpe" and d.chance(60):
        p["CPEVersion"] = "basic"
    d.owners(p)
    return p


def upgrade_software(d):
    p = {
        "RegionId": d.region(),
        "SmartAGId": d.smartag_id(),
        "UserCount": d.multiple_of_five(),
        "DataPlan": 5,
        "AutoPay": d.chance(50),
    }
    d.owners(p)
    return p


def hardware_bandwidth(d):
    # order-family.md: BandWidthSpec Long, 2-500 (SAG-100WM 2-50, SAG-1000 10-500).
    p = {
        "RegionId": d.region(),
        "SmartAGId": d.smartag_id(),
        "AutoPay": d.chance(50),
        "BandWidthSpec": d.pick([2, 50, 500, d.integer(2, 50), d.integer(10, 500)]),
    }
    d.owners(p)
    return p


def downgrade_software(d):
    p = {
        "RegionId": d.region(),
        "SmartAGId": d.smartag_id(),
        "AutoPay": d.chance(50),
        "DataPlan": 5,
        "UserCount": d.multiple_of_five(),
    }
    d.owners(p)
    return p


GENERATORS = {
    "CreateSmartAccessGatewaySoftware": create_software,
    "CreateSmartAccessGateway": create_hardware,
    "UpgradeSmartAccessGatewaySoftware": upgrade_software,
    # order-family.md: switched on when the module has them (scripts/official.sh asks it).
    "UpgradeSmartAccessGateway": hardware_bandwidth,
    "DowngradeSmartAccessGateway": hardware_bandwidth,
    "DowngradeSmartAccessGatewaySoftware": downgrade_software,
}


def timestamp(d):
    year, month = d.integer(2015, 2035), d.integer(1, 12)
    day = d.integer(1, calendar.monthrange(year, month)[1])
    return f"{year:04}-{month:02}-{day:02}T{d.integer(0, 23):02}:{d.integer(0, 59):02}:{d.integer(0, 59):02}Z"


def secret(d):
    # Secrets with `+`, `/`, `=` and non-ASCII characters, as the brief asks.
    base = d.text(LATIN + DIGITS + "+/=", 20, 40)
    return base if d.chance(40) else base + d.pick(["+", "/", "=", "==", "张", "ü", "🔑", "密钥=/+"])


def context(d, action, params, index):
    endpoint = None
    if d.chance(15):
        endpoint = d.pick(["smartag.aliyuncs.com", "smartag-vpc.cn-shanghai.aliyuncs.com", f"smartag.{params['RegionId']}.aliyuncs.com"])
    return {
        "id": f"{action}-{index}",
        "action": action,
        "params": {k: ({"bigint": str(v)} if isinstance(v, int) and not isinstance(v, bool) and v > 2**53 else v) for k, v in params.items()},
        "method": d.pick(["GET", "POST"]),
        # The response format asked for (SPEC §4: JSON or XML), where a client lets its caller choose.
        "format": "XML" if d.chance(15) else "JSON",
        "accessKeyId": "LTAI" + d.text(LATIN + DIGITS, 12, 20),
        "secret": secret(d),
        "securityToken": ("CAIS" + d.text(LATIN + DIGITS + "+/=", 20, 300)) if d.chance(30) else None,
        "endpoint": endpoint,
        "timestamp": timestamp(d),
        "nonce": d.pick([
            d.text("0123456789abcdef", 32, 32),
            "-".join(d.text("0123456789abcdef", n, n) for n in (8, 4, 4, 4, 12)),
            d.text(LATIN + DIGITS + "-_.~", 8, 64),
        ]),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--actions", default=",".join(list(GENERATORS)[:3]))
    parser.add_argument("--per-action", type=int, default=200)
    args = parser.parse_args()
    seed = int(os.environ.get("DIFF_SEED") or time.time_ns() % 2**32)
    print(f"cases: DIFF_SEED={seed} ({args.per_action} per action: {args.actions})", file=sys.stderr)
    d = Draw(seed)
    actions = [a for a in args.actions.split(",") if a]
    for a in actions:
        if a not in GENERATORS:
            sys.exit(f"cases: no generator for {a}")
    for index in range(args.per_action):
        for action in actions:
            params = GENERATORS[action](d)
            print(json.dumps(context(d, action, params, index), ensure_ascii=False))


if __name__ == "__main__":
    main()
