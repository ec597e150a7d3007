import Foundation
import GuideChecks
import GuideDocument
import LSPProtocol

/// An open document and what the last check of it found.
struct CheckedDocument {
    var text: TextDocument
    /// The document's version the findings belong to (`nil`: not checked yet).
    var checkedVersion: Int?
    var guide: Guide?
    /// Active findings (not suppressed, not in the baseline), in the checker's order.
    var findings: [Finding] = []
    var inputError: InputError?
    /// Digest verifications the last check left for the background.
    var pending: Set<VerificationRequest> = []

    var isCurrent: Bool { checkedVersion == text.version }

    /// Markdown documents only: an open `.guidekit.yml` or a profile is no guide.
    static func isGuide(uri: String, languageID: String?) -> Bool {
        if let languageID, ["markdown", "mdx"].contains(languageID.lowercased()) { return true }
        let lower = uri.lowercased()
        return [".md", ".markdown", ".mdx"].contains { lower.hasSuffix($0) }
    }
}
