import Foundation
import GuideDocument
import GuideKnowledge

/// `client-redirect-uri`: redirect URIs are ones Authelia accepts and can redirect to
/// (rules RU-1, RU-2, RU-3 and the runtime rules of Authelia's OAuth 2.0 library).
struct ClientRedirectURIRule: GuideRule {
    static let description = RuleDescription(
        id: "client-redirect-uri",
        kind: .client,
        severity: .error,
        summary: "A redirect URI is not absolute, not parseable, uses http off loopback, or has a fragment.",
        explanation: """
            Redirect URIs must parse and be absolute. At login time Authelia also refuses an \
            `http` redirect unless the host is `localhost`, `*.localhost` or a loopback IP, and \
            any redirect URI with a `#fragment`. `urn:ietf:wg:oauth:2.0:oob` is allowed on \
            public clients only. Native-app schemes (`com.example.app:/cb`) are fine. An empty \
            value is a placeholder for the reader to fill in: only a warning.
            """,
        reads: [.clients],
        basis: [
            .validator("validateOIDCClientRedirectURIs", rules: "RU-1, RU-2, RU-3"),
            RuleBasis(.autheliaRequest, "http only on loopback hosts and no fragment, authelia.com/provider/oauth2 authorize_helper.go"),
        ],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              redirect_uris: [↓'/oauth2/callback']
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              redirect_uris: [↓'http://app.example.com/callback']
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              redirect_uris: [↓'urn:ietf:wg:oauth:2.0:oob']
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              redirect_uris:
                - ↓''  # copy it from step 5
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              public: true
              redirect_uris:
                - 'https://app.example.com/callback'
                - 'http://localhost:8080/callback'
                - 'http://127.0.0.1/callback'
                - 'com.example.app:/oauth2redirect'
                - 'urn:ietf:wg:oauth:2.0:oob'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for decoded in context.clients {
            let client = decoded.client
            for uri in client.redirectURIs {
                if uri.value.trimmingSpaces().isEmpty {
                    // Guides sometimes leave '' for a value the reader copies from the application.
                    findings.append(finding(context.guide, at: uri.node,
                                            "redirect URI is empty: a placeholder the reader must replace, or Authelia refuses the configuration",
                                            help: "write the example value the application will show", severity: .warning))
                    continue
                }
                if let problem = problem(with: uri.value, isPublic: client.isPublicClient) {
                    findings.append(finding(context.guide, at: uri.node, "redirect URI '\(uri.value)' \(problem.message)",
                                            help: problem.help))
                }
            }
        }
        return findings
    }

    private func problem(with text: String, isPublic: Bool) -> (message: String, help: String?)? {
        if text == "urn:ietf:wg:oauth:2.0:oob" {
            return isPublic ? nil : ("is allowed only on public clients", "set public: true or use a real callback URL")
        }
        // Authelia resolves `{{ ... }}` templates before use; they cannot be checked here.
        guard !text.containsLiteral("{{"), !text.containsLiteral("<") else { return nil }
        guard let components = URLComponents(string: text) else {
            return ("cannot be parsed as a URI", "percent-encode spaces and special characters")
        }
        guard let scheme = components.scheme?.lowercased() else {
            return ("is not absolute (it has no scheme)", "write the full URL, e.g. 'https://app.example.com\(text.hasPrefix("/") ? text : "/" + text)'")
        }
        if components.fragment != nil {
            return ("has a #fragment, which OAuth 2.0 forbids in redirect URIs", "remove the fragment")
        }
        if scheme == "http", let host = components.host?.lowercased(), !WebURL.isLoopbackHost(host) {
            return ("uses http on a host that is not loopback; Authelia refuses to redirect there",
                    "use https://\(host)\(components.port.map { ":\($0)" } ?? "")\(components.percentEncodedPath)")
        }
        return nil
    }
}
