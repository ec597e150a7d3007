import Foundation
import GuideDocument
import GuideKnowledge

/// `client-request-uri`: request URIs are absolute, https and unique (rules RQ-1 to RQ-4).
struct ClientRequestURIRule: GuideRule {
    static let description = RuleDescription(
        id: "client-request-uri",
        kind: .client,
        severity: .error,
        summary: "A request URI is not an absolute https URI, or is repeated.",
        explanation: """
            `request_uris` (Authelia 4.39) lists where Authelia may fetch request objects. Each \
            must parse, be absolute, use `https`, and appear once; Authelia refuses anything else.
            """,
        reads: [.clients],
        basis: [.validator("validateOIDCClientRequestURIs", rules: "RQ-1 to RQ-4")],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              request_uris: [↓'http://app.example.com/request.jwt']
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              request_uris: ['https://app.example.com/r', ↓'https://app.example.com/r']
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              request_uris: ['https://app.example.com/request.jwt']
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for decoded in context.clients {
            var seen: Set<String> = []
            for uri in decoded.client.requestURIs {
                let components = URLComponents(string: uri.value)
                let message: String? = if components == nil {
                    "cannot be parsed as a URI"
                } else if components?.scheme == nil {
                    "is not absolute"
                } else if components?.scheme?.lowercased() != "https" {
                    "must use https"
                } else if seen.contains(uri.value) {
                    "is listed twice"
                } else {
                    nil
                }
                seen.insert(uri.value)
                if let message {
                    findings.append(finding(context.guide, at: uri.node, "request URI '\(uri.value)' \(message)"))
                }
            }
        }
        return findings
    }
}
