import GuideDocument
import GuideKnowledge

/// `client-pkce`: PKCE uses S256.
struct ClientPKCERule: GuideRule {
    static let description = RuleDescription(
        id: "client-pkce",
        kind: .client,
        severity: .warning,
        summary: "PKCE uses the 'plain' method, which Authelia refuses by default.",
        explanation: """
            `pkce_challenge_method: plain` sends the verifier itself and protects nothing; \
            Authelia refuses plain challenges at login unless the provider option \
            `enable_pkce_plain_challenge` is set. Use `S256`. Setting a method without \
            `require_pkce: true` is allowed; the method then applies when the application uses \
            PKCE.
            """,
        reads: [.clients],
        basis: [
            .validator("validateOIDCClient", rules: "PK-1"),
            RuleBasis(.autheliaRequest, "plain challenges are refused unless the provider option enable_pkce_plain_challenge is set (authelia.com/configuration/identity-providers/openid-connect/provider/#enable_pkce_plain_challenge)"),
        ],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              require_pkce: true
              pkce_challenge_method: ↓'plain'
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              require_pkce: true
              pkce_challenge_method: 'S256'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        context.clients.compactMap { decoded in
            guard let method = decoded.client.pkceChallengeMethod, method.value == "plain" else { return nil }
            return finding(context.guide, at: method.node, "PKCE method 'plain' offers no protection and is refused by default",
                           help: "use 'S256'")
        }
    }
}
