import GuideDocument
import GuideKnowledge

/// Hides a guide's secret values in whatever GuideKit prints — finding messages, source
/// lines under a finding, `extract` — longest first, so a secret that contains another is
/// hidden whole. The one place output masking happens.
public struct SecretMask: Sendable {
    private let secrets: [String]

    public init(_ secrets: Set<String>) {
        self.secrets = secrets.filter { !$0.isEmpty }.sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// Whether `text` shows any of the secrets.
    public func reveals(_ text: String) -> Bool {
        secrets.contains { text.containsLiteral($0) }
    }

    /// Each secret replaced by `(secret)`: for messages and JSON.
    public func labelled(_ text: String) -> String {
        masked(text) { _ in "(secret)" }
    }

    /// Each secret replaced by as many `*`: for a source line, so a caret under it still
    /// lines up.
    public func starred(_ text: String) -> String {
        masked(text) { String(repeating: "*", count: $0.count) }
    }

    private func masked(_ text: String, by replacement: (String) -> String) -> String {
        var text = text
        for secret in secrets where text.containsLiteral(secret) {
            text = text.replacingOccurrences(of: secret, with: replacement(secret))
        }
        return text
    }
}
