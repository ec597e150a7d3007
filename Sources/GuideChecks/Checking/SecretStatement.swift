import SecretDigests
import GuideDocument
import GuideKnowledge

/// A plaintext secret the guide says a client's digest was made from: the Client Secret
/// assumption, or a comment beside the digest such as `# The digest of 'insecure_secret'.`
public struct SecretStatement: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        case assumption(line: Int)
        case comment(line: Int)
        /// The secret the application is configured with (used when no assumption states one).
        case appSetting(line: Int)
    }

    public var secret: String
    public var source: Source

    /// Statements that apply to `client` in `guide`.
    static func statements(for client: OIDCClient, in guide: Guide, clientCount: Int,
                           meaning: (AppSetting) -> SettingMeaning?) -> [SecretStatement] {
        var statements: [SecretStatement] = []
        if let assumption = guide.assumption(.clientSecret), let secret = assumption.value?.text,
           clientCount == 1 || client.clientID?.value == guide.assumption(.clientID)?.value?.text {
            statements.append(SecretStatement(secret: secret, source: .assumption(line: assumption.label.location.line)))
        }
        if let node = client.writtenSecret?.node,
           let secret = commentSecret(in: guide.source.originalLine(node.location.line)),
           !statements.contains(where: { $0.secret == secret }) {
            statements.append(SecretStatement(secret: secret, source: .comment(line: node.location.line)))
        }
        // Without a Client Secret assumption, what the application is given is the statement
        // that matters: it must be the secret the digest was made from.
        if guide.assumption(.clientSecret) == nil, clientCount == 1 {
            for setting in guide.settings where meaning(setting) == .clientSecret && !TemplateSyntax.isTemplated(setting.value.value)
                && !statements.contains(where: { $0.secret == setting.value.value }) {
                statements.append(SecretStatement(secret: setting.value.value, source: .appSetting(line: setting.value.location.line)))
            }
        }
        return statements
    }

    /// Reads `digest of 'X'` (or `"X"`) from a YAML comment on the digest's line.
    package static func commentSecret(in line: Substring) -> String? {
        guard let hash = line.literalRange(of: " #") ?? line.literalRange(of: "\t#") else { return nil }
        let comment = line[hash.upperBound...]
        guard let phrase = comment.range(of: "digest of ", options: .caseInsensitive) else { return nil }
        let rest = comment[phrase.upperBound...]
        guard let quote = rest.first, quote == "'" || quote == "\"" || quote == "`" else { return nil }
        let body = rest.dropFirst()
        guard let end = body.firstIndex(of: quote) else { return nil }
        let secret = String(body[..<end])
        return secret.isEmpty ? nil : secret
    }
}

/// One digest verification to run: each distinct pair is computed once per run.
public struct VerificationRequest: Sendable, Hashable {
    public var digest: String
    public var secret: String

    public init(digest: String, secret: String) {
        self.digest = digest
        self.secret = secret
    }
}
