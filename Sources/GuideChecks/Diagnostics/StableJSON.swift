import Foundation
import GuideDocument
import GuideKnowledge

/// JSON as every GuideKit output writes it: pretty, keys sorted, slashes unescaped, so the
/// same findings always give the same bytes (golden tests, diffs of reports in CI).
package enum StableJSON {
    /// `compact`: on one line (JSON Lines formats).
    package static func encode(_ value: some Encodable, orElse fallback: String, compact: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = compact ? [.sortedKeys, .withoutEscapingSlashes] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? fallback
    }
}
