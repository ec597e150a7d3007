import Foundation
import GuideDocument
import GuideKnowledge

/// `authelia-url`: every URL the application is given on Authelia's host is a real Authelia
/// URL, and the right one for the setting.
struct AutheliaURLRule: GuideRule {
    static let description = RuleDescription(
        id: "authelia-url",
        kind: .crossCheck,
        severity: .error,
        summary: "An application setting points at a URL Authelia does not serve, or at the wrong endpoint.",
        explanation: """
            Applications that do not use discovery are told Authelia's endpoints one by one. \
            Every URL on the Authelia Root URL's host must use its scheme and port, lie under \
            its path, and be one of Authelia's: the issuer itself, \
            `/.well-known/openid-configuration`, `/api/oidc/authorization`, `/api/oidc/token`, \
            `/api/oidc/userinfo`, `/jwks.json`, `/api/oidc/revocation`, \
            `/api/oidc/introspection`, `/api/oidc/pushed-authorization-request`, \
            `/api/oidc/device-authorization`, `/logout`. A setting named for one endpoint (a \
            token URL) must point at that endpoint. Misspelt paths get the closest real one \
            suggested (`/api/oidc/authorize` → `/api/oidc/authorization`).
            """,
        reads: [.settings],
        basis: [RuleBasis(.autheliaRequest, "the endpoint paths Authelia serves, internal/oidc/const.go (authelia/authelia): /.well-known/openid-configuration, /api/oidc/authorization, /api/oidc/token, /api/oidc/userinfo, /jwks.json, /api/oidc/revocation, /api/oidc/introspection; the issuer is the Authelia root URL")],
        triggeringExamples: [
            """
            ### Assumptions
            - Authelia Root URL: `https://auth.example.com/`

            ### Application
            - Authorization URL: `https://auth.example.com↓/api/oidc/authorize`
            """,
            """
            ### Assumptions
            - Authelia Root URL: `https://auth.example.com/`

            ### Application
            ```ini
            token_url = https://auth.example.com↓/api/oidc/userinfo
            ```
            """,
            """
            ### Assumptions
            - Authelia Root URL: `https://auth.example.com/`

            ### Application
            - Token URL: `↓http://auth.example.com/api/oidc/token`
            """,
        ],
        nonTriggeringExamples: [
            """
            ### Assumptions
            - Authelia Root URL: `https://auth.example.com/`

            ### Application
            ```ini
            auth_url = https://auth.example.com/api/oidc/authorization
            token_url = https://auth.example.com/api/oidc/token
            api_url = https://auth.example.com/api/oidc/userinfo
            jwks_url = https://auth.example.com/jwks.json
            discovery_url = https://auth.example.com
            logout_url = https://auth.example.com/logout
            icon_url = https://app.example.com/icon.png
            ```
            """,
        ],
        fixExamples: [
            .applicationStep("- Authorization URL: `https://auth.example.com↓/api/oidc/authorize`",
                             "- Authorization URL: `https://auth.example.com/api/oidc/authorization`"),
            .applicationStep("- Token URL: `https://auth.example.com↓/api/oidc/userinfo`",
                             "- Token URL: `https://auth.example.com/api/oidc/token`"),
            .applicationStep("- Token URL: `↓http://auth.example.com/api/oidc/token`",
                             "- Token URL: `https://auth.example.com/api/oidc/token`"),
        ])

    func check(_ context: CheckContext) -> [Finding] {
        guard let root = context.guide.assumption(.autheliaRootURL)?.value?.url else { return [] }
        var findings: [Finding] = []
        for setting in context.guide.settings {
            let meaning = context.meaning(of: setting)
            guard meaning != .issuerURL, !TemplateSyntax.isTemplated(setting.value.value),
                  let url = WebURL(setting.value.value), url.host == root.host else { continue }
            let name = setting.key.value
            if url.scheme != root.scheme || url.effectivePort != root.effectivePort {
                let originLength = originLength(in: setting.value.value)
                findings.append(finding(context.guide, at: setting.value,
                                        "\(name) uses \(url.origin), but the Authelia Root URL is \(root.origin)",
                                        help: "use \(root.origin)\(url.path)")
                    .with(originLength.flatMap { replacing(context.guide, setting.value, length: $0, with: root.origin, "use \(root.origin)") }))
                continue
            }
            let basePath = root.normalizedPath
            guard basePath.isEmpty || url.path == basePath || url.path.hasPrefix(basePath + "/") else {
                findings.append(finding(context.guide, at: setting.value,
                                        "\(name) '\(url.text)' is outside the Authelia Root URL '\(root.text)'"))
                continue
            }
            let relative = String(url.path.dropFirst(basePath.count))
            let pathColumn = pathOffset(in: setting.value, url: url)
            guard let endpoint = AutheliaEndpoint(path: relative) else {
                let candidates = AutheliaEndpoint.allCases.map(\.path).filter { !$0.isEmpty }
                let suggestion = Suggestion.closest(to: relative, in: candidates, limit: max(3, relative.count / 3))
                findings.append(finding(context.guide, at: pathColumn, length: relative.count,
                                        "'\(relative)' is not an Authelia URL\(suggestion.map { " — did you mean '\($0)'?" } ?? "")",
                                        help: suggestion.map { "use \(root.origin)\(basePath)\($0)" }
                                            ?? "Authelia's URLs are listed by 'guidekit explain authelia-url'")
                    .with(suggestion.flatMap { pathFix(context.guide, at: pathColumn, length: relative.count, with: $0) }))
                continue
            }
            if case .endpoint(let expected)? = meaning, expected != endpoint {
                findings.append(finding(context.guide, at: pathColumn, length: max(1, relative.count),
                                        "\(name) points at Authelia's \(endpoint.title), not its \(expected.title)",
                                        help: "use \(root.origin)\(basePath)\(expected.path)")
                    .with(pathFix(context.guide, at: pathColumn, length: relative.count, with: expected.path)))
            }
        }
        return findings
    }

    private func pathFix(_ guide: Guide, at location: SourceLocation, length: Int, with path: String) -> Fix? {
        guard !guide.source.hasShortcodes(line: location.line) else { return nil }
        return Fix("use Authelia's path '\(path)'", edits: [TextEdit(line: location.line, column: location.column, length: length, replacement: path)])
    }

    /// Scalars up to the end of `scheme://host[:port]` in a URL written in full.
    private func originLength(in text: String) -> Int? {
        guard let scheme = text.literalRange(of: "://") else { return nil }
        let rest = text[scheme.upperBound...]
        let end = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        return text.unicodeScalars.distance(from: text.startIndex, to: end)
    }

    /// Where the path starts inside the located value (the value is a URL written in full).
    private func pathOffset(in value: Located<String>, url: WebURL) -> SourceLocation {
        let prefix = value.value.range(of: url.path, options: .backwards).map { value.value.distance(from: value.value.startIndex, to: $0.lowerBound) }
        // Values with resolved shortcodes are longer in the file: count back from the end.
        let fromEnd = value.value.count - (prefix ?? value.value.count)
        return SourceLocation(line: value.location.line, column: value.location.column + max(0, value.length - fromEnd))
    }
}
