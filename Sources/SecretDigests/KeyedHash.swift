/// HMAC-SHA256 from OpenSSL, for callers that must remember facts about secrets without
/// keeping the secrets (GuideKit's digest cache keys its entries with it).
public enum KeyedHash {
    public static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8]? {
        OpenSSLPrimitives.hmacSHA256(key: key, message: message)
    }

    /// SHA-256 of `bytes` as lower-case hex (render's site state records what it wrote).
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        (OpenSSLPrimitives.sha256(bytes) ?? []).map { String(format: "%02x", $0) }.joined()
    }
}
