/// HMAC-SHA256 from OpenSSL, for callers that must remember facts about secrets without
/// keeping the secrets (GuideKit's digest cache keys its entries with it).
public enum KeyedHash {
    public static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8]? {
        OpenSSLPrimitives.hmacSHA256(key: key, message: message)
    }
}
