import GuideDocument
import GuideKnowledge

/// `client-value-type`: each client value has the type its key requires.
struct ClientValueTypeRule: GuideRule {
    static let description = RuleDescription(
        id: "client-value-type",
        kind: .client,
        severity: .error,
        summary: "A client value has the wrong type (a list where a string belongs, and so on).",
        explanation: """
            Authelia decodes each key into a typed field and refuses the configuration when it \
            cannot: `public` and `require_pkce` are booleans, `scopes`, `grant_types`, \
            `response_types`, `response_modes` and `audience` are lists of strings, \
            `redirect_uris` and `request_uris` take a URI or a list of URIs, durations are a \
            number of seconds or text such as '1 week'. Quoting a boolean (`'false'`) makes it a \
            string.
            """,
        reads: [.clients],
        basis: [RuleBasis(.autheliaValidator, "decoding of the client struct, internal/configuration/schema/identity_providers.go and decode_hooks.go (authelia/authelia): a value of the wrong type fails to load")],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              public: ↓'false'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              scopes: ↓'openid profile'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              client_name:
                ↓first: 'x'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              pre_configured_consent_duration: ↓'a fortnight'
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              public: false
              require_pkce: true
              scopes: ['openid', 'profile']
              redirect_uris: 'https://app.example.com/cb'
              pre_configured_consent_duration: '1 week and 2d'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        return context.clients.flatMap(\.issues).compactMap { issue in
            guard case .wrongType(let value, let key, let expected) = issue else { return nil }
            var target = value
            if let firstKey = value.pairs?.first?.key { target = firstKey }
            return finding(guide, at: target, "'\(key)' must be \(expected.noun), found \(value.typeName)",
                           help: expected == .boolean && value.style != .plain ? "remove the quotes: true or false" : nil)
        }
    }
}
