import GuideDocument
import GuideKnowledge

/// `url-malformed`: an http(s) URL in the guide is written as a URL (`https://host/...`), not
/// with backslashes or a missing slash.
struct URLMalformedRule: GuideRule {
    static let description = RuleDescription(
        id: "url-malformed",
        kind: .syntax,
        severity: .error,
        summary: "An http(s) URL is malformed: backslashes (https:\\\\host), a missing slash (https:/host) or a missing colon (https//host).",
        explanation: """
            An absolute URL is the scheme, `://` and the host (RFC 3986, section 3). Values \
            such as `https:\\\\app.example.com\\callback`, `https:/app.example.com` or \
            `https//app.example.com` are not: Authelia compares redirect URIs with what the \
            application sends character by character, so such a redirect URI never matches \
            and the login fails with an invalid redirect URI; an application given such an \
            issuer or endpoint cannot reach Authelia. Browsers repair some of these forms when \
            typed into the address bar, which is how they survive in guides. GuideKit checks \
            every value of the Authelia client blocks, every application setting and every \
            assumption that starts with `http:` or `https:` (or `http//`, `https//`).
            """,
        reads: [.settings, .clients],
        basis: [RuleBasis(.specification, "RFC 3986, 3 Syntax Components: scheme \":\" then \"//\" authority; WHATWG URL treats backslashes as slashes only in browsers")],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            identity_providers:
              oidc:
                clients:
                  - client_id: 'app'
                    public: true
                    authorization_policy: 'one_factor'
                    redirect_uris: ['↓https:\\\\app.example.com\\callback']
            ```
            """,
            """
            ### Application
            - Issuer URL: `↓https:/auth.example.com`
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            identity_providers:
              oidc:
                clients:
                  - client_id: 'app'
                    public: true
                    authorization_policy: 'one_factor'
                    redirect_uris: ['https://app.example.com/callback']
            ```

            ### Application
            - Issuer URL: `https://auth.example.com`
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        var values: [Located<String>] = guide.settings.map(\.value)
        values += guide.assumptions.compactMap(\.rawValue)
        for block in guide.codeBlocks where block.role == .autheliaClient {
            guard case .success(let documents)? = block.yaml else { continue }
            for document in documents { Self.collectScalars(document, into: &values) }
        }
        var findings: [Finding] = []
        var seen = Set<SourceLocation>()
        for value in values where seen.insert(value.location).inserted {
            guard let repaired = Self.repaired(value.value) else { continue }
            findings.append(finding(guide, at: value,
                                    "'\(value.value)' is not a URL: the scheme must be followed by '://' and the path uses forward slashes, so Authelia and the application compare and parse it as something else",
                                    help: "write '\(repaired)'", subject: "url \(value.value)"))
        }
        return findings
    }

    /// The scalars of `node` that may be URLs (only those are located: most are not).
    static func collectScalars(_ node: YAMLNode, into values: inout [Located<String>]) {
        switch node.value {
        case .scalar(let text): if startsLikeURL(text) { values.append(node.content) }
        case .sequence(let items): for item in items { collectScalars(item, into: &values) }
        case .mapping(let pairs): for pair in pairs { collectScalars(pair.value, into: &values) }
        }
    }

    /// Most values are not URLs at all: their first byte decides before any string work.
    static func startsLikeURL(_ text: String) -> Bool {
        guard let first = text.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
        return first == UInt8(ascii: "h") || first == UInt8(ascii: "H")
    }

    /// The URL as it was meant, when `text` is an http(s) URL written wrongly; nil otherwise
    /// (also for text that is not a URL at all).
    static func repaired(_ text: String) -> String? {
        guard startsLikeURL(text) else { return nil }
        let value = String(text.trimmingSpaces())
        let lower = value.lowercased()
        for scheme in ["https", "http"] {
            guard lower.hasPrefix(scheme) else { continue }
            var rest = Substring(value.dropFirst(scheme.count))
            let hadColon = rest.hasPrefix(":")
            if hadColon { rest = rest.dropFirst() }
            let slashes = rest.prefix { $0 == "/" || $0 == "\\" }
            // Not a URL attempt at all ("httpserver", "https-proxy"), or already right.
            guard !slashes.isEmpty || hadColon, !(hadColon && slashes == "//" && !rest.dropFirst(2).containsLiteral("\\")) else { return nil }
            // `https:` followed by something that is not a host (`https:{{ var }}`) is left alone.
            let afterSlashes = rest.dropFirst(slashes.count)
            guard let first = afterSlashes.first, first.isLetter || first.isNumber || first == "[" else { return nil }
            return scheme + "://" + afterSlashes.replacingOccurrences(of: "\\", with: "/")
        }
        return nil
    }
}
