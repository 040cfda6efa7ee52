//! CreateSmartAccessGateway: buy SAG hardware (or a vCPE), shipped to a receiver.
//! Seed 003; rows it lacks follow the current API (sag-vcpe, warm_backup,
//! AlreadyHaveSag, CPEVersion, the Name/Description rules).
use super::common::{self, AUTO_PAY, CHARGE_TYPE, OWNER_ACCOUNT, OWNER_ID, PERIOD, REGION_ID, RESOURCE_OWNER_ACCOUNT, RESOURCE_OWNER_ID};
use super::{Action, Check, Field, Format, Type};
use crate::locale::Text;

const NAME: &str = "CreateSmartAccessGateway";
const VCPE: &str = "sag-vcpe";

const fn receiver(name: &'static str, required: bool, example: &'static str, label: Text, help: Text) -> Field {
    Field::new(name, Type::String, required, example, label, help).free()
}

pub static ACTION: Action = Action {
    name: NAME,
    title: Text::new("Buy an SAG device or vCPE", "创建智能接入网关（硬件版或 vCPE）实例"),
    // The answer's fields: seed 003, and the current SDK model (alibabacloud-smartag20180313 2.1.2) adds ResourceGroupId.
    answers: &["SmartAGId", "ResourceGroupId", "Name", "Description"],
    fields: &[
        common::action(NAME, &[Check::OneOf(&[NAME])]),
        REGION_ID,
        AUTO_PAY,
        Field::new(
            "BuyerMessage",
            Type::String,
            true,
            "pls. deliver asap",
            Text::new("Message to the seller", "买家留言"),
            Text::new("Free text for any extra information about the order.", "订单的附加说明，任意文本。"),
        )
        .free(),
        CHARGE_TYPE,
        Field::new(
            "HardWareSpec",
            Type::String,
            true,
            "sag-100wm",
            Text::new("Device type", "设备规格"),
            Text::new("sag-100wm, sag-1000, or sag-vcpe (a virtual CPE).", "sag-100wm、sag-1000，或 sag-vcpe（vCPE 版）。"),
        )
        .checks(&[Check::OneOf(&["sag-100wm", "sag-1000", VCPE])]),
        Field::new(
            "HaType",
            Type::String,
            true,
            "no_backup",
            Text::new("High availability", "高可用类型"),
            Text::new(
                "no_backup: one device; cold_backup: two devices sharing the bandwidth; warm_backup: required for sag-vcpe.",
                "no_backup：购买一台设备；cold_backup：购买两台设备，共享带宽；warm_backup：sag-vcpe 必须选择。",
            ),
        )
        .checks(&[
            Check::OneOf(&["no_backup", "cold_backup", "warm_backup"]),
            Check::RequiredWhen { field: "HardWareSpec", when: VCPE, value: "warm_backup" },
        ]),
        Field::new(
            "MaxBandWidth",
            Type::Integer,
            true,
            "12",
            Text::new("Bandwidth (Mbit/s)", "带宽（Mbit/s）"),
            Text::new(
                "sag-100wm: 2 to 50; sag-1000: 10 to 500; sag-vcpe: 10 to 1000.",
                "sag-100wm：2~50；sag-1000：10~500；sag-vcpe：10~1000。",
            ),
        )
        .checks(&[Check::RangeBy { field: "HardWareSpec", ranges: &[("sag-100wm", 2, 50), ("sag-1000", 10, 500), (VCPE, 10, 1000)] }]),
        PERIOD,
        receiver(
            "ReceiverName",
            true,
            "Tony",
            Text::new("Receiver name", "收货人姓名"),
            Text::new("Who receives the device.", "收货人姓名。"),
        ),
        receiver(
            "ReceiverMobile",
            true,
            "13900000000",
            Text::new("Receiver mobile", "收货人手机号"),
            Text::new("The receiver's mobile phone number.", "收货人的手机号码。"),
        ),
        Field::new(
            "ReceiverEmail",
            Type::String,
            true,
            "tony@example.com",
            Text::new("Receiver e-mail", "收货人邮箱"),
            Text::new("The receiver's e-mail address.", "收货人的电子邮箱地址。"),
        )
        .checks(&[Check::Format(Format::Email)]),
        receiver(
            "ReceiverCountry",
            true,
            "US",
            Text::new("Country", "收货国家"),
            Text::new("Country of the delivery address.", "收货地址所在国家。"),
        ),
        receiver(
            "ReceiverState",
            true,
            "California",
            Text::new("State / province", "收货省份"),
            Text::new("State or province of the delivery address.", "收货地址所在省份。"),
        ),
        receiver(
            "ReceiverCity",
            true,
            "Long Beach",
            Text::new("City", "收货城市"),
            Text::new("City of the delivery address.", "收货地址所在城市。"),
        ),
        receiver(
            "ReceiverDistrict",
            true,
            "Queen District",
            Text::new("District", "收货区县"),
            Text::new("District of the delivery address.", "收货地址所在区县。"),
        ),
        receiver(
            "ReceiverTown",
            true,
            "Fairy Town",
            Text::new("Town", "收货乡镇"),
            Text::new("Town of the delivery address.", "收货地址所在乡镇或街道。"),
        ),
        receiver(
            "ReceiverAddress",
            true,
            "Room XX, XX Building",
            Text::new("Street address", "详细地址"),
            Text::new("Room, building and street of the delivery address.", "收货地址的门牌、楼号和街道。"),
        ),
        receiver(
            "ReceiverZip",
            true,
            "310000",
            Text::new("Postal code", "邮政编码"),
            Text::new("Postal code of the delivery address.", "收货地址的邮政编码。"),
        ),
        receiver(
            "ReceiverPhone",
            false,
            "0571-85022088",
            Text::new("Receiver fixed-line phone", "收货人固定电话"),
            Text::new("Optional fixed-line phone number.", "可选，收货人的固定电话。"),
        ),
        Field::new(
            "Name",
            Type::String,
            false,
            "test",
            Text::new("Instance name", "实例名称"),
            Text::new(
                "2 to 128 characters; starts with a letter (English or Chinese); letters, digits, '.', '_' and '-'.",
                "长度为 2~128 个字符，以大小写字母或中文开头，可包含数字、半角句号（.）、下划线（_）或短划线（-）。",
            ),
        )
        .checks(&[Check::Format(Format::Name), Check::Length(2, 128)])
        .free(),
        Field::new(
            "Description",
            Type::String,
            false,
            "sag",
            Text::new("Description", "实例描述"),
            Text::new(
                "2 to 256 characters; starts with a letter (English or Chinese); letters, digits, '.', '_' and '-'.",
                "长度为 2~256 个字符，以大小写字母或中文开头，可包含数字、半角句号（.）、下划线（_）或短划线（-）。",
            ),
        )
        .checks(&[Check::Format(Format::Name), Check::Length(2, 256)])
        .free(),
        Field::new(
            "AlreadyHaveSag",
            Type::Boolean,
            false,
            "false",
            Text::new("Already have a device", "已有设备"),
            Text::new("Optional: whether you already have an SAG device.", "可选：是否已拥有智能接入网关设备。"),
        ),
        Field::new(
            "CPEVersion",
            Type::String,
            false,
            "basic",
            Text::new("vCPE version", "vCPE 版本"),
            Text::new("Optional: basic; only with sag-vcpe.", "可选：basic；仅适用于 sag-vcpe。"),
        )
        .checks(&[Check::OneOf(&["basic"]), Check::OnlyWith { field: "HardWareSpec", value: VCPE }]),
        OWNER_ID,
        RESOURCE_OWNER_ID,
        OWNER_ACCOUNT,
        RESOURCE_OWNER_ACCOUNT,
    ],
};
