import Foundation

/// The base64 dialects Authelia's digests use (the go-crypt/crypt library Authelia uses:
/// adapted base64 for pbkdf2, standard unpadded base64 for argon2 and scrypt, crypt's own
/// alphabet for sha2crypt and bcrypt).
enum DigestBase64 {
    /// RFC 4648 alphabet, no padding (Argon2, scrypt).
    case standard
    /// Standard with `.` instead of `+`, no padding (PBKDF2; passlib's "ab64").
    case adapted

    /// Decodes `text`; on failure names the offset of the first bad character.
    func decode(_ text: Substring, field: String, offset: Int) throws(DigestError) -> [UInt8] {
        // The checked characters are collected as ASCII bytes and handed to Foundation as Data
        // (building a String one scalar at a time was most of a digest's parse).
        var normalized: [UInt8] = []
        normalized.reserveCapacity(text.utf8.count + 3)
        for (index, character) in text.unicodeScalars.enumerated() {
            switch character {
            case "A"..."Z", "a"..."z", "0"..."9", "/":
                normalized.append(UInt8(character.value))
            case "+" where self == .standard, "." where self == .adapted:
                normalized.append(UInt8(ascii: "+"))
            case "=":
                throw DigestError("\(field) must not be padded with '='", at: offset + index)
            default:
                let expected = self == .adapted ? "A-Z a-z 0-9 . /" : "A-Z a-z 0-9 + /"
                throw DigestError("\(field) has '\(character)', which is not base64 (expected \(expected))", at: offset + index)
            }
        }
        guard !normalized.isEmpty else { throw DigestError("\(field) is empty", at: offset) }
        if normalized.count % 4 == 1 {
            throw DigestError("\(field) has an impossible base64 length (\(normalized.count) characters)", at: offset)
        }
        normalized += Array(repeating: UInt8(ascii: "="), count: (4 - normalized.count % 4) % 4)
        guard let data = Data(base64Encoded: Data(normalized)) else {
            throw DigestError("\(field) is not valid base64", at: offset)
        }
        return [UInt8](data)
    }

    func encode(_ bytes: [UInt8]) -> String {
        var text = Data(bytes).base64EncodedString()
        while text.hasSuffix("=") { text.removeLast() }
        return self == .adapted ? text.replacingOccurrences(of: "+", with: ".") : text
    }
}
