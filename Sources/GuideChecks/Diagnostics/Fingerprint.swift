import Foundation
import GuideDocument
import GuideKnowledge

/// Stable fingerprints of findings (FNV-1a, 64 bits, as 16 hex digits). Not a security
/// measure: a fingerprint only has to stay the same for the same rule and subject on every
/// machine and in every release, which Swift's own `Hasher` (seeded per process) does not.
public enum Fingerprint {
    /// Bump when the subject of any rule changes meaning: baselines record the scheme they
    /// were written with (`Baseline.fingerprintScheme`), and entries of another scheme match
    /// nothing, so they are reported as stale instead of silently matching something else.
    /// SARIF's `partialFingerprints` key carries it too.
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
    /// (quotes and surrounding spaces dropped, so re-quoting a value keeps its fingerprint),
    /// prefixed with what it belongs to — the application setting's name, or the Authelia
    /// client's id — so the same value in two places is two subjects.
    static func defaultSubject(in guide: Guide, at location: SourceLocation, length: Int) -> String {
        let text = spannedText(in: guide.source, at: location, length: length)
        if let setting = guide.settings.first(where: { $0.value.location.line == location.line
            && (($0.key.location.column)...($0.value.location.column + $0.value.length)).contains(location.column) }) {
            return "setting \(setting.key.value): \(text)"
        }
        // Clients are in document order: the owner is the last one starting before the
        // finding, if the finding is still inside that client's block.
        if let owner = guide.clients.last(where: { $0.node.location <= location }),
           guide.codeBlocks.indices.contains(owner.blockIndex),
           location.line <= guide.codeBlocks[owner.blockIndex].lineAfterContent,
           let id = owner.clientID?.string {
            return "client \(id): \(text)"
        }
        return text
    }

    static func spannedText(in source: PreparedSource, at location: SourceLocation, length: Int) -> String {
        let line = source.originalLine(location.line)
        let scalars = line.unicodeScalars
        guard location.column >= 1, location.column <= scalars.count else { return "" }
        let start = scalars.index(scalars.startIndex, offsetBy: location.column - 1)
        let end = scalars.index(start, offsetBy: min(max(length, 1), scalars.distance(from: start, to: scalars.endIndex)))
        return String(scalars[start..<end]).trimmingCharacters(in: .init(charactersIn: " \t'\"`"))
    }
}
