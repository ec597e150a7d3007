import GuideDocument
import GuideKnowledge

/// `client-value-enum`: enumerated client values are among those Authelia accepts.
struct ClientValueEnumRule: GuideRule {
    static let description = RuleDescription(
        id: "client-value-enum",
        kind: .client,
        severity: .error,
        summary: "A client value is not one Authelia accepts for its key.",
        explanation: """
            Many client keys take one of a fixed set of values: `grant_types`, \
            `response_modes`, `response_types`, `consent_mode`, `requested_audience_mode`, \
            `pkce_challenge_method`, every `*_signed_response_alg`, `*_encrypted_response_alg` \
            and `*_encrypted_response_enc`, and the endpoint authentication methods and \
            algorithms. Values are case-sensitive (`S256`, not `s256`). Some values arrived in \
            later releases (the device-code grant and the JWT response modes). An unknown \
            response type is only a warning in Authelia; everything else stops it.
            """,
        reads: [.clients],
        basis: [
            .validator("validateOIDCClient", rules: "PK-1, RA-1"),
            .validator("validateOIDCClientConsentMode", rules: "CM-1"),
            .validator("validateOIDCClientResponseTypes", rules: "RT-1 (a warning)"),
            .validator("validateOIDCClientResponseModes", rules: "RM-1"),
            .validator("validateOIDCClientGrantTypes", rules: "G-6"),
            .validator("validateOIDCClientTokenEndpointAuth", rules: "EA-1"),
        ],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              pkce_challenge_method: ↓'s256'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              grant_types:
                - 'authorization_code'
                - ↓'password'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              token_endpoint_auth_method: ↓'client_secret'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              response_types: [↓'code token id_token']
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              pkce_challenge_method: 'S256'
              grant_types: ['authorization_code', 'refresh_token']
              response_types: ['code']
              response_modes: ['form_post', 'query']
              consent_mode: 'implicit'
              id_token_signed_response_alg: 'RS256'
              token_endpoint_auth_method: 'client_secret_post'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        return context.clients.flatMap(\.issues).compactMap { issue in
            guard case .notAllowed(let value, let key, let allowed, let addedIn) = issue, let text = value.string else { return nil }
            // RT-1: Authelia only warns about an unknown response type.
            let severity: Severity = key == "response_types" ? .warning : .error
            if let addedIn {
                return finding(guide, at: value, "'\(text)' for '\(key)' needs Authelia \(addedIn); this guide targets \(context.version)",
                               severity: severity)
            }
            let suggestion = Suggestion.closest(to: text, in: allowed)
            let list = allowed.count <= 12 ? allowed.map { "'\($0)'" }.joined(separator: ", ") : "see 'guidekit explain client-value-enum'"
            return finding(guide, at: value,
                           "'\(text)' is not a valid value for '\(key)'\(suggestion.map { " — did you mean '\($0)'?" } ?? "")",
                           help: "allowed: \(list)", severity: severity)
        }
    }
}
