import GuideChecks
import GuideDocument
import GuideKnowledge

/// The result of rendering one guide for one site, in memory until everything succeeded.
public struct RenderedGuide: Sendable {
    public struct Artifact: Sendable {
        /// File name inside the guide's output folder.
        public var name: String
        public var content: String
        /// POSIX permissions; 0o600 for secrets.
        public var permissions: Int
    }

    public var site: String
    /// The guide's output folder name (its file name without `.md`).
    public var guide: String
    /// Every file of the guide's folder: guide.md, guide.html, then the paste-ready files.
    public var artifacts: [Artifact]
    public var markdown: String { artifacts.first { $0.name == "guide.md" }?.content ?? "" }
    public var html: String { artifacts.first { $0.name == "guide.html" }?.content ?? "" }
    /// Things the administrator should know (a reused example secret, values kept from the
    /// guide because the site did not give them).
    public var warnings: [String]
    /// Whether a secret was generated (then `artifacts` holds the secrets file).
    public var generatedSecret: Bool
    /// The rendered guide's title and Authelia clients, from the parse the re-check made (the
    /// site index lists them without parsing the guide again).
    public var title: String? = nil
    public var clients: [AutheliaClient] = []
    /// The secret GuideKit manages for this guide's client (generated now or earlier, or
    /// imported): what the site state keeps so the next render reuses it.
    public var secret: ManagedSecret?
    /// Claims policies, custom scopes and user attributes the guide's Authelia YAML defines
    /// (the site's combined configuration joins them).
    public var definitions: [OIDCDefinitions.Definition] = []

    public struct ManagedSecret: Sendable, Equatable, Codable {
        public var clientID: String
        public var secret: String
        public var digest: String

        public init(clientID: String, secret: String, digest: String) {
            self.clientID = clientID
            self.secret = secret
            self.digest = digest
        }

        enum CodingKeys: String, CodingKey {
            case clientID = "client_id", secret, digest
        }
    }
}

/// Why a guide could not be rendered for a site.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    public var site: String
    public var guide: String
    public var message: String
    /// Findings of the re-check, when the rendered guide would not check clean.
    public var findings: [Finding] = []
    /// The guide file, when the failure belongs to one.
    public var path: String?

    /// `FILE: message` for a guide that fails whatever the site, `FILE for site S: message`
    /// for one render; each finding below as `FILE:LINE:COL` (of the guide as written, or of
    /// the rendered guide, which keeps the guide's lines).
    public var description: String {
        let file = path ?? guide
        var text = site.isEmpty ? "\(file): \(message)" : "\(file) for site \(site): \(message)"
        for finding in findings.prefix(10) {
            text += "\n  \(SourceLocation.place(file, finding.location)): \(finding.severity.rawValue): \(finding.message) [\(finding.ruleID)]"
        }
        return text
    }
}
