//! Signing, for trusted contexts only (a backend that holds the AccessKey
//! secret; never the browser form): the V1 signature (base64 HMAC-SHA1 keyed
//! with `secret + "&"`), the V3 signature (hex HMAC-SHA256 keyed with the bare
//! secret), the finished V1 URL and the V3 `Authorization` header.
use crate::request::Misuse;
use crate::rpc::digest::{hmac_sha1, hmac_sha256};
use crate::rpc::encode::percent_encode;
use crate::rpc::v3::{self, ALGORITHM};

/// Which of Alibaba Cloud's two request signatures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SignatureVersion {
    /// RPC signature 1.0, HMAC-SHA1 over `METHOD&%2F&…` (the default).
    #[default]
    V1,
    /// ACS3-HMAC-SHA256 over the canonical request.
    V3,
}

impl SignatureVersion {
    pub fn parse(s: &str) -> Option<SignatureVersion> {
        match s {
            "v1" => Some(SignatureVersion::V1),
            "v3" => Some(SignatureVersion::V3),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SignatureVersion::V1 => "v1",
            SignatureVersion::V3 => "v3",
        }
    }
}

/// The signature of `string_to_sign` with `secret`: base64 HMAC-SHA1 with key
/// `secret + "&"` for V1, hex HMAC-SHA256 with the bare secret for V3.
pub fn sign(string_to_sign: &str, secret: &str, version: SignatureVersion) -> Result<String, Misuse> {
    if secret.is_empty() {
        return Err(Misuse::BadOption("accessKeySecret", "a non-empty AccessKey secret"));
    }
    Ok(match version {
        SignatureVersion::V1 => base64(&hmac_sha1(format!("{secret}&").as_bytes(), string_to_sign.as_bytes())),
        SignatureVersion::V3 => v3::hex(&hmac_sha256(secret.as_bytes(), string_to_sign.as_bytes())),
    })
}

/// A built V1 `url` with `&Signature=<percent-encoded signature>` appended.
pub fn signed_url(url: &str, string_to_sign: &str, secret: &str) -> Result<String, Misuse> {
    let signature = sign(string_to_sign, secret, SignatureVersion::V1)?;
    let separator = if url.bytes().any(|b| b == b'?') { '&' } else { '?' };
    Ok(format!("{url}{separator}Signature={}", percent_encode(&signature)))
}

/// The V3 `Authorization` header value:
/// `ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<list>,Signature=<hex>`.
pub fn authorization(access_key_id: &str, signed_headers: &str, string_to_sign: &str, secret: &str) -> Result<String, Misuse> {
    let signature = sign(string_to_sign, secret, SignatureVersion::V3)?;
    Ok(format!("{ALGORITHM} Credential={access_key_id},SignedHeaders={signed_headers},Signature={signature}"))
}

/// Compares two signatures in time that does not depend on where they differ.
pub fn same_signature(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with `=` padding (RFC 4648 §4).
fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [0, 1, 2].map(|i| chunk.get(i).copied().unwrap_or(0));
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18u32, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(BASE64[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}
