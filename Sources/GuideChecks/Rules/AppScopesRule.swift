import GuideDocument
import GuideKnowledge

/// `app-scopes`: every scope the application requests is allowed for its client.
struct AppScopesRule: GuideRule {
    static let description = RuleDescription(
        id: "app-scopes",
        kind: .crossCheck,
        severity: .error,
        summary: "The application requests a scope its Authelia client does not allow.",
        explanation: """
            Authelia answers 'invalid_scope' when an application asks for a scope that is not \
            in its client's `scopes` (the default is openid, groups, profile, email). The \
            application's scopes come from its settings (`Scopes: openid profile email`, \
            `scopes = ...`, `OIDC_SCOPES=...`, space, comma or plus separated) or, with an \
            application profile, from the application's documented default.
            """,
        reads: [.settings],
        basis: [RuleBasis(.autheliaRequest, "a client may request only the scopes in its scopes option (authelia.com/configuration/identity-providers/openid-connect/clients/#scopes); anything else is refused with invalid_scope (RFC 6749, 4.1.2.1)")],
        triggeringExamples: [
            """
            ### Assumptions
            - Client ID: `app`

            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              scopes: ['openid', 'profile']
            ```

            ### Application
            - Scopes: `↓openid profile email`
            """,
        ],
        nonTriggeringExamples: [
            """
            ### Assumptions
            - Client ID: `app`

            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              scopes: ['openid', 'profile', 'email', 'groups']
            ```

            ### Application
            ```shell {title=".env"}
            OIDC_SCOPES=openid,profile,email
            OIDC_EMPTY_SCOPES=false
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        guard let client = context.primaryClient, let requested = context.requestedScopes?.scopes else { return [] }
        let allowedList = context.allowedScopes(for: client)
        let allowed = Set(allowedList)
        var reported: Set<String> = []
        return requested.compactMap { scope in
            guard !allowed.contains(scope.value), reported.insert(scope.value).inserted else { return nil }
            return finding(context.guide, at: scope,
                           "the application requests scope '\(scope.value)', which client \(client.displayName) does not allow (it allows \(allowedList.joined(separator: ", ")))",
                           help: "add '\(scope.value)' to the client's scopes, or remove it from the application")
        }
    }
}
