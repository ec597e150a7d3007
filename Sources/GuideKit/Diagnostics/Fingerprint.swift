/// Stable fingerprints of findings (FNV-1a, 64 bits, as 16 hex digits). Not a security
/// measure: a fingerprint only has to stay the same for the same rule and subject on every
/// machine and in every release, which Swift's own `Hasher` (seeded per process) does not.
public enum Fingerprint {
    /// Bump when the subject of any rule changes meaning; old baselines then report their
    /// entries as stale instead of silently matching something else.
    public static let version = "v1"

    public static func of(ruleID: String, subject: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in ruleID.utf8 + [0] + subject.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// A finding's subject when its rule names none: the text under the finding, as written
    /// (quotes and surrounding spaces dropped, so re-quoting a value keeps its fingerprint).
    static func defaultSubject(in source: PreparedSource, at location: SourceLocation, length: Int) -> String {
        let line = source.originalLine(location.line)
        let scalars = line.unicodeScalars
        guard location.column >= 1, location.column <= scalars.count else { return "" }
        let start = scalars.index(scalars.startIndex, offsetBy: location.column - 1)
        let end = scalars.index(start, offsetBy: min(max(length, 1), scalars.distance(from: start, to: scalars.endIndex)))
        let text = String(scalars[start..<end])
        return text.trimmingCharacters(in: .init(charactersIn: " \t'\"`"))
    }
}
