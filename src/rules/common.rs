//! Fields that several actions share, declared once.
use super::{Check, Field, Format, Type};
use crate::locale::Text;

/// Months: seed 002 (2024) lists 1–9, 12, 24, 36; the older "over 12 ⇒ a
/// multiple of 12" agrees. The current API uses the same set for hardware.
const PERIODS: &[i64] = &[1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36];

/// Alibaba documents `SAG.InvalidUserCount` / `SAG.InvalidDataPlan` (seed 004).
const INVALID_USER_COUNT: &str = "SAG.InvalidUserCount";
const INVALID_DATA_PLAN: &str = "SAG.InvalidDataPlan";

impl Field {
    /// A plain field; refine it with the builder methods below.
    pub(super) const fn new(name: &'static str, ty: Type, required: bool, example: &'static str, label: Text, help: Text) -> Field {
        Field { name, ty, required, checks: &[], code: None, free_text: false, example, label, help }
    }

    pub(super) const fn checks(mut self, checks: &'static [Check]) -> Field {
        self.checks = checks;
        self
    }

    /// Marks the field's value problems with the server's documented error code.
    pub(super) const fn code(mut self, code: &'static str) -> Field {
        self.code = Some(code);
        self
    }

    /// Free text keeps its surrounding white space.
    pub(super) const fn free(mut self) -> Field {
        self.free_text = true;
        self
    }

    /// The same rules with another help text (what the value means for this action).
    pub(super) const fn help(mut self, help: Text) -> Field {
        self.help = help;
        self
    }
}

/// The optional `Action` parameter; `checks` holds `OneOf(&[<own name>])`.
pub const fn action(name: &'static str, checks: &'static [Check]) -> Field {
    Field::new(
        "Action",
        Type::String,
        false,
        name,
        Text::new("Action", "操作名称"),
        Text::new("Optional; if given it must be this action's own name.", "可选；如填写，必须为本接口的名称。"),
    )
    .checks(checks)
}

pub const REGION_ID: Field = Field::new(
    "RegionId",
    Type::String,
    true,
    "cn-shanghai",
    Text::new("Region ID", "地域 ID"),
    Text::new(
        "The ID of the region, such as cn-shanghai (not a display name such as \"China (Shanghai)\").",
        "地域的 ID，例如 cn-shanghai（不是“华东2（上海）”这样的显示名称）。",
    ),
)
.checks(&[Check::Format(Format::RegionId), Check::KnownRegion]);

pub const PERIOD: Field = Field::new(
    "Period",
    Type::Integer,
    true,
    "12",
    Text::new("Subscription period (months)", "购买时长（月）"),
    Text::new("Months: 1 to 9, 12, 24 or 36.", "单位：月。取值：1~9、12、24、36。"),
)
.checks(&[Check::OneOfInt(PERIODS)]);

pub const AUTO_PAY: Field = Field::new(
    "AutoPay",
    Type::Boolean,
    true,
    // Seed 000's request example (the table's example column says false).
    "true",
    Text::new("Pay automatically", "自动支付"),
    Text::new(
        "true: pay the order at once; false: pay it later in the console's order center.",
        "true：自动支付订单；false：调用后请前往控制台订单中心完成支付。",
    ),
);

pub const CHARGE_TYPE: Field = Field::new(
    "ChargeType",
    Type::String,
    true,
    "PREPAY",
    Text::new("Billing method", "计费类型"),
    Text::new("PREPAY (subscription) is the only supported value.", "仅支持 PREPAY（预付费）。"),
)
.checks(&[Check::OneOf(&["PREPAY"])]);

/// The instance an order changes: `sag-` followed by lower-case letters and digits
/// (seed 004; the same rule for SAG devices and SAG apps).
pub const fn smartag_id(example: &'static str, label: Text) -> Field {
    Field::new(
        "SmartAGId",
        Type::String,
        true,
        example,
        label,
        Text::new("The instance ID: sag- followed by lower-case letters and digits.", "实例 ID：sag- 后接小写字母和数字。"),
    )
    .checks(&[Check::Format(Format::SmartAgId)])
}

/// SAG device bandwidth by model, Mbit/s (the BandWidthSpec rows of the
/// Upgrade/DowngradeSmartAccessGateway pages, the same as MaxBandWidth's at purchase).
/// Those pages name no vCPE range, so a vCPE instance is held to these bounds too.
const BANDWIDTH_BY_MODEL: &[(&str, i64, i64)] = &[("SAG-100WM", 2, 50), ("SAG-1000", 10, 500)];

/// The new bandwidth of an SAG device instance. Required: every page marks it so;
/// the SDK model is only silent (it marks nothing about it), and a bandwidth change
/// without a bandwidth is no order.
/// The device model is a property of the instance, not of the request, so only
/// the union of the models' bounds (2–500) is checked here; whether the value is
/// above (upgrade) or below (downgrade) the current bandwidth only the service knows.
pub const fn band_width_spec(example: &'static str, help: Text) -> Field {
    Field::new("BandWidthSpec", Type::Long, true, example, Text::new("New bandwidth (Mbit/s)", "智能接入网关的带宽（Mbit/s）"), help)
        .checks(&[Check::BandwidthByModel(BANDWIDTH_BY_MODEL)])
}

pub const USER_COUNT: Field = Field::new(
    "UserCount",
    Type::Integer,
    true,
    "5",
    Text::new("Client accounts", "客户端账号数量"),
    Text::new("The number of client accounts: a multiple of 5 (5, 10, 15 ...).", "客户端账号数量规格，只能是 5 的倍数，如 5、10、15。"),
)
// No upper bound is documented and the service publishes none; the Integer range applies.
.checks(&[Check::AtLeast(5), Check::MultipleOf(5)])
.code(INVALID_USER_COUNT);

pub const DATA_PLAN: Field = Field::new(
    "DataPlan",
    Type::Long,
    true,
    "5",
    Text::new("Data plan per account (GB/month)", "每账号每月流量套餐（GB）"),
    Text::new("GB per client account per month; only 5 is offered.", "每个客户端账号每月赠送的流量，单位 GB；目前仅支持 5。"),
)
.checks(&[Check::OneOfInt(&[5])])
.code(INVALID_DATA_PLAN);

/// The owner parameters the official SDK models carry.
pub const OWNER_ID: Field = Field::new(
    "OwnerId",
    Type::Long,
    false,
    "1234567890123456",
    Text::new("Owner ID", "所有者 ID"),
    Text::new("Optional owner account ID (Long).", "可选，所有者账号 ID（Long）。"),
);

pub const RESOURCE_OWNER_ID: Field = Field::new(
    "ResourceOwnerId",
    Type::Long,
    false,
    "1234567890123456",
    Text::new("Resource owner ID", "资源所有者 ID"),
    Text::new("Optional resource owner account ID (Long).", "可选，资源所有者账号 ID（Long）。"),
);

pub const OWNER_ACCOUNT: Field = Field::new(
    "OwnerAccount",
    Type::String,
    false,
    "owner@example.com",
    Text::new("Owner account", "所有者账号"),
    Text::new("Optional owner account name.", "可选，所有者账号名称。"),
)
.free();

pub const RESOURCE_OWNER_ACCOUNT: Field = Field::new(
    "ResourceOwnerAccount",
    Type::String,
    false,
    "owner@example.com",
    Text::new("Resource owner account", "资源所有者账号"),
    Text::new("Optional resource owner account name.", "可选，资源所有者账号名称。"),
)
.free();
